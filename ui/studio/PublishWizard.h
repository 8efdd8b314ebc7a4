#pragma once

#include "core/api/Studio.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace ls::ui {

class MetadataForm;
class PublishProgressView;

// Publishing a new title (DESIGN.md §6 "Studio"): the file (its media type shown), the public
// metadata, the price, a review with the passphrase, then the publication stage by stage. Cancel
// while it runs drops the Studio's handle: the publication stays unfinished, to be resumed.
class PublishWizard : public QDialog {
    Q_OBJECT

public:
    enum Step { FileStep, MetadataStep, PriceStep, ReviewStep, ProgressStep };

    explicit PublishWizard(api::Studio& studio, QWidget* parent = nullptr);
    ~PublishWizard() override;

    int step() const;
    PublishProgressView* progressView() const { return m_progressView; }

Q_SIGNALS:
    void published(const api::PublishedVersion& version);
    // Cancelled or failed: the publication is now among the unfinished ones.
    void stopped();

private:
    QWidget* buildFileStep();
    QWidget* buildPriceStep();
    QWidget* buildReviewStep();
    void setFile(const QString& file);
    void goTo(int step);
    void next();
    void back();
    void cancelOrClose();
    void publish();
    void onDone(Result<api::PublishedVersion> result);
    void fillReview();
    // Whether the Studio kept this publication to be resumed.
    bool isUnfinished();

    api::Studio& m_studio;
    api::Studio::Handle m_publishing;
    bool m_running = false;
    std::optional<api::TitleMetadata> m_metadata;
    std::string m_price;

    QStackedWidget* m_steps = nullptr;
    QLineEdit* m_file = nullptr;
    QLabel* m_mediaType = nullptr;
    QLabel* m_fileError = nullptr;
    MetadataForm* m_metadataForm = nullptr;
    QLineEdit* m_priceField = nullptr;
    QLabel* m_priceError = nullptr;
    QLabel* m_review = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_reviewError = nullptr;
    PublishProgressView* m_progressView = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace ls::ui
