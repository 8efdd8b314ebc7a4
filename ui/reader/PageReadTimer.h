#pragma once

#include <QtGlobal>

#include <functional>
#include <optional>

namespace ls::ui {

// Measures how long the reader stays on a page, for "page read" events (the library keeps them:
// a subscription pays authors by pages read). Flipping past a page is not reading it, and a
// page left open while the reader is away counts for a few minutes at most.
class PageReadTimer {
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds; a seam for tests

    static constexpr int kMinimumSeconds = 3;
    static constexpr int kMaximumSeconds = 10 * 60;

    struct Visit {
        int page = 0;
        int seconds = 0;
    };

    PageReadTimer();
    void setClock(Clock clock);

    // Starts timing `page`; a visit already running is dropped (finish() it first).
    void start(int page);
    // Ends the running visit: the page and its whole seconds (at most kMaximumSeconds) when it
    // lasted at least kMinimumSeconds; nullopt otherwise, and when none was running.
    std::optional<Visit> finish();
    bool running() const { return m_page >= 0; }

private:
    Clock m_clock;
    int m_page = -1;
    qint64 m_startedMs = 0;
};

} // namespace ls::ui
