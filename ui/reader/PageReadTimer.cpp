#include "ui/reader/PageReadTimer.h"

#include <QElapsedTimer>

#include <algorithm>
#include <utility>

namespace ls::ui {
namespace {

qint64 monotonicMilliseconds()
{
    static const QElapsedTimer sinceFirstUse = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return sinceFirstUse.elapsed();
}

} // namespace

PageReadTimer::PageReadTimer()
    : m_clock(monotonicMilliseconds)
{
}

void PageReadTimer::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock(monotonicMilliseconds);
    m_page = -1;
}

void PageReadTimer::start(int page)
{
    m_page = page;
    m_startedMs = m_clock();
}

std::optional<PageReadTimer::Visit> PageReadTimer::finish()
{
    if (m_page < 0)
        return std::nullopt;
    const int page = std::exchange(m_page, -1);
    const qint64 seconds = std::max<qint64>(0, m_clock() - m_startedMs) / 1000;
    if (seconds < kMinimumSeconds)
        return std::nullopt;
    return Visit { page, int(std::min<qint64>(seconds, kMaximumSeconds)) };
}

} // namespace ls::ui
