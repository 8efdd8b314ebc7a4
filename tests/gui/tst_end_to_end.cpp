// The first minutes of two users of the desktop app, end to end, through the real main windows
// of two apps on one machine (two profiles in one data directory, as `--profile` gives):
//   1. An author installs the app: the first-run wizard makes a wallet on "This computer", the
//      app starts the network's node, funds the wallet and publishes the demo titles.
//   2. The author publishes a PDF through the Studio's wizard.
//   3. A reader's app joins the same "This computer", finds the author's PDF in Discover, buys
//      it and opens it in the Reader from the purchase dialog.
//   4. The reader buys the demo video and plays it until frames arrive.
//   5. The reader switches full seeding on in the Network section.
// Nothing but widgets is driven; every figure on screen is proven by each app's light client
// against the real lightstreams-node, and the content travels through real libtorrent sessions
// on 127.0.0.1.
//
// With LS_SCREENSHOT_DIR set, each screen is also saved there as a PNG on its way
// (scripts/screenshots.sh renders docs/screenshots/ so): the pictures show exactly what the test
// checked.
#include "core/api/DemoTitles.h"
#include "core/market/ContentSession.h"
#include "ui/PhtAmount.h"
#include "ui/discover/BuyDialog.h"
#include "ui/discover/DiscoverPage.h"
#include "ui/library/LibraryPage.h"
#include "ui/network/SharingPanel.h"
#include "ui/player/MediaPlayerView.h"
#include "ui/reader/PdfReader.h"
#include "ui/studio/PublishWizard.h"
#include "ui/studio/StudioPage.h"

#include <QApplication>
#include <QListView>
#include <QPainter>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVideoFrame>
#include <QVideoSink>

#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/MediaTestMain.h"
#include <algorithm>

using namespace ls;
using namespace ls::testing;

namespace {

const QString kOwnBook = QStringLiteral(LS_TEST_DATA_DIR "/sample-book.pdf");
const QString kOwnTitle = QStringLiteral("Notes From the Harbour");
constexpr int kContentWaitMs = kGuiWaitMs * 3; // blocks, a swarm and a key on a busy machine
constexpr std::size_t kDemoVideo = 2; // the demo material's order: book, track, video

QWidget* discoverPage(AppUnderTest& app)
{
    return app.window()->page(ui::MainWindow::Section::Discover);
}

// The player's window with `frame` painted over its video widget, saved as player.png.
void snapshotWithVideo(QWidget* window, QWidget* video, const QVideoFrame& frame)
{
    const QString directory = qEnvironmentVariable("LS_SCREENSHOT_DIR");
    if (directory.isEmpty() || !window || !video)
        return;
    QPixmap picture = window->grab();
    QImage image = frame.toImage();
    QPainter painter(&picture);
    const QRect area(video->mapTo(window, QPoint(0, 0)), video->size());
    const QSize fitted = image.size().scaled(area.size(), Qt::KeepAspectRatio);
    const QRect target(area.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted);
    painter.fillRect(area, Qt::black);
    painter.drawImage(target, image);
    painter.end();
    picture.save(directory + QStringLiteral("/player.png"));
}

QListView* discoverGrid(AppUnderTest& app)
{
    return widget<QListView>(discoverPage(app), "discoverGrid");
}

// The grid's row showing `titleId`; -1 while it is not there.
int gridRow(AppUnderTest& app, std::uint64_t titleId)
{
    QListView* grid = discoverGrid(app);
    for (int row = 0; grid && row < grid->model()->rowCount(); ++row)
        if (grid->model()->index(row, 0).data(ui::DiscoverPage::kTitleIdRole).toULongLong()
            == titleId)
            return row;
    return -1;
}

// Opens a title's page from the grid, as a double click (or Return) does.
void openTitleFromGrid(AppUnderTest& app, std::uint64_t titleId)
{
    const int row = gridRow(app, titleId);
    QVERIFY2(row >= 0, "the title is not in the grid");
    QListView* grid = discoverGrid(app);
    const QModelIndex index = grid->model()->index(row, 0);
    grid->setFocus();
    grid->setCurrentIndex(index);
    QTest::keyClick(grid, Qt::Key_Return);
    QTRY_VERIFY(widget<QPushButton>(discoverPage(app), "titleBack")->isVisible());
}

// The title page's Buy, confirmed with the passphrase; waits until the dialog offers Open and
// presses it. Check QTest::currentTestFailed().
void buyAndOpen(AppUnderTest& app, const char* screenshot = nullptr)
{
    auto* buy = widget<QPushButton>(discoverPage(app), "titleBuy");
    QTRY_VERIFY_WITH_TIMEOUT(buy->isVisible(), kGuiWaitMs); // once the proven details are in
    click(buy);
    ui::BuyDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = app.window()->findChild<ui::BuyDialog*>()) != nullptr);
    auto* confirm = widget<QPushButton>(dialog, "buyConfirm");
    QTRY_VERIFY_WITH_TIMEOUT(confirm->isEnabled(), kGuiWaitMs);
    if (screenshot) // the confirmation: price, fee, balance after
        snapshot(dialog, screenshot);
    type(widget<QLineEdit>(dialog, "buyPassphrase"), QString::fromLatin1(kGuiPassphrase));
    click(confirm);
    auto* open = widget<QPushButton>(dialog, "buyOpen");
    const bool ready = QTest::qWaitFor([&] { return open->isEnabled(); }, kContentWaitMs);
    QVERIFY2(ready,
        qPrintable(widget<QLabel>(dialog, "buyStage")->text() + QStringLiteral(" / ")
            + widget<QLabel>(dialog, "buyResult")->text()));
    click(open);
}

