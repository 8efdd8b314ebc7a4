#pragma once

#include "core/api/Chain.h"
#include "core/api/Market.h"
#include "core/api/Studio.h"
#include "core/api/Wallet.h"
#include "ui/studio/PublishWizard.h"
#include "ui/studio/StudioTitle.h"

#include <QPointer>
#include <QWidget>

#include <map>
#include <optional>
#include <vector>

class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace ls::ui {

class SalesSummaryView;

// The Studio section (DESIGN.md §6): publish a title through the wizard, resume unfinished
// publications, the author's titles with their proven price, listing, versions, sales and
// revenue (change price, add a version, delist / list again) and a sales summary with CSV export.
// Chain facts are read again whenever the light client verifies a newer block.
class StudioPage : public QWidget {
    Q_OBJECT

public:
    StudioPage(api::Studio& studio, api::Market& market, api::Chain& chain, api::Wallet& wallet,
        QWidget* parent = nullptr);
    ~StudioPage() override;

    const std::vector<StudioTitle>& titles() const { return m_titles; }
    // The publish wizard while it is open.
    PublishWizard* publishWizard() const { return m_wizard; }

public Q_SLOTS:
    // Reads the library's titles and the unfinished publications, then the chain's records.
    void refresh();

Q_SIGNALS:
    // A title or a version was published: Discover and Library may want to look again.
    void published(quint64 titleId);

private:
    QWidget* buildTitlesTab();
    void readChainFacts();
    void readSalesIfChanged();
    void showTitles();
    void showUnfinished(const std::vector<api::UnfinishedPublication>& unfinished);
    void updateActions();
    std::optional<std::size_t> selectedTitle() const;
    void openPublishWizard();
    void resumeSelected();
    void changePrice();
    void addVersion();
    void toggleListed();
    void onStatus(const api::ChainStatus& status);

    api::Studio& m_studio;
    api::Market& m_market;
    api::Chain& m_chain;
    api::Wallet& m_wallet;
    api::Chain::Handle m_statusSubscription;
    std::map<std::uint64_t, api::Chain::Handle> m_reads;
    api::Chain::Handle m_salesRead;
    std::optional<std::uint64_t> m_salesReadAt; // the proven sales count the last read was for
    std::optional<std::uint64_t> m_readHeight;
    std::vector<StudioTitle> m_titles;
    std::vector<api::UnfinishedPublication> m_unfinished;

    QLabel* m_status = nullptr;
    QPushButton* m_publish = nullptr;
    QGroupBox* m_unfinishedBox = nullptr;
    QListWidget* m_unfinishedList = nullptr;
    QPushButton* m_resume = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_provenAt = nullptr;
    QPushButton* m_changePrice = nullptr;
    QPushButton* m_addVersion = nullptr;
    QPushButton* m_toggleListed = nullptr;
    SalesSummaryView* m_sales = nullptr;
    QPointer<PublishWizard> m_wizard;
};

} // namespace ls::ui
