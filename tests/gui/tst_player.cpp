// The audio/video player driven through its widgets, on Qt's FFmpeg backend (as the app uses
// it), reading committed media from a QBuffer as the library streams a title:
// tests/gui/data/clip.mp4 (2 s, H.264 + AAC, 320x240) and tone.m4a (3 s of sound), made by
// tests/gui/data/make-test-media.sh. Machines without a sound device (CI) play the picture
// silently; the player says so.
#include "ui/player/MediaPlayerView.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QToolButton>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/MediaTestMain.h"

using namespace ls::ui;
using ls::testing::widget;

namespace {

constexpr int kMediaWaitMs = 20'000;

QByteArray media(const char* name)
{
    QFile file(QStringLiteral(LS_TEST_DATA_DIR "/") + QString::fromLatin1(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class PlayerUnderTest {
public:
    explicit PlayerUnderTest(const QByteArray& bytes)
    {
        m_buffer.setData(bytes);
        m_buffer.open(QIODevice::ReadOnly);
        player.resize(640, 480);
        QObject::connect(player.videoSink(), &QVideoSink::videoFrameChanged, &player,
            [this](const QVideoFrame& frame) {
                if (frame.isValid())
                    frames.append(frame);
            });
    }
    bool openAndShow(const QString& fileName)
    {
        player.show();
        QApplication::setActiveWindow(&player);
        if (!QTest::qWaitForWindowActive(&player))
            return false;
        player.open(&m_buffer, QStringLiteral("Test title"), fileName);
        return player.errorText().isEmpty();
    }
    // Waits for a frame from `fromUs` on (a frame's start time, in microseconds).
    bool frameFrom(qint64 fromUs)
    {
        return QTest::qWaitFor(
            [&] {
                return std::ranges::any_of(
                    frames, [fromUs](const QVideoFrame& f) { return f.startTime() >= fromUs; });
            },
            kMediaWaitMs);
    }
    template <typename T> T* part(const char* name) { return widget<T>(&player, name); }

    MediaPlayerView player;
    QList<QVideoFrame> frames;

private:
    QBuffer m_buffer;
};

} // namespace

class TestPlayer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void playsVideoFromADevice()
    {
        PlayerUnderTest subject(media("clip.mp4"));
        QSignalSpy ready(&subject.player, &MediaPlayerView::ready);
        QVERIFY(subject.openAndShow(QStringLiteral("clip.mp4")));
        QTRY_VERIFY_WITH_TIMEOUT(!subject.frames.isEmpty(), kMediaWaitMs);
        QCOMPARE(subject.frames.first().size(), QSize(320, 240));
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(0).toLongLong(), 2000);
        QVERIFY(subject.player.hasVideo());
        QVERIFY(subject.player.isPlaying());
        QVERIFY(subject.part<QVideoWidget>("playerVideo")->isVisible());
        QCOMPARE(subject.part<QLabel>("playerLength")->text(), QStringLiteral("0:02"));
        QVERIFY(subject.part<QToolButton>("playerPlayPause")->property("playing").toBool());
        QVERIFY(!subject.player.isBuffering());
        QVERIFY(!subject.part<QProgressBar>("playerBuffering")->isVisible());
        if (!subject.player.hasSound())
            QVERIFY(!subject.part<QSlider>("playerVolume")->isEnabled());
    }

    void seeksWithTheSliderAndReportsWhere()
    {
        PlayerUnderTest subject(media("clip.mp4"));
        QSignalSpy moves(&subject.player, &MediaPlayerView::positionChanged);
        QVERIFY(subject.openAndShow(QStringLiteral("clip.mp4")));
        QTRY_VERIFY_WITH_TIMEOUT(!subject.frames.isEmpty(), kMediaWaitMs);
        ls::testing::click(subject.part<QToolButton>("playerPlayPause"));
        QVERIFY(!subject.player.isPlaying());
        QCOMPARE(moves.count(), 1); // where it was paused
        QCOMPARE(moves.last().at(0).value<MediaPosition>(), subject.player.position());

        // A drag of the handle: the player seeks when it is let go.
        auto* slider = subject.part<QSlider>("playerSeek");
        slider->setSliderDown(true);
        slider->setSliderPosition(1400);
        QCOMPARE(subject.part<QLabel>("playerElapsed")->text(), QStringLiteral("0:01"));
        slider->setSliderDown(false);
        QCOMPARE(moves.last().at(0).value<MediaPosition>().milliseconds, 1400);
        QCOMPARE(subject.player.position().milliseconds, 1400);
        subject.frames.clear();
        QTest::keyClick(&subject.player, Qt::Key_Space); // plays on from there
        QVERIFY(subject.player.isPlaying());
        QVERIFY(subject.frameFrom(1'400'000));
        QVERIFY(std::ranges::none_of(
            subject.frames, [](const QVideoFrame& f) { return f.startTime() < 1'300'000; }));
    }

    void startsWhereItWasLeftAndRestartsAfterTheEnd()
    {
        PlayerUnderTest subject(media("clip.mp4"));
        const auto saved = MediaPosition::fromString(QStringLiteral("ms=1200"));
        QVERIFY(saved);
        subject.player.setStartPosition(*saved);
        QSignalSpy moves(&subject.player, &MediaPlayerView::positionChanged);
        QSignalSpy finished(&subject.player, &MediaPlayerView::finished);
        QVERIFY(subject.openAndShow(QStringLiteral("clip.mp4")));
        QVERIFY(subject.frameFrom(1'200'000));
        QVERIFY(subject.frames.first().startTime() >= 1'100'000); // not from the beginning
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kMediaWaitMs);
        // Played to the end: next time from the start; 1200 itself was never reported back.
        QCOMPARE(moves.last().at(0).value<MediaPosition>().milliseconds, 0);
        for (const auto& move : moves)
            QVERIFY(move.at(0).value<MediaPosition>().milliseconds != 1200);

        QCOMPARE(MediaPosition { 83500 }.toString(), QStringLiteral("ms=83500"));
        for (const char* foreign : { "", "page=3;zoom=1", "ms=-5", "ms=x" })
            QVERIFY2(!MediaPosition::fromString(QString::fromLatin1(foreign)), foreign);
    }

