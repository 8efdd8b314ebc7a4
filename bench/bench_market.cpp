// ls-bench-market: purchase → readable (DESIGN.md §8: a 10 MB PDF on a local network in ≤ 3 s).
// A real `lightstreams-node --dev` on 127.0.0.1, an author and a buyer with real profiles (key
// files, light clients, SQLite libraries, libtorrent swarms on loopback, the buyer knowing the
// author's peer). Each run the author publishes a new title (not timed); the clock runs from
// the buyer's api::Market::buy call through what the app's Buy dialog waits on (the purchase
// final, then api::Library::fetch until Done: downloaded, key received) to the first and last
// bytes decrypted through api::Library::open. Each stage's progress callback is timestamped for
// the breakdown. Anchor in the same run: the same buyer's plain PHT transfer (api::Market::send),
// i.e. the chain part without the licence, and its submit → final part alone.
// Usage: ls-bench-market [--quick] [--trace]
//   --trace: the swarms' events of each run, timestamped from its buy call
#include "core/crypto/Random.h"
#include "core/market/ContentPaths.h"
#include "core/market/ContentSession.h"
#include "core/swarm/LibtorrentSettings.h"
#include "core/swarm/TorrentMaker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/alert_types.hpp>
#include <libtorrent/extensions/smart_ban.hpp>
#include <libtorrent/extensions/ut_metadata.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/torrent_info.hpp>

#include "tests/market/ContentTestSupport.h"
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace ls;

namespace {

constexpr int kWaitMs = 180'000;

using Clock = std::chrono::steady_clock;

double secondsBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

// Runs the event loop until `done` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()>& done, int timeoutMs = kWaitMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!done())
            QThread::usleep(200);
    }
    return true;
}

template <typename T, typename Call> Result<T> await(Call call)
{
    std::optional<Result<T>> result;
    auto handle = call([&](Result<T> value) { result = std::move(value); });
    if (!waitFor([&] { return result.has_value(); }))
        return fail(ErrorKind::Internal, "timed out");
    return std::move(*result);
}

// --trace: the swarms' events, in seconds since the current buy call, for where the time goes.
Clock::time_point g_buyStart;

void traceSwarm(swarm::Swarm& swarm, const char* who)
{
    auto at = [] { return secondsBetween(g_buyStart, Clock::now()); };
    QObject::connect(&swarm, &swarm::Swarm::torrentAdded,
        [=](const Hash256&) { std::printf("    %.3f %s: torrent added\n", at(), who); });
    QObject::connect(&swarm, &swarm::Swarm::torrentFinished,
        [=](const Hash256&) { std::printf("    %.3f %s: torrent finished\n", at(), who); });
    QObject::connect(
        &swarm, &swarm::Swarm::titleKeyArrived, [=](const Hash256&, const QString&, const auto&) {
            std::printf("    %.3f %s: sealed title key arrived\n", at(), who);
        });
    QObject::connect(&swarm, &swarm::Swarm::permitEvent, [=](const Hash256&, const QString& event) {
        std::printf("    %.3f %s: %s\n", at(), who, qPrintable(event));
    });
}

// Timestamps of one purchase → readable, from the buy call.
struct Run {
    double syncing = 0, signing = 0, submitting = 0, confirming = 0; // stage starts
    double final = 0; // buy's callback
    double connecting = 0, downloading = 0, waitingForKey = 0; // fetch stage starts
    double keyHeld = 0; // the title key seen in the library (polled every 10 ms)
    double fetched = 0; // fetch's callback (Done)
    double readable = 0; // first and last bytes decrypted
};

// Whether the library holds the title's newest version complete, and its key.
std::optional<std::pair<bool, bool>> libraryState(api::Library& library, std::uint64_t titleId)
{
    auto titles = library.titles();
    if (!titles)
        return std::nullopt;
    for (const auto& title : *titles)
        if (title.titleId == titleId)
            return std::pair { !title.versions.empty()
                    && title.versions.back().download == api::DownloadState::Complete,
                title.hasKey };
    return std::nullopt;
}

