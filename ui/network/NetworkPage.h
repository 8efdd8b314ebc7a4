#pragma once

#include "core/api/Chain.h"
#include "core/api/LocalNetwork.h"
#include "core/api/Transfers.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace ls::ui {

class LocalNetworkPanel;
class SharingPanel;

// The Network section (DESIGN.md §6): what the light client has verified (height, block hash,
// syncing, the last error), each endpoint it asks and whether it agrees, fork alarms with their
// evidence, the network this computer runs when it runs one, and what it shares with peers
// (SharingPanel).
class NetworkPage : public QWidget {
    Q_OBJECT

public:
    explicit NetworkPage(QWidget* parent = nullptr);
    ~NetworkPage() override;

    void setChain(api::Chain* chain); // nullptr: not connected
    void setLocalNetwork(api::LocalNetwork* network, std::string fundedAddress);
    void setTransfers(api::Transfers* transfers); // nullptr: the library is locked
    SharingPanel* sharingPanel() const { return m_sharing; }

private:
    QWidget* buildLightClientBox();
    QWidget* buildEndpointsBox();
    QWidget* buildAlarmsBox();
    void display(const api::ChainStatus& status);
    void displayAlarms(const std::vector<api::ChainAlarm>& alarms);
    void copySelectedEvidence();

    api::Chain* m_chain = nullptr;
    api::Chain::Handle m_subscription;
    std::vector<api::ChainAlarm> m_alarms;

    QLabel* m_network = nullptr;
    QLabel* m_height = nullptr;
    QLabel* m_hash = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_sync = nullptr;
    QLabel* m_lastError = nullptr;
    QPushButton* m_syncNow = nullptr;
    QTreeWidget* m_endpoints = nullptr;
    QLabel* m_noAlarms = nullptr;
    QTreeWidget* m_alarmTree = nullptr;
    QPushButton* m_copyEvidence = nullptr;
    LocalNetworkPanel* m_local = nullptr;
    SharingPanel* m_sharing = nullptr;
};

} // namespace ls::ui
