#include "ui/player/MediaPlayerView.h"

#include "ui/player/MediaPlayerControls.h"

#include <QAction>
#include <QAudioDevice>
#include <QAudioOutput>
#include <QKeyEvent>
#include <QLabel>
#include <QMediaDevices>
#include <QProgressBar>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QVideoWidget>

#include <algorithm>

namespace ls::ui {
namespace {

constexpr qint64 kSkipMs = 5'000;

} // namespace

MediaPlayerView::MediaPlayerView(QWidget* parent)
    : QWidget(parent)
    , m_player(new QMediaPlayer(this))
{
    setObjectName(QStringLiteral("mediaPlayer"));
    setWindowTitle(tr("Player"));
    setFocusPolicy(Qt::StrongFocus); // for its keys
    resize(860, 560);
    // A QAudioOutput with no device behind it has crashed the FFmpeg backend (DESIGN.md §9):
    // sound only where there is somewhere to play it.
    if (!QMediaDevices::audioOutputs().isEmpty()) {
        m_audio = new QAudioOutput(this);
        m_player->setAudioOutput(m_audio);
    }
    m_video = new QVideoWidget(this);
    m_video->setObjectName(QStringLiteral("playerVideo"));
    m_video->installEventFilter(this); // double-click and keys, also in full screen
    QPalette black = m_video->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_video->setPalette(black);
    m_video->setAutoFillBackground(true);
    m_player->setVideoOutput(m_video);

    m_audioOnly = new QLabel(this);
    m_audioOnly->setObjectName(QStringLiteral("playerAudioOnly"));
    m_audioOnly->setAlignment(Qt::AlignCenter);
    m_audioOnly->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("playerMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(32);
    m_screen = new QStackedWidget(this);
    m_screen->addWidget(m_video);
    m_screen->addWidget(m_audioOnly);
    m_screen->addWidget(m_message);

    m_buffering = new QProgressBar(this);
    m_buffering->setObjectName(QStringLiteral("playerBuffering"));
    m_buffering->setRange(0, 100);
    m_buffering->setFormat(tr("Buffering… %p%"));
    m_buffering->setMaximumHeight(m_buffering->fontMetrics().height() + 6);
    m_buffering->hide();
    m_controls = new MediaPlayerControls(this);
    m_controls->setObjectName(QStringLiteral("playerControls"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_screen, 1);
    layout->addWidget(m_buffering);
    layout->addWidget(m_controls);

    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 milliseconds) {
        m_controls->showPosition(milliseconds);
        if (isPlaying() && std::abs(milliseconds - m_lastReported) >= kPositionReportIntervalMs)
            report(milliseconds);
    });
    connect(
        m_player, &QMediaPlayer::durationChanged, m_controls, &MediaPlayerControls::showDuration);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
        [this] { m_controls->showPlaying(isPlaying()); });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &MediaPlayerView::onStatus);
    connect(m_player, &QMediaPlayer::bufferProgressChanged, this, &MediaPlayerView::showBuffering);
    connect(m_player, &QMediaPlayer::errorOccurred, this, &MediaPlayerView::onError);
    connect(m_player, &QMediaPlayer::hasVideoChanged, this, &MediaPlayerView::showScreen);
    connect(
        m_controls, &MediaPlayerControls::playPauseClicked, this, &MediaPlayerView::togglePlayback);
    connect(m_controls, &MediaPlayerControls::seekRequested, this, &MediaPlayerView::seek);
    connect(m_controls, &MediaPlayerControls::volumeChanged, this, &MediaPlayerView::setVolume);
    connect(m_controls, &MediaPlayerControls::muteClicked, this, &MediaPlayerView::toggleMute);
    connect(m_controls, &MediaPlayerControls::fullScreenClicked, this,
        [this] { setFullScreen(!isFullScreen()); });

    m_controls->setSoundAvailable(hasSound());
    m_controls->showVolume(m_audio ? qRound(m_audio->volume() * 100) : 100, false);
    addShortcuts();
    showScreen();
}

MediaPlayerView::~MediaPlayerView()
{
    closeMedia(); // the place the title was left at is reported
}

