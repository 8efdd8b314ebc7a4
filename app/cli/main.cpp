// lightstreams-cli: wallet, chain and content commands for scripting and power users.
// Composition root only; commands reach core through core/api.
#include "app/cli/CommandContext.h"
#include "app/cli/WalletCommand.h"
#include "core/util/ProfilePaths.h"
#include "core/util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace ls;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lightstreams-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Lightstreams command line.\n\n"
                "Commands:\n"
                "  wallet   create, restore and inspect the profile's wallet (wallet --help)\n"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate("main", "Use profile NAME (default: default)."),
        QStringLiteral("NAME"), QString::fromLatin1(ProfilePaths::kDefaultProfile.data()));
    QCommandLineOption dataDirOption(
        QStringLiteral("datadir"),
        QCoreApplication::translate("main", "Keep profiles under DIR instead of the user data "
                                            "directory."),
        QStringLiteral("DIR"));
    QCommandLineOption jsonOption(QStringLiteral("json"),
                                  QCoreApplication::translate("main", "Answer in JSON."));
    parser.addOptions({profileOption, dataDirOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "The command to run."));
    // Everything after the command belongs to it (so `wallet --help` reaches the wallet).
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return cli::kExitUsage;
    }

    auto profile = ProfilePaths::open(parser.value(profileOption).toStdString(),
                                      parser.value(dataDirOption).toStdString());
    if (!profile) {
        std::fprintf(stderr, "lightstreams-cli: %s\n", profile.error().message.c_str());
        return cli::kExitUsage;
    }
    cli::CommandContext context{*profile, parser.isSet(jsonOption)};

    const QString command = positional.first();
    // The subcommand parser expects the program name first.
    QStringList commandArguments = positional.mid(1);
    commandArguments.prepend(QCoreApplication::applicationName() + QLatin1Char(' ') + command);

    if (command == QLatin1String("wallet"))
        return cli::runWalletCommand(commandArguments, context);

    std::fprintf(stderr, "lightstreams-cli: unknown command '%s' (see --help)\n",
                 qPrintable(command));
    return cli::kExitUsage;
}
