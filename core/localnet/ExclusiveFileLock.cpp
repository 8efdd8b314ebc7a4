#include "core/localnet/ExclusiveFileLock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ls::localnet {

Result<bool> ExclusiveFileLock::tryLock()
{
    if (held())
        return true;
    const int descriptor = ::open(m_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (descriptor < 0)
        return fail(ErrorKind::Io, "Cannot open " + m_file.string() + ": " + std::strerror(errno));
    if (::flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(descriptor);
        if (error == EWOULDBLOCK)
            return false;
        return fail(ErrorKind::Io, "Cannot lock " + m_file.string() + ": " + std::strerror(error));
    }
    m_descriptor = descriptor;
    return true;
}

void ExclusiveFileLock::release()
{
    if (m_descriptor < 0)
        return;
    ::close(m_descriptor); // other descriptors of the same open file (a child's) keep it
    m_descriptor = -1;
}

void ExclusiveFileLock::keepInChild(int descriptor)
{
    if (descriptor >= 0)
        ::fcntl(descriptor, F_SETFD, 0);
}

} // namespace ls::localnet
