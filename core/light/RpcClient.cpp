#include "core/light/RpcClient.h"

#include "core/light/JsonFields.h"
#include "core/light/RpcDecoders.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace ls::light {

struct RpcClient::Pending {
    std::int64_t id = 0;
    QString method;
    QPointer<QNetworkReply> reply;
    QByteArray body;
    std::optional<RpcError> abortReason; // set when we cut the call short
    bool finished = false;
    Callback<QJsonValue> callback;
};

RpcClient::RpcClient(QUrl endpoint, RpcClientOptions options, QObject* parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
{
    // Endpoints are named explicitly in the network profile; a system proxy would only be one
    // more party in the path (and everything is verified anyway).
    m_network->setProxy(QNetworkProxy::NoProxy);
}

RpcClient::~RpcClient()
{
    cancelAll();
}

std::size_t RpcClient::pendingCalls() const
{
    return m_pending.size();
}

void RpcClient::cancelAll()
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (const auto& call : pending) {
        call->finished = true;
        call->callback = nullptr;
        if (call->reply) {
            call->reply->disconnect(this);
            call->reply->abort();
            call->reply->deleteLater();
        }
    }
}

RpcError RpcClient::failure(RpcError::Kind kind, const QString& method, std::string message) const
{
    RpcError error;
    error.kind = kind;
    error.endpoint = m_endpoint.toString().toStdString();
    error.method = method.toStdString();
    error.message = std::move(message);
    return error;
}

void RpcClient::call(const QString& method, const QJsonArray& params, Callback<QJsonValue> done)
{
    auto pending = std::make_shared<Pending>();
    pending->id = m_nextId++;
    pending->method = method;
    pending->callback = std::move(done);

    const QJsonObject request { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
        { QStringLiteral("id"), static_cast<qint64>(pending->id) },
        { QStringLiteral("method"), method }, { QStringLiteral("params"), params } };
    QNetworkRequest httpRequest(m_endpoint);
    httpRequest.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // A redirect would send the request somewhere the profile does not name.
    httpRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply
        = m_network->post(httpRequest, QJsonDocument(request).toJson(QJsonDocument::Compact));
    pending->reply = reply;
    m_pending.push_back(pending);

    std::weak_ptr<Pending> weak = pending;
    auto abortWith = [this, weak](RpcError::Kind kind, std::string message) {
        auto call = weak.lock();
        if (!call || call->finished || call->abortReason)
            return;
        call->abortReason = failure(kind, call->method, std::move(message));
        // Aborting from inside one of the reply's own signals upsets QNetworkReply: abort from
        // the event loop. abort() emits finished, which reports abortReason.
        if (QNetworkReply* target = call->reply.data())
            QTimer::singleShot(0, target, [target] { target->abort(); });
    };
    const std::string endpointText = m_endpoint.toString().toStdString();
    const std::string late = endpointText + " did not answer " + method.toStdString() + " within "
        + std::to_string(m_options.timeout.count()) + " ms.";
    QTimer::singleShot(
        m_options.timeout, reply, [abortWith, late] { abortWith(RpcError::Kind::Timeout, late); });
    const qint64 limit = m_options.maxResponseBytes;
    const std::string tooLarge = endpointText + "'s answer to " + method.toStdString()
        + " is larger than the limit of " + std::to_string(limit) + " bytes.";
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, limit, abortWith, tooLarge] {
        bool ok = false;
        const qint64 announced
            = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && announced > limit)
            abortWith(RpcError::Kind::TooLarge, tooLarge);
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply, weak, limit, abortWith, tooLarge] {
        auto call = weak.lock();
        if (!call || call->finished || call->abortReason)
            return;
        if (call->body.size() + reply->bytesAvailable() > limit) {
            abortWith(RpcError::Kind::TooLarge, tooLarge);
            return;
        }
        call->body += reply->readAll();
    });
    connect(reply, &QNetworkReply::finished, this, [this, weak] {
        if (auto call = weak.lock())
            finish(call);
    });
}

