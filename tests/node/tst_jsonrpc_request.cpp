#include "core/node/rpc/JsonRpcDispatcher.h"
#include "core/node/rpc/JsonRpcPayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <stdexcept>

using namespace ls::node::rpc;

namespace {

QJsonValue parseJson(const QByteArray& text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

int errorCode(const QJsonValue& response)
{
    return response.toObject()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toInt();
}

} // namespace

class TestJsonRpcRequest : public QObject {
    Q_OBJECT

private:
    JsonRpcDispatcher m_dispatcher { 3 };
    CallContext m_context;
    int m_notified = 0;

    QJsonValue run(const QByteArray& payload)
    {
        auto outcome = m_dispatcher.dispatch(payload, m_context);
        return outcome.response ? parseJson(*outcome.response) : QJsonValue(QJsonValue::Undefined);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dispatcher.registerMethod(
            QStringLiteral("echo"), [](const QJsonValue& params, const CallContext&) {
                return std::expected<QJsonValue, RpcError>(params);
            });
        m_dispatcher.registerMethod(
            QStringLiteral("notify"), [this](const QJsonValue&, const CallContext&) {
                ++m_notified;
                return std::expected<QJsonValue, RpcError>(QJsonValue());
            });
        m_dispatcher.registerMethod(QStringLiteral("add"),
            [](const QJsonValue& params,
                const CallContext&) -> std::expected<QJsonValue, RpcError> {
                const QJsonArray args = params.toArray();
                if (args.size() != 2 || !args[0].isDouble() || !args[1].isDouble())
                    return std::unexpected(
                        RpcError::invalidParams(QStringLiteral("add takes two numbers")));
                return QJsonValue(args[0].toInt() + args[1].toInt());
            });
        m_dispatcher.registerMethod(QStringLiteral("revert"),
            [](const QJsonValue&, const CallContext&) -> std::expected<QJsonValue, RpcError> {
                return std::unexpected(RpcError { RpcErrorCode::ExecutionReverted,
                    QStringLiteral("execution reverted"),
                    QJsonValue(QStringLiteral("0x08c379a0")) });
            });
        m_dispatcher.registerMethod(QStringLiteral("throws"),
            [](const QJsonValue&, const CallContext&) -> std::expected<QJsonValue, RpcError> {
                throw std::runtime_error("boom");
            });
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QJsonValue>("answerId");
        QTest::newRow("minimal") << QByteArray(R"({"jsonrpc":"2.0","method":"m"})") << true
                                 << QJsonValue();
        QTest::newRow("null params")
            << QByteArray(R"({"jsonrpc":"2.0","method":"m","params":null,"id":1})") << true
            << QJsonValue();
        QTest::newRow("no jsonrpc")
            << QByteArray(R"({"method":"m","id":7})") << false << QJsonValue(7);
        QTest::newRow("jsonrpc 1.0") << QByteArray(R"({"jsonrpc":"1.0","method":"m","id":"a"})")
                                     << false << QJsonValue(QStringLiteral("a"));
        QTest::newRow("method number")
            << QByteArray(R"({"jsonrpc":"2.0","method":1,"id":1})") << false << QJsonValue(1);
        QTest::newRow("scalar params")
            << QByteArray(R"({"jsonrpc":"2.0","method":"m","params":3,"id":2})") << false
            << QJsonValue(2);
        QTest::newRow("object id")
            << QByteArray(R"({"jsonrpc":"2.0","method":"m","id":{}})") << false << QJsonValue();
        QTest::newRow("bool id") << QByteArray(R"({"jsonrpc":"2.0","method":"m","id":true})")
                                 << false << QJsonValue();
    }

