// JsonRpcDispatcher batch handlers: inside a JSON-RPC batch, runs of consecutive calls of one
// method go to its batch handler in one piece, and the response is exactly the one the method's
// own handler gives call by call — order, ids, notifications, errors and admission included.
#include "core/node/rpc/JsonRpcDispatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <stdexcept>

using namespace ls::node::rpc;

namespace {

using Reply = std::expected<QJsonValue, RpcError>;

// square [n]: n², or invalid params for a negative n.
Reply square(const QJsonValue& params)
{
    const int n = params.toArray().at(0).toInt();
    if (n < 0)
        return std::unexpected(RpcError::invalidParams(QStringLiteral("negative: %1").arg(n)));
    return QJsonValue(n * n);
}

QByteArray call(const char* method, int n, int id)
{
    return QStringLiteral(R"({"jsonrpc":"2.0","method":"%1","params":[%2],"id":%3})")
        .arg(QString::fromLatin1(method))
        .arg(n)
        .arg(id)
        .toUtf8();
}

QByteArray notification(const char* method, int n)
{
    return QStringLiteral(R"({"jsonrpc":"2.0","method":"%1","params":[%2]})")
        .arg(QString::fromLatin1(method))
        .arg(n)
        .toUtf8();
}

QByteArray batchOf(const QList<QByteArray>& elements)
{
    return "[" + elements.join(",") + "]";
}

} // namespace

class TestJsonRpcBatchHandler : public QObject {
    Q_OBJECT

private:
    JsonRpcDispatcher m_withBatches;
    JsonRpcDispatcher m_plain; // the same methods without batch handlers: the reference
    CallContext m_context;
    std::vector<std::size_t> m_runs; // sizes of the runs the batch handler got
    int m_singles = 0;

    QByteArray dispatch(JsonRpcDispatcher& dispatcher, const QByteArray& payload,
        const JsonRpcDispatcher::Admission& admit = {})
    {
        auto outcome = dispatcher.dispatch(payload, m_context, admit);
        return outcome.response.value_or(QByteArray());
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (auto* dispatcher : { &m_withBatches, &m_plain }) {
            dispatcher->registerMethod(
                QStringLiteral("square"), [this](const QJsonValue& params, const CallContext&) {
                    ++m_singles;
                    return square(params);
                });
            dispatcher->registerMethod(QStringLiteral("echo"),
                [](const QJsonValue& params, const CallContext&) { return Reply(params); });
            dispatcher->registerMethod(QStringLiteral("fragile"),
                [](const QJsonValue&, const CallContext&) { return Reply(QJsonValue(1)); });
        }
        m_withBatches.registerBatchHandler(QStringLiteral("square"),
            [this](std::span<const QJsonValue> params, const CallContext&) {
                m_runs.push_back(params.size());
                std::vector<Reply> replies;
                for (const auto& one : params)
                    replies.push_back(square(one));
                return replies;
            });
        m_withBatches.registerBatchHandler(QStringLiteral("fragile"),
            [](std::span<const QJsonValue>, const CallContext&) -> std::vector<Reply> {
                throw std::runtime_error("batch broke");
            });
    }

    void runsGoToTheBatchHandlerAndAnswerAsCallByCall()
    {
        const auto payload = batchOf({ call("square", 1, 1), call("square", 2, 2),
            notification("square", 3), call("square", -4, 4), call("echo", 5, 5),
            call("square", 6, 6), call("square", 7, 7) });
        m_runs.clear();
        m_singles = 0;
        const auto response = dispatch(m_withBatches, payload);
        QCOMPARE(m_runs, (std::vector<std::size_t> { 4, 2 }));
        QCOMPARE(m_singles, 0);
        QCOMPARE(response, dispatch(m_plain, payload));

        const QJsonArray replies = QJsonDocument::fromJson(response).array();
        QCOMPARE(replies.size(), 6); // the notification gets no reply
        QCOMPARE(replies[1].toObject().value(QStringLiteral("result")).toInt(), 4);
        QCOMPARE(replies[2].toObject().value(QStringLiteral("id")).toInt(), 4);
        QCOMPARE(replies[2]
                     .toObject()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toInt(),
            RpcErrorCode::InvalidParams);
        QCOMPARE(replies[5].toObject().value(QStringLiteral("result")).toInt(), 49);
    }

    void singlesAndInvalidElementsBreakRuns()
    {
        const auto payload = batchOf({ call("square", 1, 1), R"({"foo":"boo"})",
            call("square", 2, 2), call("square", 3, 3) });
        m_runs.clear();
        m_singles = 0;
        const auto response = dispatch(m_withBatches, payload);
        QCOMPARE(m_runs, (std::vector<std::size_t> { 2 }));
        QCOMPARE(m_singles, 1); // a run of one takes the ordinary handler
        QCOMPARE(response, dispatch(m_plain, payload));
        // Not a batch: the ordinary path.
        m_runs.clear();
        QCOMPARE(
            dispatch(m_withBatches, call("square", 9, 1)), dispatch(m_plain, call("square", 9, 1)));
        QVERIFY(m_runs.empty());
    }

    void admissionIsAskedOncePerElementAndRefusalEndsARun()
    {
        const auto payload = batchOf({ call("square", 1, 1), call("square", 2, 2),
            call("square", 3, 3), call("square", 4, 4), call("square", 5, 5) });
        auto refusingThird = [](int& asked) { return [&asked] { return ++asked != 3; }; };
        int asked = 0;
        int askedPlain = 0;
        m_runs.clear();
        const auto response = dispatch(m_withBatches, payload, refusingThird(asked));
        QCOMPARE(asked, 5);
        QCOMPARE(m_runs, (std::vector<std::size_t> { 2, 2 }));
        QCOMPARE(response, dispatch(m_plain, payload, refusingThird(askedPlain)));
        const QJsonArray replies = QJsonDocument::fromJson(response).array();
        QCOMPARE(replies[2]
                     .toObject()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toInt(),
            RpcErrorCode::LimitExceeded);
    }

    void aThrowingBatchHandlerFailsOnlyItsRun()
    {
        const auto payload
            = batchOf({ call("fragile", 0, 1), call("fragile", 0, 2), call("echo", 3, 3) });
        const QJsonArray replies
            = QJsonDocument::fromJson(dispatch(m_withBatches, payload)).array();
        QCOMPARE(replies.size(), 3);
        for (int i : { 0, 1 }) {
            const auto error = replies[i].toObject().value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("code")).toInt(), RpcErrorCode::InternalError);
            QVERIFY(error.value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("batch broke")));
        }
        QCOMPARE(replies[2].toObject().value(QStringLiteral("result")).toArray().at(0).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestJsonRpcBatchHandler)
#include "tst_jsonrpc_batch_handler.moc"
