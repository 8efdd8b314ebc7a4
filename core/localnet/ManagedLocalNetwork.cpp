#include "core/localnet/ManagedLocalNetwork.h"

#include "core/localnet/EndpointProbe.h"
#include "core/localnet/LocalAccount.h"
#include "core/protocol/NetworkProfile.h"

#include <QMetaObject>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>

namespace ls::localnet {
namespace {

constexpr qsizetype kErrorTailBytes = 4096;
constexpr int kErrorTailLines = 8;
constexpr std::string_view kListening = "RPC listening on ";
constexpr std::chrono::milliseconds kProbeTimeout { 1000 };

QString path(const std::filesystem::path& file)
{
    return QString::fromStdString(file.string());
}

// The last lines of what the node wrote on stderr: usually the reason it stopped.
std::string lastLines(const QByteArray& output)
{
    QList<QByteArray> lines = output.trimmed().split('\n');
    if (lines.size() > kErrorTailLines)
        lines = lines.mid(lines.size() - kErrorTailLines);
    return lines.join('\n').trimmed().toStdString();
}

} // namespace

ManagedLocalNetwork::ManagedLocalNetwork(LocalNetworkOptions options)
    : m_options(std::move(options))
    , m_files(m_options.directory)
    , m_nodeLock(m_files.nodeLockFile())
    , m_funding(m_files, m_options.fundedPht)
    , m_home(std::make_unique<QObject>())
{
    m_status.dataDirectory = m_files.dataDirectory().string();
    m_watch.setInterval(m_options.watchInterval);
    QObject::connect(&m_watch, &QTimer::timeout, m_home.get(), [this] { watchOwner(); });
}

ManagedLocalNetwork::~ManagedLocalNetwork()
{
    *m_alive = false;
    m_subscribers.clear();
    stop();
}

bool ManagedLocalNetwork::exists() const
{
    return m_files.networkExists();
}

api::LocalNetwork::Handle ManagedLocalNetwork::subscribeStatus(
    std::function<void(const api::LocalNetworkStatus&)> onChange)
{
    const std::uint64_t id = m_nextSubscriber++;
    m_subscribers.emplace(id, std::move(onChange));
    return Handle([this, id, alive = std::weak_ptr<bool>(m_alive)] {
        if (alive.lock())
            m_subscribers.erase(id);
    });
}

void ManagedLocalNetwork::start(std::string fundedAddress)
{
    using State = api::LocalNetworkStatus::State;
    if (m_status.state == State::Starting || m_status.state == State::Running)
        return;
    m_stopping = false;
    m_fundedAddress = std::move(fundedAddress);
    m_status.funding = api::LocalNetworkStatus::Funding::Idle;
    m_status.fundingError.clear();
    setState(State::Starting);
    if (auto ready = m_files.ensureDirectory(); !ready)
        return setState(State::Failed, ready.error().message);
    auto locked = m_nodeLock.tryLock();
    if (!locked)
        return setState(State::Failed, locked.error().message);
    if (*locked)
        return runHere();
    // Another app runs the node (or is starting it): use it.
    m_status.runsHere = false;
    m_waitingSince = std::chrono::steady_clock::now();
    m_watch.start();
    watchOwner();
}

void ManagedLocalNetwork::runHere()
{
    using State = api::LocalNetworkStatus::State;
    m_watch.stop();
    m_status.runsHere = true;
    m_files.withdrawEndpoint(); // left by an owner that crashed; nobody listens there now
    std::error_code error;
    if (!std::filesystem::is_regular_file(m_options.nodeProgram, error))
        return setState(State::Failed,
            "The node program was not found at " + m_options.nodeProgram.string()
                + ". Reinstall the app, or set LIGHTSTREAMS_NODE to lightstreams-node's path.");
    if (auto ready = m_files.ensurePassphraseFile(); !ready)
        return setState(State::Failed, ready.error().message);
    if (exists())
        return runNode();
    if (auto cleared = m_files.discardUnfinishedNetwork(); !cleared)
        return setState(State::Failed, cleared.error().message);
    QStringList arguments { QStringLiteral("init"), QStringLiteral("--datadir"),
        path(m_files.dataDirectory()), QStringLiteral("--passphrase-file"),
        path(m_files.passphraseFile()), QStringLiteral("--name"),
        QString::fromStdString(m_options.networkName),
        // Rewritten by `run` with the port it gets; nothing connects before that.
        QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:0") };
    if (!m_fundedAddress.empty())
        arguments << QStringLiteral("--alloc")
                  << QString::fromStdString(m_fundedAddress + "=" + m_options.fundedPht);
    // Created before the network, so that genesis can fund them: the chain has no faucet.
    const std::pair<std::filesystem::path, std::string> accounts[] = {
        { m_files.demoAuthorDirectory(), m_options.demoAuthorPht },
        { m_files.fundingDirectory(), m_options.fundingAccountPht },
    };
    for (const auto& [directory, pht] : accounts) {
        if (pht.empty())
            continue;
        auto account = LocalAccount(directory).ensure();
        if (!account)
            return setState(State::Failed,
                "Cannot create the accounts of this computer's network: "
                    + account.error().message);
        arguments << QStringLiteral("--alloc") << QString::fromStdString(*account + "=" + pht);
    }
    launch(Step::Creating, arguments);
}

void ManagedLocalNetwork::watchOwner()
{
    using State = api::LocalNetworkStatus::State;
    if (m_status.runsHere || m_status.state == State::Stopped || m_status.state == State::Failed)
        return;
    auto locked = m_nodeLock.tryLock();
    if (!locked)
        return setState(State::Failed, locked.error().message);
    if (*locked) { // the app that ran the node is gone, and its node too
        if (m_status.state == State::Running)
            setState(State::Starting);
        return runHere();
    }
    const std::string endpoint = m_files.announcedEndpoint();
    if (!endpoint.empty() && endpointAnswers(endpoint, kProbeTimeout))
        return useOwnersNode(endpoint);
    if (m_status.state == State::Running) { // stopping, or restarting: wait for it again
        m_waitingSince = std::chrono::steady_clock::now();
        setState(State::Starting);
    }
    if (std::chrono::steady_clock::now() - m_waitingSince > m_options.startTimeout)
        setState(State::Failed,
            "Another app on this computer runs its network, but the node did not answer within "
                + std::to_string(m_options.startTimeout.count()) + " ms.");
}

void ManagedLocalNetwork::useOwnersNode(const std::string& url)
{
    if (m_status.state == api::LocalNetworkStatus::State::Running && m_status.endpoint == url)
        return;
    auto profile = protocol::NetworkProfile::load(m_files.networkProfileFile());
    if (!profile || std::ranges::find(profile->endpoints, url) == profile->endpoints.end())
        return; // the owner's node is between writing its profile and saying so: next time
    m_status.networkProfileFile = m_files.networkProfileFile().string();
    m_status.endpoint = url;
    setState(api::LocalNetworkStatus::State::Running);
    fundWallet();
}

void ManagedLocalNetwork::fundWallet()
{
    using Funding = api::LocalNetworkStatus::Funding;
    if (m_fundedAddress.empty())
        return;
    auto profile = protocol::NetworkProfile::load(m_status.networkProfileFile);
    if (!profile)
        return;
    m_status.funding = Funding::Funding;
    m_status.fundingError.clear();
    notifyLater();
    m_funding.fund(*profile, m_fundedAddress, [this](Result<WalletFunding::Outcome> outcome) {
        m_status.funding = outcome ? Funding::Funded : Funding::Failed;
        m_status.fundingError = outcome
            ? std::string()
            : "Could not give PHT to your wallet on this computer's network: "
                + outcome.error().message;
        notifyLater();
    });
}

void ManagedLocalNetwork::runNode()
{
    launch(Step::Running,
        { QStringLiteral("run"), QStringLiteral("--datadir"), path(m_files.dataDirectory()),
            QStringLiteral("--rpc"), QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--passphrase-file"), path(m_files.passphraseFile()) });
}

void ManagedLocalNetwork::launch(Step step, const QStringList& arguments)
{
    m_step = step;
    const std::uint64_t launch = ++m_launches;
    QTimer::singleShot(m_options.startTimeout, m_home.get(), [this, launch] {
        if (launch == m_launches && m_step != Step::Idle
            && m_status.state == api::LocalNetworkStatus::State::Starting)
            fail("The node on this computer did not start within "
                + std::to_string(m_options.startTimeout.count()) + " ms.");
    });
    m_pendingOutput.clear();
    m_errorTail.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(path(m_options.nodeProgram));
    m_process->setArguments(arguments);
    m_process->setWorkingDirectory(path(m_files.directory()));
    // Runs in the child between fork and exec: the kernel ends the node when the app goes, even
    // when the app crashes and never reaches stop().
    // It also keeps node.lock, so no other app starts a node on this chain until this one ends.
    m_process->setChildProcessModifier([lock = m_nodeLock.descriptor()] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ExclusiveFileLock::keepInChild(lock);
    });
    QProcess* process = m_process.get();
    QObject::connect(
        process, &QProcess::readyReadStandardOutput, process, [this] { onStandardOutput(); });
    QObject::connect(
        process, &QProcess::readyReadStandardError, process, [this] { onStandardError(); });
    QObject::connect(process, &QProcess::finished, process,
        [this](int code, QProcess::ExitStatus status) { onFinished(code, status); });
    QObject::connect(process, &QProcess::errorOccurred, process,
        [this](QProcess::ProcessError error) { onStartFailed(error); });
    m_process->start();
}

void ManagedLocalNetwork::onStandardOutput()
{
    m_pendingOutput += m_process->readAllStandardOutput();
    qsizetype newline = 0;
    while ((newline = m_pendingOutput.indexOf('\n')) >= 0) {
        const std::string line = m_pendingOutput.left(newline).trimmed().toStdString();
        m_pendingOutput.remove(0, newline + 1);
        const auto at = line.find(kListening);
        if (m_step == Step::Running && at != std::string::npos
            && m_status.state == api::LocalNetworkStatus::State::Starting) {
            const std::string rest = line.substr(at + kListening.size());
            onListening(rest.substr(0, rest.find(' ')));
        }
    }
}

void ManagedLocalNetwork::onStandardError()
{
    m_errorTail += m_process->readAllStandardError();
    if (m_errorTail.size() > kErrorTailBytes)
        m_errorTail = m_errorTail.right(kErrorTailBytes);
}

void ManagedLocalNetwork::onListening(const std::string& url)
{
    // `run` wrote the port it got into the profile before it said it listens.
    auto profile = protocol::NetworkProfile::load(m_files.networkProfileFile());
    if (!profile)
        return fail(
            "The network on this computer has an unreadable profile: " + profile.error().message);
    if (std::ranges::find(profile->endpoints, url) == profile->endpoints.end())
        return fail("The node listens on " + url
            + " but its network profile does not say so; "
              "is lightstreams-node older than this app?");
    // For the other apps on this computer (watchOwner()).
    if (auto told = m_files.announceEndpoint(url); !told)
        return fail(told.error().message);
    m_status.networkProfileFile = m_files.networkProfileFile().string();
    m_status.endpoint = url;
    setState(api::LocalNetworkStatus::State::Running);
    fundWallet();
}

void ManagedLocalNetwork::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    if (m_process)
        onStandardError();
    retireProcess();
    const Step step = std::exchange(m_step, Step::Idle);
    if (m_stopping)
        return setState(api::LocalNetworkStatus::State::Stopped);
    const std::string how = exitStatus == QProcess::CrashExit
        ? std::string("it crashed")
        : "exit code " + std::to_string(exitCode);
    if (step == Step::Creating) {
        if (exitStatus == QProcess::NormalExit && exitCode == 0)
            return runNode();
        return fail("Could not create the network on this computer (" + how + ").");
    }
    if (m_status.state == api::LocalNetworkStatus::State::Starting)
        return fail("The node on this computer could not start (" + how + ").");
    fail("The node on this computer stopped (" + how + ").");
}

void ManagedLocalNetwork::onStartFailed(QProcess::ProcessError error)
{
    // Other errors (a crash) also end in finished(); this one never does.
    if (error != QProcess::FailedToStart || !m_process)
        return;
    const std::string reason = m_process->errorString().toStdString();
    retireProcess();
    m_step = Step::Idle;
    setState(api::LocalNetworkStatus::State::Failed,
        "Cannot start " + m_options.nodeProgram.string() + ": " + reason);
}

void ManagedLocalNetwork::stop()
{
    m_watch.stop();
    if (m_process) {
        m_stopping = true;
        // Not through onFinished: stop() never runs inside the process's own signals, so the
        // process can go at once (also from the destructor, with no event loop left).
        m_process->disconnect();
        // SIGTERM: the node ends its event loop, closes the database and releases the port.
        m_process->terminate();
        if (!m_process->waitForFinished(static_cast<int>(m_options.stopTimeout.count()))) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
        m_process.reset();
    }
    m_step = Step::Idle;
    if (m_status.state != api::LocalNetworkStatus::State::Stopped)
        setState(api::LocalNetworkStatus::State::Stopped);
}

void ManagedLocalNetwork::retireProcess()
{
    // Deleted later: this may run inside one of the process's own signals.
    if (QProcess* process = m_process.release()) {
        process->disconnect();
        process->deleteLater();
    }
}

void ManagedLocalNetwork::fail(const std::string& sentence)
{
    std::string message = sentence;
    if (const std::string tail = lastLines(m_errorTail); !tail.empty())
        message += "\n" + tail;
    if (m_process) { // a node that runs but cannot be used
        m_process->disconnect();
        m_process->kill();
        m_process->waitForFinished(1000);
        retireProcess();
    }
    m_step = Step::Idle;
    setState(api::LocalNetworkStatus::State::Failed, message);
}

void ManagedLocalNetwork::setState(api::LocalNetworkStatus::State state, std::string error)
{
    using State = api::LocalNetworkStatus::State;
    m_status.state = state;
    m_status.error = std::move(error);
    if (state != State::Running) {
        m_status.networkProfileFile.clear();
        m_status.endpoint.clear();
        m_funding.cancel();
        if (m_status.funding == api::LocalNetworkStatus::Funding::Funding)
            m_status.funding = api::LocalNetworkStatus::Funding::Idle;
    }
    if (state == State::Stopped || state == State::Failed)
        relinquish(); // no node of ours runs now (every path here ended it)
    notifyLater();
}

void ManagedLocalNetwork::relinquish()
{
    m_watch.stop();
    if (m_status.runsHere)
        m_files.withdrawEndpoint();
    // Also a lock taken by a guest that found the owner gone and then failed to start the node.
    m_nodeLock.release();
    m_status.runsHere = false;
}

void ManagedLocalNetwork::notifyLater()
{
    // Queued, with the status of this moment: subscribers see every step, and never from
    // inside start() or stop().
    QMetaObject::invokeMethod(
        m_home.get(),
        [this, snapshot = m_status] {
            auto subscribers = m_subscribers; // a callback may unsubscribe
            for (const auto& [id, onChange] : subscribers)
                if (m_subscribers.contains(id))
                    onChange(snapshot);
        },
        Qt::QueuedConnection);
}

} // namespace ls::localnet
