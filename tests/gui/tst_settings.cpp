// The Settings section in the main window, over a real profile directory: the profile shown,
// language and theme kept in the profile's settings.ini (German then shows in the main window
// after the restart the page offers), and "Join a network" writing the profile's network.json
// through the app's own ProfileNetwork.
#include "app/gui/ProfileNetwork.h"
#include "core/protocol/NetworkProfile.h"
#include "core/util/ProfilePaths.h"
#include "ui/MainWindow.h"
#include "ui/settings/AppSettings.h"
#include "ui/settings/SettingsPage.h"
#include "ui/settings/UiLanguage.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include "tests/gui/GuiTestSupport.h"

using namespace ls;
using ls::testing::widget;
using ui::MainWindow;

namespace {

QStringList navigationTitles(MainWindow& window)
{
    auto* navigation = widget<QListWidget>(&window, "navigation");
    QStringList titles;
    for (int row = 0; navigation && row < navigation->count(); ++row)
        titles << navigation->item(row)->text();
    return titles;
}

bool paletteIsDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT

private:
    // A main window with the Settings section attached, as the app composes it.
    std::unique_ptr<MainWindow> openSettings()
    {
        ui::SettingsSetup setup;
        setup.profileName = QString::fromStdString(m_profile->name());
        setup.profileDirectory = m_profile->directory();
        setup.joinNetwork = [this](const std::filesystem::path& file) {
            return gui::ProfileNetwork(*m_profile).join(file);
        };
        setup.restart = [this] { ++m_restarts; };
        auto window = std::make_unique<MainWindow>();
        window->attachSettings(std::move(setup));
        window->showSection(MainWindow::Section::Settings);
        window->show();
        return window;
    }
    QString settingsValue(const char* key) const
    {
        QSettings file(QString::fromStdString((m_profile->directory() / "settings.ini").string()),
            QSettings::IniFormat);
        return file.value(QString::fromLatin1(key)).toString();
    }

    QTemporaryDir m_dir;
    std::optional<ProfilePaths> m_profile;
    int m_restarts = 0;

private Q_SLOTS:
    void init()
    {
        m_profile = ProfilePaths::open("reader", m_dir.path().toStdString()).value();
        std::filesystem::remove(m_profile->directory() / "settings.ini");
        std::filesystem::remove(m_profile->networkProfileFile());
        m_restarts = 0;
    }

    void showsTheProfileAndTheNetworkInUse()
    {
        auto window = openSettings();
        QCOMPARE(widget<QLabel>(window.get(), "settingsProfile")->text(), QStringLiteral("reader"));
        QCOMPARE(widget<QLabel>(window.get(), "settingsDataDirectory")->text(),
            QString::fromStdString(m_profile->directory().string()));
        QVERIFY(widget<QLabel>(window.get(), "settingsNetwork")
                    ->text()
                    .startsWith(QStringLiteral("This computer")));
        QVERIFY(!widget<QWidget>(window.get(), "settingsNoticeBar")->isVisible());
    }