void MediaPlayerView::addShortcuts()
{
    const auto shortcut = [this](const QKeySequence& keys, auto handler) {
        auto* action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, handler);
        addAction(action);
    };
    shortcut(Qt::Key_Space, [this] { togglePlayback(); });
    shortcut(Qt::Key_Left, [this] { seek(m_player->position() - kSkipMs); });
    shortcut(Qt::Key_Right, [this] { seek(m_player->position() + kSkipMs); });
    shortcut(Qt::Key_F, [this] { setFullScreen(!isFullScreen()); });
    shortcut(Qt::Key_M, [this] { toggleMute(); });
}

void MediaPlayerView::open(QIODevice* device, const QString& title, const QString& fileName)
{
    closeMedia();
    m_title = title;
    setWindowTitle(title.isEmpty() ? tr("Player") : title);
    m_open = true;
    // The FFmpeg backend opens the stream here and then, if it cannot, reports an error.
    m_player->setSourceDevice(device, fileName.isEmpty() ? QUrl() : QUrl(fileName));
    if (m_problem.isEmpty()) {
        if (m_startMs > 0)
            m_player->setPosition(m_startMs);
        m_player->play();
    }
    showScreen();
    setFocus();
}

void MediaPlayerView::closeMedia()
{
    if (m_open && m_problem.isEmpty() && m_player->mediaStatus() != QMediaPlayer::EndOfMedia)
        report(m_player->position());
    setFullScreen(false);
    m_open = false;
    m_player->stop();
    m_player->setSourceDevice(nullptr);
    m_problem.clear();
    m_readyReported = false;
    m_controls->setMediaControlsEnabled(false);
    m_controls->showDuration(0);
    m_controls->showPosition(0);
    showScreen();
    showBuffering();
}

void MediaPlayerView::setStartPosition(const MediaPosition& position)
{
    m_startMs = std::max<qint64>(0, position.milliseconds);
    m_lastReported = m_startMs; // given, not chosen here: nothing to report
}

void MediaPlayerView::onStatus(QMediaPlayer::MediaStatus status)
{
    switch (status) {
    case QMediaPlayer::LoadedMedia:
    case QMediaPlayer::BufferingMedia:
    case QMediaPlayer::BufferedMedia:
        if (!m_readyReported && m_problem.isEmpty() && m_open) {
            m_readyReported = true;
            m_controls->setMediaControlsEnabled(true);
            Q_EMIT ready(m_player->duration());
        }
        break;
    case QMediaPlayer::EndOfMedia:
        m_controls->showPosition(m_player->duration());
        report(0); // next time from the start
        Q_EMIT finished();
        break;
    case QMediaPlayer::InvalidMedia:
        onError(QMediaPlayer::FormatError, QString());
        break;
    default:
        break;
    }
    showBuffering();
}

void MediaPlayerView::onError(QMediaPlayer::Error, const QString& detail)
{
    if (!m_open || !m_problem.isEmpty())
        return;
    m_problem = tr("This title cannot be played: it is not audio or video this player knows, or "
                   "it is damaged.");
    m_message->setToolTip(detail);
    m_player->stop();
    m_controls->setMediaControlsEnabled(false);
    showScreen();
    showBuffering();
    Q_EMIT failed(m_problem);
}

bool MediaPlayerView::isBuffering() const
{
    if (!m_problem.isEmpty())
        return false;
    if (m_waitingForData)
        return true;
    const auto status = m_player->mediaStatus();
    return m_open
        && (status == QMediaPlayer::LoadingMedia || status == QMediaPlayer::BufferingMedia
            || status == QMediaPlayer::StalledMedia);
}

void MediaPlayerView::setWaitingForData(bool waiting)
{
    if (waiting == m_waitingForData)
        return;
    m_waitingForData = waiting;
    showScreen();
    showBuffering();
}

void MediaPlayerView::showBuffering()
{
    m_buffering->setVisible(isBuffering());
    // Waiting for the swarm has no percentage to show: a busy bar.
    m_buffering->setRange(0, m_waitingForData ? 0 : 100);
    m_buffering->setValue(m_waitingForData ? 0 : qRound(m_player->bufferProgress() * 100));
}

