#include "core/swarm/PermitGate.h"

#include "core/crypto/Random.h"
#include "core/swarm/PermitChallenge.h"

#include <libtorrent/bdecode.hpp>
#include <libtorrent/entry.hpp>
#include <libtorrent/error_code.hpp>
#include <libtorrent/operations.hpp>
#include <libtorrent/peer_connection_handle.hpp>

#include <chrono>
#include <optional>
#include <vector>

namespace ls::swarm {
namespace {

// The id under which we receive ls_permit messages (BEP 10: each side picks its own; the peer
// sends to ours and we send to theirs). Above libtorrent's built-in ids.
constexpr int kOurMessageId = 17;
constexpr char kExtensionName[] = "ls_permit";
constexpr std::chrono::seconds kProofTimeout { 15 };
// After a refusal or a key that did not check out, the same holder is asked again this much
// later, for as long as the key is wanted (the holder's chain view may have lagged our licence).
constexpr std::chrono::seconds kKeyRetryInterval { 3 };
// A granted peer that wants the title key stays choked until its key answer has been queued, or
// this long at most (an owner that has not answered by then answers after the pieces).
constexpr std::chrono::seconds kKeyFirstWait { 3 };

using Clock = std::chrono::steady_clock;

// One peer connection of a permissioned torrent: proves our account, checks the peer's, and
// keeps the peer choked (its requests dropped) until the owner grants it.
class PeerGate final : public lt::peer_plugin {
public:
    PeerGate(
        lt::peer_connection_handle connection, std::shared_ptr<PermitHub> hub, Hash256 infohash)
        : m_connection(std::move(connection))
        , m_hub(std::move(hub))
        , m_context { m_hub->chainId(), infohash }
        , m_id(m_hub->newConnectionId())
        , m_ourNonce(crypto::randomFixed<kPermitNonceSize>())
        , m_connectedAt(Clock::now())
    {
    }

    lt::string_view type() const override { return kExtensionName; }

    void add_handshake(lt::entry& handshake) override
    {
        handshake["m"][kExtensionName] = kOurMessageId;
        handshake["ls_nonce"] = std::string(m_ourNonce.begin(), m_ourNonce.end());
        handshake["ls_chain"] = static_cast<std::int64_t>(m_context.chainId);
        // Lets a holder keep this connection open for our key request (can_disconnect).
        handshake["ls_wants_key"] = m_hub->wantsKey(m_context.infohash) ? 1 : 0;
    }

    bool on_handshake(lt::span<char const> reservedBits) override
    {
        // Byte 5, bit 0x10: the peer speaks the extension protocol (BEP 10). Without it, it
        // cannot prove anything: it gets nothing.
        if (reservedBits.size() < 8 || (reservedBits[5] & 0x10) == 0)
            refuse("the peer does not speak the extension protocol", lt::errors::invalid_extended);
        else
            m_peerSupportsFast = (reservedBits[7] & 0x04) != 0; // BEP 6
        return true;
    }

    bool on_extension_handshake(lt::bdecode_node const& handshake) override
    {
        const lt::bdecode_node messages = handshake.dict_find_dict("m");
        const std::int64_t id = messages ? messages.dict_find_int_value(kExtensionName, -1) : -1;
        const lt::string_view nonce = handshake.dict_find_string_value("ls_nonce");
        if (id <= 0 || id > 255 || nonce.size() != kPermitNonceSize) {
            refuse("the peer has no ls_permit extension", lt::errors::invalid_extended);
            return true;
        }
        if (handshake.dict_find_int_value("ls_chain", -1)
            != static_cast<std::int64_t>(m_context.chainId)) {
            refuse("the peer is on another network", lt::errors::invalid_extended);
            return true;
        }
        m_theirId = static_cast<int>(id);
        m_peerWantsKey = handshake.dict_find_int_value("ls_wants_key", 0) == 1;
        m_theirNonce.emplace();
        std::copy(nonce.begin(), nonce.end(), m_theirNonce->begin());
        send(provePermit(m_hub->signingKey(), m_context, m_ourNonce, *m_theirNonce));
        return true;
    }

