#pragma once

// A real lightstreams-node process on 127.0.0.1 and a small synchronous JSON-RPC client for
// tests that drive the node the way wallets and the light client do.
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include <memory>

class NodeProcess {
public:
    // Starts `lightstreams-node ARGS…` and waits for its "RPC listening on" line.
    bool start(const QStringList& arguments)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(QStringLiteral(LS_NODE_PATH), arguments);
        if (!m_process->waitForStarted(10000))
            return false;
        QRegularExpression listening(QStringLiteral("RPC listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QString output;
        for (int i = 0; i < 300; ++i) {
            m_process->waitForReadyRead(100);
            output += QString::fromUtf8(m_process->readAllStandardOutput());
            auto match = listening.match(output);
            if (match.hasMatch()) {
                m_port = match.captured(1).toUShort();
                return true;
            }
            if (m_process->state() == QProcess::NotRunning)
                break;
        }
        qWarning("node did not start: %s %s", qPrintable(output),
                 m_process->readAllStandardError().constData());
        return false;
    }

    void kill()
    {
        if (m_process) {
            m_process->kill(); // SIGKILL: no chance to flush or close anything
            m_process->waitForFinished(10000);
        }
    }

    void stop()
    {
        if (m_process) {
            m_process->terminate();
            m_process->waitForFinished(10000);
        }
    }

    ~NodeProcess() { kill(); }

    quint16 port() const { return m_port; }

    // POSTs `body` and returns the parsed JSON reply (Undefined on transport failure).
    QJsonValue post(const QByteArray& body)
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        if (!reply->isFinished())
            return QJsonValue();
        auto document = QJsonDocument::fromJson(reply->readAll());
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }

    // A JSON-RPC call: the whole response object (with "result" or "error").
    QJsonObject call(const QString& method, const QJsonArray& params = {})
    {
        QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                            {QStringLiteral("id"), ++m_nextId},
                            {QStringLiteral("method"), method},
                            {QStringLiteral("params"), params}};
        return post(QJsonDocument(request).toJson(QJsonDocument::Compact)).toObject();
    }

    QJsonValue result(const QString& method, const QJsonArray& params = {})
    {
        return call(method, params).value(QStringLiteral("result"));
    }

    // Polls for the receipt (blocks follow within milliseconds of a transaction).
    QJsonObject waitForReceipt(const QString& hash)
    {
        for (int i = 0; i < 200; ++i) {
            auto receipt = result(QStringLiteral("eth_getTransactionReceipt"), {hash});
            if (receipt.isObject())
                return receipt.toObject();
            QTest::qWait(25);
        }
        return {};
    }

private:
    std::unique_ptr<QProcess> m_process;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
    int m_nextId = 0;
};
