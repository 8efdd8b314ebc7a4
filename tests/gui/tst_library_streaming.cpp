// Streaming in the Library (issue 5, "Player: audio and video streamed from the swarm"): an
// author on the same network serves a video slowly; the app's wallet buys it and the Library
// downloads it. Once the download can be streamed, Open is offered while the title is still
// downloading; the Player opens at once with a buffering indicator, closing it while it waits
// stops the stream and leaves the Library working, and a second Open plays the video, frames
// from the middle of the file included, before the download is complete. The video's frames lie
// megabytes apart (tests/support/GappedVideo.h), so the player reaches the later ones only by
// reading what the swarm has not yet delivered. Offscreen, a real lightstreams-node, real
// libtorrent sessions on 127.0.0.1, real SQLite libraries.
#include "ui/library/LibraryPage.h"
#include "ui/player/MediaPlayerView.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QProgressBar>
#include <QVideoFrame>
#include <QVideoSink>

#include "tests/gui/GuiContentSupport.h"
#include "tests/gui/MediaTestMain.h"
#include "tests/support/GappedVideo.h"
#include <algorithm>
#include <limits>

using namespace ls;
using namespace ls::testing;

namespace {

// The clip's second half lies 12 MiB on, and 2 MiB of padding follow it; the player opens with
// the file's first and last megabyte. The author sends 384 KiB/s, so the whole file takes
// about 40 s, while what playing the clip needs is about 2.1 MiB.
constexpr qsizetype kGap = 12 * 1024 * 1024;
constexpr qsizetype kTail = 2 * 1024 * 1024;
constexpr int kAuthorUploadBytesPerSecond = 384 * 1024;
// A frame this far into the 2 s clip comes from its second half, past the gap.
constexpr qint64 kSecondHalfMicroseconds = 1'200'000;

} // namespace