void RpcClient::finish(const std::shared_ptr<Pending>& pending)
{
    if (pending->finished)
        return;
    pending->finished = true;
    std::erase(m_pending, pending);
    QNetworkReply* reply = pending->reply;
    const std::string endpointText = m_endpoint.toString().toStdString();
    const std::string method = pending->method.toStdString();

    RpcResult<QJsonValue> outcome;
    if (pending->abortReason) {
        outcome = std::unexpected(*pending->abortReason);
    } else if (!reply) {
        outcome = std::unexpected(failure(RpcError::Kind::Network, pending->method,
            "The call to " + endpointText + " was dropped."));
    } else if (pending->body.size() + reply->bytesAvailable() > m_options.maxResponseBytes) {
        outcome = std::unexpected(failure(RpcError::Kind::TooLarge, pending->method,
            endpointText + "'s answer to " + method + " is larger than the limit of "
                + std::to_string(m_options.maxResponseBytes) + " bytes."));
    } else {
        pending->body += reply->readAll();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            outcome = std::unexpected(failure(RpcError::Kind::Network, pending->method,
                "Cannot reach " + endpointText + " (" + method
                    + "): " + reply->errorString().toStdString()));
        } else {
            const int httpStatus = status.toInt();
            auto parsed = parseRpcResponse(pending->body, pending->id);
            if (parsed && httpStatus == 200) {
                outcome = std::move(*parsed);
            } else if (!parsed && parsed.error().kind == RpcError::Kind::Server) {
                RpcError error = parsed.error();
                error.endpoint = endpointText;
                error.method = method;
                error.message = endpointText + " refused " + method + ": " + error.message
                    + " (JSON-RPC error " + std::to_string(error.code) + ")";
                outcome = std::unexpected(std::move(error));
            } else if (httpStatus != 200) {
                RpcError error = failure(RpcError::Kind::Http, pending->method,
                    endpointText + " answered " + method + " with HTTP "
                        + std::to_string(httpStatus) + " "
                        + reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                              .toString()
                              .left(100)
                              .toStdString());
                error.code = httpStatus;
                outcome = std::unexpected(std::move(error));
            } else {
                outcome = std::unexpected(failure(RpcError::Kind::Malformed, pending->method,
                    endpointText + " answered " + method + " with " + parsed.error().message));
            }
        }
    }
    if (reply) {
        reply->disconnect(this);
        reply->deleteLater();
    }
    // Last: the callback may destroy this client.
    auto callback = std::move(pending->callback);
    if (callback)
        callback(std::move(outcome));
}

template <typename T, typename Decode>
void RpcClient::typed(
    const QString& method, const QJsonArray& params, Decode decode, Callback<T> done)
{
    const std::string context = m_endpoint.toString().toStdString() + " answered "
        + method.toStdString() + " with a malformed result: ";
    call(method, params,
        [this, method, context, decode = std::move(decode), done = std::move(done)](
            RpcResult<QJsonValue> raw) {
            if (!raw) {
                done(std::unexpected(std::move(raw.error())));
                return;
            }
            Result<T> value = decode(*raw);
            if (!value) {
                done(std::unexpected(
                    failure(RpcError::Kind::Malformed, method, context + value.error().message)));
                return;
            }
            done(std::move(*value));
        });
}

void RpcClient::getGenesis(Callback<GenesisInfo> done)
{
    typed<GenesisInfo>(QStringLiteral("ls_getGenesis"), {}, decodeGenesis, std::move(done));
}

void RpcClient::getLightBlock(
    std::optional<std::uint64_t> height, Callback<protocol::LightBlock> done)
{
    const QJsonValue which
        = height ? QJsonValue(json::quantityText(*height)) : QJsonValue(QStringLiteral("latest"));
    typed<protocol::LightBlock>(QStringLiteral("ls_getLightBlock"), QJsonArray { which },
        decodeLightBlock, std::move(done));
}

void RpcClient::getStateProof(
    std::uint64_t height, std::uint8_t ns, ByteView key, Callback<StateProofInfo> done)
{
    typed<StateProofInfo>(
        QStringLiteral("ls_getStateProof"),
        QJsonArray { json::quantityText(height), json::quantityText(ns), json::dataText(key) },
        [height](const QJsonValue& result) { return decodeStateProof(result, height); },
        std::move(done));
}

void RpcClient::getReceiptProof(
    const Hash256& txHash, Callback<std::optional<ReceiptProofInfo>> done)
{
    typed<std::optional<ReceiptProofInfo>>(QStringLiteral("ls_getReceiptProof"),
        QJsonArray { json::dataText(txHash) }, decodeReceiptProof, std::move(done));
}

void RpcClient::sendRawTransaction(ByteView raw, Callback<Hash256> done)
{
    typed<Hash256>(
        QStringLiteral("eth_sendRawTransaction"), QJsonArray { json::dataText(raw) },
        [bytes = Bytes(raw.begin(), raw.end())](
            const QJsonValue& result) { return decodeSubmittedHash(result, bytes); },
        std::move(done));
}

void RpcClient::getTransactionByHash(
    const Hash256& txHash, Callback<std::optional<TransactionInfo>> done)
{
    typed<std::optional<TransactionInfo>>(QStringLiteral("eth_getTransactionByHash"),
        QJsonArray { json::dataText(txHash) }, decodeTransaction, std::move(done));
}

void RpcClient::chainId(Callback<std::uint64_t> done)
{
    typed<std::uint64_t>(QStringLiteral("eth_chainId"), {}, decodeChainId, std::move(done));
}

void RpcClient::getLogs(std::uint64_t from, std::uint64_t to, const crypto::Address& address,
    const std::vector<Hash256>& topics0, Callback<std::vector<catalogevents::LogCandidate>> done)
{
    QJsonArray anyOf;
    for (const Hash256& topic : topics0)
        anyOf.append(json::dataText(topic));
    const QJsonObject filter {
        { QStringLiteral("fromBlock"), json::quantityText(from) },
        { QStringLiteral("toBlock"), json::quantityText(to) },
        { QStringLiteral("address"), QString::fromStdString(address.toChecksumString()) },
        { QStringLiteral("topics"), QJsonArray { anyOf } },
    };
    typed<std::vector<catalogevents::LogCandidate>>(QStringLiteral("eth_getLogs"),
        QJsonArray { filter }, catalogevents::decodeLogs, std::move(done));
}

} // namespace ls::light
