#include "app/gui/LocalPeers.h"

#include <QFile>
#include <QSaveFile>

#include <system_error>

namespace ls::gui {
namespace {

constexpr qint64 kMaxPeerFileBytes = 64; // "127.0.0.1:65535\n"
constexpr std::string_view kSuffix = ".peer";

} // namespace

LocalPeers::LocalPeers(std::filesystem::path directory, std::string profile,
    std::function<std::uint16_t()> listenPort, std::function<void(std::string)> addPeer)
    : m_directory(std::move(directory))
    , m_profile(std::move(profile))
    , m_listenPort(std::move(listenPort))
    , m_addPeer(std::move(addPeer))
{
    m_timer.setInterval(kScanIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LocalPeers::scan);
    m_timer.start();
    QTimer::singleShot(0, this, &LocalPeers::scan);
}

LocalPeers::~LocalPeers()
{
    if (m_announced == 0)
        return;
    std::error_code ignored;
    std::filesystem::remove(m_directory / (m_profile + std::string(kSuffix)), ignored);
}

void LocalPeers::announce(std::uint16_t port)
{
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    QSaveFile file(
        QString::fromStdString((m_directory / (m_profile + std::string(kSuffix))).string()));
    if (!file.open(QIODevice::WriteOnly))
        return; // tried again at the next scan
    file.write(QByteArray("127.0.0.1:") + QByteArray::number(port) + '\n');
    if (file.commit())
        m_announced = port;
}

void LocalPeers::scan()
{
    if (const std::uint16_t port = m_listenPort(); port != 0 && port != m_announced)
        announce(port);
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(m_directory, error)) {
        const auto name = entry.path().filename().string();
        if (!name.ends_with(kSuffix) || name == m_profile + std::string(kSuffix))
            continue;
        QFile file(QString::fromStdString(entry.path().string()));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = file.read(kMaxPeerFileBytes).trimmed();
        // Only loopback addresses: these files say where this machine's own profiles listen.
        const qsizetype colon = line.lastIndexOf(':');
        bool numeric = false;
        const uint port = line.mid(colon + 1).toUInt(&numeric);
        if (!line.startsWith("127.0.0.1:") || !numeric || port == 0 || port > 65535)
            continue;
        std::string peer = line.toStdString();
        if (m_known.insert(peer).second)
            m_addPeer(std::move(peer));
    }
}

} // namespace ls::gui
