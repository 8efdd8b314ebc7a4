#pragma once

#include "core/api/LocalNetwork.h"

#include <QGroupBox>

#include <string>

class QLabel;
class QPushButton;

namespace ls::ui {

// The network the app runs on this computer: its state, which app runs its node (one per
// machine, shared by the profiles), where its chain lives, why it failed (with the node's own
// last words) or could not fund the wallet, and a button to start it again.
class LocalNetworkPanel : public QGroupBox {
    Q_OBJECT

public:
    explicit LocalNetworkPanel(QWidget* parent = nullptr);

    // nullptr: the app does not run a network here (the panel hides).
    void setLocalNetwork(api::LocalNetwork* network, std::string fundedAddress);

private:
    void display(const api::LocalNetworkStatus& status);

    api::LocalNetwork* m_network = nullptr;
    std::string m_fundedAddress;
    api::LocalNetwork::Handle m_subscription;
    QLabel* m_state = nullptr;
    QLabel* m_host = nullptr;
    QLabel* m_directory = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_restart = nullptr;
};

} // namespace ls::ui