    void fullScreenForVideo()
    {
        PlayerUnderTest subject(media("clip.mp4"));
        QVERIFY(subject.openAndShow(QStringLiteral("clip.mp4")));
        QTRY_VERIFY_WITH_TIMEOUT(!subject.frames.isEmpty(), kMediaWaitMs);
        auto* video = subject.part<QVideoWidget>("playerVideo");
        ls::testing::click(subject.part<QToolButton>("playerFullScreen"));
        QVERIFY(subject.player.isFullScreen());
        QVERIFY(video->isWindow());
        QTest::keyClick(video, Qt::Key_Space); // keys reach the player in full screen too
        QVERIFY(!subject.player.isPlaying());
        QTest::keyClick(video, Qt::Key_Escape);
        QVERIFY(!subject.player.isFullScreen());
        QVERIFY(!video->isWindow());
        QTest::mouseDClick(video, Qt::LeftButton);
        QVERIFY(subject.player.isFullScreen());
        subject.player.closeMedia(); // closing leaves full screen
        QVERIFY(!subject.player.isFullScreen());
    }

    void soundHasNoPictureToShow()
    {
        PlayerUnderTest subject(media("tone.m4a"));
        QSignalSpy ready(&subject.player, &MediaPlayerView::ready);
        QVERIFY(subject.openAndShow(QStringLiteral("tone.m4a")));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kMediaWaitMs);
        QCOMPARE(ready.first().at(0).toLongLong(), 3000);
        QVERIFY(!subject.player.hasVideo());
        auto* cover = subject.part<QLabel>("playerAudioOnly");
        QVERIFY(cover->isVisible());
        QVERIFY(cover->text().contains(QStringLiteral("Test title")));
        QVERIFY(!subject.part<QToolButton>("playerFullScreen")->isVisible());
        subject.player.setFullScreen(true);
        QVERIFY(!subject.player.isFullScreen());
        QCOMPARE(
            cover->text().contains(QStringLiteral("no sound device")), !subject.player.hasSound());
    }

    void whatIsNotMediaShowsWhy()
    {
        PlayerUnderTest subject("%PDF-1.4 this is a book, not a film");
        QSignalSpy failures(&subject.player, &MediaPlayerView::failed);
        QVERIFY(!subject.openAndShow(QStringLiteral("book.mp4")));
        QCOMPARE(failures.count(), 1);
        auto* message = subject.part<QLabel>("playerMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), subject.player.errorText());
        QVERIFY(message->text().startsWith(QStringLiteral("This title cannot be played")));
        QVERIFY(!subject.part<QToolButton>("playerPlayPause")->isEnabled());
        QTest::keyClick(&subject.player, Qt::Key_Space);
        QVERIFY(!subject.player.isPlaying());
    }
};

LS_MEDIA_TEST_MAIN(TestPlayer)

#include "tst_player.moc"
