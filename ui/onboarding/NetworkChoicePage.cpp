#include "ui/onboarding/NetworkChoicePage.h"

#include "ui/PhtAmount.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ls::ui {

NetworkChoicePage::NetworkChoicePage(OnboardingWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Choose a network"));
    setSubTitle(tr("Titles, licences and payments live on a chain. Your wallet works on the "
                   "network you choose here."));

    m_thisComputer = new QRadioButton(tr("This computer"), this);
    m_thisComputer->setObjectName(QStringLiteral("networkThisComputer"));
    m_thisComputer->setChecked(true);
    m_thisComputerNote = new QLabel(this);
    m_join = new QRadioButton(tr("Join a network"), this);
    m_join->setObjectName(QStringLiteral("networkJoin"));
    auto* joinNote = new QLabel(tr("Open the network profile file (network.json) that the "
                                   "network's operators give out. It names the network's first "
                                   "block, so the app can check everything it is told."),
        this);
    for (QLabel* note : { m_thisComputerNote, joinNote }) {
        note->setWordWrap(true);
        note->setIndent(24);
        note->setForegroundRole(QPalette::PlaceholderText);
    }
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("networkFile"));
    m_file->setPlaceholderText(tr("network.json"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("networkError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));

    auto* fileRow = new QHBoxLayout;
    fileRow->setContentsMargins(24, 0, 0, 0);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(m_thisComputer);
    layout->addWidget(m_thisComputerNote);
    layout->addSpacing(12);
    layout->addWidget(m_join);
    layout->addWidget(joinNote);
    layout->addLayout(fileRow);
    layout->addWidget(m_error);
    layout->addStretch(1);

    connect(m_join, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        Q_EMIT completeChanged();
    });
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        m_error->clear();
        Q_EMIT completeChanged();
    });
    connect(m_browse, &QPushButton::clicked, this, &NetworkChoicePage::browse);
    updateEnabled();
}

void NetworkChoicePage::initializePage()
{
    const QString funds = pht::formatWithUnit(
        pht::parse(QString::fromStdString(m_wizard->setup().localFundsPht)).value_or("0"));
    m_thisComputerNote->setText(
        tr("A network of your own that runs inside the app, with %1 in your wallet to try "
           "buying and publishing. Nobody else sees it; it is here next time you open the app.")
            .arg(funds));
}

void NetworkChoicePage::updateEnabled()
{
    m_file->setEnabled(m_join->isChecked());
    m_browse->setEnabled(m_join->isChecked());
}

void NetworkChoicePage::browse()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a network profile"), QString(),
        tr("Network profiles (*.json);;All files (*)"));
    if (!file.isEmpty())
        m_file->setText(file);
}

bool NetworkChoicePage::isComplete() const
{
    return m_thisComputer->isChecked() || !m_file->text().trimmed().isEmpty();
}

bool NetworkChoicePage::validatePage()
{
    if (m_thisComputer->isChecked()) {
        m_wizard->setNetworkChoice(
            OnboardingWizard::NetworkChoice::ThisComputer, tr("This computer"));
        return true;
    }
    const auto& join = m_wizard->setup().joinNetwork;
    Result<std::string> joined
        = fail(ErrorKind::Unsupported, "Joining a network is not available here.");
    if (join)
        joined = join(std::filesystem::path(m_file->text().trimmed().toStdString()));
    if (!joined) {
        m_error->setText(QString::fromStdString(joined.error().message));
        return false;
    }
    m_wizard->setNetworkChoice(
        OnboardingWizard::NetworkChoice::JoinNetwork, QString::fromStdString(*joined));
    return true;
}

} // namespace ls::ui
