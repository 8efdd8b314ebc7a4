#pragma once

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace ls::ui {

// The player's control row: play/pause, the time played, the seek slider, the length, volume
// with mute, and full screen. Shows what it is told and asks for changes through signals; a
// slider being dragged is left alone by the position updates.
class MediaPlayerControls : public QWidget {
    Q_OBJECT

public:
    explicit MediaPlayerControls(QWidget* parent = nullptr);

    void showPlaying(bool playing);
    void showDuration(qint64 milliseconds);
    void showPosition(qint64 milliseconds);
    // Without a sound device there is no volume to set; the controls say why.
    void setSoundAvailable(bool available);
    void showVolume(int percent, bool muted);
    void setFullScreenAvailable(bool available); // video only
    void setMediaControlsEnabled(bool enabled);

    static QString formatTime(qint64 milliseconds); // 0:42, 12:05, 1:02:05

Q_SIGNALS:
    void playPauseClicked();
    void seekRequested(qint64 milliseconds);
    void volumeChanged(int percent);
    void muteClicked();
    void fullScreenClicked();

private:
    QToolButton* m_playPause = nullptr;
    QLabel* m_elapsed = nullptr;
    QSlider* m_seek = nullptr;
    QLabel* m_length = nullptr;
    QToolButton* m_mute = nullptr;
    QSlider* m_volume = nullptr;
    QToolButton* m_fullScreen = nullptr;
    bool m_soundAvailable = true;
};

} // namespace ls::ui
