// lightstreams: the desktop application. Composition root: parses the command line and starts
// the app (app/gui/DesktopApp) for one profile.
#include "app/gui/DesktopApp.h"
#include "app/gui/NodeProgram.h"
#include "app/gui/ProfileNetwork.h"
#include "core/util/Version.h"
#include "ui/onboarding/OnboardingWizard.h"
#include "ui/player/MediaBackend.h"
#include "ui/player/MediaPlayerView.h"
#include "ui/reader/PdfReader.h"
#include "ui/settings/AppSettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QProcess>
#include <QTimer>

#include <functional>

namespace {

constexpr int kScreenshotWaitMs = 60'000;

// Saves a picture of `window()` once `settled()` (or after a minute), then ends the app with the
// outcome.
void screenshotWhenSettled(QObject* context, std::function<bool()> settled,
    std::function<QWidget*()> window, const QString& file)
{
    auto* poll = new QTimer(context);
    const QDeadlineTimer deadline(kScreenshotWaitMs);
    QObject::connect(poll, &QTimer::timeout, context, [=] {
        if (!settled() && !deadline.hasExpired())
            return;
        poll->stop();
        if (!settled())
            qWarning("The window did not settle within %d s; taking the picture anyway",
                kScreenshotWaitMs / 1000);
        QWidget* shown = window();
        if (!shown || !shown->grab().save(file)) {
            qCritical("Cannot write the screenshot to '%s'", qPrintable(file));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    });
    poll->start(100);
}

// The Settings section of this profile. `restart` is set when the user asks for a restart.
ls::ui::SettingsSetup settingsFor(const ls::gui::DesktopApp& app, bool& restart)
{
    const ls::ProfilePaths& profile = app.profile();
    ls::ui::SettingsSetup setup;
    setup.profileName = QString::fromStdString(profile.name());
    setup.profileDirectory = profile.directory();
    if (const ls::gui::ProfileNetwork network(profile); network.joined()) {
        auto joined = network.joinedProfile();
        setup.joinedNetwork
            = QString::fromStdString(joined ? joined->name : joined.error().message);
    }
    setup.joinNetwork = [&profile](const std::filesystem::path& file) {
        return ls::gui::ProfileNetwork(profile).join(file);
    };
    setup.restart = [&restart] {
        restart = true;
        QCoreApplication::quit();
    };
    return setup;
}

// `lightstreams --open FILE`: the reader (PDF) or the player (anything else) on a file, without
// wallet or network; for trying them out and for screenshots until the library opens titles.
int openViewer(const QString& path, const QString& screenshot)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCritical("Cannot open '%s': %s", qPrintable(path), qPrintable(file.errorString()));
        return 1;
    }
    const QString name = QFileInfo(path).fileName();
    std::unique_ptr<QWidget> viewer;
    std::function<bool()> settled;
    if (QFileInfo(path).suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) == 0) {
        auto* reader = new ls::ui::PdfReader;
        viewer.reset(reader);
        reader->open(&file, name);
        settled = [reader] { return reader->isReady() || !reader->errorText().isEmpty(); };
    } else {
        auto* player = new ls::ui::MediaPlayerView;
        viewer.reset(player);
        player->open(&file, name, name);
        settled = [player] { return player->duration() > 0 || !player->errorText().isEmpty(); };
    }
    viewer->show();
    if (!screenshot.isEmpty())
        screenshotWhenSettled(
            viewer.get(), settled, [&viewer] { return viewer.get(); }, screenshot);
    return QApplication::exec();
}

} // namespace