Result<Run> buyUntilReadable(testing::ContentUser& buyer, std::uint64_t titleId, std::size_t size)
{
    Run run;
    const auto start = Clock::now();
    g_buyStart = start;
    auto stamp = [&](double& slot) {
        if (slot == 0)
            slot = secondsBetween(start, Clock::now());
    };
    auto bought = await<api::Purchase>([&](auto done) {
        return buyer.market().buy(
            titleId, testing::secret(),
            [&](const api::TransactionProgress& p) {
                using S = api::TransactionStage;
                stamp(p.stage == S::Syncing        ? run.syncing
                        : p.stage == S::Signing    ? run.signing
                        : p.stage == S::Submitting ? run.submitting
                                                   : run.confirming);
            },
            done);
    });
    if (!bought)
        return std::unexpected(bought.error());
    if (!bought->confirmation.succeeded)
        return fail(ErrorKind::Internal, "purchase reverted: " + bought->confirmation.revertReason);
    stamp(run.final);
    // The fetch reports no stage when the key comes before the last piece: the library tells.
    // (The last piece completes the fetch in the same event-loop turn: no poll sees it first.)
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (auto held = libraryState(buyer.library(), titleId); held && held->second)
            stamp(run.keyHeld);
    });
    poll.start();
    auto fetched = await<api::FetchedVersion>([&](auto done) {
        return buyer.library().fetch(
            titleId, std::nullopt,
            [&](const api::FetchProgress& p) {
                using S = api::FetchStage;
                if (p.stage == S::Connecting)
                    stamp(run.connecting);
                else if (p.stage == S::Downloading)
                    stamp(run.downloading);
                else if (p.stage == S::WaitingForKey)
                    stamp(run.waitingForKey);
            },
            done);
    });
    if (!fetched)
        return std::unexpected(fetched.error());
    poll.stop();
    stamp(run.fetched);
    // Readable as the Library screen shows it: the version complete, its key held.
    auto held = libraryState(buyer.library(), titleId);
    if (!held || !held->first || !held->second)
        return fail(
            ErrorKind::Internal, "the library does not hold the complete version and its key");
    auto content = buyer.library().open(titleId, fetched->version);
    if (!content)
        return std::unexpected(content.error());
    if ((*content)->size() != size)
        return fail(ErrorKind::Internal, "decrypted size differs");
    std::vector<std::uint8_t> first(4096), last(4096);
    if (auto ok = (*content)->read(0, first); !ok)
        return std::unexpected(ok.error());
    if (auto ok = (*content)->read(size - last.size(), last); !ok)
        return std::unexpected(ok.error());
    if (std::memcmp(first.data(), "%PDF-", 5) != 0)
        return fail(ErrorKind::Internal, "the first bytes are not the PDF's");
    stamp(run.readable);
    return run;
}

swarm::SwarmSettings loopbackSwarm()
{
    swarm::SwarmSettings settings;
    settings.listenInterfaces = "127.0.0.1:0";
    settings.dht = false;
    settings.localDiscovery = false;
    return settings;
}

// A plain lt::session with the settings and plugins LibtorrentSwarm uses, no permit gate.
std::unique_ptr<lt::session> plainSession()
{
    auto session = std::make_unique<lt::session>(
        lt::session_params(swarm::settingsPackFor(loopbackSwarm()), {}));
    session->add_extension(&lt::create_ut_metadata_plugin);
    session->add_extension(&lt::create_smart_ban_plugin);
    session->set_peer_class_filter(swarm::peerClassFilter());
    return session;
}

// Waits for an alert of type `A` on `session` and returns it; the others go to `other`.
template <typename A>
A* awaitAlert(lt::session& session, const std::function<void(lt::alert*)>& other = nullptr)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(kWaitMs);
    while (Clock::now() < deadline) {
        session.wait_for_alert(std::chrono::milliseconds(100));
        std::vector<lt::alert*> alerts;
        session.pop_alerts(&alerts);
        for (lt::alert* alert : alerts) {
            if (auto* wanted = lt::alert_cast<A>(alert))
                return wanted;
            if (other)
                other(alert);
        }
    }
    return nullptr;
}

