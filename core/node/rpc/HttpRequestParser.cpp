#include "core/node/rpc/HttpRequestParser.h"

#include <utility>

namespace ls::node::rpc {

namespace {

// RFC 9110 §5.6.2 tchar.
bool isTokenChar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView view)
{
    if (view.isEmpty())
        return false;
    for (char c : view) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible ASCII and obs-text; no spaces or controls.
bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7F;
}

// Field values may hold anything but controls other than horizontal tab.
bool isValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7F);
}

QByteArrayView trimmed(QByteArrayView view)
{
    while (!view.isEmpty() && (view.front() == ' ' || view.front() == '\t'))
        view = view.sliced(1);
    while (!view.isEmpty() && (view.back() == ' ' || view.back() == '\t'))
        view.chop(1);
    return view;
}

} // namespace

HttpRequestParser::HttpRequestParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes)
    : m_maxHeaderBytes(maxHeaderBytes)
    , m_maxBodyBytes(maxBodyBytes)
{
}

HttpRequestParser::Status HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_status == Status::Error)
        return m_status;
    m_buffer.append(bytes);
    // Bytes that arrive before the complete request is taken belong to the next one.
    if (m_status == Status::Complete)
        return m_status;

    if (m_headerEnd < 0) {
        // RFC 9112 §2.2: ignore empty lines before the request line (some clients send an extra
        // CRLF after a POST body).
        qsizetype skip = 0;
        while (skip < m_buffer.size() && (m_buffer[skip] == '\r' || m_buffer[skip] == '\n'))
            ++skip;
        if (skip > 0) {
            m_buffer.remove(0, skip);
            m_scanFrom = 0;
        }

        // The header block ends at the first empty line (LF, or CR LF).
        qsizetype blockEnd = -1;
        qsizetype bodyStart = -1;
        qsizetype pos = m_scanFrom;
        while (true) {
            const qsizetype newline = m_buffer.indexOf('\n', pos);
            if (newline < 0)
                break;
            if (newline + 1 < m_buffer.size() && m_buffer[newline + 1] == '\n') {
                blockEnd = newline + 1;
                bodyStart = newline + 2;
                break;
            }
            if (newline + 2 < m_buffer.size() && m_buffer[newline + 1] == '\r'
                && m_buffer[newline + 2] == '\n') {
                blockEnd = newline + 1;
                bodyStart = newline + 3;
                break;
            }
            // The next line might be blank but not complete yet: look at it again next time.
            if (newline + 3 > m_buffer.size()) {
                pos = newline;
                break;
            }
            pos = newline + 1;
        }
        if (blockEnd < 0) {
            m_scanFrom = pos;
            if (m_buffer.size() > m_maxHeaderBytes)
                return fail(431, QStringLiteral("The request headers are too large."));
            return m_status;
        }
        if (bodyStart > m_maxHeaderBytes)
            return fail(431, QStringLiteral("The request headers are too large."));
        if (parseHeaderBlock(QByteArrayView(m_buffer).first(blockEnd)) == Status::Error)
            return m_status;
        m_headerEnd = bodyStart;
    }
    return tryCompleteBody();
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest taken = std::move(m_request);
    m_request = HttpRequest {};
    if (m_status == Status::Complete)
        m_buffer.remove(0, m_headerEnd + m_bodyLength);
    m_status = Status::NeedMore;
    m_headerEnd = -1;
    m_bodyLength = 0;
    m_scanFrom = 0;
    return taken;
}

QByteArray HttpRequestParser::takeBufferedBytes()
{
    QByteArray rest = std::exchange(m_buffer, QByteArray());
    m_scanFrom = 0;
    return rest;
}

HttpRequestParser::Status HttpRequestParser::fail(int status, QString message)
{
    m_status = Status::Error;
    m_errorStatus = status;
    m_errorMessage = std::move(message);
    m_buffer.clear();
    return m_status;
}

HttpRequestParser::Status HttpRequestParser::parseHeaderBlock(QByteArrayView block)
{
    bool first = true;
    while (!block.isEmpty()) {
        const qsizetype newline = block.indexOf('\n');
        QByteArrayView line = newline < 0 ? block : block.first(newline);
        block = newline < 0 ? QByteArrayView() : block.sliced(newline + 1);
        if (!line.isEmpty() && line.back() == '\r')
            line.chop(1);
        if (first) {
            if (parseRequestLine(line) == Status::Error)
                return m_status;
            first = false;
        } else if (parseHeaderLine(line) == Status::Error) {
            return m_status;
        }
    }
    return decideBodyLength();
}

HttpRequestParser::Status HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return fail(400, QStringLiteral("The request line is malformed."));
    QByteArrayView method = line.first(firstSpace);
    QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method))
        return fail(400, QStringLiteral("The request method is malformed."));
    for (char c : target) {
        if (!isTargetChar(c))
            return fail(400, QStringLiteral("The request target is malformed."));
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' || version[5] < '0'
        || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return fail(400, QStringLiteral("The HTTP version is malformed."));
    if (version[5] != '1')
        return fail(505, QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are supported."));
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    m_request.versionMinor = version[7] - '0';
    return m_status;
}

HttpRequestParser::Status HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (!line.isEmpty() && (line.front() == ' ' || line.front() == '\t'))
        return fail(400, QStringLiteral("Folded header lines are not accepted."));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(400, QStringLiteral("A request header is malformed."));
    QByteArrayView value = trimmed(line.sliced(colon + 1));
    for (char c : value) {
        if (!isValueChar(c))
            return fail(400, QStringLiteral("A request header holds a control character."));
    }
    m_request.headers.emplace_back(line.first(colon).toByteArray().toLower(), value.toByteArray());
    return m_status;
}

HttpRequestParser::Status HttpRequestParser::decideBodyLength()
{
    bool hasTransferEncoding = false;
    bool chunked = false;
    bool hasLength = false;
    qsizetype length = 0;
    for (const auto& [name, value] : m_request.headers) {
        if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            chunked = chunked || m_request.headerHasToken("transfer-encoding", "chunked");
        } else if (name == "content-length") {
            if (value.isEmpty())
                return fail(400, QStringLiteral("Content-Length is malformed."));
            for (char c : value) {
                if (c < '0' || c > '9')
                    return fail(400, QStringLiteral("Content-Length is malformed."));
            }
            // 18 digits cannot overflow qsizetype; anything longer is far past any limit.
            if (value.size() > 18)
                return fail(413, QStringLiteral("The request body is too large."));
            qsizetype parsed = 0;
            for (char c : value)
                parsed = parsed * 10 + (c - '0');
            // Differing lengths are the classic request-smuggling vector.
            if (hasLength && parsed != length)
                return fail(400, QStringLiteral("Conflicting Content-Length headers."));
            hasLength = true;
            length = parsed;
        }
    }
    if (hasTransferEncoding) {
        if (chunked)
            return fail(411,
                QStringLiteral("Chunked request bodies are not accepted; send a "
                               "Content-Length."));
        return fail(501, QStringLiteral("The request's Transfer-Encoding is not supported."));
    }
    if (length > m_maxBodyBytes)
        return fail(413, QStringLiteral("The request body is too large."));
    m_bodyLength = length;
    return m_status;
}

HttpRequestParser::Status HttpRequestParser::tryCompleteBody()
{
    if (m_buffer.size() - m_headerEnd < m_bodyLength)
        return m_status;
    m_request.body = m_buffer.sliced(m_headerEnd, m_bodyLength);
    m_status = Status::Complete;
    return m_status;
}

} // namespace ls::node::rpc
