#pragma once

#include "core/api/Transfers.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QSpinBox;
class QTreeWidget;

namespace ls::ui {

// The Network page's sharing box (DESIGN.md §6): every title in the swarm with its state,
// progress, rates, ratio and peers; the full-seeding switch; upload and download limits,
// applied as they change. Empty (and disabled) until a content session reports.
class SharingPanel : public QGroupBox {
    Q_OBJECT

public:
    explicit SharingPanel(QWidget* parent = nullptr);

    void setTransfers(api::Transfers* transfers); // nullptr: locked or not connected

Q_SIGNALS:
    // The user changed a limit or the mode (already applied to the swarm).
    void limitsChanged(const ls::api::SwarmLimits& limits);

private:
    void display(const api::SwarmStatus& status);
    void apply();

    api::Transfers* m_transfers = nullptr;
    api::Transfers::Handle m_subscription;
    QLabel* m_summary = nullptr;
    QCheckBox* m_fullSeeding = nullptr;
    QSpinBox* m_uploadLimit = nullptr;
    QSpinBox* m_downloadLimit = nullptr;
    QTreeWidget* m_table = nullptr;
};

} // namespace ls::ui
