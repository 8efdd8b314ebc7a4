#include "ui/library/TitleIcons.h"

#include "ui/CoverArt.h"

#include <QPixmap>

#include <algorithm>

namespace ls::ui {

TitleIcons::TitleIcons(QSize size, QObject* parent)
    : QObject(parent)
    , m_size(size)
{
    QPixmap blank(size);
    blank.fill(QColor(0xd8, 0xd8, 0xd8));
    m_placeholder = QIcon(blank);
    // One core draws; the other stays with the window.
    m_painters.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

TitleIcons::~TitleIcons()
{
    m_painters.clear(); // drawings not begun
    m_painters.waitForDone(); // the one under way; its result is dropped with this object
}

QIcon TitleIcons::icon(
    std::uint64_t titleId, const std::string& source, const Bytes& cover, const QString& name)
{
    if (auto known = m_entries.find(titleId); known != m_entries.end()) {
        if (known->second.source == source)
            return known->second.icon; // drawn, or being drawn
    }
    m_entries[titleId] = { source, m_placeholder, false };
    m_painters.start([this, titleId, source, cover, name, size = m_size] {
        const QImage image = coverImage(cover, name, size);
        QMetaObject::invokeMethod(
            this, [this, titleId, source, image] { onDrawn(titleId, source, image); },
            Qt::QueuedConnection);
    });
    return m_placeholder;
}

void TitleIcons::onDrawn(std::uint64_t titleId, const std::string& source, const QImage& image)
{
    auto entry = m_entries.find(titleId);
    if (entry == m_entries.end() || entry->second.source != source)
        return; // no longer listed, or drawn from something newer meanwhile
    entry->second.icon = QIcon(QPixmap::fromImage(image));
    entry->second.drawn = true;
    Q_EMIT drawn(titleId, entry->second.icon);
}

void TitleIcons::keepOnly(const std::set<std::uint64_t>& titleIds)
{
    std::erase_if(m_entries, [&](const auto& entry) { return !titleIds.contains(entry.first); });
}

int TitleIcons::pending() const
{
    return static_cast<int>(std::count_if(
        m_entries.begin(), m_entries.end(), [](const auto& entry) { return !entry.second.drawn; }));
}

} // namespace ls::ui
