#pragma once

#include "core/api/Library.h"

#include <QIcon>
#include <QWidget>

#include <map>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;

namespace ls::ui {

class TitleIcons;
class VersionOpener;

// The Library section (DESIGN.md §5, §6): every title this wallet owns, bought or written here,
// with its cover, author and where its local copy stands; for the selected title its versions
// (the newest or any earlier one), Download with progress, Open (the reader for PDF, the player
// for audio and video, streaming the plaintext from the library), and Remove local copy, which
// keeps the licence so the title can be downloaded again.
class LibraryPage : public QWidget {
    Q_OBJECT

public:
    explicit LibraryPage(api::Library& library, QWidget* parent = nullptr);
    ~LibraryPage() override;

    // Reads the titles again (after a purchase, a publication, a download).
    void refresh();
    // Downloads a version (default: the newest) of a title this wallet owns. A title bought
    // elsewhere (Discover, the CLI) is not in the library yet: it shows at once and fills in
    // when its licence is proven.
    void download(std::uint64_t titleId, std::optional<std::uint32_t> version = std::nullopt);
    void select(std::uint64_t titleId);
    // Opens a downloaded version in the Reader or the Player (as the Open button does).
    void open(std::uint64_t titleId, std::uint32_t version);
    // The reader or player window Open made last, while it is open.
    QWidget* viewer() const;
    QString errorText() const;
    // List icons still being drawn (covers are decoded on a worker; a placeholder shows meanwhile).
    int iconsPending() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Fetch {
        api::Library::Handle handle;
        std::optional<std::uint32_t> version;
        api::FetchProgress progress;
    };

    QWidget* buildDetails();
    void fillList();
    QString listText(const api::LibraryTitle& title) const;
    QIcon listIcon(const api::LibraryTitle& title);
    QListWidgetItem* listItem(std::uint64_t titleId) const;
    void updateListText(std::uint64_t titleId);
    void showSelected();
    const api::LibraryTitle* selectedTitle() const;
    std::optional<std::uint32_t> selectedVersion() const;
    // Whether Open plays this version from the swarm while this page's fetch downloads it.
    bool playsWhileDownloading(const api::LibraryTitle& title, std::uint32_t number) const;
    QString stateText(const api::LibraryTitle& title, std::uint32_t version) const;
    void openVersion(const api::LibraryTitle& title, std::uint32_t version);
    void onFetchProgress(std::uint64_t titleId, const api::FetchProgress& progress);
    void onFetchDone(std::uint64_t titleId, const Result<api::FetchedVersion>& result);
    void openSelected();
    void removeSelected();
    void showError(const QString& message);

    api::Library& m_library;
    std::vector<api::LibraryTitle> m_titles;
    std::map<std::uint64_t, Fetch> m_fetches; // one per title at a time
    TitleIcons* m_icons = nullptr;
    VersionOpener* m_opener = nullptr;
    std::map<std::uint64_t, int> m_rows; // of the titles listed, by id

    QListWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QWidget* m_details = nullptr;
    QLabel* m_cover = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_authors = nullptr;
    QLabel* m_blurb = nullptr;
    QComboBox* m_versions = nullptr;
    QLabel* m_state = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_download = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace ls::ui