    bool on_extended(int length, int message, lt::span<char const> body) override
    {
        if (message != kOurMessageId)
            return false;
        if (length < 0 || static_cast<std::size_t>(length) > kMaxPermitMessageSize) {
            refuse("the peer sent an oversized permit message", lt::errors::invalid_extended);
            return true;
        }
        if (body.size() < length)
            return true; // the rest is on its way
        if (!m_theirNonce) {
            refuse("the peer sent a permit message before its handshake",
                lt::errors::invalid_extended);
            return true;
        }
        auto decoded
            = decodePermitMessage(ByteView(reinterpret_cast<const std::uint8_t*>(body.data()),
                static_cast<std::size_t>(body.size())));
        if (!decoded) {
            refuse(decoded.error().message, lt::errors::invalid_extended);
            return true;
        }
        std::visit([this](const auto& m) { handle(m); }, *decoded);
        return true;
    }

    void on_disconnect(lt::error_code const& error) override
    {
        if (!m_closed)
            m_hub->report(m_context.infohash,
                (m_peerAccount ? m_peerAccount->toChecksumString() : std::string("a peer"))
                    + " disconnected: " + error.message());
        m_closed = true;
    }

    // Nothing of a permissioned torrent goes to a peer the owner has not granted: its requests
    // are dropped here, before libtorrent sees them. The peer is told (BEP 6 reject), so once
    // granted and unchoked it asks again instead of waiting for pieces that never come.
    bool on_request(lt::peer_request const& request) override
    {
        if (granted() && !holdingForKey())
            return false;
        if (m_peerSupportsFast)
            sendReject(request);
        return true;
    }

    void sent_unchoke() override
    {
        if ((!granted() || holdingForKey()) && !m_connection.is_disconnecting())
            m_connection.choke_this_peer();
    }

    void tick() override
    {
        if (m_disconnectAfterVerdict) {
            refuse("refused: no permit", lt::errors::peer_banned);
            return;
        }
        if (!m_peerAccount && Clock::now() - m_connectedAt > kProofTimeout) {
            refuse("the peer did not prove an account in time", lt::errors::timed_out_no_handshake);
            return;
        }
        if (m_keyHoldUntil && Clock::now() >= *m_keyHoldUntil)
            releaseKeyHold();
        pump();
    }

    // Acts on the owner's decision and sends what the owner queued for this connection.
    void pump()
    {
        if (m_closed || m_connection.is_disconnecting())
            return;
        if (m_peerAccount && !m_verdictSent) {
            if (auto decision = m_hub->decision(m_context.infohash, *m_peerAccount))
                applyDecision(*decision);
        }
        for (const PermitMessage& message : m_hub->takeMessages(m_id))
            send(message);
        // Asked only once both sides granted: a holder answers a request from a peer it has not
        // granted (yet) with a refusal.
        if (granted() && m_theirVerdict.value_or(false) && !m_keyAnswerAwaited
            && Clock::now() >= m_nextKeyRequest && m_hub->wantsKey(m_context.infohash)) {
            m_keyAnswerAwaited = true;
            send(KeyRequest {});
        }
    }

    // libtorrent closes a connection between two complete copies as redundant, as early as the
    // extension handshake. One that may still carry the title key stays: a copy can be complete
    // before its key arrives (a small title, a key that did not check out, an earlier run that
    // stopped in between), and a holder can complete its own copy while a request is on its way.
    // Until both permits are settled nobody knows yet; a refusal closes the connection anyway.
    bool can_disconnect(lt::error_code const& error) override
    {
        const bool redundant = error == lt::errors::upload_upload_connection
            || error == lt::errors::uninteresting_upload_peer
            || error == lt::errors::torrent_finished;
        if (!redundant || m_closed)
            return true;
        if (!m_verdictSent || !m_theirVerdict)
            return false;
        if (!granted() || !*m_theirVerdict)
            return true;
        const bool keyBusiness = m_hub->wantsKey(m_context.infohash) || m_peerWantsKey;
        return !keyBusiness;
    }

private:
    bool granted() const { return m_granted; }

    void handle(const PermitProof& proof)
    {
        if (m_peerAccount) {
            refuse("the peer proved its account twice", lt::errors::invalid_extended);
            return;
        }
        auto account = verifyPermit(proof, m_context, *m_theirNonce, m_ourNonce);
        if (!account) {
            refuse(account.error().message, lt::errors::peer_banned);
            return;
        }
        m_peerAccount = *account;
        if (!m_hub->decision(m_context.infohash, *account))
            m_hub->requestDecision(m_context.infohash, *account);
        pump();
    }

