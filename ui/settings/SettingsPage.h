#pragma once

#include "core/util/Error.h"
#include "ui/settings/AppSettings.h"

#include <QWidget>

#include <filesystem>
#include <functional>
#include <string>

class QComboBox;
class QLabel;
class QPushButton;

namespace ls::ui {

// What the Settings section shows and may change, from the composition root.
struct SettingsSetup {
    QString profileName;
    std::filesystem::path profileDirectory; // settings.ini lives here
    QString joinedNetwork; // the name of the network this profile joined; empty: This computer
    // Checks a network profile file and makes it this profile's network (used from the next
    // start); returns the network's name. As in the first-run wizard.
    std::function<Result<std::string>(const std::filesystem::path&)> joinNetwork;
    // Ends the app and starts it again; empty: the user is asked to restart it.
    std::function<void()> restart;
};

// The Settings section (DESIGN.md §6): the profile and where its data lives, the language and
// the theme (kept in the profile's settings.ini), and the network the profile uses, with
// "Join a network" to switch to another one's network.json. A new theme shows at once; a new
// language and a new network take a restart, which the page offers.
class SettingsPage : public QWidget {
    Q_OBJECT

public:
    explicit SettingsPage(SettingsSetup setup, QWidget* parent = nullptr);
    ~SettingsPage() override;

    // Joins the network in `file`, as choosing it in the file dialog does.
    void joinNetwork(const QString& file);

private:
    QWidget* buildProfileBox();
    QWidget* buildAppearanceBox();
    QWidget* buildNetworkBox();
    QString networkInUse() const;
    void chooseLanguage(int index);
    void chooseTheme(int index);
    void browseForNetwork();
    void askToRestart(const QString& reason);
    void showSaveResult(bool saved);

    SettingsSetup m_setup;
    AppSettings m_settings;
    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
    QLabel* m_network = nullptr;
    QLabel* m_notice = nullptr;
    QPushButton* m_restart = nullptr;
    QWidget* m_noticeBar = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace ls::ui
