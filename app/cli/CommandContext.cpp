#include "app/cli/CommandContext.h"

#include <QJsonDocument>

#include <cstdio>

namespace ls::cli {

void CommandContext::answer(const QString& text, const QJsonObject& object) const
{
    if (json) {
        std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputc('\n', stdout);
    } else {
        std::fputs(qPrintable(text), stdout);
        if (!text.endsWith(QLatin1Char('\n')))
            std::fputc('\n', stdout);
    }
    std::fflush(stdout);
}

int CommandContext::failWith(const Error& error) const
{
    if (json) {
        QJsonObject object{{QStringLiteral("error"), QString::fromStdString(error.message)}};
        std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stderr);
        std::fputc('\n', stderr);
    } else {
        std::fprintf(stderr, "lightstreams-cli: %s\n", error.message.c_str());
    }
    return kExitFailed;
}

std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& arguments,
    const char* command, int minPositional, int maxPositional)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "lightstreams-cli %s: %s\n", command, qPrintable(parser.errorText()));
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return kExitOk;
    }
    const auto count = parser.positionalArguments().size();
    if (count < minPositional || count > maxPositional) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return kExitUsage;
    }
    return std::nullopt;
}

QCommandLineOption passphraseFileOption()
{
    return QCommandLineOption(QStringLiteral("passphrase-file"),
        QStringLiteral("Read the wallet's passphrase from FILE's first line (default: ask, or "
                       "read a line from standard input)."),
        QStringLiteral("FILE"));
}

} // namespace ls::cli