    void validation()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QJsonValue, answerId);
        auto request = JsonRpcRequest::fromJson(parseJson(text));
        QCOMPARE(bool(request), valid);
        if (!valid) {
            QCOMPARE(request.error().error.code, RpcErrorCode::InvalidRequest);
            QCOMPARE(request.error().id, answerId);
        }
    }

    void idKinds()
    {
        auto notification
            = JsonRpcRequest::fromJson(parseJson(R"({"jsonrpc":"2.0","method":"m"})"));
        QVERIFY(notification && notification->isNotification());
        auto nullId
            = JsonRpcRequest::fromJson(parseJson(R"({"jsonrpc":"2.0","method":"m","id":null})"));
        QVERIFY(nullId && !nullId->isNotification());
        auto stringId
            = JsonRpcRequest::fromJson(parseJson(R"({"jsonrpc":"2.0","method":"m","id":"x"})"));
        QVERIFY(stringId && stringId->id == QJsonValue(QStringLiteral("x")));
    }

    void payloadErrors()
    {
        QCOMPARE(JsonRpcPayload::parse("{", 3).error().code, RpcErrorCode::ParseError);
        QCOMPARE(JsonRpcPayload::parse("", 3).error().code, RpcErrorCode::ParseError);
        QCOMPARE(JsonRpcPayload::parse("  \"x\" ", 3).error().code, RpcErrorCode::InvalidRequest);
        QCOMPARE(JsonRpcPayload::parse("42", 3).error().code, RpcErrorCode::InvalidRequest);
        QCOMPARE(JsonRpcPayload::parse("[]", 3).error().code, RpcErrorCode::InvalidRequest);
        QCOMPARE(JsonRpcPayload::parse("[1,2,3,4]", 3).error().code, RpcErrorCode::InvalidRequest);
        QCOMPARE(JsonRpcPayload::parse("1,2", 3).error().code, RpcErrorCode::ParseError);
        auto batch = JsonRpcPayload::parse("[1,2,3]", 3);
        QVERIFY(batch && batch->isBatch && batch->elements.size() == 3);
    }

    void singleCall()
    {
        const QJsonObject response
            = run(R"({"jsonrpc":"2.0","method":"add","params":[2,3],"id":1})").toObject();
        QCOMPARE(response.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
        QCOMPARE(response.value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(response.value(QStringLiteral("result")).toInt(), 5);
        QVERIFY(!response.contains(QStringLiteral("error")));
    }

    void errorsFromDispatch()
    {
        QCOMPARE(errorCode(run("not json")), RpcErrorCode::ParseError);
        QCOMPARE(errorCode(run("[]")), RpcErrorCode::InvalidRequest);
        QCOMPARE(errorCode(run(R"({"jsonrpc":"2.0","method":"nope","id":1})")),
            RpcErrorCode::MethodNotFound);
        QCOMPARE(errorCode(run(R"({"jsonrpc":"2.0","method":"add","params":["a"],"id":1})")),
            RpcErrorCode::InvalidParams);
        QCOMPARE(errorCode(run(R"({"jsonrpc":"2.0","method":"throws","id":1})")),
            RpcErrorCode::InternalError);
    }

    void handlerErrorDataPassesThrough()
    {
        const QJsonObject error = run(R"({"jsonrpc":"2.0","method":"revert","id":"r"})")
                                      .toObject()
                                      .value(QStringLiteral("error"))
                                      .toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toInt(), 3);
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
            QStringLiteral("execution reverted"));
        QCOMPARE(error.value(QStringLiteral("data")).toString(), QStringLiteral("0x08c379a0"));
    }

    void notificationsGetNoResponse()
    {
        m_notified = 0;
        QVERIFY(run(R"({"jsonrpc":"2.0","method":"notify"})").isUndefined());
        QVERIFY(run(R"([{"jsonrpc":"2.0","method":"notify"},{"jsonrpc":"2.0","method":"nope"}])")
                    .isUndefined());
        QCOMPARE(m_notified, 2);
    }

    void mixedBatch()
    {
        const QJsonArray responses
            = run(R"([{"jsonrpc":"2.0","method":"echo","params":{"a":1},"id":"x"},
                                              {"jsonrpc":"2.0","method":"notify"},
                                              {"foo":"boo"}])")
                  .toArray();
        QCOMPARE(responses.size(), 2);
        QCOMPARE(
            responses[0].toObject().value(QStringLiteral("id")).toString(), QStringLiteral("x"));
        QCOMPARE(responses[0]
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("a"))
                     .toInt(),
            1);
        QVERIFY(responses[1].toObject().value(QStringLiteral("id")).isNull());
        QCOMPARE(errorCode(responses[1]), RpcErrorCode::InvalidRequest);
        // A batch of one is still answered with an array.
        QVERIFY(run(R"([{"jsonrpc":"2.0","method":"echo","id":1}])").isArray());
    }

    void batchTooLarge()
    {
        const QByteArray element(R"({"jsonrpc":"2.0","method":"echo","id":1})");
        const QJsonValue response
            = run("[" + element + "," + element + "," + element + "," + element + "]");
        QVERIFY(response.isObject());
        QCOMPARE(errorCode(response), RpcErrorCode::InvalidRequest);
    }

    void admissionCountsEachElement()
    {
        int tokens = 2;
        auto admit = [&tokens] { return tokens-- > 0; };
        auto outcome = m_dispatcher.dispatch(
            R"([{"jsonrpc":"2.0","method":"echo","id":1},{"jsonrpc":"2.0","method":"echo","id":2},
                {"jsonrpc":"2.0","method":"echo","id":3}])",
            m_context, admit);
        QVERIFY(!outcome.rateLimited);
        const QJsonArray responses = parseJson(*outcome.response).toArray();
        QCOMPARE(responses.size(), 3);
        QVERIFY(responses[1].toObject().contains(QStringLiteral("result")));
        QCOMPARE(errorCode(responses[2]), RpcErrorCode::LimitExceeded);
        QCOMPARE(responses[2].toObject().value(QStringLiteral("id")).toInt(), 3);

        auto refused = m_dispatcher.dispatch(
            R"({"jsonrpc":"2.0","method":"echo","id":9})", m_context, admit);
        QVERIFY(refused.rateLimited);
        QCOMPARE(errorCode(parseJson(*refused.response)), RpcErrorCode::LimitExceeded);
        QVERIFY(m_dispatcher.dispatch("garbage", m_context, admit).rateLimited);
    }
};

QTEST_GUILESS_MAIN(TestJsonRpcRequest)
#include "tst_jsonrpc_request.moc"
