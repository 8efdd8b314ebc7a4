#pragma once

#include "core/api/Studio.h"

#include <QWidget>

#include <array>

class QLabel;
class QProgressBar;

namespace ls::ui {

// How a publication goes (DESIGN.md §4), stage by stage: preparing, registering on chain (with
// the transaction's hash), encrypting (a byte progress bar), hashing, seeding; then the outcome.
// Shared by the publish wizard, Resume and Add version.
class PublishProgressView : public QWidget {
    Q_OBJECT

public:
    explicit PublishProgressView(QWidget* parent = nullptr);

    void reset();
    void showProgress(const api::PublishProgress& progress);
    // `resumable`: after a failure, whether the publication is kept among the unfinished ones.
    void showDone(const Result<api::PublishedVersion>& result, bool resumable);
    void showCancelled();

    static QString stageText(api::PublishStage stage);

Q_SIGNALS:
    // Each stage as it is shown, for whoever wants to follow (tests, the page's status).
    void stageShown(api::PublishStage stage, const QString& txHash);

private:
    static constexpr int kStages = 5;
    QLabel* stageLabel(int i) const { return m_stages[static_cast<std::size_t>(i)]; }
    std::array<QLabel*, kStages> m_stages {};
    int m_reached = -1;
    QLabel* m_current = nullptr;
    QLabel* m_txHash = nullptr;
    QProgressBar* m_bytes = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace ls::ui
