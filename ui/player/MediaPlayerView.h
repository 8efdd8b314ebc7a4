#pragma once

#include "ui/player/MediaPosition.h"

#include <QMediaPlayer>
#include <QWidget>

class QAudioOutput;
class QIODevice;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QVideoSink;
class QVideoWidget;

namespace ls::ui {

class MediaPlayerControls;

// The player for audio and video titles (DESIGN.md §6): plays from a stream, with play/pause,
// a seek slider with the time, volume, a buffering indicator while the stream cannot keep up,
// and full screen for video. It opens in a window of its own or as a page of the main window.
//
// Like the reader it keeps nothing itself: the library gives it the position to start from
// (setStartPosition) and keeps the positions it reports (positionChanged: on pause, seek,
// end and close, and every kPositionReportIntervalMs while playing).
//
// Keys: Space plays or pauses, Left / Right move 5 s, F toggles full screen, M mutes.
class MediaPlayerView : public QWidget {
    Q_OBJECT

public:
    static constexpr qint64 kPositionReportIntervalMs = 5'000;

    explicit MediaPlayerView(QWidget* parent = nullptr);
    ~MediaPlayerView() override;

    // Plays what `device` reads: the plaintext of a title, streamed from the library. Not owned;
    // it must stay open until closeMedia(), the next open() or the end of the player; seeking
    // needs a device that can seek. `fileName` ("talk.mp4") hints at the format; `title` names
    // the window. What cannot be played shows why (failed()).
    void open(QIODevice* device, const QString& title = {}, const QString& fileName = {});
    void closeMedia();
    // Before open(): where to begin. Not reported back.
    void setStartPosition(const MediaPosition& position);

    void play();
    void pause();
    void togglePlayback();
    void seek(qint64 milliseconds);
    void setFullScreen(bool fullScreen); // video only
    bool isFullScreen() const;

    MediaPosition position() const;
    qint64 duration() const;
    bool isPlaying() const;
    bool hasVideo() const;
    bool isBuffering() const;
    // For a stream still downloading: the data the player needs next has not arrived yet (or,
    // before open(), what opening reads). Shows the buffering indicator until it has.
    void setWaitingForData(bool waiting);
    bool hasSound() const { return m_audio != nullptr; } // false on a machine without a device
    QString errorText() const { return m_problem; }
    QVideoSink* videoSink() const; // the frames as shown

Q_SIGNALS:
    void ready(qint64 durationMs);
    void failed(const QString& message);
    void positionChanged(const ls::ui::MediaPosition& position);
    void finished(); // played to the end

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addShortcuts();
    void onStatus(QMediaPlayer::MediaStatus status);
    void onError(QMediaPlayer::Error error, const QString& detail);
    void showBuffering();
    void showScreen();
    void report(qint64 milliseconds);
    void setVolume(int percent);
    void toggleMute();

    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_audio = nullptr;
    QVideoWidget* m_video = nullptr;
    QLabel* m_audioOnly = nullptr;
    QLabel* m_message = nullptr;
    QStackedWidget* m_screen = nullptr;
    QProgressBar* m_buffering = nullptr;
    MediaPlayerControls* m_controls = nullptr;

    QString m_title;
    QString m_problem;
    bool m_open = false;
    bool m_readyReported = false;
    bool m_waitingForData = false;
    qint64 m_startMs = 0;
    qint64 m_lastReported = -1;
};

} // namespace ls::ui
