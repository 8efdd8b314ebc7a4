// lightstreams-node: the full node and validator of the Lightstreams chain (DESIGN.md §3).
// Composition root only; the node itself lives in core/node.
#include "core/util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lightstreams-node"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ls::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Lightstreams full node and validator for the PHT Proof-of-Authority chain."));
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
    std::fprintf(stderr, "lightstreams-node: unknown command '%s' (see --help)\n",
                 qPrintable(arguments.first()));
    return 2;
}
