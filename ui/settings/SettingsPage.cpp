#include "ui/settings/SettingsPage.h"

#include "ui/SectionHeading.h"
#include "ui/settings/UiLanguage.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel* value(const QString& text, const char* name, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

SettingsPage::SettingsPage(SettingsSetup setup, QWidget* parent)
    : QWidget(parent)
    , m_setup(std::move(setup))
    , m_settings(m_setup.profileDirectory)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(16);
    layout->addWidget(makeSectionHeading(tr("Settings"), this));

    // What needs a restart, and the button for it.
    m_noticeBar = new QWidget(this);
    m_noticeBar->setObjectName(QStringLiteral("settingsNoticeBar"));
    m_noticeBar->setAutoFillBackground(true);
    m_noticeBar->setBackgroundRole(QPalette::AlternateBase);
    m_notice = new QLabel(m_noticeBar);
    m_notice->setObjectName(QStringLiteral("settingsNotice"));
    m_notice->setWordWrap(true);
    m_restart = new QPushButton(tr("Restart now"), m_noticeBar);
    m_restart->setObjectName(QStringLiteral("settingsRestart"));
    m_restart->setVisible(bool(m_setup.restart));
    auto* bar = new QHBoxLayout(m_noticeBar);
    bar->setContentsMargins(12, 8, 12, 8);
    bar->addWidget(m_notice, 1);
    bar->addWidget(m_restart);
    m_noticeBar->hide();
    connect(m_restart, &QPushButton::clicked, this, [this] { m_setup.restart(); });

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    layout->addWidget(m_noticeBar);
    layout->addWidget(m_error);
    layout->addWidget(buildProfileBox());
    layout->addWidget(buildAppearanceBox());
    layout->addWidget(buildNetworkBox());
    layout->addStretch(1);
}

SettingsPage::~SettingsPage() = default;

QWidget* SettingsPage::buildProfileBox()
{
    auto* box = new QGroupBox(tr("Profile"), this);
    auto* form = new QFormLayout(box);
    form->addRow(tr("Name:"), value(m_setup.profileName, "settingsProfile", box));
    const QString directory = QString::fromStdString(m_setup.profileDirectory.string());
    auto* folder = new QHBoxLayout;
    QLabel* where = value(directory, "settingsDataDirectory", box);
    where->setWordWrap(false); // a path reads best on one line
    folder->addWidget(where);
    auto* open = new QPushButton(tr("Open folder"), box);
    open->setObjectName(QStringLiteral("settingsOpenFolder"));
    connect(open, &QPushButton::clicked, this,
        [directory] { QDesktopServices::openUrl(QUrl::fromLocalFile(directory)); });
    folder->addWidget(open);
    folder->addStretch(1);
    form->addRow(tr("Data directory:"), folder);
    form->addRow(note(tr("Each profile has its own wallet, library and settings. To use another "
                         "one, start Lightstreams with --profile NAME (and --datadir DIR to keep "
                         "profiles elsewhere)."),
        box));
    return box;
}

QWidget* SettingsPage::buildAppearanceBox()
{
    auto* box = new QGroupBox(tr("Appearance"), this);
    auto* form = new QFormLayout(box);
    m_language = new QComboBox(box);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    const QString systems = language::resolve(QString());
    for (const auto& language : language::available()) {
        if (language.code == systems) // what "As the system" means here
            m_language->insertItem(0, tr("As the system (%1)").arg(language.name), QString());
        m_language->addItem(language.name, language.code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.language())));
    m_language->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    form->addRow(tr("Language:"), m_language);

    m_theme = new QComboBox(box);
    m_theme->setObjectName(QStringLiteral("settingsTheme"));
    m_theme->addItem(tr("As the system"), QVariant::fromValue(Theme::System));
    m_theme->addItem(tr("Light"), QVariant::fromValue(Theme::Light));
    m_theme->addItem(tr("Dark"), QVariant::fromValue(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(QVariant::fromValue(m_settings.theme())));
    m_theme->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    form->addRow(tr("Theme:"), m_theme);

    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsPage::chooseLanguage);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &SettingsPage::chooseTheme);
    return box;
}

QWidget* SettingsPage::buildNetworkBox()
{
    auto* box = new QGroupBox(tr("Network"), this);
    auto* form = new QFormLayout(box);
    m_network = value(networkInUse(), "settingsNetwork", box);
    form->addRow(tr("In use:"), m_network);
    auto* join = new QPushButton(tr("Join a network…"), box);
    join->setObjectName(QStringLiteral("settingsJoinNetwork"));
    join->setEnabled(bool(m_setup.joinNetwork));
    join->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(join, &QPushButton::clicked, this, &SettingsPage::browseForNetwork);
    form->addRow(QString(), join);
    form->addRow(note(tr("Joining a network needs its network profile (network.json) from whoever "
                         "runs it. This profile's wallet and library stay as they are."),
        box));
    return box;
}

QString SettingsPage::networkInUse() const
{
    return m_setup.joinedNetwork.isEmpty()
        ? tr("This computer (a network of your own, run by this app)")
        : m_setup.joinedNetwork;
}

void SettingsPage::chooseLanguage(int index)
{
    const QString code = m_language->itemData(index).toString();
    showSaveResult(m_settings.setLanguage(code));
    askToRestart(code.isEmpty()
            ? tr("Lightstreams speaks the system's language after a restart.")
            : tr("Lightstreams speaks %1 after a restart.").arg(m_language->itemText(index)));
}

void SettingsPage::chooseTheme(int index)
{
    const auto theme = m_theme->itemData(index).value<Theme>();
    showSaveResult(m_settings.setTheme(theme));
    applyTheme(theme);
}

void SettingsPage::browseForNetwork()
{
    auto* dialog = new QFileDialog(this, tr("Open a network profile"), QString(),
        tr("Network profiles (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("settingsNetworkFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &SettingsPage::joinNetwork);
    dialog->open();
}

void SettingsPage::joinNetwork(const QString& file)
{
    if (!m_setup.joinNetwork)
        return;
    const auto joined = m_setup.joinNetwork(file.toStdString());
    if (!joined) {
        m_error->setText(tr("This network cannot be joined: %1")
                             .arg(QString::fromStdString(joined.error().message)));
        m_error->show();
        return;
    }
    m_error->hide();
    const QString name = QString::fromStdString(*joined);
    m_network->setText(tr("%1 (from the next start; until then: %2)").arg(name, networkInUse()));
    askToRestart(tr("Lightstreams uses the network “%1” after a restart.").arg(name));
}

void SettingsPage::askToRestart(const QString& reason)
{
    m_notice->setText(reason);
    m_noticeBar->show();
}

void SettingsPage::showSaveResult(bool saved)
{
    m_error->setVisible(!saved);
    if (!saved)
        m_error->setText(tr("The settings cannot be saved to %1.").arg(m_settings.fileName()));
}

} // namespace ls::ui
