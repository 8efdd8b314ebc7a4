#include "ui/library/VersionContentDevice.h"

#include <QCoreApplication>
#include <QEvent>
#include <QMetaObject>

#include <algorithm>

namespace ls::ui {

VersionContentDevice::VersionContentDevice(
    std::unique_ptr<api::VersionContent> content, QObject* parent)
    : QIODevice(parent)
    , m_content(std::move(content))
{
}

VersionContentDevice::~VersionContentDevice()
{
    cancel();
    if (m_warmUp.joinable())
        m_warmUp.join();
    std::lock_guard lock(m_mutex); // a backend's read still under way returns first
}

qint64 VersionContentDevice::size() const
{
    return static_cast<qint64>(m_content->size());
}

bool VersionContentDevice::open(OpenMode mode)
{
    if (mode != ReadOnly) {
        setErrorString(tr("A title opens for reading only."));
        return false;
    }
    return QIODevice::open(mode);
}

void VersionContentDevice::cancel()
{
    m_content->cancel(); // thread-safe, and never waits for m_mutex
}

void VersionContentDevice::cancelWhenClosed(QObject* window)
{
    window->installEventFilter(this);
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
        &VersionContentDevice::cancel);
}

bool VersionContentDevice::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Close)
        cancel();
    return QIODevice::eventFilter(watched, event);
}

Result<void> VersionContentDevice::useContent(
    const std::function<Result<void>(api::VersionContent&)>& call)
{
    using Clock = std::chrono::steady_clock;
    std::lock_guard lock(m_mutex);
    m_readSince = std::max<std::int64_t>(1, Clock::now().time_since_epoch().count());
    auto result = call(*m_content);
    m_readSince = 0;
    return result;
}

bool VersionContentDevice::isWaiting(std::chrono::milliseconds threshold) const
{
    using Clock = std::chrono::steady_clock;
    const std::int64_t since = m_readSince;
    return since != 0 && Clock::now() - Clock::time_point(Clock::duration(since)) > threshold;
}

void VersionContentDevice::warmUp()
{
    if (m_warmUp.joinable())
        m_warmUp.join();
    m_warmUp = std::thread([this] {
        auto fetched
            = useContent([](api::VersionContent& content) { return content.prefetchOpening(); });
        const QString error = fetched ? QString() : QString::fromStdString(fetched.error().message);
        // The destructor joins this thread before the object goes, so `this` is still here.
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT warmedUp(error); }, Qt::QueuedConnection);
    });
}

qint64 VersionContentDevice::readData(char* data, qint64 maxSize)
{
    const qint64 offset = pos();
    const qint64 available = size() - offset;
    if (available <= 0)
        return -1; // the end
    const auto count = static_cast<std::size_t>(std::min(maxSize, available));
    auto read = useContent([&](api::VersionContent& content) {
        return content.read(
            static_cast<std::uint64_t>(offset), { reinterpret_cast<std::uint8_t*>(data), count });
    });
    if (!read) {
        // A damaged or tampered chunk, data that did not arrive, a cancelled stream: the viewer
        // shows the failure instead of wrong bytes.
        setErrorString(QString::fromStdString(read.error().message));
        return -1;
    }
    return static_cast<qint64>(count);
}

qint64 VersionContentDevice::writeData(const char*, qint64)
{
    return -1;
}

} // namespace ls::ui
