#pragma once

#include "core/library/ContainerReader.h"
#include "core/library/ContainerSource.h"
#include "core/util/Error.h"

#include <QIODevice>

#include <memory>
#include <optional>

namespace ls::library {

// The plaintext of a content container as a random-access, read-only QIODevice, for the Reader
// (QPdfDocument::load(QIODevice*)) and the Player (QMediaPlayer::setSourceDevice). size() is the
// content's size and any position can be read: each read decrypts only the chunks it covers,
// in memory (the reader's one wiped chunk buffer, or straight into the caller's buffer). The
// device is unbuffered, so Qt keeps no plaintext copy of its own, and nothing is written to disk.
//
// Over a TorrentContainerSource a read waits for pieces that have not arrived, so such a stream
// is read on a thread other than the swarm's (see there); a read that fails — timed out,
// cancelled, damaged — returns -1, with the reason in errorString() and lastError().
class ContainerStream final : public QIODevice {
    Q_OBJECT

public:
    // Checks the header and the key (reading the container's first chunk slot) and opens the
    // device for reading. `source` is kept for the stream's lifetime.
    static Result<std::unique_ptr<ContainerStream>> open(
        std::unique_ptr<ContainerSource> source, const VersionKey& key, QObject* parent = nullptr);
    ~ContainerStream() override;

    const container::ContainerHeader& header() const { return m_reader->header(); }
    QString mediaType() const { return QString::fromStdString(header().mediaType); }
    const std::optional<Error>& lastError() const { return m_lastError; }

    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 position) override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    ContainerStream(std::unique_ptr<ContainerSource> source, QObject* parent);

    std::unique_ptr<ContainerSource> m_source;
    std::optional<ContainerReader> m_reader; // reads m_source, so declared after it
    std::optional<Error> m_lastError;
};

} // namespace ls::library
