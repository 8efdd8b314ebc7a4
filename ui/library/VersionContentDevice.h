#pragma once

#include "core/api/Library.h"

#include <QIODevice>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace ls::ui {

// A version's plaintext as a random-access QIODevice, for the reader and the player: each read
// decrypts just the chunks it covers (api::VersionContent), so nothing decrypted is ever written
// to disk. Read-only. The reader's and the player's backends may read from a thread of their
// own, so reads are serialised.
//
// Content still downloading (api::Library::stream(), mayBlock()) makes a read wait for its
// pieces. The player's FFmpeg backend (Qt 6.4) reads the device on the GUI thread while it opens
// the media and on its demuxer thread afterwards, so such a device first warms up (warmUp()):
// what opening reads (the first megabyte; an MP4's index) is fetched on a thread of its own, and
// only then is the device handed to the player. A read on the GUI thread that would still have to
// wait fails at once (the swarm lives there and refuses it) instead of freezing the window.
class VersionContentDevice : public QIODevice {
    Q_OBJECT

public:
    explicit VersionContentDevice(
        std::unique_ptr<api::VersionContent> content, QObject* parent = nullptr);
    // Cancels the content, then waits for a read under way (which the cancel ends at once).
    ~VersionContentDevice() override;

    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool open(OpenMode mode) override; // ReadOnly only

    // Whether reads may wait for the network (the version is still downloading).
    bool mayBlock() const { return m_content->mayBlock(); }
    // From any thread: a read waiting for data, and every later one, fails at once. Call it
    // before the player that reads this device stops, or the player's stop waits for the read.
    void cancel();
    // Cancels when `window` closes (before a WA_DeleteOnClose window's destructor stops its
    // player) and when the application quits.
    void cancelWhenClosed(QObject* window);
    // From any thread: whether a read has been waiting for data for longer than `threshold`
    // (the player shows that it is buffering). Never true for content that cannot block.
    bool isWaiting(std::chrono::milliseconds threshold) const;
    // Fetches, on a thread of its own, what the player reads while it opens the device
    // (api::VersionContent::prefetchOpening); warmedUp follows on this object's thread.
    void warmUp();

Q_SIGNALS:
    // Empty `error`: the warm-up read everything it asked for.
    void warmedUp(const QString& error);

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 maxSize) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // `call` on the content with m_mutex held, noting while it runs (isWaiting()).
    Result<void> useContent(const std::function<Result<void>(api::VersionContent&)>& call);

    std::unique_ptr<api::VersionContent> m_content;
    std::mutex m_mutex;
    // When the read under way began (steady clock, ns since its epoch); 0: none.
    std::atomic<std::int64_t> m_readSince { 0 };
    std::thread m_warmUp;
};

} // namespace ls::ui
