#pragma once

// A hand-written BitTorrent peer on a QTcpSocket, for what no honest client does: replaying
// another connection's permit proof, or serving a corrupted piece. It speaks just enough of the
// wire protocol (BEP 3 handshake and messages, BEP 10 extended handshake, BEP 6 have-all) to
// reach the ls_permit gate of a real LibtorrentSwarm.
#include "core/swarm/PermitChallenge.h"
#include "core/swarm/PermitMessages.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <optional>

namespace ls::testing {

class RawPeer {
public:
    // What to do once the other side's extension handshake arrived (its nonce is known).
    std::function<void(RawPeer&)> onHandshake;
    // Called for every block the other side requests; reply with sendPiece() or not at all.
    std::function<void(RawPeer&, std::uint32_t piece, std::uint32_t offset, std::uint32_t length)>
        onRequest;

    // `handshakeHash`: the 20-byte infohash the BitTorrent handshake names (the v1 hash of a
    // hybrid torrent); `infohash`: the v2 hash permit proofs name.
    RawPeer(QByteArray handshakeHash, Hash256 infohash, std::uint64_t chainId)
        : m_handshakeHash(std::move(handshakeHash))
        , m_context { chainId, infohash }
    {
        m_ourNonce.fill(0x77);
    }

    // Outgoing: connect to host:port. Incoming: listen() and give the other side address().
    void connectTo(quint16 port)
    {
        m_socket = std::make_unique<QTcpSocket>();
        wire();
        m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
        QObject::connect(m_socket.get(), &QTcpSocket::connected, [this] { sendHandshake(); });
    }
    quint16 listen()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            m_socket.reset(m_server.nextPendingConnection());
            m_socket->setParent(nullptr);
            m_buffer.clear();
            m_handshakeSeen = false;
            m_theirNonce.reset();
            wire();
            sendHandshake();
        });
        return m_server.serverPort();
    }

    bool disconnected() const { return m_disconnected; }
    const swarm::PermitContext& context() const { return m_context; }
    const swarm::PermitNonce& ourNonce() const { return m_ourNonce; }
    const std::optional<swarm::PermitNonce>& theirNonce() const { return m_theirNonce; }
    int requestsSeen() const { return m_requests; }
    int piecesReceived() const { return m_pieces; }

    // Says "interested" and asks for the first block, as a downloader would.
    void sendMessageRequestingEverything()
    {
        sendMessage(2, {}); // interested
        sendMessage(6, be32(0) + be32(0) + be32(16 * 1024));
    }

    void sendPermit(const swarm::PermitMessage& message)
    {
        const Bytes payload = swarm::encodePermitMessage(message);
        QByteArray body(1, static_cast<char>(m_theirPermitId));
        body.append(reinterpret_cast<const char*>(payload.data()), static_cast<qsizetype>(payload.size()));
        sendMessage(20, body);
    }
    void sendHaveAll() { sendMessage(14, {}); }
    void sendUnchoke() { sendMessage(1, {}); }
    void sendPiece(std::uint32_t piece, std::uint32_t offset, const QByteArray& block)
    {
        sendMessage(7, be32(piece) + be32(offset) + block);
    }

private:
    static QByteArray be32(std::uint32_t value)
    {
        QByteArray out(4, 0);
        for (int i = 0; i < 4; ++i)
            out[i] = static_cast<char>(value >> (24 - 8 * i));
        return out;
    }
    static std::uint32_t readBe32(const QByteArray& bytes, qsizetype at)
    {
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i)
            value = (value << 8) | static_cast<std::uint8_t>(bytes[at + i]);
        return value;
    }

    void wire()
    {
        QObject::connect(m_socket.get(), &QTcpSocket::readyRead, [this] { onReadable(); });
        QObject::connect(m_socket.get(), &QTcpSocket::disconnected, [this] { m_disconnected = true; });
    }

    void sendHandshake()
    {
        QByteArray handshake(1, 19);
        handshake += "BitTorrent protocol";
        QByteArray reserved(8, 0);
        reserved[5] = 0x10; // extension protocol
        reserved[7] = 0x04; // fast extension
        handshake += reserved;
        handshake += m_handshakeHash;
        handshake += QByteArray("-LT0000-rawpeer00000", 20);
        m_socket->write(handshake);
        const QByteArray nonce(reinterpret_cast<const char*>(m_ourNonce.data()), 32);
        sendMessage(20, QByteArray(1, 0) + "d8:ls_chaini" + QByteArray::number(static_cast<qulonglong>(m_context.chainId))
                + "e8:ls_nonce32:" + nonce + "1:md9:ls_permiti17eee");
    }

    void sendMessage(int id, const QByteArray& body)
    {
        m_socket->write(be32(static_cast<std::uint32_t>(body.size() + 1)) + QByteArray(1, static_cast<char>(id)) + body);
    }

    void onReadable()
    {
        m_buffer += m_socket->readAll();
        if (!m_handshakeSeen) {
            if (m_buffer.size() < 20)
                return;
            if (!m_buffer.startsWith("\x13" "BitTorrent protocol")) {
                // libtorrent tries an obfuscated handshake first; refusing it makes it retry
                // in plain text, which is all this peer speaks.
                m_socket->abort();
                return;
            }
            if (m_buffer.size() < 68)
                return;
            m_buffer.remove(0, 68);
            m_handshakeSeen = true;
        }
        while (m_buffer.size() >= 4) {
            const std::uint32_t length = readBe32(m_buffer, 0);
            if (m_buffer.size() < 4 + static_cast<qsizetype>(length))
                return;
            const QByteArray message = m_buffer.mid(4, length);
            m_buffer.remove(0, 4 + length);
            if (!message.isEmpty())
                onMessage(static_cast<std::uint8_t>(message[0]), message.mid(1));
        }
    }

    void onMessage(std::uint8_t id, const QByteArray& body)
    {
        if (id == 7)
            ++m_pieces;
        if (id == 6 && body.size() == 12) {
            ++m_requests;
            if (onRequest)
                onRequest(*this, readBe32(body, 0), readBe32(body, 4), readBe32(body, 8));
        } else if (id == 20 && !body.isEmpty() && body[0] == 0) {
            // The extended handshake: just the two fields the gate needs, found by their
            // bencoded spelling.
            const qsizetype nonceAt = body.indexOf("8:ls_nonce32:");
            const qsizetype idAt = body.indexOf("9:ls_permiti");
            if (nonceAt < 0 || idAt < 0)
                return;
            m_theirNonce.emplace();
            std::copy_n(body.constData() + nonceAt + 13, 32, m_theirNonce->begin());
            m_theirPermitId = body.mid(idAt + 12, body.indexOf('e', idAt + 12) - idAt - 12).toInt();
            if (onHandshake)
                onHandshake(*this);
        }
    }

    QByteArray m_handshakeHash;
    swarm::PermitContext m_context;
    swarm::PermitNonce m_ourNonce;
    std::optional<swarm::PermitNonce> m_theirNonce;
    int m_theirPermitId = 0;
    QTcpServer m_server;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_handshakeSeen = false;
    bool m_disconnected = false;
    int m_requests = 0;
    int m_pieces = 0;
};

} // namespace ls::testing