    void handle(const PermitVerdict& verdict)
    {
        m_theirVerdict = verdict.granted;
        if (!verdict.granted)
            m_hub->report(m_context.infohash, "refused by a peer: " + verdict.reason);
        pump();
    }

    void handle(const KeyRequest&)
    {
        if (!granted()) {
            send(KeyRefusal { "no permit for this title" });
            return;
        }
        m_peerWantsKey = true;
        askOwnerForKey();
    }

    void askOwnerForKey()
    {
        if (m_keyAnswerPending)
            return; // the answer to the last request is on its way
        m_keyAnswerPending = true;
        m_hub->requestKey(m_context.infohash, *m_peerAccount, m_id);
    }

    // Piece data queues in the send buffer ahead of anything sent later: a holder with a slow
    // upload would deliver the key only after seconds (up to the send-buffer watermark) of
    // pieces, and the buyer could neither stream nor open the title meanwhile. So a peer that
    // said in its handshake that it wants the key gets the answer before its first piece.
    bool holdingForKey() const { return m_keyHoldUntil.has_value(); }

    void releaseKeyHold()
    {
        if (!m_keyHoldUntil)
            return;
        m_keyHoldUntil.reset();
        if (granted())
            m_connection.maybe_unchoke_this_peer();
    }

    void handle(const KeyDelivery& delivery)
    {
        // Whether it checks out is the owner's to say: if the key is still wanted afterwards, this
        // holder is asked again later.
        keyAnswered();
        if (m_peerAccount)
            m_hub->deliverKey(m_context.infohash, *m_peerAccount, delivery.sealedKey);
    }

    void handle(const KeyRefusal& refusal)
    {
        keyAnswered();
        m_hub->report(m_context.infohash, "a peer refused the key: " + refusal.reason);
    }

    void keyAnswered()
    {
        m_keyAnswerAwaited = false;
        m_nextKeyRequest = Clock::now() + kKeyRetryInterval;
    }

    void applyDecision(const PermitDecision& decision)
    {
        m_verdictSent = true;
        m_granted = decision.granted;
        send(
            PermitVerdict { decision.granted, decision.granted ? std::string() : decision.reason });
        if (decision.granted) {
            m_hub->report(m_context.infohash, "granted " + m_peerAccount->toChecksumString());
            if (m_peerWantsKey) {
                m_keyHoldUntil = Clock::now() + kKeyFirstWait;
                askOwnerForKey(); // unasked: the handshake said so
            } else {
                m_connection.maybe_unchoke_this_peer();
            }
        } else {
            // Hang up at the next tick, so the verdict reaches the peer first.
            m_hub->report(m_context.infohash,
                m_peerAccount->toChecksumString() + " has no permit: " + decision.reason);
            m_disconnectAfterVerdict = true;
        }
    }

    void send(const PermitMessage& message)
    {
        if (m_closed || m_theirId <= 0)
            return;
        const bool keyAnswer = std::holds_alternative<KeyDelivery>(message)
            || std::holds_alternative<KeyRefusal>(message);
        if (keyAnswer)
            m_peerWantsKey = false; // answered: a later request says it wants one again
        const Bytes payload = encodePermitMessage(message);
        const std::uint32_t length = static_cast<std::uint32_t>(payload.size() + 2);
        const char header[6] = { static_cast<char>(length >> 24), static_cast<char>(length >> 16),
            static_cast<char>(length >> 8), static_cast<char>(length), 20 /* extended */,
            static_cast<char>(m_theirId) };
        m_connection.send_buffer(header, sizeof header);
        m_connection.send_buffer(
            reinterpret_cast<const char*>(payload.data()), static_cast<int>(payload.size()));
        if (keyAnswer) {
            m_keyAnswerPending = false;
            releaseKeyHold(); // the answer is queued ahead of every piece
        }
    }

    void sendReject(const lt::peer_request& request)
    {
        char message[17] = { 0, 0, 0, 13, 16 /* reject request */ };
        const std::uint32_t fields[3] = { static_cast<std::uint32_t>(
                                              static_cast<int>(request.piece)),
            static_cast<std::uint32_t>(request.start), static_cast<std::uint32_t>(request.length) };
        for (int field = 0; field < 3; ++field)
            for (int byte = 0; byte < 4; ++byte)
                message[5 + field * 4 + byte] = static_cast<char>(fields[field] >> (24 - 8 * byte));
        m_connection.send_buffer(message, sizeof message);
    }

