#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace ls::ui {

// Where the player is in an audio or video title. The library stores it as the opaque text
// toString() makes ("ms=83500") and gives it back through fromString() when the title opens
// again, as it does the reader's ReaderPosition.
struct MediaPosition {
    qint64 milliseconds = 0;

    QString toString() const;
    // nullopt for text this player did not write.
    static std::optional<MediaPosition> fromString(QStringView text);

    friend bool operator==(const MediaPosition&, const MediaPosition&) = default;
};

} // namespace ls::ui
