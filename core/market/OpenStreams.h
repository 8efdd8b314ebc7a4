#pragma once

#include "core/util/Bytes.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stop_token>
#include <utility>

namespace ls::market {

// The streams a MarketLibrary opened (StreamingContent), which read the swarm from players'
// threads and may outlive any single call: removing a version's local copy stops its streams, and
// closing the library stops them all and then waits for reads in flight, so that no stream ever
// touches a swarm that is gone. Thread-safe.
class OpenStreams {
public:
    // One stream's entry, removed when it is destroyed.
    class Registration {
    public:
        Registration(std::shared_ptr<OpenStreams> streams, std::uint64_t id)
            : m_streams(std::move(streams))
            , m_id(id)
        {
        }
        Registration(const Registration&) = delete;
        Registration& operator=(const Registration&) = delete;
        ~Registration() { m_streams->remove(m_id); }

    private:
        std::shared_ptr<OpenStreams> m_streams;
        std::uint64_t m_id;
    };

    // A read's hold on the library: while it lives the library cannot finish closing.
    class Use {
    public:
        explicit Use(std::shared_mutex& closing, const bool& closed)
            : m_lock(closing)
            , m_open(!closed)
        {
        }
        explicit operator bool() const { return m_open; }

    private:
        std::shared_lock<std::shared_mutex> m_lock;
        bool m_open;
    };

    static std::unique_ptr<Registration> add(
        const std::shared_ptr<OpenStreams>& streams, const Hash256& infohash, std::stop_source stop)
    {
        std::lock_guard lock(streams->m_mutex);
        if (streams->m_stopping)
            stop.request_stop();
        const std::uint64_t id = streams->m_next++;
        streams->m_entries.emplace(id, Entry { infohash, std::move(stop) });
        return std::make_unique<Registration>(streams, id);
    }

    // Held for the length of each read; false once the library has closed.
    Use use() { return Use(m_closing, m_closed); }

    // Every stream of `infohash` stops (its local copy is going away).
    void stop(const Hash256& infohash)
    {
        std::lock_guard lock(m_mutex);
        for (auto& [id, entry] : m_entries)
            if (entry.infohash == infohash)
                entry.stop.request_stop();
    }

    // Stops every stream, waits for the reads under way to return (stopped, they do so at once)
    // and refuses every later one.
    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
            for (auto& [id, entry] : m_entries)
                entry.stop.request_stop();
        }
        std::unique_lock lock(m_closing);
        m_closed = true;
    }

private:
    struct Entry {
        Hash256 infohash;
        std::stop_source stop;
    };

    void remove(std::uint64_t id)
    {
        std::lock_guard lock(m_mutex);
        m_entries.erase(id);
    }

    std::mutex m_mutex;
    std::map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_next = 1;
    bool m_stopping = false;
    std::shared_mutex m_closing;
    bool m_closed = false; // written under m_closing held exclusively
};

} // namespace ls::market