    void refuse(const std::string& why, lt::errors::error_code_enum code)
    {
        if (m_closed)
            return;
        m_closed = true;
        m_hub->report(m_context.infohash,
            "disconnected " + m_connection.remote().address().to_string() + ": " + why);
        m_connection.disconnect(lt::errors::make_error_code(code), lt::operation_t::bittorrent);
    }

    lt::peer_connection_handle m_connection;
    std::shared_ptr<PermitHub> m_hub;
    const PermitContext m_context;
    const std::uint64_t m_id;
    const PermitNonce m_ourNonce;
    const Clock::time_point m_connectedAt;
    std::optional<PermitNonce> m_theirNonce;
    int m_theirId = 0;
    std::optional<crypto::Address> m_peerAccount;
    bool m_verdictSent = false;
    bool m_granted = false;
    std::optional<bool> m_theirVerdict; // the peer's verdict on us: granted or not
    bool m_keyAnswerAwaited = false; // we asked this peer for the key
    bool m_peerWantsKey = false; // said so in its handshake, or asked and not yet answered
    bool m_keyAnswerPending = false; // the owner was asked for this peer's key and has not answered
    std::optional<Clock::time_point> m_keyHoldUntil; // choked until its key answer, at most until
    Clock::time_point m_nextKeyRequest {};
    bool m_peerSupportsFast = false;
    bool m_disconnectAfterVerdict = false;
    bool m_closed = false;
};

} // namespace

// Every connection of one permissioned torrent gets a PeerGate.
class TorrentGate final : public lt::torrent_plugin {
public:
    TorrentGate(std::shared_ptr<PermitHub> hub, Hash256 infohash)
        : m_hub(std::move(hub))
        , m_infohash(infohash)
    {
    }

    std::shared_ptr<lt::peer_plugin> new_connection(
        lt::peer_connection_handle const& connection) override
    {
        if (connection.type() != lt::connection_type::bittorrent)
            return nullptr; // web seeds only ever send to us
        auto gate = std::make_shared<PeerGate>(connection, m_hub, m_infohash);
        std::erase_if(m_peers, [](const auto& peer) { return peer.expired(); });
        m_peers.push_back(gate);
        return gate;
    }

    void pump()
    {
        for (const auto& weak : m_peers)
            if (auto peer = weak.lock())
                peer->pump();
    }

private:
    std::shared_ptr<PermitHub> m_hub;
    Hash256 m_infohash;
    std::vector<std::weak_ptr<PeerGate>> m_peers; // owned by their connections
};

void GateDirectory::add(const Hash256& infohash, std::weak_ptr<TorrentGate> gate)
{
    std::lock_guard lock(m_mutex);
    m_gates[infohash] = std::move(gate);
}

std::shared_ptr<TorrentGate> GateDirectory::find(const Hash256& infohash)
{
    std::lock_guard lock(m_mutex);
    auto found = m_gates.find(infohash);
    return found == m_gates.end() ? nullptr : found->second.lock();
}

TorrentPluginFactory permitGateFactory(
    std::shared_ptr<PermitHub> hub, std::shared_ptr<GateDirectory> directory, Hash256 infohash)
{
    return
        [hub = std::move(hub), directory = std::move(directory), infohash](
            lt::torrent_handle const&, lt::client_data_t) -> std::shared_ptr<lt::torrent_plugin> {
            auto gate = std::make_shared<TorrentGate>(hub, infohash);
            directory->add(infohash, gate);
            return gate;
        };
}

void wakePermitGate(
    lt::torrent_handle handle, std::shared_ptr<GateDirectory> directory, Hash256 infohash)
{
    handle.add_extension([directory = std::move(directory), infohash](lt::torrent_handle const&,
                             lt::client_data_t) -> std::shared_ptr<lt::torrent_plugin> {
        if (auto gate = directory->find(infohash))
            gate->pump();
        return nullptr; // adds nothing: this call only borrowed the network thread
    });
}

} // namespace ls::swarm
