#pragma once

#include "core/util/Bytes.h"

#include <QIcon>
#include <QObject>
#include <QSize>
#include <QThreadPool>

#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace ls::ui {

// The Library list's icons: each title's cover (or the generated card) at list size. Decoding a
// cover takes milliseconds, thousands of them seconds, so icons are drawn on a worker thread, in
// the order asked for (the top of the list first); until then a title shows a plain placeholder.
// A drawn icon is kept until what it was drawn from changes.
class TitleIcons : public QObject {
    Q_OBJECT

public:
    explicit TitleIcons(QSize size, QObject* parent = nullptr);
    ~TitleIcons() override; // waits for a drawing under way

    // The icon to show now for a title. `source` names what it is drawn from (the metadata
    // document, say): a different one draws it again. `cover` may be empty (the card with
    // `name`'s initials).
    QIcon icon(
        std::uint64_t titleId, const std::string& source, const Bytes& cover, const QString& name);
    // Forgets the titles no longer listed.
    void keepOnly(const std::set<std::uint64_t>& titleIds);
    // Icons still being drawn.
    int pending() const;

Q_SIGNALS:
    void drawn(std::uint64_t titleId, const QIcon& icon);

private:
    struct Entry {
        std::string source;
        QIcon icon; // the placeholder until drawn
        bool drawn = false;
    };

    void onDrawn(std::uint64_t titleId, const std::string& source, const QImage& image);

    QSize m_size;
    QIcon m_placeholder;
    std::map<std::uint64_t, Entry> m_entries;
    QThreadPool m_painters;
};

} // namespace ls::ui
