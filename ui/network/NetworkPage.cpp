#include "ui/network/NetworkPage.h"

#include "ui/SectionHeading.h"
#include "ui/StatusText.h"
#include "ui/network/LocalNetworkPanel.h"
#include "ui/network/SharingPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

QLabel* valueLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// The size of 0x-prefixed hex, in bytes.
qulonglong hexBytes(const std::string& hex)
{
    return hex.size() > 2 ? (hex.size() - 2) / 2 : 0;
}

} // namespace

NetworkPage::NetworkPage(QWidget* parent)
    : QWidget(parent)
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(16);
    layout->addWidget(makeSectionHeading(tr("Network"), content));
    layout->addWidget(buildLightClientBox());
    layout->addWidget(buildEndpointsBox());
    layout->addWidget(buildAlarmsBox());
    m_local = new LocalNetworkPanel(content);
    layout->addWidget(m_local);
    m_sharing = new SharingPanel(content);
    layout->addWidget(m_sharing);
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setChain(nullptr);
}

NetworkPage::~NetworkPage() = default;

QWidget* NetworkPage::buildLightClientBox()
{
    auto* box = new QGroupBox(tr("Light client"));
    m_network = valueLabel(QStringLiteral("networkName"), box);
    m_height = valueLabel(QStringLiteral("networkVerifiedHeight"), box);
    m_hash = valueLabel(QStringLiteral("networkVerifiedHash"), box);
    m_time = valueLabel(QStringLiteral("networkVerifiedTime"), box);
    m_sync = valueLabel(QStringLiteral("networkSyncState"), box);
    m_lastError = valueLabel(QStringLiteral("networkLastError"), box);
    m_lastError->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_syncNow = new QPushButton(tr("Sync now"), box);
    m_syncNow->setObjectName(QStringLiteral("networkSyncNow"));
    auto* explanation = new QLabel(
        tr("Every balance, price and licence the app shows is checked against a block this "
           "computer verified itself: signed by the network's validators, linked to the first "
           "block named in the network profile."),
        box);
    explanation->setWordWrap(true);
    explanation->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("Network"), m_network);
    form->addRow(tr("Verified block"), m_height);
    form->addRow(tr("Block hash"), m_hash);
    form->addRow(tr("Block time"), m_time);
    form->addRow(tr("State"), m_sync);
    form->addRow(QString(), m_lastError);
    auto* row = new QHBoxLayout;
    row->addLayout(form, 1);
    row->addWidget(m_syncNow, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(explanation);
    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        if (m_chain)
            m_chain->sync();
    });
    return box;
}

QWidget* NetworkPage::buildEndpointsBox()
{
    auto* box = new QGroupBox(tr("Endpoints"));
    m_endpoints = new QTreeWidget(box);
    m_endpoints->setObjectName(QStringLiteral("networkEndpoints"));
    m_endpoints->setHeaderLabels({ tr("Address"), tr("Role"), tr("State"), tr("Detail") });
    m_endpoints->setRootIsDecorated(false);
    m_endpoints->setSelectionMode(QAbstractItemView::NoSelection);
    m_endpoints->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_endpoints->header()->setStretchLastSection(true);
    // As tall as its rows: usually one or two endpoints.
    m_endpoints->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_endpoints->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_endpoints);
    return box;
}

QWidget* NetworkPage::buildAlarmsBox()
{
    auto* box = new QGroupBox(tr("Alarms"));
    m_noAlarms = new QLabel(tr("None. No endpoint has shown a block that conflicts with the "
                               "verified chain."),
        box);
    m_noAlarms->setObjectName(QStringLiteral("networkNoAlarms"));
    m_noAlarms->setWordWrap(true);
    m_alarmTree = new QTreeWidget(box);
    m_alarmTree->setObjectName(QStringLiteral("networkAlarms"));
    m_alarmTree->setHeaderLabels({ tr("Alarm"), tr("Details") });
    m_alarmTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_alarmTree->setMinimumHeight(140);
    m_copyEvidence = new QPushButton(tr("Copy evidence"), box);
    m_copyEvidence->setObjectName(QStringLiteral("networkCopyEvidence"));
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_noAlarms);
    layout->addWidget(m_alarmTree);
    layout->addWidget(m_copyEvidence, 0, Qt::AlignLeft);
    connect(m_copyEvidence, &QPushButton::clicked, this, &NetworkPage::copySelectedEvidence);
    displayAlarms({});
    return box;
}

void NetworkPage::setChain(api::Chain* chain)
{
    m_subscription.reset();
    m_chain = chain;
    m_syncNow->setEnabled(m_chain != nullptr);
    if (!m_chain) {
        display(api::ChainStatus {});
        m_network->setText(tr("Not connected"));
        m_sync->setText(tr("Waiting for the network…"));
        return;
    }
    m_subscription
        = m_chain->subscribeStatus([this](const api::ChainStatus& status) { display(status); });
    display(m_chain->status());
}