// What each app's swarm holds, for a failure's message.
QString swarmState(AppUnderTest& app)
{
    QStringList lines;
    if (!app.app().content())
        return QStringLiteral("(no content session)");
    for (const auto& torrent : app.app().content()->swarm().torrents())
        lines << QStringLiteral("%1 state %2 peers %3 auto %4 %5")
                     .arg(QString::fromStdString(torrent.name))
                     .arg(int(torrent.state))
                     .arg(torrent.peers)
                     .arg(torrent.autoManaged)
                     .arg(QString::fromStdString(torrent.error));
    return lines.join(QStringLiteral("; "));
}

int pageCountOf(const QString& file)
{
    QPdfDocument document;
    document.load(file);
    return document.pageCount();
}

} // namespace

class TestEndToEnd : public QObject {
    Q_OBJECT

public:
    TestEndToEnd()
    {
        // Each step waits on blocks, swarms and a media decoder of a shared 2-core machine.
        qputenv("QTEST_FUNCTION_TIMEOUT", "900000");
    }

private:
    QTemporaryDir m_dataDirectory; // the machine's one data directory, for both profiles
    std::unique_ptr<AppUnderTest> m_author;
    std::unique_ptr<AppUnderTest> m_reader;
    std::uint64_t m_ownTitle = 0;