int main(int argc, char* argv[])
{
    ls::ui::preferFfmpegMediaBackend(); // before the application object: Qt reads it once
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Lightstreams"));
    QApplication::setOrganizationName(QStringLiteral("Lightstreams"));
    QApplication::setApplicationVersion(QString::fromLatin1(ls::kVersion));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lightstreams.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "Buy, read and stream books, music and video; publish your own and get paid in PHT."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption sectionOption(QStringLiteral("section"),
        QApplication::translate(
            "main", "Open on SECTION: Discover, Library, Studio, Wallet, Network or Settings."),
        QStringLiteral("SECTION"));
    // Renders the window to an image and exits: documentation screenshots, and a way to look at
    // a screen on a machine without a display (with QT_QPA_PLATFORM=offscreen).
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QApplication::translate(
            "main", "Once the window shows proven data, save a picture of it to FILE and exit."),
        QStringLiteral("FILE"));
    QCommandLineOption profileOption(QStringLiteral("profile"),
        QApplication::translate("main", "Use profile NAME (default: default)."),
        QStringLiteral("NAME"), QString::fromLatin1(ls::ProfilePaths::kDefaultProfile.data()));
    QCommandLineOption dataDirOption(QStringLiteral("datadir"),
        QApplication::translate(
            "main", "Keep profiles under DIR instead of the user data directory."),
        QStringLiteral("DIR"));
    QCommandLineOption openOption(QStringLiteral("open"),
        QApplication::translate("main",
            "Open FILE in the reader (PDF) or the player (audio, video) instead of the library."),
        QStringLiteral("FILE"));
    // For tests and screenshots only: a new key file made quickly, and easier to guess.
    QCommandLineOption lightKdfOption(QStringLiteral("light-kdf"),
        QApplication::translate("main", "Protect a new key file with 64 MiB Argon2id."));
    lightKdfOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ sectionOption, screenshotOption, profileOption, dataDirOption, openOption,
        lightKdfOption });
    parser.process(application);

    ls::gui::DesktopOptions options;
    options.profile = parser.value(profileOption).toStdString();
    options.dataDirectory = parser.value(dataDirOption).toStdString();
    options.nodeProgram = ls::gui::findNodeProgram();
    if (parser.isSet(lightKdfOption))
        options.keyFileStrength = ls::api::KeyFileStrength::Light;
    if (parser.isSet(sectionOption)) {
        options.startSection = ls::ui::MainWindow::sectionFromName(parser.value(sectionOption));
        if (!options.startSection) {
            qCritical("Unknown section '%s'", qPrintable(parser.value(sectionOption)));
            return 2;
        }
    }

    auto app = ls::gui::DesktopApp::create(std::move(options));
    if (!app) {
        qCritical("%s", app.error().message.c_str());
        return 1;
    }
    // The profile's language and theme, before the first window.
    ls::ui::AppSettings((*app)->profile().directory()).applyToApplication();
    if (parser.isSet(openOption))
        return openViewer(parser.value(openOption), parser.value(screenshotOption));

    QObject::connect(app->get(), &ls::gui::DesktopApp::quitRequested, &application,
        &QApplication::quit, Qt::QueuedConnection);
    bool restart = false;
    (*app)->start();
    // The Settings section, once the main window exists: now, or when the first-run wizard has
    // made way for it (DesktopApp opens it on the same signal, connected first).
    const auto attachSettings = [&] {
        if (auto* window = (*app)->mainWindow())
            window->attachSettings(settingsFor(**app, restart));
    };
    if ((*app)->mainWindow())
        attachSettings();
    else if (auto* wizard = (*app)->onboarding())
        QObject::connect(wizard, &QDialog::finished, &application, attachSettings);
    if (parser.isSet(screenshotOption)) {
        ls::gui::DesktopApp& desktop = **app;
        screenshotWhenSettled(
            &desktop, [&desktop] { return desktop.isSettled(); },
            [&desktop] {
                return desktop.onboarding() ? static_cast<QWidget*>(desktop.onboarding())
                                            : static_cast<QWidget*>(desktop.mainWindow());
            },
            parser.value(screenshotOption));
    }
    const int exitCode = QApplication::exec();
    if (!restart)
        return exitCode;
    app->reset(); // "This computer"'s node stops before the new app starts its own
    return QProcess::startDetached(
               QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1))
        ? 0
        : 1;
}
