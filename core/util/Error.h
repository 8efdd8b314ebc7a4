#pragma once

#include <expected>
#include <string>
#include <utility>

namespace ls {

// What went wrong, in a sentence a user can read. `kind` lets callers branch without parsing text.
enum class ErrorKind {
    InvalidInput,   // malformed bytes, text or arguments from outside
    Verification,   // a checksum, MAC, signature or proof did not verify
    WrongPassphrase,
    NotFound,
    Io,
    Unsupported,    // a format version or feature this build does not know
    Internal,
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message)
{
    return std::unexpected<Error>(Error{kind, std::move(message)});
}

} // namespace ls