void MediaPlayerView::showScreen()
{
    const bool video = hasVideo();
    m_controls->setFullScreenAvailable(video);
    if (!m_problem.isEmpty() || !m_open) {
        m_message->setText(m_open  ? m_problem
                : m_waitingForData ? tr("Buffering: the beginning is on its way from the swarm…")
                                   : tr("Nothing is playing."));
        m_screen->setCurrentWidget(m_message);
        return;
    }
    if (video)
        return m_screen->setCurrentWidget(m_video);
    QString text = QStringLiteral("<p style='font-size:48pt'>♪</p><p><b>%1</b></p>")
                       .arg(m_title.toHtmlEscaped());
    if (!hasSound())
        text += QStringLiteral("<p>%1</p>")
                    .arg(tr("This computer has no sound device: nothing can be heard."));
    m_audioOnly->setText(text);
    m_screen->setCurrentWidget(m_audioOnly);
}

void MediaPlayerView::play()
{
    if (m_open && m_problem.isEmpty())
        m_player->play();
}

void MediaPlayerView::pause()
{
    if (!isPlaying())
        return;
    m_player->pause();
    report(m_player->position());
}

void MediaPlayerView::togglePlayback()
{
    isPlaying() ? pause() : play();
}

void MediaPlayerView::seek(qint64 milliseconds)
{
    if (!m_open || !m_problem.isEmpty())
        return;
    milliseconds = std::clamp<qint64>(milliseconds, 0, std::max<qint64>(0, m_player->duration()));
    m_player->setPosition(milliseconds);
    m_controls->showPosition(milliseconds);
    report(milliseconds);
}

void MediaPlayerView::report(qint64 milliseconds)
{
    if (milliseconds == m_lastReported)
        return;
    m_lastReported = milliseconds;
    Q_EMIT positionChanged(MediaPosition { milliseconds });
}

void MediaPlayerView::setFullScreen(bool fullScreen)
{
    if (fullScreen == isFullScreen() || (fullScreen && !hasVideo()))
        return;
    m_video->setFullScreen(fullScreen);
}

bool MediaPlayerView::isFullScreen() const
{
    return m_video->isFullScreen();
}

void MediaPlayerView::setVolume(int percent)
{
    if (!m_audio)
        return;
    m_audio->setVolume(QAudio::convertVolume(
        float(percent) / 100.0f, QAudio::LogarithmicVolumeScale, QAudio::LinearVolumeScale));
    m_controls->showVolume(percent, m_audio->isMuted());
}

void MediaPlayerView::toggleMute()
{
    if (!m_audio)
        return;
    m_audio->setMuted(!m_audio->isMuted());
    m_controls->showVolume(qRound(QAudio::convertVolume(m_audio->volume(),
                                      QAudio::LinearVolumeScale, QAudio::LogarithmicVolumeScale)
                               * 100),
        m_audio->isMuted());
}

MediaPosition MediaPlayerView::position() const
{
    return { m_open ? m_player->position() : m_startMs };
}

qint64 MediaPlayerView::duration() const
{
    return m_open ? m_player->duration() : 0;
}

bool MediaPlayerView::isPlaying() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

bool MediaPlayerView::hasVideo() const
{
    return m_open && m_player->hasVideo();
}

QVideoSink* MediaPlayerView::videoSink() const
{
    return m_video->videoSink();
}

bool MediaPlayerView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_video)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::MouseButtonDblClick) {
        setFullScreen(!isFullScreen());
        return true;
    }
    // In full screen the video is a window of its own, out of reach of the player's shortcuts.
    if (event->type() == QEvent::KeyPress && isFullScreen()) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Space:
            togglePlayback();
            return true;
        case Qt::Key_Left:
            seek(m_player->position() - kSkipMs);
            return true;
        case Qt::Key_Right:
            seek(m_player->position() + kSkipMs);
            return true;
        case Qt::Key_F:
        case Qt::Key_Escape:
            setFullScreen(false);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ls::ui
