#include "ui/StatusText.h"

#include <QCoreApplication>

namespace ls::ui::statustext {
namespace {

QString tr(const char* text)
{
    // The context lupdate files tr() calls of this namespace under.
    return QCoreApplication::translate("ls::ui::statustext", text);
}

QString firstLine(const std::string& text)
{
    return QString::fromStdString(text).section(u'\n', 0, 0);
}

} // namespace

QString chain(const api::ChainStatus& status)
{
    QString text;
    if (status.verifiedHeight)
        text = tr("Verified block %1").arg(*status.verifiedHeight);
    if (!status.lastError.empty()) {
        const QString problem = tr("Cannot verify the chain: %1").arg(firstLine(status.lastError));
        return text.isEmpty() ? problem : text + QStringLiteral(" · ") + problem;
    }
    if (status.syncing) {
        const QString syncing = status.syncTarget
            ? tr("syncing to block %1").arg(*status.syncTarget)
            : tr("syncing…");
        return text.isEmpty() ? tr("Verifying the chain…") : text + QStringLiteral(" · ") + syncing;
    }
    return text.isEmpty() ? tr("Connecting to %1…").arg(QString::fromStdString(status.network))
                          : text;
}

QString endpointState(api::ChainEndpoint::State state)
{
    using State = api::ChainEndpoint::State;
    switch (state) {
    case State::Unknown:
        return tr("Not checked yet");
    case State::Agrees:
        return tr("Agrees");
    case State::Behind:
        return tr("Behind");
    case State::Unreachable:
        return tr("Unreachable");
    case State::Faulty:
        return tr("Faulty");
    case State::Forked:
        return tr("On a conflicting chain");
    }
    return {};
}

QString localNetwork(const api::LocalNetworkStatus& status)
{
    using State = api::LocalNetworkStatus::State;
    switch (status.state) {
    case State::Stopped:
        return tr("Stopped");
    case State::Starting:
        return tr("Starting…");
    case State::Running:
        return tr("Running on %1").arg(QString::fromStdString(status.endpoint));
    case State::Failed:
        return tr("Failed: %1").arg(firstLine(status.error));
    }
    return {};
}

QString shortHash(const std::string& hash)
{
    const QString text = QString::fromStdString(hash);
    if (text.size() <= 18)
        return text;
    return text.left(10) + QStringLiteral("…") + text.right(8);
}

} // namespace ls::ui::statustext
