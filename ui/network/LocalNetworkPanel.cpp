#include "ui/network/LocalNetworkPanel.h"

#include "ui/StatusText.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace ls::ui {

LocalNetworkPanel::LocalNetworkPanel(QWidget* parent)
    : QGroupBox(tr("This computer's network"), parent)
{
    setObjectName(QStringLiteral("localNetworkPanel"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("localNetworkState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_host = new QLabel(this);
    m_host->setObjectName(QStringLiteral("localNetworkHost"));
    m_host->setWordWrap(true);
    m_directory = new QLabel(this);
    m_directory->setObjectName(QStringLiteral("localNetworkDirectory"));
    m_directory->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_directory->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("localNetworkError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_restart = new QPushButton(tr("Start again"), this);
    m_restart->setObjectName(QStringLiteral("localNetworkRestart"));

    auto* layout = new QFormLayout(this);
    layout->addRow(tr("State"), m_state);
    layout->addRow(tr("Node"), m_host);
    layout->addRow(tr("Chain data"), m_directory);
    layout->addRow(QString(), m_error);
    layout->addRow(QString(), m_restart);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (m_network)
            m_network->start(m_fundedAddress);
    });
    setLocalNetwork(nullptr, {});
}

void LocalNetworkPanel::setLocalNetwork(api::LocalNetwork* network, std::string fundedAddress)
{
    m_subscription.reset();
    m_network = network;
    m_fundedAddress = std::move(fundedAddress);
    setVisible(m_network != nullptr);
    if (!m_network)
        return;
    m_subscription = m_network->subscribeStatus(
        [this](const api::LocalNetworkStatus& status) { display(status); });
    display(m_network->status());
}

void LocalNetworkPanel::display(const api::LocalNetworkStatus& status)
{
    using State = api::LocalNetworkStatus::State;
    m_state->setText(statustext::localNetwork(status));
    const bool active = status.state == State::Starting || status.state == State::Running;
    m_host->setText(!active   ? QString()
            : status.runsHere ? tr("Run by this app, for every profile on this computer")
                              : tr("Run by another app on this computer; this app takes over "
                                   "when that one quits"));
    m_host->setVisible(active);
    m_directory->setText(QString::fromStdString(status.dataDirectory));
    const std::string& problem = status.error.empty() ? status.fundingError : status.error;
    m_error->setText(QString::fromStdString(problem));
    m_error->setVisible(!problem.empty());
    m_restart->setVisible(status.state == State::Failed || status.state == State::Stopped);
}

} // namespace ls::ui
