// The permissioned swarm on loopback with real libtorrent sessions: a licensed peer downloads a
// byte-identical copy and the title key; a peer without a permit, and a BitTorrent client
// without our extension, get nothing and are disconnected. (Peers that lie on the wire:
// tst_swarm_adversaries.)
#include <QSignalSpy>

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/torrent_info.hpp>
#include <libtorrent/torrent_status.hpp>

#include "tests/swarm/SwarmTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

constexpr int kWaitMs = 60'000;
constexpr std::size_t kFileSize = 3 * 1024 * 1024 + 12345;
constexpr std::size_t kPieceSize = 64 * 1024;

bool anyEventContains(const QSignalSpy& spy, const QString& text)
{
    for (const auto& arguments : spy)
        if (arguments.at(1).toString().contains(text))
            return true;
    return false;
}

} // namespace

class TestSwarmPermit : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SwarmPeer> m_author;
    swarm::CreatedTorrent m_torrent;
    Bytes m_content;

    swarm::TorrentSource sourceFor(const SwarmPeer& peer) const
    {
        return { m_torrent.infohash, m_torrent.torrentFile, peer.directory(), true, false, {} };
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_author = std::make_unique<SwarmPeer>(1);
        const auto file = m_author->directory() / "title-1-v1.lsc";
        m_content = randomFile(file, kFileSize);
        QCOMPARE(m_content.size(), kFileSize);
        auto torrent = swarm::makeTorrent(file, kPieceSize);
        QVERIFY2(torrent, torrent ? "" : torrent.error().message.c_str());
        m_torrent = *torrent;
        QSignalSpy added(&m_author->swarm, &swarm::Swarm::torrentAdded);
        QVERIFY(m_author->swarm.add(sourceFor(*m_author)));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_author->swarm.status(m_torrent.infohash)->state
                == swarm::TorrentStatus::State::Seeding,
            kWaitMs);
        QVERIFY(m_author->swarm.listenPort() != 0);
    }

    void aLicensedPeerGetsAByteIdenticalCopyAndTheKey()
    {
        SwarmPeer buyer(2);
        m_author->policy.granted.insert(buyer.account);
        m_author->policy.sealedKey.emplace();
        m_author->policy.sealedKey->fill(0x42);
        buyer.policy.granted.insert(m_author->account); // the buyer serves the author too

        QSignalSpy finished(&buyer.swarm, &swarm::Swarm::torrentFinished);
        QSignalSpy keys(&buyer.swarm, &swarm::Swarm::titleKeyArrived);
        QSignalSpy added(&buyer.swarm, &swarm::Swarm::torrentAdded);
        QVERIFY(buyer.swarm.add(sourceFor(buyer)));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kWaitMs);
        buyer.swarm.setKeyWanted(m_torrent.infohash, true);
        buyer.swarm.connectPeer(m_torrent.infohash, m_author->address());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWaitMs);
        QCOMPARE(readFile(buyer.directory() / "title-1-v1.lsc"), m_content);

        QTRY_VERIFY_WITH_TIMEOUT(!keys.isEmpty(), kWaitMs);
        QCOMPARE(keys.first().at(1).toString(),
            QString::fromStdString(m_author->account.toChecksumString()));
        QCOMPARE(keys.first().at(2).value<FixedBytes<80>>(), *m_author->policy.sealedKey);
    }

    // A holder with a slow upload answers a buyer that wants the key before it sends a piece:
    // queued behind the pieces, the key would arrive only once the send buffer had drained
    // (megabytes at the holder's rate), and the buyer could neither stream nor open meanwhile.
    void aSlowHolderSendsTheKeyBeforeThePieces()
    {
        swarm::SwarmSettings slow = loopbackSettings();
        slow.uploadLimit = 32 * 1024; // the whole file: about 100 s
        SwarmPeer holder(4, slow);
        const auto file = holder.directory() / "title-1-v1.lsc";
        {
            QFile copy(QString::fromStdString(file.string()));
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(reinterpret_cast<const char*>(m_content.data()),
                static_cast<qint64>(m_content.size()));
        }
        QVERIFY(holder.swarm.add(sourceFor(holder)));
        QTRY_VERIFY_WITH_TIMEOUT(holder.swarm.status(m_torrent.infohash)
                && holder.swarm.status(m_torrent.infohash)->state
                    == swarm::TorrentStatus::State::Seeding,
            kWaitMs);
        SwarmPeer buyer(5);
        holder.policy.granted.insert(buyer.account);
        holder.policy.sealedKey.emplace();
        holder.policy.sealedKey->fill(0x24);
        holder.policy.keyDelay = std::chrono::milliseconds(2000); // proving the buyer's licence
        buyer.policy.granted.insert(holder.account);

        QSignalSpy keys(&buyer.swarm, &swarm::Swarm::titleKeyArrived);
        QSignalSpy added(&buyer.swarm, &swarm::Swarm::torrentAdded);
        buyer.swarm.setKeyWanted(m_torrent.infohash, true); // said in the handshake
        QVERIFY(buyer.swarm.add(sourceFor(buyer)));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kWaitMs);
        buyer.swarm.connectPeer(m_torrent.infohash, holder.address());
        QTRY_VERIFY_WITH_TIMEOUT(!keys.isEmpty(), kWaitMs);
        QCOMPARE(keys.first().at(2).value<FixedBytes<80>>(), *holder.policy.sealedKey);
        // Not one piece before the key. (Behind the pieces, it would come after the 2 s the
        // holder takes plus the send buffer: about 200 KiB at this rate.)
        const auto status = buyer.swarm.status(m_torrent.infohash);
        QVERIFY(status);
        QVERIFY2(status->totalDone < kPieceSize,
            qPrintable(QStringLiteral("%1 bytes came before the key").arg(status->totalDone)));
        // And the pieces still flow once the key went.
        QTRY_VERIFY_WITH_TIMEOUT(buyer.swarm.status(m_torrent.infohash)->totalDone > 0, kWaitMs);
    }

    void aPeerWithoutAPermitGetsNothingAndIsDisconnected()
    {
        SwarmPeer stranger(3);
        stranger.policy.granted.insert(m_author->account);
        QSignalSpy authorEvents(&m_author->swarm, &swarm::Swarm::permitEvent);
        QSignalSpy strangerEvents(&stranger.swarm, &swarm::Swarm::permitEvent);
        QSignalSpy keys(&stranger.swarm, &swarm::Swarm::titleKeyArrived);
        QSignalSpy added(&stranger.swarm, &swarm::Swarm::torrentAdded);
        QVERIFY(stranger.swarm.add(sourceFor(stranger)));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kWaitMs);
        stranger.swarm.setKeyWanted(m_torrent.infohash, true);
        stranger.swarm.connectPeer(m_torrent.infohash, m_author->address());

        const QString strangerAccount = QString::fromStdString(stranger.account.toChecksumString());
        QTRY_VERIFY_WITH_TIMEOUT(
            anyEventContains(authorEvents, strangerAccount + QStringLiteral(" has no permit")),
            kWaitMs);
        // It was told why before the author hung up.
        QTRY_VERIFY_WITH_TIMEOUT(
            anyEventContains(strangerEvents, QStringLiteral("no licence")), kWaitMs);
        QTest::qWait(1500); // status updates come twice a second
        const auto status = stranger.swarm.status(m_torrent.infohash);
        QVERIFY(status);
        QCOMPARE(status->totalDownloaded, std::uint64_t { 0 });
        QCOMPARE(status->totalDone, std::uint64_t { 0 });
        QVERIFY(keys.isEmpty());
    }

    void aClientWithoutTheExtensionGetsNothingAndIsDisconnected()
    {
        QSignalSpy authorEvents(&m_author->swarm, &swarm::Swarm::permitEvent);
        QTemporaryDir dir;
        lt::settings_pack pack;
        pack.set_str(lt::settings_pack::listen_interfaces, "127.0.0.1:0");
        pack.set_bool(lt::settings_pack::enable_dht, false);
        pack.set_bool(lt::settings_pack::enable_lsd, false);
        pack.set_bool(lt::settings_pack::allow_multiple_connections_per_ip, true);
        lt::session plain(pack); // libtorrent's default plugins, no ls_permit
        lt::add_torrent_params params;
        lt::error_code error;
        params.ti = std::make_shared<lt::torrent_info>(
            lt::span<const char>(reinterpret_cast<const char*>(m_torrent.torrentFile.data()),
                static_cast<long>(m_torrent.torrentFile.size())),
            error, lt::from_span);
        QVERIFY(!error);
        params.save_path = dir.path().toStdString();
        lt::torrent_handle handle = plain.add_torrent(params, error);
        QVERIFY(!error);
        handle.connect_peer(
            lt::tcp::endpoint(lt::make_address("127.0.0.1"), m_author->swarm.listenPort()));

        QTRY_VERIFY_WITH_TIMEOUT(
            anyEventContains(authorEvents, QStringLiteral("has no ls_permit extension")), kWaitMs);
        QTest::qWait(1000);
        const lt::torrent_status status = handle.status();
        QCOMPARE(status.total_payload_download, std::int64_t { 0 });
        QCOMPARE(status.num_pieces, 0);
    }

    void cleanupTestCase() { m_author.reset(); }
};

QTEST_GUILESS_MAIN(TestSwarmPermit)
#include "tst_swarm_permit.moc"
