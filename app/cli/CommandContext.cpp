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

} // namespace ls::cli
