// lightstreams: the desktop application. Composition root: parses the command line and starts
// the app (app/gui/DesktopApp) for one profile.
#include "app/gui/DesktopApp.h"
#include "app/gui/NodeProgram.h"
#include "core/util/Version.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QIcon>
#include <QTimer>

namespace {

constexpr int kScreenshotWaitMs = 60'000;

// Saves a picture of the app's window once nothing is still on its way to the screen (or after
// a minute), then ends the app with the outcome.
void screenshotWhenSettled(ls::gui::DesktopApp& app, const QString& file)
{
    auto* poll = new QTimer(&app);
    const QDeadlineTimer deadline(kScreenshotWaitMs);
    QObject::connect(poll, &QTimer::timeout, &app, [&app, poll, file, deadline] {
        if (!app.isSettled() && !deadline.hasExpired())
            return;
        poll->stop();
        if (!app.isSettled())
            qWarning("The window did not settle within %d s; taking the picture anyway",
                kScreenshotWaitMs / 1000);
        QWidget* window = app.onboarding() ? static_cast<QWidget*>(app.onboarding())
                                           : static_cast<QWidget*>(app.mainWindow());
        if (!window || !window->grab().save(file)) {
            qCritical("Cannot write the screenshot to '%s'", qPrintable(file));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    });
    poll->start(100);
}

} // namespace

int main(int argc, char* argv[])
{
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
    // For tests and screenshots only: a new key file made quickly, and easier to guess.
    QCommandLineOption lightKdfOption(QStringLiteral("light-kdf"),
        QApplication::translate("main", "Protect a new key file with 64 MiB Argon2id."));
    lightKdfOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        { sectionOption, screenshotOption, profileOption, dataDirOption, lightKdfOption });
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
    QObject::connect(app->get(), &ls::gui::DesktopApp::quitRequested, &application,
        &QApplication::quit, Qt::QueuedConnection);
    (*app)->start();
    if (parser.isSet(screenshotOption))
        screenshotWhenSettled(**app, parser.value(screenshotOption));
    return QApplication::exec();
}
