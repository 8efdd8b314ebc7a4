#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <expected>
#include <optional>
#include <string>

namespace ls::light {

// Why a call to an endpoint gave no usable answer. A JSON-RPC error keeps the server's code,
// message and data (revert data for a reverted call), so callers can show the reason the chain
// gave; everything else says what the transport or the decoder found wrong.
struct RpcError {
    enum class Kind {
        Network, // connection refused, reset, DNS, TLS …
        Timeout, // no complete answer within the deadline
        Http, // an HTTP status other than 200 without a JSON-RPC error body
        TooLarge, // the response exceeded the size limit
        Malformed, // not JSON-RPC 2.0, or a result that does not decode strictly
        Server, // a JSON-RPC error object from the server
        Cancelled, // the client was asked to drop the call
    };

    Kind kind = Kind::Network;
    std::string endpoint; // the URL asked
    std::string method;
    int code = 0; // the JSON-RPC error code (Server) or the HTTP status (Http)
    std::string message; // a sentence for the user
    std::optional<Bytes> data; // Server: the error's "data" when it is hex (revert data)
    std::optional<std::string> revertReason; // Server: data decoded as Error(string)

    Error toError() const
    {
        const ErrorKind kind_ = kind == Kind::Malformed ? ErrorKind::InvalidInput
            : kind == Kind::Server                      ? ErrorKind::InvalidInput
                                                        : ErrorKind::Io;
        return Error { kind_, message };
    }
};

template <typename T> using RpcResult = std::expected<T, RpcError>;

} // namespace ls::light