// The anchor for the download: the same encrypted container, author → buyer, between two plain
// lt::sessions on loopback (no gate, no chain, no key). Seconds from adding to finished.
Result<double> plainTransfer(
    const std::filesystem::path& container, const std::filesystem::path& into)
{
    auto torrent = swarm::makeTorrent(
        container, market::content::pieceSizeFor(std::filesystem::file_size(container)));
    if (!torrent)
        return std::unexpected(torrent.error());
    auto paramsIn = [&](const std::filesystem::path& dir) {
        lt::add_torrent_params params;
        lt::error_code error;
        params.ti = std::make_shared<lt::torrent_info>(
            lt::span<const char>(reinterpret_cast<const char*>(torrent->torrentFile.data()),
                static_cast<long>(torrent->torrentFile.size())),
            error, lt::from_span);
        params.save_path = dir.string();
        return params;
    };
    auto seeder = plainSession();
    auto seeding = paramsIn(container.parent_path());
    seeding.flags |= lt::torrent_flags::seed_mode;
    seeder->async_add_torrent(std::move(seeding));
    if (!awaitAlert<lt::add_torrent_alert>(*seeder))
        return fail(ErrorKind::Internal, "the plain seeder did not add the torrent");
    std::uint16_t port = 0;
    for (int attempt = 0; attempt < 1000 && port == 0; ++attempt) {
        port = seeder->listen_port();
        if (port == 0)
            QThread::msleep(10);
    }
    if (port == 0)
        return fail(ErrorKind::Internal, "the plain seeder does not listen");
    auto leecher = plainSession();
    const auto start = Clock::now();
    leecher->async_add_torrent(paramsIn(into));
    auto finished = awaitAlert<lt::torrent_finished_alert>(*leecher, [&](lt::alert* alert) {
        if (auto* added = lt::alert_cast<lt::add_torrent_alert>(alert))
            added->handle.connect_peer(lt::tcp::endpoint(lt::make_address("127.0.0.1"), port));
    });
    if (!finished)
        return fail(ErrorKind::Internal, "the plain transfer did not finish");
    return secondsBetween(start, Clock::now());
}

struct Stats {
    double median = 0, min = 0, max = 0;
};

Stats statsOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return { median, values.front(), values.back() };
}

void printLine(const char* what, const std::vector<double>& values)
{
    Stats s = statsOf(values);
    std::printf(
        "  %-48s median %7.4f s   min %7.4f s   max %7.4f s\n", what, s.median, s.min, s.max);
}

