#include "core/util/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace ls {
namespace {

std::string describeErrno(const std::string& what, const std::filesystem::path& path)
{
    return what + " '" + path.string() + "': " + std::strerror(errno);
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    int release()
    {
        int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

Result<void> writeAll(int fd, ByteView data, const std::filesystem::path& path)
{
    std::size_t written = 0;
    while (written < data.size()) {
        ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(ErrorKind::Io, describeErrno("Cannot write", path));
        }
        written += static_cast<std::size_t>(n);
    }
    return {};
}

std::filesystem::path temporarySibling(const std::filesystem::path& path)
{
    std::random_device entropy;
    auto suffix = std::to_string(entropy()) + std::to_string(entropy());
    auto name = "." + path.filename().string() + ".tmp-" + suffix;
    return path.parent_path() / name;
}

} // namespace

Result<void> writeFileAtomically(const std::filesystem::path& path, ByteView contents)
{
    auto directory = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    auto temporary = temporarySibling(path);

    FileDescriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!file.valid())
        return fail(ErrorKind::Io, describeErrno("Cannot create", temporary));

    auto removeTemporary = [&] { ::unlink(temporary.c_str()); };

    if (auto written = writeAll(file.get(), contents, temporary); !written) {
        removeTemporary();
        return written;
    }
    if (::fsync(file.get()) != 0) {
        auto error = describeErrno("Cannot flush", temporary);
        removeTemporary();
        return fail(ErrorKind::Io, error);
    }
    if (::close(file.release()) != 0) {
        auto error = describeErrno("Cannot close", temporary);
        removeTemporary();
        return fail(ErrorKind::Io, error);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        auto error = describeErrno("Cannot replace", path);
        removeTemporary();
        return fail(ErrorKind::Io, error);
    }
    // The rename is durable only once the directory entry is on disk.
    FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.valid())
        ::fsync(dir.get());
    return {};
}

Result<Bytes> readFileLimited(const std::filesystem::path& path, std::size_t maxSize)
{
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file.valid()) {
        auto kind = errno == ENOENT ? ErrorKind::NotFound : ErrorKind::Io;
        return fail(kind, describeErrno("Cannot open", path));
    }
    struct stat info {};
    if (::fstat(file.get(), &info) != 0)
        return fail(ErrorKind::Io, describeErrno("Cannot inspect", path));
    if (!S_ISREG(info.st_mode))
        return fail(ErrorKind::InvalidInput, "'" + path.string() + "' is not a regular file");
    if (static_cast<std::uint64_t>(info.st_size) > maxSize)
        return fail(ErrorKind::InvalidInput,
                    "'" + path.string() + "' is too large (" + std::to_string(info.st_size)
                        + " bytes, at most " + std::to_string(maxSize) + " expected)");

    Bytes data;
    data.resize(static_cast<std::size_t>(info.st_size));
    std::size_t read = 0;
    while (read < data.size()) {
        ssize_t n = ::read(file.get(), data.data() + read, data.size() - read);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(ErrorKind::Io, describeErrno("Cannot read", path));
        }
        if (n == 0)
            break; // file shrank while reading
        read += static_cast<std::size_t>(n);
    }
    data.resize(read);
    return data;
}

} // namespace ls