    void resize(AppUnderTest& app)
    {
        app.window()->resize(1180, 780);
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dataDirectory.isValid());
    }

    void aNewUserStartsOnThisComputerFundedWithTheDemoTitles()
    {
        m_author = std::make_unique<AppUnderTest>(m_dataDirectory.path().toStdString(), "author");
        m_author->app().start();
        snapshot(m_author->app().onboarding(), "onboarding");
        createWalletThroughOnboarding(*m_author);
        if (QTest::currentTestFailed())
            return;
        resize(*m_author);
        waitUntilConnected(*m_author);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(m_author->window(), "walletBalance")->text(),
            QStringLiteral("10,000 PHT"), kGuiWaitMs);
        // The wizard had the passphrase: the library opened without asking again.
        QTRY_VERIFY_WITH_TIMEOUT(m_author->app().library() != nullptr, kGuiWaitMs);
        QVERIFY(!m_author->window()->unlockPanel()->isVisible());

        // This app runs the network's node, so it is the one with the demo author.
        api::DemoTitles* demo = m_author->app().demoTitles();
        QVERIFY(demo);
        QTRY_VERIFY2_WITH_TIMEOUT(demo->status().state == api::DemoTitlesStatus::State::Seeding,
            demo->status().error.c_str(), kContentWaitMs);
        QCOMPARE(demo->status().titleIds.size(), std::size_t { 3 });

        m_author->showSection(ui::MainWindow::Section::Discover);
        for (std::uint64_t titleId : demo->status().titleIds)
            QTRY_VERIFY_WITH_TIMEOUT(gridRow(*m_author, titleId) >= 0, kGuiWaitMs);
        snapshot(m_author->window(), "discover");
    }

    void theAuthorPublishesAPdfThroughTheStudio()
    {
        QVERIFY(m_author && m_author->app().library());
        m_author->showSection(ui::MainWindow::Section::Studio);
        auto* studio = qobject_cast<ui::StudioPage*>(
            m_author->window()->page(ui::MainWindow::Section::Studio));
        QVERIFY(studio);
        click(widget<QPushButton>(studio, "studioPublish"));
        ui::PublishWizard* wizard = nullptr;
        QTRY_VERIFY((wizard = studio->findChild<ui::PublishWizard*>()) != nullptr);
        QTRY_VERIFY(wizard->isVisible());
        auto* next = widget<QPushButton>(wizard, "publishNext");

        click(widget<QPushButton>(wizard, "publishChooseFile"));
        answerFileDialog(wizard, "publishFileDialog", kOwnBook);
        QTRY_COMPARE(widget<QLineEdit>(wizard, "publishFile")->text(), kOwnBook);
        click(next);
        QCOMPARE(wizard->step(), int(ui::PublishWizard::MetadataStep));
        type(widget<QLineEdit>(wizard, "publishTitle"), kOwnTitle);
        type(widget<QLineEdit>(wizard, "publishAuthors"), QStringLiteral("Mara Quay"));
        type(widget<QLineEdit>(wizard, "publishSubject"), QStringLiteral("Essays"));
        widget<QPlainTextEdit>(wizard, "publishBlurb")
            ->setPlainText(QStringLiteral("Twelve pages of notes written on the quay."));
        snapshot(wizard, "studio-publish");
        click(next);
        QCOMPARE(wizard->step(), int(ui::PublishWizard::PriceStep));
        type(widget<QLineEdit>(wizard, "publishPrice"), QStringLiteral("4"));
        click(next);
        QCOMPARE(wizard->step(), int(ui::PublishWizard::ReviewStep));
        type(widget<QLineEdit>(wizard, "publishPassphrase"), QString::fromLatin1(kGuiPassphrase));
        click(next);
        auto* stage = widget<QLabel>(wizard, "publishStage");
        QTRY_VERIFY2_WITH_TIMEOUT(stage->text().startsWith(QStringLiteral("Published: title ")),
            qPrintable(stage->text()), kContentWaitMs);
        snapshot(wizard, "studio-published");
        m_ownTitle = stage->text().section(QLatin1Char(' '), 2, 2).chopped(1).toULongLong();
        QVERIFY(m_ownTitle > 0);
        click(widget<QPushButton>(wizard, "publishCancel")); // "Close" once published

        // My titles lists it with the proven price.
        auto* titles = widget<QTableWidget>(studio, "studioTitles");
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < titles->rowCount(); ++row)
                    if (titles->item(row, 0) && titles->item(row, 0)->text() == kOwnTitle)
                        return titles->item(row, 1)->text() == QStringLiteral("4 PHT");
                return false;
            }(),
            kGuiWaitMs);
    }

    void aSecondProfileFindsTheTitleInDiscoverAndReadsIt()
    {
        QVERIFY(m_ownTitle > 0);
        // A second user on the same machine: its app uses the node the first one runs.
        m_reader = std::make_unique<AppUnderTest>(m_dataDirectory.path().toStdString(), "reader");
        createWalletBeforeStart(*m_reader);
        m_reader->app().start();
        resize(*m_reader);
        QVERIFY(!m_reader->app().demoTitles()); // the first app runs the node and the demo
        const QString unlocked = unlockWith(*m_reader, QString::fromLatin1(kGuiPassphrase));
        QVERIFY2(unlocked.isEmpty(), qPrintable(unlocked));
        waitUntilConnected(*m_reader);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(m_reader->window(), "walletBalance")->text(),
            QStringLiteral("10,000 PHT"), kGuiWaitMs);

        m_reader->showSection(ui::MainWindow::Section::Discover);
        // The card shows the title once its metadata came from the author's app.
        QTRY_VERIFY_WITH_TIMEOUT(gridRow(*m_reader, m_ownTitle) >= 0
                && discoverGrid(*m_reader)
                       ->model()
                       ->index(gridRow(*m_reader, m_ownTitle), 0)
                       .data()
                       .toString()
                       .startsWith(kOwnTitle),
            kContentWaitMs);
        openTitleFromGrid(*m_reader, m_ownTitle);
        if (QTest::currentTestFailed())
            return;
        const bool described = QTest::qWaitFor(
            [&] {
                return widget<QLabel>(discoverPage(*m_reader), "titleName")->text() == kOwnTitle;
            },
            kGuiWaitMs);
        QStringList grid;
        for (int row = 0; row < discoverGrid(*m_reader)->model()->rowCount(); ++row)
            grid << discoverGrid(*m_reader)->model()->index(row, 0).data().toString();
        QStringList peers;
        for (const auto& entry : std::filesystem::directory_iterator(
                 m_dataDirectory.path().toStdString() + "/swarm-peers"))
            peers << QString::fromStdString(entry.path().filename().string());
        QVERIFY2(described,
            qPrintable(widget<QLabel>(discoverPage(*m_reader), "titleName")->text()
                + QStringLiteral(" / ")
                + widget<QLabel>(discoverPage(*m_reader), "titleStatus")->text()
                + QStringLiteral(" / author: ") + swarmState(*m_author)
                + QStringLiteral(" port %1").arg(m_author->app().content()->swarm().listenPort())
                + QStringLiteral(" / reader: ") + swarmState(*m_reader)
                + QStringLiteral(" port %1").arg(m_reader->app().content()->swarm().listenPort())
                + QStringLiteral(" / grid: ") + grid.join(u'|') + QStringLiteral(" / peers: ")
                + peers.join(u',')));
        QCOMPARE(
            widget<QLabel>(discoverPage(*m_reader), "titlePrice")->text(), QStringLiteral("4 PHT"));
        snapshot(m_reader->window(), "title-page");

        buyAndOpen(*m_reader, "buy");
        if (QTest::currentTestFailed())
            return;
        // Open takes the reader to the Library, on the book in the Reader.
        QCOMPARE(m_reader->window()->currentSection(), ui::MainWindow::Section::Library);
        ui::LibraryPage* library = m_reader->window()->libraryPage();
        ui::PdfReader* reader = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (reader = qobject_cast<ui::PdfReader*>(library->viewer())) != nullptr, kGuiWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(reader->isReady() || !reader->errorText().isEmpty(), kGuiWaitMs);
        QVERIFY2(reader->errorText().isEmpty(), qPrintable(reader->errorText()));
        QCOMPARE(reader->pageCount(), pageCountOf(kOwnBook));
        snapshot(reader->window(), "reader-library");
        reader->close();
        snapshot(m_reader->window(), "library");
    }

    void theSecondProfileStreamsTheDemoVideo()
    {
        QVERIFY(m_reader && m_reader->app().library());
        const std::uint64_t video = m_author->app().demoTitles()->status().titleIds.at(kDemoVideo);
        m_reader->showSection(ui::MainWindow::Section::Discover);
        click(widget<QPushButton>(discoverPage(*m_reader), "titleBack"));
        QTRY_VERIFY_WITH_TIMEOUT(gridRow(*m_reader, video) >= 0, kGuiWaitMs);
        openTitleFromGrid(*m_reader, video);
        if (QTest::currentTestFailed())
            return;
        buyAndOpen(*m_reader);
        if (QTest::currentTestFailed())
            return;

        ui::LibraryPage* library = m_reader->window()->libraryPage();
        ui::MediaPlayerView* player = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (player = qobject_cast<ui::MediaPlayerView*>(library->viewer())) != nullptr,
            kGuiWaitMs);
        int frames = 0;
        QVideoFrame last;
        connect(player->videoSink(), &QVideoSink::videoFrameChanged, player,
            [&](const QVideoFrame& frame) {
                if (frame.isValid()) {
                    ++frames;
                    last = frame;
                }
            });
        QTRY_VERIFY2_WITH_TIMEOUT(frames > 0, qPrintable(player->errorText()), kContentWaitMs);
        QVERIFY(last.size().isValid());
        QVERIFY(player->hasVideo());
        QVERIFY(player->isPlaying());
        if (!qEnvironmentVariableIsEmpty("LS_SCREENSHOT_DIR")) {
            // A second into the film for the picture; grab() cannot read the video surface, so
            // the frame the sink shows is painted where the video is.
            [[maybe_unused]] const bool intoTheFilm
                = QTest::qWaitFor([&] { return last.startTime() >= 1'500'000; }, kGuiWaitMs);
            snapshotWithVideo(player->window(), widget<QWidget>(player, "playerVideo"), last);
        }
        player->close();
    }

    void theSecondProfileSwitchesFullSeedingOn()
    {
        QVERIFY(m_reader && m_reader->app().content());
        m_reader->showSection(ui::MainWindow::Section::Network);
        auto* panel = widget<ui::SharingPanel>(m_reader->window(), "sharingPanel");
        QVERIFY(panel);
        auto* fullSeeding = widget<QCheckBox>(panel, "fullSeeding");
        QVERIFY(!fullSeeding->isChecked());
        click(fullSeeding);
        QVERIFY(m_reader->app().transfers()->status().limits.fullSeeding);
        // Both bought titles (and their public details) seed outside the normal-mode queue.
        auto& swarm = m_reader->app().content()->swarm();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto torrents = swarm.torrents();
                return torrents.size() >= 2
                    && std::none_of(torrents.begin(), torrents.end(),
                        [](const auto& torrent) { return torrent.autoManaged; });
            }(),
            kGuiWaitMs);
        // The sharing table names both bought titles (once each one's details are in).
        auto* table = widget<QTreeWidget>(panel, "seedingTable");
        const auto listed = [table](const QString& name) {
            for (int row = 0; row < table->topLevelItemCount(); ++row)
                if (table->topLevelItem(row)->text(0) == name)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            listed(kOwnTitle) && listed(QStringLiteral("Into the Mandelbrot Set")), kGuiWaitMs);
        snapshot(m_reader->window(), "network");

        // The other sections, as they look after all this, for the README.
        m_reader->showSection(ui::MainWindow::Section::Wallet);
        // The history names what was bought (from the library), with the price paid.
        auto* history = widget<QTableWidget>(m_reader->window(), "walletHistory");
        const auto historyHas = [history](const QString& details, const QString& amount) {
            for (int row = 0; row < history->rowCount(); ++row)
                if (history->item(row, 2) && history->item(row, 2)->text() == details)
                    return history->item(row, 3)->text() == amount;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(historyHas(kOwnTitle, QStringLiteral("−4 PHT"))
                && historyHas(
                    QStringLiteral("Into the Mandelbrot Set"), QStringLiteral("−1.5 PHT")),
            kGuiWaitMs);
        snapshot(m_reader->window(), "wallet");
        m_reader->showSection(ui::MainWindow::Section::Settings);
        snapshot(m_reader->window(), "settings");
        // The author's My titles counts the sale once its app has verified the block.
        m_author->showSection(ui::MainWindow::Section::Studio);
        auto* titles = widget<QTableWidget>(m_author->window(), "studioTitles");
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < titles->rowCount(); ++row)
                    if (titles->item(row, 0) && titles->item(row, 0)->text() == kOwnTitle)
                        return titles->item(row, 4)->text() == QStringLiteral("1");
                return false;
            }(),
            kGuiWaitMs);
        snapshot(m_author->window(), "studio");
    }

    void cleanupTestCase()
    {
        m_reader.reset(); // the app that uses the node first, then the one that runs it
        m_author.reset();
    }
};

LS_MEDIA_TEST_MAIN(TestEndToEnd)

#include "tst_end_to_end.moc"