void NetworkPage::setLocalNetwork(api::LocalNetwork* network, std::string fundedAddress)
{
    m_local->setLocalNetwork(network, std::move(fundedAddress));
}

void NetworkPage::setTransfers(api::Transfers* transfers)
{
    m_sharing->setTransfers(transfers);
}

void NetworkPage::display(const api::ChainStatus& status)
{
    m_network->setText(
        tr("%1 (chain id %2)").arg(QString::fromStdString(status.network)).arg(status.chainId));
    m_height->setText(
        status.verifiedHeight ? QString::number(*status.verifiedHeight) : tr("None yet"));
    m_hash->setText(QString::fromStdString(status.verifiedBlockHash));
    m_time->setText(status.verifiedTimeMs == 0
            ? QString()
            : QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(status.verifiedTimeMs)),
                QLocale::LongFormat));
    if (status.syncing)
        m_sync->setText(status.syncTarget ? tr("Syncing to block %1…").arg(*status.syncTarget)
                                          : tr("Syncing…"));
    else if (!status.ready)
        m_sync->setText(tr("Opening the header store…"));
    else
        m_sync->setText(status.lastError.empty() ? tr("Up to date") : tr("Sync failed"));
    m_lastError->setText(QString::fromStdString(status.lastError));
    m_lastError->setVisible(!status.lastError.empty());

    m_endpoints->clear();
    for (const api::ChainEndpoint& endpoint : status.endpoints) {
        auto* item = new QTreeWidgetItem(m_endpoints,
            { QString::fromStdString(endpoint.url),
                endpoint.primary ? tr("Primary") : tr("Cross-check"),
                statustext::endpointState(endpoint.state),
                QString::fromStdString(endpoint.detail) });
        item->setToolTip(3, QString::fromStdString(endpoint.detail));
    }
    if (status.alarms.size() != m_alarms.size())
        displayAlarms(status.alarms);
}

void NetworkPage::displayAlarms(const std::vector<api::ChainAlarm>& alarms)
{
    m_alarms = alarms;
    m_alarmTree->clear();
    m_noAlarms->setVisible(alarms.empty());
    m_alarmTree->setVisible(!alarms.empty());
    m_copyEvidence->setVisible(!alarms.empty());
    for (std::size_t i = 0; i < alarms.size(); ++i) {
        const api::ChainAlarm& alarm = alarms[i];
        auto* top = new QTreeWidgetItem(m_alarmTree,
            { tr("Conflicting block at height %1").arg(alarm.height),
                QString::fromStdString(alarm.summary) });
        top->setData(0, Qt::UserRole, static_cast<qulonglong>(i));
        QStringList signers;
        for (const auto& signer : alarm.doubleSigners)
            signers << QString::fromStdString(signer);
        const QList<QPair<QString, QString>> rows = {
            { tr("Verified from"), QString::fromStdString(alarm.verifiedSource) },
            { tr("Verified block"), QString::fromStdString(alarm.verifiedBlockHash) },
            { tr("Conflict from"), QString::fromStdString(alarm.conflictingSource) },
            { tr("Conflicting block"), QString::fromStdString(alarm.conflictingBlockHash) },
            { tr("Signed both"), signers.join(QStringLiteral(", ")) },
            { tr("Evidence"),
                tr("%1 + %2 bytes; Copy evidence puts both on the clipboard")
                    .arg(hexBytes(alarm.verifiedEvidence))
                    .arg(hexBytes(alarm.conflictingEvidence)) },
        };
        for (const auto& [field, value] : rows) {
            auto* child = new QTreeWidgetItem(top, { field, value });
            child->setToolTip(1, value);
            child->setData(0, Qt::UserRole, static_cast<qulonglong>(i));
        }
        top->setExpanded(true);
    }
    if (!alarms.empty())
        m_alarmTree->setCurrentItem(m_alarmTree->topLevelItem(0));
}

void NetworkPage::copySelectedEvidence()
{
    const QTreeWidgetItem* item = m_alarmTree->currentItem();
    if (!item)
        return;
    const auto index = item->data(0, Qt::UserRole).toULongLong();
    if (index >= m_alarms.size())
        return;
    const api::ChainAlarm& alarm = m_alarms[index];
    // Both blocks in their canonical encoding: enough for anyone to check the double signing.
    QApplication::clipboard()->setText(
        QStringLiteral("height %1\nverified %2 from %3\n%4\nconflicting %5 from %6\n%7\n")
            .arg(alarm.height)
            .arg(QString::fromStdString(alarm.verifiedBlockHash),
                QString::fromStdString(alarm.verifiedSource),
                QString::fromStdString(alarm.verifiedEvidence),
                QString::fromStdString(alarm.conflictingBlockHash),
                QString::fromStdString(alarm.conflictingSource),
                QString::fromStdString(alarm.conflictingEvidence)));
}

} // namespace ls::ui
