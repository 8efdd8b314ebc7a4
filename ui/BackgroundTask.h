#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include <utility>

namespace ls::ui {

// Runs `work()` on the global thread pool and hands its result to `done` on the GUI thread,
// unless `context` was destroyed meanwhile (a closed dialog simply never hears back). For calls
// that may take a second, such as unlocking a key file (Argon2id): never on the GUI thread.
//
// Whatever `work` uses must outlive it: the app waits for the pool before it destroys its
// services (app/gui/DesktopApp).
template <typename Work, typename Done> void runInBackground(QObject* context, Work work, Done done)
{
    QThreadPool::globalInstance()->start(
        [guard = QPointer<QObject>(context), work = std::move(work),
            done = std::move(done)]() mutable {
            auto result = work();
            // Delivered through the application object, which outlives every window; the guard
            // is checked there, on the GUI thread, where `context` could be deleted.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, done = std::move(done), result = std::move(result)]() mutable {
                    if (guard)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
}

} // namespace ls::ui
