#pragma once

#include "core/api/Catalog.h"
#include "core/api/Chain.h"
#include "core/api/Library.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"

#include <QElapsedTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTimer;

namespace ls::ui {

class TitleDetailsPage;

// Discover (DESIGN.md §6): the verified catalog as a cover grid with search, filters (subject,
// author, media type, price) and sorting, answered from the catalog's index as the user types; "Refresh"
// reads the chain and the titles' metadata again. It also refreshes by itself while shown: on
// first show, whenever a newly verified block proves a different number of titles (someone
// published), and now and then while some titles still lack their metadata. Activating a cover opens
// the title's page, where it can be bought. Every call to the services returns at once: nothing
// here waits on the network.
class DiscoverPage : public QWidget {
    Q_OBJECT

public:
    DiscoverPage(api::Catalog& catalog, api::Chain& chain, api::Market& market,
        api::Library& library, api::Wallet& wallet, QWidget* parent = nullptr);
    ~DiscoverPage() override;

    static constexpr int kTitleIdRole = Qt::UserRole + 1;

public Q_SLOTS:
    void refresh();
    void showTitle(quint64 titleId);
    void showGrid();

Q_SIGNALS:
    // The user asked to read or play a title in the library (route to the Reader/Player).
    void openRequested(quint64 titleId, quint32 version);
    // A purchase is final: the Library (and the wallet's balance) changed.
    void purchased(quint64 titleId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildGrid();
    void requery();
    void reloadFilters(); // the subjects and authors the catalog holds now
    void reloadSubjects();
    void onRefreshProgress(const api::CatalogRefreshProgress& progress);
    void onRefreshDone(Result<api::CatalogRefreshSummary> result);
    void onChainStatus(const api::ChainStatus& status);
    void refreshIfTheCatalogChanged();
    api::CatalogSearch currentQuery() const;

    api::Catalog& m_catalog;
    api::Chain& m_chain;
    api::Catalog::Handle m_subscription;
    api::Catalog::Handle m_refreshing;
    api::Chain::Handle m_chainStatus;
    api::Chain::Handle m_countCheck; // while asking the chain how many titles there are
    bool m_refreshedOnce = false;
    bool m_busy = false; // a refresh is running
    bool m_countChecking = false;
    std::uint64_t m_checkedHeight = 0; // the verified block the title count was checked at
    std::optional<api::CatalogRefreshSummary> m_lastRefresh;
    QElapsedTimer m_sinceRefresh;

    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_subject = nullptr;
    QComboBox* m_author = nullptr;
    QComboBox* m_mediaType = nullptr;
    QComboBox* m_price = nullptr;
    QComboBox* m_sort = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_empty = nullptr;
    QListView* m_grid = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTimer* m_requery = nullptr;
    TitleDetailsPage* m_details = nullptr;
};

} // namespace ls::ui
