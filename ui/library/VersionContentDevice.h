#pragma once

#include "core/api/Library.h"

#include <QIODevice>

#include <memory>
#include <mutex>

namespace ls::ui {

// A downloaded version's plaintext as a random-access QIODevice, for the reader and the player:
// each read decrypts just the chunks it covers (api::VersionContent), so nothing decrypted is
// ever written to disk. Read-only. The reader's and the player's backends may read from a thread
// of their own, so reads are serialised.
class VersionContentDevice : public QIODevice {
    Q_OBJECT

public:
    explicit VersionContentDevice(
        std::unique_ptr<api::VersionContent> content, QObject* parent = nullptr);
    ~VersionContentDevice() override;

    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool open(OpenMode mode) override; // ReadOnly only

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 maxSize) override;

private:
    std::unique_ptr<api::VersionContent> m_content;
    std::mutex m_mutex;
};

} // namespace ls::ui
