#include "ui/network/SharingPanel.h"

#include "ui/network/TransferText.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

constexpr int kKilo = 1000; // the spin boxes count KB/s, the swarm bytes per second
constexpr int kMaxLimitKb = 1'000'000; // 1 GB/s: more than any link

QSpinBox* limitBox(const QString& name, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, kMaxLimitKb);
    box->setSingleStep(50);
    box->setSuffix(QStringLiteral(" KB/s"));
    box->setSpecialValueText(SharingPanel::tr("Unlimited"));
    box->setMaximumWidth(220);
    return box;
}

} // namespace

SharingPanel::SharingPanel(QWidget* parent)
    : QGroupBox(tr("Sharing"), parent)
{
    setObjectName(QStringLiteral("sharingPanel"));
    m_summary = new QLabel(tr("Unlock your library to share your titles."), this);
    m_summary->setObjectName(QStringLiteral("sharingSummary"));
    m_summary->setWordWrap(true);
    m_fullSeeding = new QCheckBox(tr("Full seeding: share every title for as long as the app "
                                     "runs, also from the tray when the window is closed"),
        this);
    m_fullSeeding->setObjectName(QStringLiteral("fullSeeding"));
    m_uploadLimit = limitBox(QStringLiteral("uploadLimit"), this);
    m_downloadLimit = limitBox(QStringLiteral("downloadLimit"), this);
    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("seedingTable"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels({ tr("Title"), tr("Version"), tr("State"), tr("Progress"), tr("Down"),
        tr("Up"), tr("Ratio"), tr("Peers") });
    // The title gets the room; the figures take what they need.
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setMinimumHeight(160);

    auto* limits = new QFormLayout;
    limits->addRow(tr("Upload limit"), m_uploadLimit);
    limits->addRow(tr("Download limit"), m_downloadLimit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_fullSeeding);
    layout->addLayout(limits);
    layout->addWidget(m_table);

    connect(m_fullSeeding, &QCheckBox::toggled, this, &SharingPanel::apply);
    connect(m_uploadLimit, &QSpinBox::valueChanged, this, &SharingPanel::apply);
    connect(m_downloadLimit, &QSpinBox::valueChanged, this, &SharingPanel::apply);
    setTransfers(nullptr);
}

void SharingPanel::setTransfers(api::Transfers* transfers)
{
    m_subscription.reset();
    m_transfers = transfers;
    for (QWidget* control :
        std::initializer_list<QWidget*> { m_fullSeeding, m_uploadLimit, m_downloadLimit, m_table })
        control->setEnabled(transfers != nullptr);
    if (!transfers) {
        m_table->clear();
        m_summary->setText(tr("Unlock your library to share your titles."));
        return;
    }
    display(transfers->status());
    m_subscription
        = transfers->subscribeStatus([this](const api::SwarmStatus& status) { display(status); });
}

void SharingPanel::display(const api::SwarmStatus& status)
{
    {
        // What the swarm runs with, without echoing it back as a change.
        const QSignalBlocker a(m_fullSeeding), b(m_uploadLimit), c(m_downloadLimit);
        m_fullSeeding->setChecked(status.limits.fullSeeding);
        if (!m_uploadLimit->hasFocus())
            m_uploadLimit->setValue(status.limits.uploadLimit / kKilo);
        if (!m_downloadLimit->hasFocus())
            m_downloadLimit->setValue(status.limits.downloadLimit / kKilo);
    }
    m_summary->setText(tr("%n peer connection(s), %1 · listening on port %2", "", status.peers)
                           .arg(transfertext::rates(status.downloadRate, status.uploadRate))
                           .arg(status.listenPort));
    m_table->setUpdatesEnabled(false);
    while (m_table->topLevelItemCount() > static_cast<int>(status.titles.size()))
        delete m_table->takeTopLevelItem(m_table->topLevelItemCount() - 1);
    for (std::size_t i = 0; i < status.titles.size(); ++i) {
        const api::TitleTransfer& title = status.titles[i];
        QTreeWidgetItem* row = m_table->topLevelItem(static_cast<int>(i));
        if (!row)
            row = new QTreeWidgetItem(m_table);
        row->setText(0, QString::fromStdString(title.name));
        row->setText(1, title.version == 0 ? tr("details") : QString::number(title.version));
        row->setText(2, transfertext::state(title.state));
        row->setText(3, QStringLiteral("%1%").arg(title.progress * 100, 0, 'f', 1));
        row->setText(4, transfertext::rate(title.downloadRate));
        row->setText(5, transfertext::rate(title.uploadRate));
        row->setText(6, transfertext::ratio(title.ratio));
        row->setText(7, QString::number(title.peers));
        row->setData(0, Qt::UserRole, QVariant::fromValue<qulonglong>(title.titleId));
    }
    m_table->setUpdatesEnabled(true);
}

void SharingPanel::apply()
{
    if (!m_transfers)
        return;
    const api::SwarmLimits limits { m_fullSeeding->isChecked(), m_uploadLimit->value() * kKilo,
        m_downloadLimit->value() * kKilo };
    m_transfers->setLimits(limits);
    Q_EMIT limitsChanged(limits);
}

} // namespace ls::ui
