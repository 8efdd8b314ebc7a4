#pragma once

#include "core/api/Chain.h"

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <map>
#include <memory>

namespace ls::market {

// The workflows an api object has under way, each owned until it finishes or its Handle goes.
// A workflow often ends inside one of its own callbacks (and the caller's callback may drop the
// Handle right there), so it is cancelled at once but destroyed on the next turn of the event
// loop, never while its code is still on the stack.
template <typename Job> class RunningJobs {
public:
    explicit RunningJobs(QObject& home)
        : m_home(home)
    {
    }
    ~RunningJobs()
    {
        for (auto& [id, job] : m_jobs)
            job->cancel();
    }

    // Takes ownership; the Handle cancels and releases the job.
    std::pair<std::uint64_t, api::Chain::Handle> add(std::unique_ptr<Job> job)
    {
        const std::uint64_t id = m_next++;
        m_jobs.emplace(id, std::move(job));
        auto alive = m_alive;
        return { id, api::Chain::Handle([this, id, weak = std::weak_ptr<int>(alive)] {
                    if (!weak.expired())
                        release(id);
                }) };
    }

    // Starts the job on the next turn of the event loop, so that no callback of it runs inside
    // the call that created it.
    void startLater(std::uint64_t id)
    {
        QTimer::singleShot(0, &m_home, [this, id, weak = std::weak_ptr<int>(m_alive)] {
            if (weak.expired())
                return;
            if (Job* job = find(id))
                job->start();
        });
    }

    Job* find(std::uint64_t id)
    {
        auto found = m_jobs.find(id);
        return found == m_jobs.end() ? nullptr : found->second.get();
    }

    template <typename Predicate> bool any(Predicate predicate) const
    {
        for (const auto& [id, job] : m_jobs)
            if (predicate(*job))
                return true;
        return false;
    }

    void release(std::uint64_t id)
    {
        auto found = m_jobs.find(id);
        if (found == m_jobs.end())
            return;
        found->second->cancel();
        std::shared_ptr<Job> doomed(std::move(found->second));
        m_jobs.erase(found);
        QTimer::singleShot(0, &m_home, [doomed] {});
    }

private:
    QObject& m_home;
    std::map<std::uint64_t, std::unique_ptr<Job>> m_jobs;
    std::uint64_t m_next = 1;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace ls::market
