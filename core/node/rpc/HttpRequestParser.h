#pragma once

#include "core/node/rpc/HttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ls::node::rpc {

// Incremental HTTP/1.x request parser over plain bytes (no sockets, so it can be fuzzed).
// Feed whatever arrived; it answers NeedMore, Complete or Error. Only Content-Length bodies are
// accepted: JSON-RPC clients never need chunked uploads, and refusing them removes a class of
// request-smuggling and resource bugs. After Complete, takeRequest() hands the request over and
// the parser waits for the next one; bytes already buffered past it (pipelining, or the first
// WebSocket frames after an upgrade) stay buffered.
class HttpRequestParser {
public:
    enum class Status { NeedMore, Complete, Error };

    HttpRequestParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes);

    // Appends bytes and parses as far as they allow. While a request is Complete and not yet
    // taken, bytes are only buffered; after Error they are ignored.
    Status feed(QByteArrayView bytes);
    Status status() const { return m_status; }

    // The header block of the current request is complete (its body may still be arriving).
    bool headersComplete() const { return m_headerEnd >= 0; }
    // Some bytes of a request that is not complete yet have arrived.
    bool hasPartialRequest() const { return m_status == Status::NeedMore && !m_buffer.isEmpty(); }
    // Current request; headers are valid once headersComplete(), the body once Complete.
    const HttpRequest& request() const { return m_request; }

    // Moves the complete request out and resets for the next one without parsing further;
    // call feed({}) to go on with buffered bytes.
    HttpRequest takeRequest();
    // Buffered bytes past the last taken request; the parser is left empty.
    QByteArray takeBufferedBytes();

    // On Error: the status code to answer (400, 411, 413, 431, 501, 505) and why.
    int errorStatus() const { return m_errorStatus; }
    const QString& errorMessage() const { return m_errorMessage; }

private:
    Status fail(int status, QString message);
    Status parseHeaderBlock(QByteArrayView block);
    Status parseRequestLine(QByteArrayView line);
    Status parseHeaderLine(QByteArrayView line);
    Status decideBodyLength();
    Status tryCompleteBody();

    qsizetype m_maxHeaderBytes;
    qsizetype m_maxBodyBytes;
    QByteArray m_buffer;
    qsizetype m_scanFrom = 0; // where the search for the blank line resumes
    qsizetype m_headerEnd = -1; // offset of the body in m_buffer, once the headers are parsed
    qsizetype m_bodyLength = 0;
    Status m_status = Status::NeedMore;
    HttpRequest m_request;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace ls::node::rpc
