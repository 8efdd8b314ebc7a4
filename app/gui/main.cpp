// lightstreams: the desktop application. Composition root: parses the command line, creates the
// main window and hands it the services.
#include "core/util/Version.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Lightstreams"));
    QApplication::setOrganizationName(QStringLiteral("Lightstreams"));
    QApplication::setApplicationVersion(QString::fromLatin1(ls::kVersion));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lightstreams.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main",
        "Buy, read and stream books, music and video; publish your own and get paid in PHT."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption sectionOption(
        QStringLiteral("section"),
        QApplication::translate(
            "main", "Open on SECTION: Discover, Library, Studio, Wallet, Network or Settings."),
        QStringLiteral("SECTION"));
    // Renders the window to an image and exits: documentation screenshots, and a way to look at
    // a screen on a machine without a display (with QT_QPA_PLATFORM=offscreen).
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE and exit."),
        QStringLiteral("FILE"));
    parser.addOption(sectionOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    ls::ui::MainWindow window;
    if (parser.isSet(sectionOption)) {
        auto section = ls::ui::MainWindow::sectionFromName(parser.value(sectionOption));
        if (!section) {
            qCritical("Unknown section '%s'", qPrintable(parser.value(sectionOption)));
            return 2;
        }
        window.showSection(*section);
    }
    window.show();

    if (parser.isSet(screenshotOption)) {
        QApplication::processEvents();
        if (!window.grab().save(parser.value(screenshotOption))) {
            qCritical("Cannot write the screenshot to '%s'",
                      qPrintable(parser.value(screenshotOption)));
            return 1;
        }
        return 0;
    }
    return QApplication::exec();
}
