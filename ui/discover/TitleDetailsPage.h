#pragma once

#include "core/api/Catalog.h"
#include "core/api/Chain.h"
#include "core/api/Library.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace ls::ui {

class BuyDialog;

// A title's page in Discover: cover, name, authors and the author's address, blurb, product
// details, contents, versions and price — read fresh and proven when the page opens. "Buy" opens
// the BuyDialog; a title already in the library offers "Open" (once downloaded) instead. A title
// with a sample offers "Read sample" or "Play sample", which opens it in the reader or player.
class TitleDetailsPage : public QWidget {
    Q_OBJECT

public:
    TitleDetailsPage(api::Catalog& catalog, api::Chain& chain, api::Market& market,
        api::Library& library, api::Wallet& wallet, QWidget* parent = nullptr);
    ~TitleDetailsPage() override;

    void showTitle(quint64 titleId);
    std::optional<quint64> titleId() const { return m_titleId; }

Q_SIGNALS:
    void backRequested();
    void openRequested(quint64 titleId, quint32 version);
    void purchased(quint64 titleId);

private:
    void onDetails(Result<api::CatalogTitleDetails> details);
    void showOwnership();
    void buy();
    void openSample();

    api::Catalog& m_catalog;
    api::Chain& m_chain;
    api::Market& m_market;
    api::Library& m_library;
    api::Wallet& m_wallet;
    std::optional<quint64> m_titleId;
    std::optional<api::CatalogTitleDetails> m_details;
    quint32 m_openVersion = 0;
    api::Catalog::Handle m_reading;
    api::Catalog::Handle m_catalogChanges;
    QPointer<BuyDialog> m_buyDialog;
    QPointer<QWidget> m_sampleViewer;
    quint64 m_sampleTitleId = 0; // whose sample m_sampleViewer shows

    QLabel* m_cover = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_authors = nullptr;
    QLabel* m_authorAddress = nullptr;
    QLabel* m_price = nullptr;
    QLabel* m_blurb = nullptr;
    QLabel* m_product = nullptr;
    QLabel* m_provenAt = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_owned = nullptr;
    QListWidget* m_contents = nullptr;
    QListWidget* m_versions = nullptr;
    QPushButton* m_buy = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_sample = nullptr;
};

} // namespace ls::ui
