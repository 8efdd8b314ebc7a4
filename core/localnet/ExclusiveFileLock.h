#pragma once

#include "core/util/Error.h"

#include <filesystem>

namespace ls::localnet {

// An exclusive flock(2) on a file, taken without waiting. The kernel releases it when the last
// process holding the open file goes, however it goes (kill -9 included), so a crash never
// leaves a stale lock behind; the file itself stays and means nothing. Two locks on the same
// file exclude each other also inside one process (flock locks belong to the open file, not to
// the process as fcntl locks do). The descriptor is close-on-exec: a child process keeps the
// lock only when told to (ManagedLocalNetwork's node, see keepInChild()).
class ExclusiveFileLock {
public:
    explicit ExclusiveFileLock(std::filesystem::path file)
        : m_file(std::move(file))
    {
    }
    ~ExclusiveFileLock() { release(); }

    ExclusiveFileLock(const ExclusiveFileLock&) = delete;
    ExclusiveFileLock& operator=(const ExclusiveFileLock&) = delete;

    // True: held now (also when it was already); false: another holder has it.
    Result<bool> tryLock();
    void release();
    bool held() const { return m_descriptor >= 0; }
    // For a child process's modifier (between fork and exec, async-signal-safe): the child
    // inherits the lock, which then lasts until the child has ended too.
    static void keepInChild(int descriptor);
    int descriptor() const { return m_descriptor; }

private:
    std::filesystem::path m_file;
    int m_descriptor = -1;
};

} // namespace ls::localnet
