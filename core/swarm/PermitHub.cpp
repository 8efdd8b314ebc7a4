#include "core/swarm/PermitHub.h"

#include <QMetaObject>

namespace ls::swarm {

PermitHub::PermitHub(std::uint64_t chainId, crypto::PrivateKey signingKey, Owner owner)
    : m_chainId(chainId)
    , m_signingKey(std::move(signingKey))
    , m_account(crypto::Address::fromPublicKey(m_signingKey.publicKey()))
    , m_owner(std::move(owner))
{
}

template <typename F> void PermitHub::post(F function)
{
    // Posting an event is thread-safe and never waits for the owner thread.
    QMetaObject::invokeMethod(m_owner.context, std::move(function), Qt::QueuedConnection);
}

std::optional<PermitDecision> PermitHub::decision(
    const Hash256& infohash, const crypto::Address& peer)
{
    std::lock_guard lock(m_mutex);
    auto found = m_decisions.find({ infohash, peer });
    if (found == m_decisions.end())
        return std::nullopt;
    // A refusal is the chain as the owner last saw it: a buyer refused a moment before its
    // licence reached our view is asked about afresh on a later connection.
    if (!found->second.decision.granted
        && std::chrono::steady_clock::now() - found->second.decidedAt > m_refusalLifetime) {
        m_decisions.erase(found);
        return std::nullopt;
    }
    return found->second.decision;
}

void PermitHub::requestDecision(const Hash256& infohash, const crypto::Address& peer)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_decisions.contains({ infohash, peer }) || !m_asked.insert({ infohash, peer }).second)
            return;
    }
    if (m_owner.authorize)
        post([authorize = m_owner.authorize, infohash, peer] { authorize(infohash, peer); });
}

void PermitHub::requestKey(
    const Hash256& infohash, const crypto::Address& peer, std::uint64_t connection)
{
    if (m_owner.keyRequested)
        post([requested = m_owner.keyRequested, infohash, peer, connection] {
            requested(infohash, peer, connection);
        });
}

void PermitHub::deliverKey(
    const Hash256& infohash, const crypto::Address& peer, const FixedBytes<80>& sealedKey)
{
    if (m_owner.keyDelivered)
        post([delivered = m_owner.keyDelivered, infohash, peer, sealedKey] {
            delivered(infohash, peer, sealedKey);
        });
}

void PermitHub::report(const Hash256& infohash, std::string event)
{
    if (m_owner.event)
        post([report = m_owner.event, infohash, event = std::move(event)] {
            report(infohash, event);
        });
}

std::vector<PermitMessage> PermitHub::takeMessages(std::uint64_t connection)
{
    std::lock_guard lock(m_mutex);
    auto found = m_outbox.find(connection);
    if (found == m_outbox.end())
        return {};
    auto messages = std::move(found->second);
    m_outbox.erase(found);
    return messages;
}

bool PermitHub::wantsKey(const Hash256& infohash)
{
    std::lock_guard lock(m_mutex);
    return m_wantedKeys.contains(infohash);
}

std::uint64_t PermitHub::newConnectionId()
{
    std::lock_guard lock(m_mutex);
    return m_nextConnection++;
}

void PermitHub::decide(
    const Hash256& infohash, const crypto::Address& peer, PermitDecision decision)
{
    std::lock_guard lock(m_mutex);
    m_asked.erase({ infohash, peer });
    m_decisions[{ infohash, peer }] = { std::move(decision), std::chrono::steady_clock::now() };
}

void PermitHub::sendMessage(std::uint64_t connection, PermitMessage message)
{
    std::lock_guard lock(m_mutex);
    m_outbox[connection].push_back(std::move(message));
}

void PermitHub::setWantsKey(const Hash256& infohash, bool wanted)
{
    std::lock_guard lock(m_mutex);
    if (wanted)
        m_wantedKeys.insert(infohash);
    else
        m_wantedKeys.erase(infohash);
}

void PermitHub::setRefusalLifetime(std::chrono::milliseconds lifetime)
{
    std::lock_guard lock(m_mutex);
    m_refusalLifetime = lifetime;
}

void PermitHub::forget(const Hash256& infohash)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_decisions, [&](const auto& entry) { return entry.first.first == infohash; });
}

} // namespace ls::swarm
