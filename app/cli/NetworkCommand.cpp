// network use|status: which network the profile follows, and what the light client verified.
#include "app/cli/ChainCommands.h"
#include "app/cli/ChainSession.h"
#include "core/protocol/NetworkProfile.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace ls::cli {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

QString endpointState(api::ChainEndpoint::State state)
{
    switch (state) {
    case api::ChainEndpoint::State::Unknown:
        return QStringLiteral("not checked yet");
    case api::ChainEndpoint::State::Agrees:
        return QStringLiteral("agrees");
    case api::ChainEndpoint::State::Behind:
        return QStringLiteral("behind");
    case api::ChainEndpoint::State::Unreachable:
        return QStringLiteral("unreachable");
    case api::ChainEndpoint::State::Faulty:
        return QStringLiteral("faulty");
    case api::ChainEndpoint::State::Forked:
        return QStringLiteral("FORKED");
    }
    return {};
}

int useNetwork(const QString& file, const CommandContext& context)
{
    auto network = protocol::NetworkProfile::load(file.toStdString());
    if (!network)
        return context.failWith({ network.error().kind,
            "Cannot use " + file.toStdString() + ": " + network.error().message });
    if (auto saved = network->save(context.profile.networkProfileFile()); !saved)
        return context.failWith(saved.error());
    context.answer(QStringLiteral("Profile '%1' now uses %2 (chain id %3).")
                       .arg(q(context.profile.name()), q(network->name))
                       .arg(network->chainId),
        { { QStringLiteral("network"), q(network->name) },
            { QStringLiteral("chainId"), static_cast<qint64>(network->chainId) } });
    return kExitOk;
}

int showStatus(const CommandContext& context)
{
    auto session = ChainSession::open(context);
    if (!session)
        return context.failWith(session.error());
    auto height = (*session)->update();
    const api::ChainStatus status = (*session)->chain().status();
    QString text = QStringLiteral("%1 (chain id %2)\n").arg(q(status.network)).arg(status.chainId);
    if (status.verifiedHeight)
        text += QStringLiteral("  verified up to block %1 (%2)\n")
                    .arg(*status.verifiedHeight)
                    .arg(q(status.verifiedBlockHash));
    if (!height)
        text += QStringLiteral("  sync failed: %1\n").arg(q(height.error().message));
    QJsonArray endpoints;
    for (const api::ChainEndpoint& endpoint : status.endpoints) {
        text += QStringLiteral("  endpoint %1%2: %3%4\n")
                    .arg(q(endpoint.url), endpoint.primary ? QStringLiteral(" (primary)") : QString(),
                        endpointState(endpoint.state),
                        endpoint.detail.empty() ? QString() : QStringLiteral(" — ") + q(endpoint.detail));
        endpoints.append(QJsonObject { { QStringLiteral("url"), q(endpoint.url) },
            { QStringLiteral("primary"), endpoint.primary },
            { QStringLiteral("state"), endpointState(endpoint.state) },
            { QStringLiteral("detail"), q(endpoint.detail) } });
    }
    QJsonArray alarms;
    for (const api::ChainAlarm& alarm : status.alarms) {
        text += QStringLiteral("  ALARM at block %1: %2\n").arg(alarm.height).arg(q(alarm.summary));
        alarms.append(QJsonObject { { QStringLiteral("height"), static_cast<qint64>(alarm.height) },
            { QStringLiteral("summary"), q(alarm.summary) },
            { QStringLiteral("verifiedEvidence"), q(alarm.verifiedEvidence) },
            { QStringLiteral("conflictingEvidence"), q(alarm.conflictingEvidence) } });
    }
    QJsonObject json { { QStringLiteral("network"), q(status.network) },
        { QStringLiteral("chainId"), static_cast<qint64>(status.chainId) },
        { QStringLiteral("verifiedHeight"),
            status.verifiedHeight ? QJsonValue(static_cast<qint64>(*status.verifiedHeight))
                                  : QJsonValue() },
        { QStringLiteral("verifiedBlockHash"), q(status.verifiedBlockHash) },
        { QStringLiteral("endpoints"), endpoints }, { QStringLiteral("alarms"), alarms } };
    if (!height)
        json.insert(QStringLiteral("error"), q(height.error().message));
    context.answer(text, json);
    return height && status.alarms.empty() ? kExitOk : kExitFailed;
}

} // namespace

int runNetworkCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The network this profile follows.\n\n"
        "  network use FILE   follow the network described by FILE (a network.json written by\n"
        "                     `lightstreams-node init` or `--dev`), from now on\n"
        "  network status     sync, then show the verified height, endpoints and any alarm"));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("use or status"));
    if (auto exit = parseCommand(parser, arguments, "network", 1, 2))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.first() == QLatin1String("use") && positional.size() == 2)
        return useNetwork(positional.at(1), context);
    if (positional.first() == QLatin1String("status") && positional.size() == 1)
        return showStatus(context);
    std::fputs(qPrintable(parser.helpText()), stderr);
    return kExitUsage;
}

} // namespace ls::cli
