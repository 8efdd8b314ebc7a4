#pragma once

#include "core/api/Library.h"

#include <QObject>
#include <QPointer>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <utility>

namespace ls::ui {

// Opens a version of a library title in the Reader or the Player (openTitleViewer): a complete
// copy through api::Library::open() at once; one still downloading through stream(), whose
// opening waits on a worker for the torrent's layout and the container's header. One opening at
// a time: a new one replaces it, and destroying the opener drops it.
class VersionOpener : public QObject {
    Q_OBJECT

public:
    explicit VersionOpener(api::Library& library, QObject* parent = nullptr);
    // Closes the viewer: a window of its own, reading through the library.
    ~VersionOpener() override;

    // `downloading`: play it from the swarm while it downloads (audio, video).
    void open(std::uint64_t titleId, std::uint32_t version, const QString& name, bool downloading);
    // Whether a stream of this version is being opened.
    bool isOpening(std::uint64_t titleId, std::uint32_t version) const;
    // The viewer opened last, while it is open.
    QWidget* viewer() const { return m_viewer; }

Q_SIGNALS:
    void openingChanged(); // an opening began or ended
    void opened(QWidget* viewer);
    void failed(const QString& message);

private:
    void show(
        std::unique_ptr<api::VersionContent> content, const QString& name, std::uint32_t version);

    api::Library& m_library;
    api::Library::Handle m_opening; // empty when none
    std::optional<std::pair<std::uint64_t, std::uint32_t>> m_openingFor; // title, version
    QPointer<QWidget> m_viewer;
};

} // namespace ls::ui
