// libFuzzer target: arbitrary bytes, delivered in arbitrary pieces, as HTTP requests on one
// keep-alive connection (HttpRequestParser), and every complete request through the router and
// the WebSocket handshake check.
#include "core/node/rpc/HttpRequestParser.h"
#include "core/node/rpc/HttpRouter.h"
#include "core/node/rpc/WebSocketHandshake.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

constexpr qsizetype kMaxHeader = 16 * 1024;
constexpr qsizetype kMaxBody = 64 * 1024;

void check(const ls::node::rpc::HttpRequest& request)
{
    using namespace ls::node::rpc;
    // Content-Length was honoured exactly.
    const auto length = request.header("content-length");
    if (length && length->toLongLong() != request.body.size())
        std::abort();
    if (request.method.isEmpty() || request.target.isEmpty())
        std::abort();
    (void)request.keepAlive();
    (void)WebSocketHandshake::validate(request);
    const HttpResponse response = HttpRouter::route(
        request,
        [](QByteArrayView) {
            return JsonRpcDispatcher::Outcome { QByteArray("{}"), false };
        },
        QJsonObject());
    if (response.serialize(true).isEmpty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls::node::rpc;
    if (size == 0)
        return 0;
    // The first byte picks the piece size, so splits at every position get explored.
    const std::size_t piece = (data[0] % 64) + 1;
    ++data;
    --size;

    HttpRequestParser parser(kMaxHeader, kMaxBody);
    for (std::size_t offset = 0; offset < size; offset += piece) {
        const std::size_t length = std::min(piece, size - offset);
        auto status = parser.feed(QByteArrayView(
            reinterpret_cast<const char*>(data + offset), static_cast<qsizetype>(length)));
        while (status == HttpRequestParser::Status::Complete) {
            check(parser.takeRequest());
            status = parser.feed({});
        }
        if (status == HttpRequestParser::Status::Error) {
            const int code = parser.errorStatus();
            if (code < 400 || code > 599 || parser.errorMessage().isEmpty())
                std::abort();
            if (parser.feed("GET / HTTP/1.1\r\n\r\n") != HttpRequestParser::Status::Error)
                std::abort(); // errors are sticky
            return 0;
        }
    }
    return 0;
}
