// The Library screen with real content: the app (a new wallet on "This computer", a real
// lightstreams-node) asks for the passphrase before it opens the library (a wrong one is
// refused, the right one starts the content session); an author on the same network publishes
// a PDF; the app's wallet buys it; the Library screen shows it, downloads it from the author's
// swarm and opens it in the Reader with its pages; Remove local copy keeps the title and
// Download fetches it again; the Network page lists the title with its figures, full seeding
// switches the swarm's mode (kept in the profile's settings, with a tray icon where the desktop
// has one) and the bandwidth limits apply at once. Offscreen, real libtorrent sessions on
// 127.0.0.1, real SQLite libraries.
#include "app/gui/SwarmPreferences.h"
#include "core/market/ContentSession.h"
#include "ui/CoverArt.h"
#include "ui/library/LibraryPage.h"
#include "ui/network/SharingPanel.h"
#include "ui/reader/PdfReader.h"

#include <QComboBox>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTreeWidget>

#include "tests/gui/GuiContentSupport.h"
#include "tests/support/SamplePdf.h"

using namespace ls;
using namespace ls::testing;

namespace {

constexpr int kSamplePages = 12;

} // namespace

class TestLibraryScreen : public QObject {
    Q_OBJECT

public:
    TestLibraryScreen()
    {
        // Publishing, buying and two downloads each wait on blocks and swarms: more than the
        // five minutes a test function gets by default on a busy machine.
        qputenv("QTEST_FUNCTION_TIMEOUT", "900000");
    }

private:
    std::unique_ptr<AppUnderTest> m_subject;
    std::unique_ptr<ContentUser> m_author;
    QTemporaryDir m_files;
    std::uint64_t m_titleId = 0;

    ui::LibraryPage* page() { return m_subject->window()->libraryPage(); }
    QString stateText() { return widget<QLabel>(page(), "downloadState")->text(); }
    QString listedText()
    {
        auto* list = widget<QListWidget>(page(), "libraryTitles");
        return list->count() > 0 ? list->item(0)->text() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_subject = std::make_unique<AppUnderTest>();
        createWalletBeforeStart(*m_subject);
        QVERIFY(!QTest::currentTestFailed());
        m_subject->app().start();
        QVERIFY(!QTest::currentTestFailed());
        waitUntilConnected(*m_subject);
        QVERIFY(!QTest::currentTestFailed());
    }

    void theLibraryIsLockedUntilTheRightPassphrase()
    {
        ui::MainWindow* window = m_subject->window();
        QVERIFY(window->unlockPanel() && window->unlockPanel()->isVisible());
        QVERIFY(!m_subject->app().content());
        QVERIFY(!window->libraryPage());
        // The wallet and the network work while it is locked.
        QVERIFY(m_subject->statusText().startsWith(QStringLiteral("Verified block ")));

        const QString wrong = unlockWith(*m_subject, QStringLiteral("not the passphrase"));
        QVERIFY2(wrong.contains(QStringLiteral("does not open this wallet")), qPrintable(wrong));
        QVERIFY(!m_subject->app().content());
        QVERIFY(window->unlockPanel()->isVisible()); // asks again

        const QString right = unlockWith(*m_subject, QString::fromLatin1(kGuiPassphrase));
        QVERIFY2(right.isEmpty(), qPrintable(right));
        QTRY_VERIFY_WITH_TIMEOUT(m_subject->app().content() != nullptr, kGuiWaitMs);
        QVERIFY(!window->unlockPanel()->isVisible());
        QVERIFY(page());
        // The swarm reports: peers and rates show in the status bar.
        QTRY_VERIFY(widget<QLabel>(window->statusBar(), "peerStatus")->isVisible());
        QVERIFY(widget<QLabel>(window->statusBar(), "rateStatus")->text().contains(u'↓'));
        m_subject->showSection(ui::MainWindow::Section::Library);
        QVERIFY(widget<QLabel>(page(), "libraryEmpty")->isVisible());
    }

