#pragma once

#include "core/util/Error.h"

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <utility>

namespace ls::market {

// Runs `work` on a pool thread and hands its result to `done` on `home`'s thread — unless
// `alive` expired meanwhile (its owner was destroyed or cancelled the task). For the long steps
// of publishing and fetching (encrypting, hashing) that must never run on the caller's thread.
// `home` must outlive every task: its owner waits for the pool before destroying it.
template <typename T>
void runOnWorker(QThreadPool& pool, QObject* home, std::weak_ptr<void> alive,
    std::function<Result<T>()> work, std::function<void(Result<T>)> done)
{
    pool.start(
        [home, alive = std::move(alive), work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<Result<T>>(work());
            QMetaObject::invokeMethod(
                home,
                [alive, result, done = std::move(done)]() mutable {
                    if (!alive.expired())
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
}

// Calls `call` on `home`'s thread (from any thread), while `alive` has not expired.
inline void postTo(QObject* home, std::weak_ptr<void> alive, std::function<void()> call)
{
    QMetaObject::invokeMethod(
        home,
        [alive = std::move(alive), call = std::move(call)] {
            if (!alive.expired())
                call();
        },
        Qt::QueuedConnection);
}

} // namespace ls::market