int failWith(const char* what, const Error& error)
{
    std::fprintf(stderr, "ls-bench-market: %s: %s\n", what, error.message.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const std::size_t size = quick ? 1024 * 1024 : 10 * 1024 * 1024;
    const int runs = quick ? 2 : 5;

    testing::DevNetwork node;
    if (!node.start()) {
        std::fprintf(stderr, "ls-bench-market: the dev node did not start (%s)\n", LS_NODE_PATH);
        return 1;
    }
    testing::ContentUser dev(node.profile(), testing::kDevPhrase);
    testing::ContentUser author(node.profile());
    // The buyer's key file as the app writes it (Standard: about a second of Argon2id at each
    // signature, by design); --quick keeps the tests' Light strength.
    const auto buyerStrength = quick ? api::KeyFileStrength::Light : api::KeyFileStrength::Standard;
    testing::ContentUser buyer(node.profile(), std::nullopt, buyerStrength);
    for (testing::ContentUser* who : { &author, &buyer }) {
        auto sent = await<api::TransactionConfirmation>([&](auto done) {
            return dev.market().send(
                who->address, testing::baseUnits("1000"), testing::secret(), nullptr, done);
        });
        if (!sent || !sent->succeeded)
            return failWith(
                "funding", sent ? Error { ErrorKind::Internal, "reverted" } : sent.error());
        if (auto opened = who->open(); !opened)
            return failWith("opening a library", opened.error());
    }
    buyer.library().addPeer(author.peerAddress());
    if (argc > 1 && std::strcmp(argv[argc - 1], "--trace") == 0) {
        traceSwarm(author.session().swarm(), "author");
        traceSwarm(buyer.session().swarm(), "buyer");
    }

    QTemporaryDir files;
    std::vector<double> total, chain, download, key, decrypt, signing, anchorSend, anchorSubmit,
        anchorTransfer;
    std::printf("ls-bench-market: purchase → readable, %zu MB PDF, author and buyer on 127.0.0.1, "
                "%d runs%s\n",
        size / (1024 * 1024), runs, quick ? " (--quick)" : "");
    for (int i = 0; i < runs; ++i) {
        // Not timed: the author publishes a new title.
        Bytes pdf = crypto::randomBytes(size);
        std::memcpy(pdf.data(), "%PDF-1.7\n", 9);
        const auto file = std::filesystem::path(files.path().toStdString())
            / ("book" + std::to_string(i) + ".pdf");
        if (!testing::writeBytes(file, pdf))
            return failWith("writing the PDF", { ErrorKind::Internal, file.string() });
        api::PublishRequest request;
        request.file = file.string();
        request.metadata.title = "Benchmark book " + std::to_string(i);
        request.metadata.authors = { "Ada Lovelace" };
        request.metadata.subject = "Mathematics";
        request.price = testing::baseUnits("1");
        auto published = await<api::PublishedVersion>([&](auto done) {
            return author.studio().publish(request, testing::secret(), nullptr, done);
        });
        if (!published)
            return failWith("publishing", published.error());

        // The download's anchor, before ours (so neither side finds a warm page cache the other
        // did not): the same container between two plain libtorrent sessions.
        const auto container = market::content::directory(author.profile())
            / market::content::containerName(published->titleId, published->version);
        const auto plainDir
            = std::filesystem::path(files.path().toStdString()) / ("plain" + std::to_string(i));
        std::filesystem::create_directories(plainDir);
        auto plain = plainTransfer(container, plainDir);
        if (!plain)
            return failWith("the plain transfer", plain.error());
        anchorTransfer.push_back(*plain);

        auto run = buyUntilReadable(buyer, published->titleId, size);
        if (!run)
            return failWith("buying", run.error());
        total.push_back(run->readable);
        chain.push_back(run->final);
        signing.push_back(run->submitting - run->signing);
        key.push_back((run->keyHeld ? run->keyHeld : run->fetched) - run->final);
        download.push_back(run->fetched - run->final);
        decrypt.push_back(run->readable - run->fetched);
        std::printf(
            "  run %d: readable %.3f s (final %.3f, proven + connecting %.3f, key held %.3f, "
            "fetch done %.3f); plain libtorrent transfer %.3f s\n",
            i + 1, run->readable, run->final, run->connecting, run->keyHeld, run->fetched, *plain);
        std::fflush(stdout);

        // The anchor, alternating with ours: a plain PHT transfer by the same buyer.
        Clock::time_point submitAt {};
        const auto sendStart = Clock::now();
        auto sent = await<api::TransactionConfirmation>([&](auto done) {
            return buyer.market().send(
                dev.address, testing::baseUnits("0.01"), testing::secret(),
                [&](const api::TransactionProgress& p) {
                    if (p.stage == api::TransactionStage::Submitting
                        && submitAt == Clock::time_point {})
                        submitAt = Clock::now();
                },
                done);
        });
        const auto sendEnd = Clock::now();
        if (!sent || !sent->succeeded)
            return failWith("the anchor transfer",
                sent ? Error { ErrorKind::Internal, "reverted" } : sent.error());
        anchorSend.push_back(secondsBetween(sendStart, sendEnd));
        anchorSubmit.push_back(secondsBetween(submitAt, sendEnd));
    }

    std::printf("\npurchase → readable (target ≤ 3 s for 10 MB):\n");
    printLine("buy call → first and last bytes decrypted", total);
    printLine("  buy call → purchase final (licence proven)", chain);
    printLine(buyerStrength == api::KeyFileStrength::Light
            ? "    of which unlock key file (Light) + sign"
            : "    of which unlock key file (Standard) + sign",
        signing);
    printLine("  final → title key held in the library", key);
    printLine("  final → fetch done (proof, pieces, key, check)", download);
    printLine("  fetch done → first+last 4 KiB decrypted", decrypt);
    std::printf("anchor, same run (plain PHT transfer by the buyer):\n");
    printLine("send call → final", anchorSend);
    printLine("submit → final", anchorSubmit);
    std::printf("anchor, same run (the container between two plain libtorrent sessions):\n");
    printLine("add torrent → finished", anchorTransfer);
    const double ratio = statsOf(total).median / statsOf(anchorSend).median;
    std::printf("ratio (purchase → readable) / (transfer send → final), medians: %.2f\n", ratio);
    std::printf("ratio (final → fetch done) / (plain libtorrent transfer), medians: %.2f\n",
        statsOf(download).median / statsOf(anchorTransfer).median);
    std::printf("target: %s (median %.3f s %s 3 s)\n",
        statsOf(total).median <= 3.0 ? "met" : "NOT met", statsOf(total).median,
        statsOf(total).median <= 3.0 ? "≤" : ">");
    return 0;
}