class TestLibraryStreaming : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<AppUnderTest> m_subject;
    std::unique_ptr<ContentUser> m_author;
    QTemporaryDir m_files;
    std::uint64_t m_titleId = 0;

    ui::LibraryPage* page() { return m_subject->window()->libraryPage(); }
    QPushButton* openButton() { return widget<QPushButton>(page(), "openButton"); }
    QString stateText() { return widget<QLabel>(page(), "downloadState")->text(); }
    api::DownloadState downloadState()
    {
        auto titles = m_subject->app().library()->titles();
        if (!titles)
            return api::DownloadState::None;
        for (const api::LibraryTitle& title : *titles)
            if (title.titleId == m_titleId && !title.versions.empty())
                return title.versions.back().download;
        return api::DownloadState::None;
    }
    ui::MediaPlayerView* openPlayer()
    {
        click(openButton());
        ui::MediaPlayerView* player = nullptr;
        [[maybe_unused]] const bool opened = QTest::qWaitFor(
            [&] {
                player = qobject_cast<ui::MediaPlayerView*>(page()->viewer());
                return player != nullptr || !page()->errorText().isEmpty();
            },
            kGuiWaitMs);
        return player;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_subject = std::make_unique<AppUnderTest>();
        createWalletBeforeStart(*m_subject);
        QVERIFY(!QTest::currentTestFailed());
        m_subject->app().start();
        waitUntilConnected(*m_subject);
        QVERIFY(!QTest::currentTestFailed());
        const QString unlocked = unlockWith(*m_subject, QString::fromLatin1(kGuiPassphrase));
        QVERIFY2(unlocked.isEmpty(), qPrintable(unlocked));
        QTRY_VERIFY_WITH_TIMEOUT(page() != nullptr, kGuiWaitMs);

        m_author = authorOnAppNetwork(*m_subject);
        QVERIFY(m_author);

        QFile clip(QStringLiteral(LS_TEST_DATA_DIR "/clip.mp4"));
        QVERIFY(clip.open(QIODevice::ReadOnly));
        const QByteArray video = gappedVideo(clip.readAll(), kGap, kTail);
        QVERIFY(!video.isEmpty());
        const std::filesystem::path files = m_files.path().toStdString();
        QVERIFY(writeBytes(files / "clip.mp4",
            asBytes(std::string_view(video.constData(), static_cast<std::size_t>(video.size())))));
        api::PublishRequest request;
        request.file = (files / "clip.mp4").string();
        request.metadata = { "Test pattern", { "Ada Lovelace" }, "Film", "", "", {} };
        request.price = baseUnits("2");
        auto published = m_author->publish(request);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_titleId = published->titleId;
        // Slow from here on: publishing seeded nothing yet, so every byte the app gets comes at
        // this rate.
        swarm::SwarmSettings slow = loopbackSwarm();
        slow.uploadLimit = kAuthorUploadBytesPerSecond;
        m_author->session().swarm().applySettings(slow);

        buyWithApp(*m_subject, m_titleId);
        QVERIFY(!QTest::currentTestFailed());
        announcePeer(*m_subject, *m_author);
        QVERIFY(!QTest::currentTestFailed());
        m_subject->showSection(ui::MainWindow::Section::Library);
        page()->download(m_titleId);
    }

    void openIsOfferedWhileTheVideoDownloads()
    {
        QVERIFY(m_titleId != 0);
        QTRY_VERIFY_WITH_TIMEOUT(openButton()->isEnabled(), kGuiWaitMs);
        QCOMPARE(downloadState(), api::DownloadState::Downloading);
        QVERIFY2(stateText() != QStringLiteral("On this computer"), qPrintable(stateText()));
        QVERIFY(widget<QProgressBar>(page(), "downloadProgress")->isVisible());
        QVERIFY(page()->errorText().isEmpty());
        snapshot(m_subject->window(), "library-streamable");
    }

    void closingThePlayerWhileItBuffersStopsTheStream()
    {
        QVERIFY(openButton()->isEnabled());
        QPointer<ui::MediaPlayerView> player = openPlayer();
        QVERIFY2(player, qPrintable(page()->errorText()));
        QVERIFY(QTest::qWaitForWindowExposed(player));
        player->close(); // deletes itself; its stream is cancelled first
        QTRY_VERIFY(player.isNull());
        QVERIFY(page()->errorText().isEmpty());
        QVERIFY(openButton()->isEnabled()); // the download goes on, and Open is offered again
    }

    void theVideoPlaysFromTheSwarmBeforeItsDownloadIsComplete()
    {
        QVERIFY(openButton()->isEnabled());
        QElapsedTimer sinceOpen;
        sinceOpen.start();
        QPointer<ui::MediaPlayerView> player = openPlayer();
        QVERIFY2(player, qPrintable(page()->errorText()));
        qint64 latestFrame = -1;
        qint64 firstFrameMs = -1;
        connect(player->videoSink(), &QVideoSink::videoFrameChanged, player,
            [&](const QVideoFrame& frame) {
                if (!frame.isValid())
                    return;
                latestFrame = std::max(latestFrame, frame.startTime());
                if (firstFrameMs < 0)
                    firstFrameMs = sinceOpen.elapsed();
            });
        bool buffered = false;
        auto* indicator = widget<QProgressBar>(player, "playerBuffering");
        QVERIFY(indicator);
        const bool played = QTest::qWaitFor(
            [&] {
                if (!buffered && indicator->isVisible()) {
                    buffered = true;
                    snapshot(player, "player-buffering");
                }
                return !player || !player->errorText().isEmpty()
                    || latestFrame >= kSecondHalfMicroseconds;
            },
            kGuiWaitMs * 2);
        QVERIFY(player);
        QVERIFY2(player->errorText().isEmpty(), qPrintable(player->errorText()));
        QVERIFY(played);
        // The frames came from the swarm as it delivered them: the file is not all here yet.
        QCOMPARE(downloadState(), api::DownloadState::Downloading);
        const QString figures = QStringLiteral("Open → first frame %1 ms, → a frame past the gap "
                                               "%2 ms; the download then at: %3")
                                    .arg(firstFrameMs)
                                    .arg(sinceOpen.elapsed())
                                    .arg(stateText());
        qInfo("%s", qPrintable(figures));
        QVERIFY(buffered); // while the first megabyte was on its way
        QVERIFY(player->hasVideo());
        QVERIFY(!player->windowTitle().contains(QStringLiteral("buffering")));

        // Seeking works on the stream too: back to the start, frames from there come again.
        qint64 earliestAfterSeek = std::numeric_limits<qint64>::max();
        connect(player->videoSink(), &QVideoSink::videoFrameChanged, player,
            [&](const QVideoFrame& frame) {
                if (frame.isValid())
                    earliestAfterSeek = std::min(earliestAfterSeek, frame.startTime());
            });
        player->seek(0);
        player->play();
        QTRY_VERIFY2_WITH_TIMEOUT(earliestAfterSeek < kSecondHalfMicroseconds / 2,
            qPrintable(player->errorText()), kGuiWaitMs);
        QVERIFY2(player->errorText().isEmpty(), qPrintable(player->errorText()));
        player->close();
        QTRY_VERIFY(player.isNull());
    }

    void cleanupTestCase()
    {
        m_author.reset();
        m_subject.reset();
    }
};

LS_MEDIA_TEST_MAIN(TestLibraryStreaming)

#include "tst_library_streaming.moc"
