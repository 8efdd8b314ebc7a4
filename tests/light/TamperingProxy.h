#pragma once

// A JSON-RPC proxy in the test process between the light client and a real lightstreams-node:
// it relays every request to the node and, when told to, rewrites the node's answer to one
// method before the client sees it. So the client meets a server that lies about exactly one
// thing of a real chain (a balance, a signature, a receipt), and everything else is true.
#include "core/codec/Hex.h"
#include "core/codec/UInt256.h"
#include "core/protocol/LightBlock.h"
#include "core/protocol/MerkleProof.h"
#include "core/protocol/Receipt.h"
#include "core/protocol/StateProof.h"

#include <QJsonDocument>
#include <QTcpSocket>

#include "tests/light/CannedHttpServer.h"
#include "tests/light/LightTestSupport.h"
#include <functional>
#include <map>
#include <optional>

namespace ls::testing {

class TamperingProxy {
public:
    // Rewrites the node's whole JSON-RPC response (with "result" or "error") to `request`.
    using Rewrite = std::function<void(const QJsonObject& request, QJsonObject& response)>;

    explicit TamperingProxy(quint16 nodePort)
        : m_nodePort(nodePort)
        , m_server([this](const QJsonObject& request) { return relay(request); })
    {
    }

    std::string url() const { return m_server.url().toString().toStdString(); }

    // From now on every answer to `method` is rewritten (replacing an earlier lie about it).
    void lieAbout(const QString& method, Rewrite rewrite)
    {
        m_lies.insert_or_assign(method, std::move(rewrite));
    }
    void beHonest() { m_lies.clear(); }
    // How many answers were rewritten: a test checks that its lie was actually told.
    int liesTold() const { return m_liesTold; }

private:
    CannedReply relay(const QJsonObject& request)
    {
        std::optional<QJsonObject> response = forward(request);
        if (!response)
            return CannedReply::raw(502, "the node did not answer the proxy");
        auto lie = m_lies.find(request.value(QStringLiteral("method")).toString());
        if (lie != m_lies.end() && response->contains(QStringLiteral("result"))) {
            lie->second(request, *response);
            ++m_liesTold;
        }
        return CannedReply::json(*response);
    }

    // One blocking HTTP/1.1 exchange with the node (another process, so blocking this thread
    // cannot deadlock it).
    std::optional<QJsonObject> forward(const QJsonObject& request) const
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_nodePort);
        if (!socket.waitForConnected(10'000))
            return std::nullopt;
        const QByteArray body = QJsonDocument(request).toJson(QJsonDocument::Compact);
        socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Connection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        while (socket.waitForReadyRead(10'000)) {
            answer += socket.readAll();
            const qsizetype end = answer.indexOf("\r\n\r\n");
            if (end < 0)
                continue;
            qsizetype length = -1;
            for (const QByteArray& line : answer.left(end).split('\n'))
                if (line.trimmed().toLower().startsWith("content-length:"))
                    length = line.trimmed().mid(15).trimmed().toLongLong();
            if (length >= 0 && answer.size() >= end + 4 + length)
                return QJsonDocument::fromJson(answer.mid(end + 4, length)).object();
        }
        return std::nullopt;
    }

    quint16 m_nodePort = 0;
    CannedHttpServer m_server;
    std::map<QString, Rewrite> m_lies;
    int m_liesTold = 0;
};

// ---- rewriting the light-client methods' results (docs/protocol.md §8) -----------------------

inline QString hexText(ByteView bytes)
{
    return QString::fromStdString(codec::toHex(bytes, true));
}

inline Bytes bytesOf(const QJsonValue& value)
{
    return must(codec::fromHex(value.toString().toStdString()));
}

inline QString quantityText(std::uint64_t value)
{
    return QString::fromStdString(codec::UInt256(value).toHexQuantity());
}

inline std::uint64_t quantityOf(const QJsonValue& value)
{
    return must(codec::UInt256::fromHexQuantity(value.toString().toStdString())).low64();
}

// ls_getLightBlock: decode, edit, encode again.
inline TamperingProxy::Rewrite editLightBlock(std::function<void(protocol::LightBlock&)> edit)
{
    return [edit = std::move(edit)](const QJsonObject&, QJsonObject& response) {
        QJsonObject result = response.value(QStringLiteral("result")).toObject();
        if (result.isEmpty())
            return;
        protocol::LightBlock block { must(protocol::Header::decode(
                                         bytesOf(result[QStringLiteral("header")]))),
            must(protocol::Commit::decode(bytesOf(result[QStringLiteral("commit")]))),
            must(protocol::ValidatorSet::decode(bytesOf(result[QStringLiteral("validators")]))) };
        edit(block);
        result[QStringLiteral("header")] = hexText(block.header.encode());
        result[QStringLiteral("commit")] = hexText(block.commit.encode());
        result[QStringLiteral("validators")] = hexText(block.validators.encode());
        response[QStringLiteral("result")] = result;
    };
}

// ls_getStateProof: the value (nullopt: "absent") and the proof.
inline TamperingProxy::Rewrite editStateProof(
    std::function<void(std::optional<Bytes>& value, protocol::StateProof& proof)> edit)
{
    return [edit = std::move(edit)](const QJsonObject&, QJsonObject& response) {
        QJsonObject result = response.value(QStringLiteral("result")).toObject();
        if (result.isEmpty())
            return;
        std::optional<Bytes> value;
        if (!result[QStringLiteral("value")].isNull())
            value = bytesOf(result[QStringLiteral("value")]);
        protocol::StateProof proof
            = must(protocol::StateProof::decode(bytesOf(result[QStringLiteral("proof")])));
        edit(value, proof);
        result[QStringLiteral("value")] = value ? QJsonValue(hexText(*value)) : QJsonValue();
        result[QStringLiteral("proof")] = hexText(proof.encode());
        response[QStringLiteral("result")] = result;
    };
}

struct ReceiptAnswer {
    std::uint64_t height = 0;
    std::uint64_t index = 0;
    protocol::Receipt receipt;
    protocol::MerkleProof proof;
};

// ls_getReceiptProof (a non-null answer): height, index, receipt and proof.
inline TamperingProxy::Rewrite editReceiptProof(std::function<void(ReceiptAnswer&)> edit)
{
    return [edit = std::move(edit)](const QJsonObject&, QJsonObject& response) {
        QJsonObject result = response.value(QStringLiteral("result")).toObject();
        if (result.isEmpty()) // null: the node does not know the transaction
            return;
        ReceiptAnswer answer { quantityOf(result[QStringLiteral("height")]),
            quantityOf(result[QStringLiteral("index")]),
            must(protocol::Receipt::decode(bytesOf(result[QStringLiteral("receipt")]))),
            must(protocol::MerkleProof::decode(bytesOf(result[QStringLiteral("proof")]))) };
        edit(answer);
        result[QStringLiteral("height")] = quantityText(answer.height);
        result[QStringLiteral("index")] = quantityText(answer.index);
        result[QStringLiteral("receipt")] = hexText(answer.receipt.encode());
        result[QStringLiteral("proof")] = hexText(answer.proof.encode());
        response[QStringLiteral("result")] = result;
    };
}

} // namespace ls::testing
