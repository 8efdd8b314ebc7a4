#pragma once

// A canned light-client server: a chain built in memory with real validator keys (TestChain),
// its state in the node's own SparseMerkleTree (test code may use core/node; core/light may
// not), receipts in real Merkle lists, all served over CannedHttpServer as the ls_* methods of
// docs/protocol.md §8 answer them. `intercept` lets a test make the server lie.
#include "core/codec/Hex.h"
#include "core/crypto/Keccak.h"
#include "core/node/state/SparseMerkleTree.h"
#include "core/protocol/MerkleList.h"
#include "core/protocol/Receipt.h"
#include "core/protocol/StateProof.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QJsonArray>

#include "tests/light/CannedHttpServer.h"
#include "tests/light/LightTestSupport.h"
#include <map>
#include <memory>

namespace ls::testing {

inline QString hexString(ByteView bytes)
{
    return QString::fromStdString(codec::toHex(bytes, true));
}

inline QJsonObject lightBlockObject(const protocol::LightBlock& block)
{
    return { { QStringLiteral("header"), hexString(block.header.encode()) },
        { QStringLiteral("commit"), hexString(block.commit.encode()) },
        { QStringLiteral("validators"), hexString(block.validators.encode()) } };
}

struct StateEntry {
    std::uint8_t ns = 0;
    Bytes key;
    std::optional<Bytes> value; // nullopt deletes
};

class FakeNode {
public:
    explicit FakeNode(protocol::ValidatorSet set, std::vector<StateEntry> genesisState = {})
        : m_db(std::make_unique<storage::Database>(must(storage::Database::openInMemory())))
        , m_tree(
              std::make_unique<node::SparseMerkleTree>(must(node::SparseMerkleTree::open(*m_db))))
        , m_chain(std::move(set), kLightChainId,
              [&](protocol::Header& h) { h.stateRoot = apply(0, genesisState); })
        , m_server([this](const QJsonObject& request) {
            if (intercept)
                if (auto reply = intercept(request))
                    return *reply;
            return honestAnswer(request);
        })
    {
        m_receipts.emplace_back();
    }

    // A block whose state applies `entries` and whose receipts are `receipts`; signed by all
    // validators or `signers`.
    const protocol::LightBlock& addBlock(std::vector<StateEntry> entries = {},
        std::vector<protocol::Receipt> receipts = {}, std::vector<std::uint8_t> signers = {})
    {
        const std::uint64_t height = m_chain.height() + 1;
        const Hash256 root = apply(height, entries);
        std::vector<Bytes> encodings;
        for (const auto& receipt : receipts)
            encodings.push_back(receipt.encode());
        const Hash256 receiptsRoot = protocol::MerkleList::root(encodings);
        m_receipts.push_back(std::move(receipts));
        return m_chain.append(std::move(signers), [&](protocol::Header& h) {
            h.stateRoot = root;
            h.receiptsRoot = receiptsRoot;
        });
    }
    void addBlocks(std::size_t count)
    {
        for (std::size_t i = 0; i < count; ++i)
            addBlock();
    }

    TestChain& chain() { return m_chain; }
    CannedHttpServer& server() { return m_server; }
    std::string url() const { return m_server.url().toString().toStdString(); }

    // Answer this request yourself when it returns a reply.
    std::function<std::optional<CannedReply>(const QJsonObject&)> intercept;
    // The height "latest" names (default: the chain's height), to play a server that lags.
    std::optional<std::uint64_t> reportedLatest;
    // Blocks served instead of the chain's at some heights (forks, lies).
    std::map<std::uint64_t, protocol::LightBlock> replaced;

private:
    Hash256 apply(std::uint64_t version, const std::vector<StateEntry>& entries)
    {
        std::vector<node::StateUpdate> updates;
        for (const auto& entry : entries)
            updates.push_back({ protocol::statePath(entry.ns, entry.key), entry.value });
        auto transaction = must(storage::Transaction::begin(*m_db));
        const Hash256 root = must(m_tree->applyBatch(transaction, version, updates));
        mustSucceed(transaction.commit());
        return root;
    }