    void germanIsKeptAndShowsInTheMainWindowAfterTheRestart()
    {
        auto window = openSettings();
        auto* language = widget<QComboBox>(window.get(), "settingsLanguage");
        QCOMPARE(language->currentIndex(), 0); // nothing chosen yet: the system's
        language->setCurrentIndex(language->findText(QStringLiteral("Deutsch")));
        QCOMPARE(settingsValue("appearance/language"), QStringLiteral("de"));
        QVERIFY(widget<QWidget>(window.get(), "settingsNoticeBar")->isVisible());
        QCOMPARE(widget<QLabel>(window.get(), "settingsNotice")->text(),
            QStringLiteral("Lightstreams speaks Deutsch after a restart."));
        ls::testing::click(widget<QPushButton>(window.get(), "settingsRestart"));
        QCOMPARE(m_restarts, 1);
        window.reset();

        // The restart: the app applies the profile's settings before its first window.
        ui::AppSettings(m_profile->directory()).applyToApplication();
        MainWindow german;
        QCOMPARE(navigationTitles(german),
            (QStringList { QStringLiteral("Entdecken"), QStringLiteral("Bibliothek"),
                QStringLiteral("Studio"), QStringLiteral("Wallet"), QStringLiteral("Netzwerk"),
                QStringLiteral("Einstellungen") }));
        QCOMPARE(widget<QLabel>(german.statusBar(), "chainStatus")->text(),
            QStringLiteral("Nicht mit einem Netzwerk verbunden"));
        german.attachSettings({ QStringLiteral("reader"), m_profile->directory(), {}, {}, {} });
        german.showSection(MainWindow::Section::Settings);
        QCOMPARE(widget<QComboBox>(&german, "settingsLanguage")->currentText(),
            QStringLiteral("Deutsch"));
        QCOMPARE(
            widget<QLabel>(german.page(MainWindow::Section::Settings), "sectionHeading")->text(),
            QStringLiteral("Einstellungen"));

        QCOMPARE(ui::language::install(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(
            navigationTitles(*std::make_unique<MainWindow>()).first(), QStringLiteral("Discover"));
    }

    void spanishToo()
    {
        QCOMPARE(ui::language::install(QStringLiteral("es")), QStringLiteral("es"));
        MainWindow spanish;
        QCOMPARE(navigationTitles(spanish).at(1), QStringLiteral("Biblioteca"));
        QCOMPARE(navigationTitles(spanish).at(5), QStringLiteral("Ajustes"));
        ui::language::install(QStringLiteral("en"));
        // An unknown language (a file from a newer version) falls back to the system's.
        QCOMPARE(ui::language::resolve(QStringLiteral("fr")), QStringLiteral("en"));
    }

    void themeChangesAtOnceAndIsKept()
    {
        auto window = openSettings();
        auto* theme = widget<QComboBox>(window.get(), "settingsTheme");
        theme->setCurrentIndex(theme->findText(QStringLiteral("Dark")));
        QVERIFY(paletteIsDark());
        QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
        QCOMPARE(settingsValue("appearance/theme"), QStringLiteral("dark"));
        QCOMPARE(ui::AppSettings(m_profile->directory()).theme(), ui::Theme::Dark);
        QVERIFY(!widget<QWidget>(window.get(), "settingsNoticeBar")->isVisible()); // no restart

        theme->setCurrentIndex(theme->findText(QStringLiteral("Light")));
        QVERIFY(!paletteIsDark());
        theme->setCurrentIndex(theme->findText(QStringLiteral("As the system")));
        QCOMPARE(settingsValue("appearance/theme"), QStringLiteral("system"));
        window = openSettings(); // the page shows what is kept
        QCOMPARE(widget<QComboBox>(window.get(), "settingsTheme")->currentText(),
            QStringLiteral("As the system"));
    }

    void aDamagedSettingsFileGivesTheDefaults()
    {
        QFile file(QString::fromStdString((m_profile->directory() / "settings.ini").string()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[appearance]\nlanguage=klingon\ntheme=purple\n\x01\xff garbage");
        file.close();
        const ui::AppSettings settings(m_profile->directory());
        QCOMPARE(settings.language(), QString());
        QCOMPARE(settings.theme(), ui::Theme::System);
    }

    void joinANetworkWritesTheProfileAndAsksToRestart()
    {
        auto window = openSettings();
        auto* page = window->page(MainWindow::Section::Settings);
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("{\"name\": \"no endpoints\"}");
        badFile.close();

        const auto choose = [&](const QString& file) {
            ls::testing::click(widget<QPushButton>(page, "settingsJoinNetwork"));
            QFileDialog* dialog = nullptr; // the one open now (a closed one may await deletion)
            for (auto* open :
                page->findChildren<QFileDialog*>(QStringLiteral("settingsNetworkFileDialog")))
                if (open->isVisible())
                    dialog = open;
            QVERIFY(dialog);
            auto* name = widget<QLineEdit>(dialog, "fileNameEdit"); // Qt's own dialog, offscreen
            QVERIFY(name);
            name->setText(file);
            QTest::keyClick(name, Qt::Key_Return);
        };
        choose(bad);
        auto* error = widget<QLabel>(page, "settingsError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QStringLiteral("This network cannot be joined: ")),
            qPrintable(error->text()));
        QVERIFY(!std::filesystem::exists(m_profile->networkProfileFile()));
        QVERIFY(!widget<QWidget>(page, "settingsNoticeBar")->isVisible());

        protocol::NetworkProfile network;
        network.name = "Harbour readers";
        network.chainId = 4242;
        network.genesisHash.fill(0x5a);
        network.endpoints = { "http://127.0.0.1:8545" };
        const auto good = std::filesystem::path(m_dir.path().toStdString()) / "harbour.json";
        QVERIFY(network.save(good).has_value());
        choose(QString::fromStdString(good.string()));
        QVERIFY(!error->isVisible());
        QCOMPARE(protocol::NetworkProfile::load(m_profile->networkProfileFile()).value(), network);
        QVERIFY(widget<QLabel>(page, "settingsNetwork")
                    ->text()
                    .startsWith(QStringLiteral("Harbour readers (from the next start")));
        QCOMPARE(widget<QLabel>(page, "settingsNotice")->text(),
            QStringLiteral("Lightstreams uses the network “Harbour readers” after a restart."));
        ls::testing::click(widget<QPushButton>(page, "settingsRestart"));
        QCOMPARE(m_restarts, 1);
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
