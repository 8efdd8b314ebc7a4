// Peers that lie on the wire, played by a hand-written BitTorrent peer against real libtorrent
// sessions: a permit proof replayed from another connection gets nothing, and a corrupted piece
// is rejected and fetched again from an honest peer.
#include <libtorrent/torrent_info.hpp>

#include <QSignalSpy>

#include "tests/swarm/RawPeer.h"
#include "tests/swarm/SwarmTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

constexpr int kWaitMs = 60'000;
constexpr std::size_t kFileSize = 1024 * 1024 + 777;

bool anyEventContains(const QSignalSpy& spy, const QString& text)
{
    for (const auto& arguments : spy)
        if (arguments.at(1).toString().contains(text))
            return true;
    return false;
}

} // namespace

class TestSwarmAdversaries : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SwarmPeer> m_author;
    swarm::CreatedTorrent m_torrent;
    Bytes m_content;
    const crypto::PrivateKey m_licensed = swarmKey(9);
    QByteArray m_v1Hash;

    RawPeer rawPeer() const { return RawPeer(m_v1Hash, m_torrent.infohash, kSwarmChainId); }

private Q_SLOTS:
    void initTestCase()
    {
        m_author = std::make_unique<SwarmPeer>(1);
        m_author->policy.granted.insert(accountOf(m_licensed));
        const auto file = m_author->directory() / "title.lsc";
        m_content = randomFile(file, kFileSize);
        m_torrent = swarm::makeTorrent(file, 64 * 1024).value();
        lt::error_code error;
        const lt::torrent_info info(
            lt::span<const char>(reinterpret_cast<const char*>(m_torrent.torrentFile.data()),
                static_cast<long>(m_torrent.torrentFile.size())),
            error, lt::from_span);
        QVERIFY(!error);
        m_v1Hash = QByteArray(info.info_hashes().v1.data(), 20);
        QSignalSpy added(&m_author->swarm, &swarm::Swarm::torrentAdded);
        QVERIFY(m_author->swarm.add(
            { m_torrent.infohash, m_torrent.torrentFile, m_author->directory(), true, true, {} }));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_author->swarm.status(m_torrent.infohash)->state
                == swarm::TorrentStatus::State::Seeding,
            kWaitMs);
    }

    void anHonestProofIsGranted()
    {
        // The control for the replay below: the same peer, signing this connection's challenge.
        QSignalSpy events(&m_author->swarm, &swarm::Swarm::permitEvent);
        RawPeer peer = rawPeer();
        peer.onHandshake = [this](RawPeer& self) {
            self.sendPermit(swarm::provePermit(
                m_licensed, self.context(), self.ourNonce(), *self.theirNonce()));
        };
        peer.connectTo(m_author->swarm.listenPort());
        QTRY_VERIFY_WITH_TIMEOUT(anyEventContains(events,
                                     QStringLiteral("granted ")
                                         + QString::fromStdString(
                                             accountOf(m_licensed).toChecksumString())),
            kWaitMs);
    }

    void aReplayedProofGetsNothing()
    {
        QSignalSpy events(&m_author->swarm, &swarm::Swarm::permitEvent);
        RawPeer peer = rawPeer();
        peer.onHandshake = [this](RawPeer& self) {
            // A licensed buyer's genuine proof, captured from another connection (whose
            // verifier nonce was different), replayed here.
            swarm::PermitNonce otherConnection;
            otherConnection.fill(0x31);
            self.sendPermit(swarm::provePermit(
                m_licensed, self.context(), self.ourNonce(), otherConnection));
            self.sendMessageRequestingEverything();
        };
        peer.connectTo(m_author->swarm.listenPort());
        QTRY_VERIFY_WITH_TIMEOUT(peer.disconnected(), kWaitMs);
        QVERIFY(anyEventContains(events, QStringLiteral("signature over this connection's challenge")));
        QVERIFY(!anyEventContains(events, QStringLiteral("granted")));
        QCOMPARE(peer.piecesReceived(), 0);
    }

    void aCorruptedPieceIsRejectedAndFetchedAgain()
    {
        swarm::SwarmSettings plainText = loopbackSettings();
        plainText.obfuscateOutgoing = false; // the hand-written peer speaks only plain text
        SwarmPeer buyer(5, plainText);
        buyer.policy.granted = { accountOf(m_licensed), m_author->account };
        m_author->policy.granted.insert(buyer.account);

        // A licensed peer that claims every piece and answers every request with garbage.
        RawPeer liar = rawPeer();
        liar.onHandshake = [this](RawPeer& self) {
            self.sendPermit(swarm::provePermit(
                m_licensed, self.context(), self.ourNonce(), *self.theirNonce()));
            self.sendHaveAll();
            self.sendUnchoke();
        };
        liar.onRequest = [](RawPeer& self, std::uint32_t piece, std::uint32_t offset,
                             std::uint32_t length) {
            self.sendPiece(piece, offset, QByteArray(static_cast<qsizetype>(length), 'X'));
        };
        const quint16 liarPort = liar.listen();

        QSignalSpy events(&buyer.swarm, &swarm::Swarm::permitEvent);
        QSignalSpy finished(&buyer.swarm, &swarm::Swarm::torrentFinished);
        QSignalSpy added(&buyer.swarm, &swarm::Swarm::torrentAdded);
        QVERIFY(buyer.swarm.add(
            { m_torrent.infohash, m_torrent.torrentFile, buyer.directory(), true, false, {} }));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kWaitMs);
        // Only the liar at first, so the bad pieces surely come from it.
        buyer.swarm.connectPeer(m_torrent.infohash, "127.0.0.1:" + std::to_string(liarPort));
        QTRY_VERIFY_WITH_TIMEOUT(liar.theirNonce().has_value(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(liar.requestsSeen() > 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            anyEventContains(events, QStringLiteral("failed its hash check")), kWaitMs);
        QCOMPARE(buyer.swarm.status(m_torrent.infohash)->totalDone < kFileSize, true);

        buyer.swarm.connectPeer(m_torrent.infohash, m_author->address());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWaitMs);
        QCOMPARE(readFile(buyer.directory() / "title.lsc"), m_content);
    }

    void cleanupTestCase() { m_author.reset(); }
};

QTEST_GUILESS_MAIN(TestSwarmAdversaries)
#include "tst_swarm_adversaries.moc"
