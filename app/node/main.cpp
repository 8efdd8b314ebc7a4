// lightstreams-node: the full node and validator of the Lightstreams chain (DESIGN.md §3).
// Composition root only; the node itself lives in core/node.
#include "app/node/NodeCommands.h"
#include "core/util/Version.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

constexpr const char* kUsage =
    "Usage: lightstreams-node COMMAND [options]\n"
    "Lightstreams full node and validator for the PHT Proof-of-Authority chain.\n\n"
    "Commands:\n"
    "  --dev     start a fresh single-validator development network (funded accounts)\n"
    "  init      create a new network in a data directory\n"
    "  run       serve a data directory's chain over JSON-RPC\n\n"
    "  --help, --version\n"
    "Each command has its own --help.\n";

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lightstreams-node"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ls::kVersion));

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        std::printf("lightstreams-node %s\n", ls::kVersion);
        return ls::nodeapp::kExitOk;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        std::fputs(kUsage, stdout);
        return ls::nodeapp::kExitOk;
    }
    if (arguments.contains(QStringLiteral("--dev")))
        return ls::nodeapp::runDev(arguments);
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0) + QLatin1Char(' ') + command);
    if (command == QLatin1String("init"))
        return ls::nodeapp::runInit(rest);
    if (command == QLatin1String("run"))
        return ls::nodeapp::runNode(rest);
    std::fputs(kUsage, stderr);
    return ls::nodeapp::kExitUsage;
}