    void anAuthorOnTheSameNetworkPublishesAPdf()
    {
        QVERIFY(m_subject->app().content());
        m_author = authorOnAppNetwork(*m_subject);
        QVERIFY(m_author);
        // Served slowly, so the app's key request is answered before its copy is complete:
        // libtorrent drops a connection between two complete copies as "uninteresting
        // upload-only peer", which PermitGate::can_disconnect does not keep open yet.
        swarm::SwarmSettings slow = loopbackSwarm();
        slow.uploadLimit = 8 * 1024;
        m_author->session().swarm().applySettings(slow);
        const std::filesystem::path files = m_files.path().toStdString();
        const QByteArray pdf = samplePdf(kSamplePages);
        QVERIFY(writeBytes(files / "notes.pdf",
            asBytes(std::string_view(pdf.data(), static_cast<std::size_t>(pdf.size())))));
        QVERIFY(writeBytes(files / "cover.png", tinyPng()));
        api::PublishRequest request;
        request.file = (files / "notes.pdf").string();
        request.metadata = { "Sample notes", { "Grace Hopper" }, "Computing", "Forty lines a page.",
            (files / "cover.png").string(), {} };
        request.price = baseUnits("3");
        auto published = m_author->publish(request);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_titleId = published->titleId;
    }

    void aBoughtTitleDownloadsAndOpensInTheReader()
    {
        QVERIFY(m_titleId != 0);
        buyWithApp(*m_subject, m_titleId);
        QVERIFY(!QTest::currentTestFailed());
        announcePeer(*m_subject, *m_author);
        QVERIFY(!QTest::currentTestFailed());
        // What Discover does after a purchase: the Library takes the title from there.
        page()->download(m_titleId);
        QTRY_VERIFY_WITH_TIMEOUT(
            listedText().startsWith(QStringLiteral("Sample notes\nGrace Hopper")), kGuiWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("On this computer"), kGuiWaitMs * 2);
        QVERIFY(widget<QPushButton>(page(), "openButton")->isEnabled());
        QCOMPARE(widget<QLabel>(page(), "titleName")->text(), QStringLiteral("Sample notes"));
        QVERIFY(!widget<QLabel>(page(), "titleCover")->pixmap().isNull());
        // The list's icon is the cover, drawn on a worker after a placeholder.
        QTRY_COMPARE(page()->iconsPending(), 0);
        auto* list = widget<QListWidget>(page(), "libraryTitles");
        const QSize iconSize = list->iconSize();
        const Bytes cover = tinyPng();
        QCOMPARE(
            list->item(0)->icon().pixmap(iconSize).toImage().convertToFormat(QImage::Format_ARGB32),
            ui::coverArt(cover, QStringLiteral("Sample notes"), iconSize)
                .toImage()
                .convertToFormat(QImage::Format_ARGB32));
        QCOMPARE(widget<QComboBox>(page(), "versionChoice")->currentText(),
            QStringLiteral("Version 1 (latest)"));
        QVERIFY(page()->errorText().isEmpty());

        click(widget<QPushButton>(page(), "openButton"));
        auto* reader = qobject_cast<ui::PdfReader*>(page()->viewer());
        QVERIFY2(reader, qPrintable(page()->errorText()));
        QTRY_VERIFY_WITH_TIMEOUT(reader->isReady() || !reader->errorText().isEmpty(), kGuiWaitMs);
        QVERIFY2(reader->errorText().isEmpty(), qPrintable(reader->errorText()));
        QCOMPARE(reader->pageCount(), kSamplePages);
        reader->close();
    }

    // The list and the details draw a title without a cover (or with one that does not decode)
    // as the card Discover shows, with its name, not as a generic file icon.
    void aTitleWithoutACoverGetsTheGeneratedCard()
    {
        const QSize size(96, 96);
        const QPixmap card = ui::coverArt({}, QStringLiteral("Sample notes"), size);
        QVERIFY(!card.isNull());
        QCOMPARE(card.size(), size);
        const QImage drawn = card.toImage();
        QVERIFY(drawn.pixelColor(1, 1).alpha() == 255); // a filled card, not a transparent icon
        const std::string_view text = "not an image";
        const Bytes garbage(text.begin(), text.end());
        QCOMPARE(ui::coverArt(garbage, QStringLiteral("Sample notes"), size).toImage(), drawn);
        // Titles apart by name are apart by colour.
        QVERIFY(ui::coverArt({}, QStringLiteral("Other"), size).toImage().pixelColor(1, 1)
            != drawn.pixelColor(1, 1));
    }

