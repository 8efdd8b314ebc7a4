// lightstreams-node as a separate process on 127.0.0.1, driven over JSON-RPC the way a wallet
// does: transfers, the Catalog from publish to licence, reverts with their reasons, malformed
// input, and kill -9 under load followed by a restart and a replay from genesis.
#include "NodeProcess.h"

#include "core/codec/AbiDecoder.h"
#include "core/codec/AbiSignature.h"
#include "core/codec/AbiType.h"
#include "core/codec/Hex.h"
#include "core/node/chain/Chain.h"
#include "core/node/execution/Genesis.h"
#include "core/protocol/Transaction.h"

#include <QFile>
#include <QTemporaryDir>

using namespace ls;
using ls::codec::AbiValue;
using ls::codec::UInt256;

namespace {

constexpr std::uint64_t kChainId = 16300;
const auto kCatalog = *crypto::Address::parse("0x00000000000000000000000000000000000ca7a1");

crypto::PrivateKey keyNumber(std::uint8_t n)
{
    FixedBytes<32> bytes{};
    bytes[31] = n;
    return *crypto::PrivateKey::fromBytes(bytes);
}

crypto::Address addressOf(const crypto::PrivateKey& key)
{
    return crypto::Address::fromPublicKey(key.publicKey());
}

QString hex(ByteView bytes)
{
    return QString::fromStdString(codec::toHex(bytes, true));
}

UInt256 pht(std::uint64_t whole)
{
    return *UInt256(whole).checkedMul(*UInt256::fromDecimal("1000000000000000000"));
}

QString signedTx(const crypto::PrivateKey& key, std::uint64_t nonce, const crypto::Address& to,
                 const UInt256& value, Bytes data = {}, std::uint64_t gas = 300'000)
{
    protocol::Transaction tx;
    tx.type = protocol::TransactionType::DynamicFee;
    tx.nonce = nonce;
    tx.maxFeePerGas = UInt256(2'000'000'000);
    tx.maxPriorityFeePerGas = UInt256(1'000'000'000);
    tx.gasLimit = gas;
    tx.to = to;
    tx.value = value;
    tx.data = std::move(data);
    tx.sign(key, kChainId);
    return hex(tx.encode());
}

Bytes call(std::string_view signature, const AbiValue::List& values)
{
    return *codec::abiEncodeCall(signature, values);
}

AbiValue word(std::uint8_t fill)
{
    return AbiValue::bytes(Bytes(32, fill));
}

} // namespace

class TestNodeProcess : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_dataDir;
    QString m_passphraseFile;
    NodeProcess m_node;

    QStringList runArguments() const
    {
        return {QStringLiteral("run"), QStringLiteral("--datadir"), m_dataDir, QStringLiteral("--rpc"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--passphrase-file"), m_passphraseFile};
    }

    QJsonObject send(const QString& raw)
    {
        auto reply = m_node.call(QStringLiteral("eth_sendRawTransaction"), {raw});
        if (!reply.contains(QStringLiteral("result")))
            return reply;
        return m_node.waitForReceipt(reply.value(QStringLiteral("result")).toString());
    }

    UInt256 balance(const crypto::Address& address)
    {
        auto text = m_node.result(QStringLiteral("eth_getBalance"),
                                  {QString::fromStdString(address.toChecksumString()), QStringLiteral("latest")});
        return *UInt256::fromHexQuantity(text.toString().toStdString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataDir = m_dir.filePath(QStringLiteral("node"));
        m_passphraseFile = m_dir.filePath(QStringLiteral("passphrase"));
        QFile file(m_passphraseFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("validator passphrase\n");
        file.close();

        QProcess init;
        init.start(QStringLiteral(LS_NODE_PATH),
                   {QStringLiteral("init"), QStringLiteral("--datadir"), m_dataDir, QStringLiteral("--passphrase-file"),
                    m_passphraseFile, QStringLiteral("--heartbeat-ms"), QStringLiteral("300"),
                    QStringLiteral("--alloc"),
                    QString::fromStdString(addressOf(keyNumber(1)).toChecksumString()) + QStringLiteral("=1000"),
                    QStringLiteral("--alloc"),
                    QString::fromStdString(addressOf(keyNumber(2)).toChecksumString()) + QStringLiteral("=1000")});
        QVERIFY(init.waitForFinished(60000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());
        QVERIFY(QFile::exists(m_dataDir + QStringLiteral("/network.json")));
        QVERIFY(m_node.start(runArguments()));
    }

    void answersWalletQueries()
    {
        QCOMPARE(m_node.result(QStringLiteral("eth_chainId")).toString(), QStringLiteral("0x3fac"));
        QCOMPARE(balance(addressOf(keyNumber(1))), pht(1000));
        auto block = m_node.result(QStringLiteral("eth_getBlockByNumber"), {QStringLiteral("latest"), false}).toObject();
        QVERIFY(block.contains(QStringLiteral("hash")));
        QCOMPARE(block.value(QStringLiteral("baseFeePerGas")).toString(), QStringLiteral("0x3b9aca00"));
    }

    void transferIsFinal()
    {
        auto receipt = send(signedTx(keyNumber(1), 0, addressOf(keyNumber(3)), pht(7), {}, 21'000));
        QCOMPARE(receipt.value(QStringLiteral("status")).toString(), QStringLiteral("0x1"));
        QCOMPARE(balance(addressOf(keyNumber(3))), pht(7));
    }

    void catalogFromPublishToLicence()
    {
        auto author = keyNumber(1);
        auto buyer = keyNumber(2);
        auto price = pht(3);
        auto published = send(signedTx(author, 1, kCatalog, UInt256(),
                                       call("publish(bytes32,bytes32,uint256,string,uint8)",
                                            {word(0x11), word(0x22), AbiValue::number(price),
                                             AbiValue::string("fiction"), AbiValue::number(UInt256(0))})));
        QCOMPARE(published.value(QStringLiteral("status")).toString(), QStringLiteral("0x1"));
        QCOMPARE(published.value(QStringLiteral("logs")).toArray().size(), 1);

        // Buying before any version exists reverts with the reason in the receipt.
        auto early = send(signedTx(buyer, 0, kCatalog, price,
                                   call("purchase(uint64,bytes32)", {AbiValue::number(UInt256(1)), word(0x33)})));
        QCOMPARE(early.value(QStringLiteral("status")).toString(), QStringLiteral("0x0"));
        QCOMPARE(early.value(QStringLiteral("revertReason")).toString(), QStringLiteral("title has no version yet"));

        auto version = send(signedTx(author, 2, kCatalog, UInt256(),
                                     call("addVersion(uint64,bytes32,uint64,string)",
                                          {AbiValue::number(UInt256(1)), word(0x44),
                                           AbiValue::number(UInt256(1234)), AbiValue::string("first")})));
        QCOMPARE(version.value(QStringLiteral("status")).toString(), QStringLiteral("0x1"));

        auto authorBefore = balance(addressOf(author));
        auto bought = send(signedTx(buyer, 1, kCatalog, price,
                                    call("purchase(uint64,bytes32)", {AbiValue::number(UInt256(1)), word(0x33)})));
        QCOMPARE(bought.value(QStringLiteral("status")).toString(), QStringLiteral("0x1"));
        // The author gets the price less the 2.5 % service fee, in the same transaction.
        auto fee = *(*price.checkedMul(UInt256(250))).divMod(UInt256(10'000));
        QCOMPARE(balance(addressOf(author)), *(*authorBefore.checkedAdd(price)).checkedSub(fee.quotient));

        auto licenceCall = call("licence(uint64,address)",
                                {AbiValue::number(UInt256(1)), AbiValue::address(addressOf(buyer).bytes())});
        auto licence = m_node.result(QStringLiteral("eth_call"),
                                     {QJsonObject{{QStringLiteral("to"), hex(kCatalog.view())},
                                                  {QStringLiteral("data"), hex(licenceCall)}},
                                      QStringLiteral("latest")});
        auto types = *codec::AbiType::parseList("(bool,uint32,uint256,uint64,bytes32)");
        auto decoded = codec::abiDecode(types, *codec::fromHex(licence.toString().toStdString()));
        QVERIFY2(decoded.has_value(), decoded ? "" : decoded.error().message.c_str());
        QCOMPARE(*(*decoded)[0].asBool(), true);

        // A second purchase is refused up front by estimateGas / eth_call with the revert reason.
        auto again = m_node.call(QStringLiteral("eth_estimateGas"),
                                 {QJsonObject{{QStringLiteral("from"), QString::fromStdString(addressOf(buyer).toChecksumString())},
                                              {QStringLiteral("to"), hex(kCatalog.view())},
                                              {QStringLiteral("value"), QString::fromStdString(price.toHexQuantity())},
                                              {QStringLiteral("data"), hex(call("purchase(uint64,bytes32)",
                                                                                {AbiValue::number(UInt256(1)), word(0x33)}))}}});
        auto error = again.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toInt(), 3);
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("already purchased")),
                 qPrintable(error.value(QStringLiteral("message")).toString()));
    }

    void malformedInputGetsErrorsAndTheNodeStaysUp()
    {
        auto garbage = m_node.post("{ this is not json").toObject();
        QCOMPARE(garbage.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32700);
        auto badTx = m_node.call(QStringLiteral("eth_sendRawTransaction"), {QStringLiteral("0xdeadbeef")});
        QVERIFY(badTx.contains(QStringLiteral("error")));
        auto unknown = m_node.call(QStringLiteral("eth_mine"));
        QCOMPARE(unknown.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32601);
        QVERIFY(m_node.result(QStringLiteral("eth_blockNumber")).isString());
    }

    void aBatchOfRawTransactionsIsAnsweredInOrder()
    {
        // A JSON-RPC batch of eth_sendRawTransaction (checked together on all cores) with a
        // duplicate, garbage, an unfunded sender, another method and a notification in between:
        // each element gets its own answer under its own id, in order, and the valid ones land.
        auto sender = keyNumber(2);
        auto pending = m_node.result(QStringLiteral("eth_getTransactionCount"),
                                     {QString::fromStdString(addressOf(sender).toChecksumString()), QStringLiteral("pending")});
        std::uint64_t next = *UInt256::fromHexQuantity(pending.toString().toStdString())->toUint64();
        auto recipient = addressOf(keyNumber(5));
        auto transfer = [&](std::uint64_t offset) { return signedTx(sender, next + offset, recipient, UInt256(1), {}, 21'000); };
        auto request = [](int id, const QString& method, const QJsonArray& params) {
            QJsonObject object{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("method"), method},
                               {QStringLiteral("params"), params}};
            if (id > 0)
                object.insert(QStringLiteral("id"), id);
            return object;
        };
        const QString send = QStringLiteral("eth_sendRawTransaction");
        QJsonArray batch{request(1, send, {transfer(0)}),
                         request(2, send, {transfer(0)}),
                         request(3, send, {QStringLiteral("0xdeadbeef")}),
                         request(4, send, {transfer(1)}),
                         request(5, QStringLiteral("eth_chainId"), {}),
                         request(6, send, {signedTx(keyNumber(6), 0, recipient, UInt256(1), {}, 21'000)}),
                         request(0, send, {transfer(2)}), // a notification: no answer
                         request(8, send, {transfer(3)})};
        auto replies = m_node.post(QJsonDocument(batch).toJson(QJsonDocument::Compact)).toArray();
        QCOMPARE(replies.size(), 7);
        QList<int> ids;
        for (const auto& reply : replies)
            ids << reply.toObject().value(QStringLiteral("id")).toInt();
        QCOMPARE(ids, (QList<int>{1, 2, 3, 4, 5, 6, 8}));
        auto errorOf = [&](int index) {
            return replies[index].toObject().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        };
        QVERIFY(replies[0].toObject().value(QStringLiteral("result")).isString());
        QVERIFY2(errorOf(1).contains(QStringLiteral("already known")), qPrintable(errorOf(1)));
        QVERIFY(!errorOf(2).isEmpty());
        QVERIFY(replies[3].toObject().value(QStringLiteral("result")).isString());
        QCOMPARE(replies[4].toObject().value(QStringLiteral("result")).toString(), QStringLiteral("0x3fac"));
        QVERIFY2(errorOf(5).contains(QStringLiteral("insufficient funds")), qPrintable(errorOf(5)));

        auto last = m_node.waitForReceipt(replies[6].toObject().value(QStringLiteral("result")).toString());
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("0x1"));
        auto first = m_node.result(QStringLiteral("eth_getTransactionReceipt"), {replies[0].toObject().value(QStringLiteral("result"))});
        QCOMPARE(first.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("0x1"));
        QCOMPARE(balance(recipient), UInt256(4)); // nonces next … next + 3, the notification's included
    }

    void killDuringLoadLosesNothingCommitted()
    {
        auto sender = keyNumber(1);
        auto nonce = m_node.result(QStringLiteral("eth_getTransactionCount"),
                                   {QString::fromStdString(addressOf(sender).toChecksumString()), QStringLiteral("pending")});
        std::uint64_t next = *UInt256::fromHexQuantity(nonce.toString().toStdString())->toUint64();
        QStringList confirmed;
        for (int i = 0; i < 60; ++i) {
            auto reply = m_node.call(QStringLiteral("eth_sendRawTransaction"),
                                     {signedTx(sender, next + static_cast<std::uint64_t>(i),
                                               addressOf(keyNumber(4)), UInt256(1), {}, 21'000)});
            QVERIFY2(reply.contains(QStringLiteral("result")), QJsonDocument(reply).toJson().constData());
            if (i % 10 == 9) {
                auto receipt = m_node.waitForReceipt(reply.value(QStringLiteral("result")).toString());
                QVERIFY(!receipt.isEmpty());
                confirmed << receipt.value(QStringLiteral("transactionHash")).toString();
            }
        }
        m_node.kill();

        QVERIFY(m_node.start(runArguments()));
        for (const auto& hash : confirmed)
            QVERIFY2(m_node.result(QStringLiteral("eth_getTransactionReceipt"), {hash}).isObject(), qPrintable(hash));
        m_node.stop();

        // Replaying every block from genesis on a fresh chain gives the same state root.
        auto original = node::Chain::open(m_dataDir.toStdString());
        QVERIFY2(original.has_value(), original ? "" : original.error().message.c_str());
        auto genesis = node::Genesis::parse((*original)->genesisJson());
        QVERIFY(genesis.has_value());
        auto replayDir = m_dir.filePath(QStringLiteral("replay")).toStdString();
        QVERIFY(node::Chain::initialize(replayDir, *genesis).has_value());
        auto replay = std::move(*node::Chain::open(replayDir));
        QCOMPARE(replay->genesisHash(), (*original)->genesisHash());
        for (std::uint64_t height = 1; height <= (*original)->height(); ++height) {
            auto block = (*original)->block(height);
            QVERIFY(block.has_value() && block->has_value());
            auto applied = replay->applyBlock((*block)->light, (*block)->transactions);
            QVERIFY2(applied.has_value(), applied ? "" : applied.error().message.c_str());
        }
        QCOMPARE(replay->height(), (*original)->height());
        QCOMPARE(replay->latest().header.stateRoot, (*original)->latest().header.stateRoot);
    }
};

QTEST_GUILESS_MAIN(TestNodeProcess)
#include "tst_node_process.moc"