    std::optional<std::uint64_t> heightParam(const QJsonValue& value)
    {
        if (value.toString() == QLatin1String("latest"))
            return reportedLatest.value_or(m_chain.height());
        auto parsed = codec::UInt256::fromHexQuantity(value.toString().toStdString());
        if (!parsed || !parsed->fitsUint64())
            return std::nullopt;
        return parsed->low64();
    }

public:
    // What the honest server answers, whatever `intercept` says.
    CannedReply honestAnswer(const QJsonObject& request)
    {
        const QString method = request.value(QStringLiteral("method")).toString();
        const QJsonArray params = request.value(QStringLiteral("params")).toArray();
        if (method == QLatin1String("ls_getLightBlock")) {
            auto height = heightParam(params.at(0));
            if (!height || *height > reportedLatest.value_or(m_chain.height()))
                return CannedReply::error(
                    request, -32602, QStringLiteral("No block at that height yet"));
            auto found = replaced.find(*height);
            return CannedReply::result(request,
                lightBlockObject(found != replaced.end() ? found->second : m_chain.at(*height)));
        }
        if (method == QLatin1String("ls_getStateProof")) {
            auto height = heightParam(params.at(0));
            auto ns = heightParam(params.at(1));
            auto key = codec::fromHex(params.at(2).toString().toStdString());
            if (!height || !ns || !key || *height > m_chain.height())
                return CannedReply::error(request, -32602, QStringLiteral("bad params"));
            const Hash256 path = protocol::statePath(static_cast<std::uint8_t>(*ns), *key);
            auto value = must(m_tree->get(*height, path));
            auto proof = must(m_tree->prove(*height, path));
            return CannedReply::result(request,
                QJsonObject { { QStringLiteral("height"),
                                  QString::fromStdString(codec::UInt256(*height).toHexQuantity()) },
                    { QStringLiteral("value"),
                        value ? QJsonValue(hexString(*value)) : QJsonValue() },
                    { QStringLiteral("proof"), hexString(proof.encode()) } });
        }
        if (method == QLatin1String("ls_getReceiptProof")) {
            auto hash = codec::fromHexFixed<32>(params.at(0).toString().toStdString());
            for (std::size_t h = 0; hash && h < m_receipts.size(); ++h) {
                const auto& list = m_receipts[h];
                std::vector<Bytes> encodings;
                for (const auto& r : list)
                    encodings.push_back(r.encode());
                for (std::size_t i = 0; i < list.size(); ++i) {
                    if (list[i].txHash != *hash)
                        continue;
                    auto proof = must(protocol::MerkleList::proveIndex(encodings, i));
                    return CannedReply::result(request,
                        QJsonObject {
                            { QStringLiteral("height"),
                                QString::fromStdString(codec::UInt256(h).toHexQuantity()) },
                            { QStringLiteral("index"),
                                QString::fromStdString(codec::UInt256(i).toHexQuantity()) },
                            { QStringLiteral("receipt"), hexString(encodings[i]) },
                            { QStringLiteral("proof"), hexString(proof.encode()) } });
                }
            }
            return CannedReply::result(request, QJsonValue());
        }
        if (method == QLatin1String("eth_sendRawTransaction")) {
            auto raw = codec::fromHex(params.at(0).toString().toStdString());
            if (!raw)
                return CannedReply::error(request, -32602, QStringLiteral("bad transaction"));
            return CannedReply::result(request, hexString(crypto::keccak256(*raw)));
        }
        return CannedReply::error(request, -32601, QStringLiteral("Method not found"));
    }

private:
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<node::SparseMerkleTree> m_tree;
    TestChain m_chain;
    std::vector<std::vector<protocol::Receipt>> m_receipts; // by height
    CannedHttpServer m_server;
};

} // namespace ls::testing