    void removingTheLocalCopyKeepsTheTitleAndItDownloadsAgain()
    {
        QVERIFY(m_titleId != 0);
        click(widget<QPushButton>(page(), "removeButton"));
        QCOMPARE(stateText(), QStringLiteral("Local copy removed"));
        QVERIFY(listedText().startsWith(QStringLiteral("Sample notes"))); // still owned
        QVERIFY(!widget<QPushButton>(page(), "openButton")->isEnabled());
        auto* download = widget<QPushButton>(page(), "downloadButton");
        QVERIFY(download->isVisible());

        click(download);
        QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("On this computer"), kGuiWaitMs * 2);
        click(widget<QPushButton>(page(), "openButton"));
        auto* reader = qobject_cast<ui::PdfReader*>(page()->viewer());
        QVERIFY(reader);
        QTRY_VERIFY_WITH_TIMEOUT(reader->isReady() || !reader->errorText().isEmpty(), kGuiWaitMs);
        QCOMPARE(reader->pageCount(), kSamplePages);
        reader->close();
    }

    void theNetworkPageSharesTheTitleAndSwitchesToFullSeeding()
    {
        QVERIFY(m_titleId != 0);
        m_subject->showSection(ui::MainWindow::Section::Network);
        auto* panel = widget<ui::SharingPanel>(m_subject->window(), "sharingPanel");
        auto* table = widget<QTreeWidget>(panel, "seedingTable");
        const auto rows = [table] {
            QStringList texts;
            for (int i = 0; i < table->topLevelItemCount(); ++i) {
                QStringList cells;
                for (int column = 0; column < table->columnCount(); ++column)
                    cells << table->topLevelItem(i)->text(column);
                texts << cells.join(u'|');
            }
            return texts;
        };
        // The title's content (version 1) and its public details, both complete and seeding.
        QTRY_VERIFY2_WITH_TIMEOUT(
            rows().contains(QStringLiteral("Sample notes|1|Seeding|100.0%|0 B/s|0 B/s|0.00|0"))
                || rows().filter(QStringLiteral("Sample notes|1|Seeding|100.0%")).size() == 1,
            qPrintable(rows().join(QStringLiteral("; "))), kGuiWaitMs);
        QCOMPARE(rows().filter(QStringLiteral("Sample notes|details|")).size(), 1);

        auto* fullSeeding = widget<QCheckBox>(panel, "fullSeeding");
        QVERIFY(!fullSeeding->isChecked());
        click(fullSeeding);
        QVERIFY(m_subject->app().transfers()->status().limits.fullSeeding);
        // The swarm takes every torrent out of the normal-mode queue.
        auto& swarm = m_subject->app().content()->swarm();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto torrents = swarm.torrents();
                return !torrents.empty()
                    && std::none_of(torrents.begin(), torrents.end(),
                        [](const auto& t) { return t.autoManaged; });
            }(),
            kGuiWaitMs);
        QVERIFY(gui::SwarmPreferences(m_subject->profileDirectory()).load().fullSeeding);
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            QVERIFY(
                m_subject->window()->trayIcon() && m_subject->window()->trayIcon()->isVisible());
            QVERIFY(m_subject->window()->keepsRunningInTray());
        } else {
            QVERIFY(!m_subject->window()->keepsRunningInTray()); // closing quits as usual
        }

        auto* upload = widget<QSpinBox>(panel, "uploadLimit");
        upload->setValue(250);
        QCOMPARE(m_subject->app().transfers()->status().limits.uploadLimit, 250'000);
        QCOMPARE(gui::SwarmPreferences(m_subject->profileDirectory()).load().uploadLimit, 250'000);

        click(fullSeeding);
        QVERIFY(!m_subject->app().transfers()->status().limits.fullSeeding);
        QVERIFY(!m_subject->window()->keepsRunningInTray());
    }

    void cleanupTestCase()
    {
        m_author.reset();
        m_subject.reset();
    }
};

QTEST_MAIN(TestLibraryScreen)
#include "tst_library_screen.moc"
