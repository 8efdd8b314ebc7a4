// Removing a local copy keeps the licence: a buyer downloads a title, removes the copy (the file
// goes, the swarm stops serving it, licence and title key stay), then downloads it again and
// reads the same bytes; the swarm's figures (api::Transfers) name the title and follow the
// limits set. Real node, real libtorrent sessions on 127.0.0.1, real SQLite libraries.
#include "core/codec/Hex.h"
#include "core/market/ContentPaths.h"
#include "core/market/MarketTransfers.h"

#include "tests/market/ContentTestSupport.h"

using namespace ls;
using namespace ls::testing;

class TestLibraryRemove : public QObject {
    Q_OBJECT

private:
    DevNetwork m_node;
    std::unique_ptr<ContentUser> m_dev;
    std::unique_ptr<ContentUser> m_author;
    std::unique_ptr<ContentUser> m_buyer;
    QTemporaryDir m_files;
    Bytes m_content;
    std::uint64_t m_titleId = 0;

    std::filesystem::path files() const { return m_files.path().toStdString(); }
    std::filesystem::path buyerCopy() const
    {
        return market::content::boughtTitleDirectory(m_buyer->profile(), m_titleId)
            / market::content::containerName(m_titleId, 1);
    }
    api::LibraryVersion buyerVersion()
    {
        auto titles = m_buyer->library().titles();
        if (!titles || titles->size() != 1 || titles->front().versions.empty())
            return {};
        return titles->front().versions.front();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_node.start());
        m_dev = std::make_unique<ContentUser>(m_node.profile(), kDevPhrase);
        m_author = std::make_unique<ContentUser>(m_node.profile());
        m_buyer = std::make_unique<ContentUser>(m_node.profile());
        QVERIFY(fund(*m_dev, m_author->address));
        QVERIFY(fund(*m_dev, m_buyer->address));
        m_content = crypto::randomBytes(700 * 1024 + 17);
        QVERIFY(writeBytes(files() / "notes.pdf", m_content));
        QVERIFY(m_author->open());
        // Served slowly, so the buyer's key request is answered before its copy is complete:
        // libtorrent drops a connection between two complete copies as "uninteresting
        // upload-only peer", which PermitGate::can_disconnect does not keep open yet.
        swarm::SwarmSettings slow = loopbackSwarm();
        slow.uploadLimit = 100 * 1024;
        m_author->session().swarm().applySettings(slow);
        api::PublishRequest request;
        request.file = (files() / "notes.pdf").string();
        request.metadata = { "Field notes", { "Mary Anning" }, "Palaeontology", "", "", {} };
        request.price = baseUnits("1");
        auto published = m_author->publish(request);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_titleId = published->titleId;
        QVERIFY(m_buyer->open());
        m_buyer->buy(m_titleId);
        m_buyer->library().addPeer(m_author->peerAddress());
        auto fetched = m_buyer->fetch(m_titleId);
        QVERIFY2(fetched, fetched ? "" : fetched.error().message.c_str());
        QVERIFY(std::filesystem::exists(buyerCopy()));
    }

    void removingTheLocalCopyDeletesTheFileAndKeepsTheLicence()
    {
        auto removed = m_buyer->library().removeLocalCopy(m_titleId, 1);
        QVERIFY2(removed, removed ? "" : removed.error().message.c_str());
        QVERIFY(!std::filesystem::exists(buyerCopy()));
        QCOMPARE(buyerVersion().download, api::DownloadState::Removed);
        auto titles = m_buyer->library().titles();
        QVERIFY(titles->front().hasKey); // the title key stays in the library
        QVERIFY(!m_buyer->library().open(m_titleId, 1)); // nothing left to read
        // The swarm no longer serves it.
        const Hash256 infohash = codec::fromHexFixed<32>(buyerVersion().contentInfohash).value();
        QVERIFY(!m_buyer->session().swarm().status(infohash));
    }

    void removingTwiceOrAnUnknownVersionIsAClearError()
    {
        auto again = m_buyer->library().removeLocalCopy(m_titleId, 1);
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ErrorKind::InvalidInput);
        QVERIFY(again.error().message.find("no local copy") != std::string::npos);
        QVERIFY(!m_buyer->library().removeLocalCopy(m_titleId, 9));
        QVERIFY(!m_buyer->library().removeLocalCopy(m_titleId + 1000, 1));
    }

    void theLicenceDownloadsItAgain()
    {
        auto fetched = m_buyer->fetch(m_titleId, 1);
        QVERIFY2(fetched, fetched ? "" : fetched.error().message.c_str());
        QCOMPARE(buyerVersion().download, api::DownloadState::Complete);
        QCOMPARE(m_buyer->read(m_titleId, 1).value(), m_content);
    }

    void transfersNameTheTitleAndFollowTheLimits()
    {
        market::MarketTransfers transfers(m_buyer->session().swarm(), m_buyer->session().database(),
            m_buyer->address, loopbackSwarm());
        std::optional<api::SwarmStatus> seen;
        auto subscription
            = transfers.subscribeStatus([&](const api::SwarmStatus& status) { seen = status; });
        // The swarm's figures lag its state by up to half a second: wait for the complete copy.
        auto content = [&]() -> std::optional<api::TitleTransfer> {
            if (!seen)
                return std::nullopt;
            for (const api::TitleTransfer& t : seen->titles)
                if (t.titleId == m_titleId && t.version == 1)
                    return t;
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(content() && content()->progress == 1.0, kContentWaitMs);
        QCOMPARE(content()->name, std::string("Field notes"));
        QCOMPARE(content()->state, api::TitleTransfer::State::Seeding);
        QVERIFY(!seen->limits.fullSeeding);

        transfers.setLimits({ true, 50'000, 80'000 });
        QTRY_VERIFY_WITH_TIMEOUT(seen->limits.fullSeeding, kContentWaitMs);
        QCOMPARE(seen->limits.uploadLimit, 50'000);
        QCOMPARE(seen->limits.downloadLimit, 80'000);
        // Full seeding takes every torrent out of the normal-mode queue.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto torrents = m_buyer->session().swarm().torrents();
                return !torrents.empty()
                    && std::none_of(torrents.begin(), torrents.end(),
                        [](const auto& t) { return t.autoManaged; });
            }(),
            kContentWaitMs);
    }
};

QTEST_GUILESS_MAIN(TestLibraryRemove)
#include "tst_library_remove.moc"
