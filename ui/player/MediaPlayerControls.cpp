#include "ui/player/MediaPlayerControls.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace ls::ui {
namespace {

constexpr int kSeekStepMs = 5'000; // arrow keys on the slider
constexpr int kSeekPageMs = 30'000; // Page Up / Down on the slider

QToolButton* button(const char* name, QStyle::StandardPixmap icon, QWidget* parent)
{
    auto* tool = new QToolButton(parent);
    tool->setObjectName(QString::fromLatin1(name));
    tool->setIcon(parent->style()->standardIcon(icon));
    tool->setAutoRaise(true);
    return tool;
}

} // namespace

MediaPlayerControls::MediaPlayerControls(QWidget* parent)
    : QWidget(parent)
{
    m_playPause = button("playerPlayPause", QStyle::SP_MediaPlay, this);
    m_elapsed = new QLabel(formatTime(0), this);
    m_elapsed->setObjectName(QStringLiteral("playerElapsed"));
    m_seek = new QSlider(Qt::Horizontal, this);
    m_seek->setObjectName(QStringLiteral("playerSeek"));
    m_seek->setSingleStep(kSeekStepMs);
    m_seek->setPageStep(kSeekPageMs);
    m_seek->setToolTip(tr("Drag to move through the title"));
    m_length = new QLabel(formatTime(0), this);
    m_length->setObjectName(QStringLiteral("playerLength"));
    m_mute = button("playerMute", QStyle::SP_MediaVolume, this);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setObjectName(QStringLiteral("playerVolume"));
    m_volume->setRange(0, 100);
    m_volume->setMaximumWidth(110);
    m_fullScreen = button("playerFullScreen", QStyle::SP_TitleBarMaxButton, this);
    m_fullScreen->setToolTip(tr("Full screen (F); Escape to leave it"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 6);
    layout->addWidget(m_playPause);
    layout->addWidget(m_elapsed);
    layout->addWidget(m_seek, 1);
    layout->addWidget(m_length);
    layout->addSpacing(8);
    layout->addWidget(m_mute);
    layout->addWidget(m_volume);
    layout->addWidget(m_fullScreen);

    connect(m_playPause, &QToolButton::clicked, this, &MediaPlayerControls::playPauseClicked);
    connect(m_mute, &QToolButton::clicked, this, &MediaPlayerControls::muteClicked);
    connect(m_fullScreen, &QToolButton::clicked, this, &MediaPlayerControls::fullScreenClicked);
    connect(m_volume, &QSlider::valueChanged, this, &MediaPlayerControls::volumeChanged);
    // Dragging shows the time under the handle and seeks on release; a click or a key seeks at
    // once. Position updates never emit valueChanged (they are blocked), so this is the user.
    connect(m_seek, &QSlider::sliderMoved, this,
        [this](int value) { m_elapsed->setText(formatTime(value)); });
    connect(
        m_seek, &QSlider::sliderReleased, this, [this] { Q_EMIT seekRequested(m_seek->value()); });
    connect(m_seek, &QSlider::valueChanged, this, [this](int value) {
        if (!m_seek->isSliderDown())
            Q_EMIT seekRequested(value);
    });
    showPlaying(false);
    setMediaControlsEnabled(false);
}

QString MediaPlayerControls::formatTime(qint64 milliseconds)
{
    const qint64 seconds = std::max<qint64>(0, milliseconds) / 1000;
    const auto twoDigits
        = [](qint64 value) { return QStringLiteral("%1").arg(value, 2, 10, QChar(u'0')); };
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(twoDigits(seconds / 60 % 60), twoDigits(seconds % 60));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(twoDigits(seconds % 60));
}

void MediaPlayerControls::showPlaying(bool playing)
{
    m_playPause->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playPause->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    m_playPause->setProperty("playing", playing);
}

void MediaPlayerControls::showDuration(qint64 milliseconds)
{
    const QSignalBlocker quiet(m_seek);
    m_seek->setRange(0, int(std::min<qint64>(milliseconds, std::numeric_limits<int>::max())));
    m_length->setText(formatTime(milliseconds));
}

void MediaPlayerControls::showPosition(qint64 milliseconds)
{
    if (m_seek->isSliderDown())
        return; // the user is choosing a place
    const QSignalBlocker quiet(m_seek);
    m_seek->setValue(int(std::min<qint64>(milliseconds, m_seek->maximum())));
    m_elapsed->setText(formatTime(milliseconds));
}

void MediaPlayerControls::setSoundAvailable(bool available)
{
    m_soundAvailable = available;
    const QString why = tr("No sound device on this computer");
    m_mute->setToolTip(available ? tr("Mute (M)") : why);
    m_volume->setToolTip(available ? tr("Volume") : why);
    m_mute->setEnabled(available);
    m_volume->setEnabled(available);
}

void MediaPlayerControls::showVolume(int percent, bool muted)
{
    const QSignalBlocker quiet(m_volume);
    m_volume->setValue(percent);
    m_mute->setIcon(
        style()->standardIcon(muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
}

void MediaPlayerControls::setFullScreenAvailable(bool available)
{
    m_fullScreen->setVisible(available);
}

void MediaPlayerControls::setMediaControlsEnabled(bool enabled)
{
    m_playPause->setEnabled(enabled);
    m_seek->setEnabled(enabled);
    m_fullScreen->setEnabled(enabled);
}

} // namespace ls::ui
