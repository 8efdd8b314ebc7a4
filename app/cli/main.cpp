// lightstreams-cli: wallet, chain and content commands for scripting and power users.
// Composition root only; every command goes through core/api.
#include "core/util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lightstreams-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ls::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Lightstreams command line: wallet, chain and content commands."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "What to do."));
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return 2;
    }
    std::fprintf(stderr, "lightstreams-cli: unknown command '%s' (see --help)\n",
                 qPrintable(arguments.first()));
    return 2;
}
