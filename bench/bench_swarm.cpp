// ls-bench-swarm: the permissioned swarm on loopback (DESIGN.md §8).
//   (a) transfer of one title, author → buyer, through LibtorrentSwarm (ls_permit gate, buyer
//       granted; the file an encrypted container)   vs   plain libtorrent: two lt::sessions with
//       the same settings and plugins, no gate, the same file. Alternated, best of each kept;
//       target ≥ 0.9×.
//   (b) time to the first byte of a streaming read at the middle of a title not yet downloaded:
//       from adding the torrent to 64 KiB of plaintext in hand (TorrentContainerSource +
//       ContainerStream on a reader thread). Median of several; target: first frame ≤ 1 s.
// Every run starts with a fresh buyer session and an empty directory; the author seeds
// throughout. Both sides use TCP only (uTP costs CPU on loopback) and no obfuscation.
// Usage: ls-bench-swarm [--quick] [--mib N] [--rounds R] [--samples S] [--piece BYTES] [--utp]
//                       [--obfuscate]
//   --quick: an 8 MiB title, one round, three samples; only proves the code paths work
#include "core/crypto/Random.h"
#include "core/library/ContainerStream.h"
#include "core/library/ContainerWriter.h"
#include "core/swarm/LibtorrentSettings.h"
#include "core/swarm/LibtorrentSwarm.h"
#include "core/swarm/TorrentContainerSource.h"
#include "core/swarm/TorrentMaker.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/alert_types.hpp>
#include <libtorrent/extensions/smart_ban.hpp>
#include <libtorrent/extensions/ut_metadata.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/torrent_info.hpp>
#include <libtorrent/torrent_status.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string>
#include <vector>

using namespace ls;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint64_t kChainId = 16300;
constexpr int kTransferTimeoutMs = 600'000;

[[noreturn]] void fail(const std::string& what)
{
    std::fprintf(stderr, "ls-bench-swarm: %s\n", what.c_str());
    std::exit(1);
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

crypto::PrivateKey keyOf(std::uint8_t byte)
{
    FixedBytes<32> bytes;
    bytes.fill(byte);
    return crypto::PrivateKey::fromBytes(bytes).value();
}

// The chain's answer, for a benchmark: everyone may receive the title.
class GrantEveryone final : public swarm::PermitPolicy {
public:
    void authorize(const Hash256&, const crypto::Address&,
        std::function<void(swarm::PermitDecision)> done) override
    {
        done({ true, {} });
    }
    void sealTitleKey(const Hash256&, const crypto::Address&,
        std::function<void(Result<FixedBytes<80>>)> done) override
    {
        done(ls::fail(ErrorKind::NotFound, "no key in a benchmark"));
    }
};

struct Title {
    std::filesystem::path container;
    swarm::CreatedTorrent torrent;
    library::VersionKey key;
    std::uint64_t plaintextSize = 0;
};

// `mib` MiB of plaintext (`pattern` repeated) encrypted into a container, and its torrent.
Title makeTitle(const std::filesystem::path& dir, std::uint64_t mib, const Bytes& pattern,
    std::uint32_t pieceSize)
{
    const auto plainPath = dir / "content.bin";
    {
        QFile plain(QString::fromStdString(plainPath.string()));
        if (!plain.open(QIODevice::WriteOnly))
            fail("cannot write " + plainPath.string());
        for (std::uint64_t i = 0; i < mib; ++i)
            plain.write(
                reinterpret_cast<const char*>(pattern.data()), static_cast<qint64>(pattern.size()));
    }
    Title title { dir / "title-1-v1.lsc", {}, library::TitleKey::generate().versionKey(1).value(),
        mib * pattern.size() };
    library::ContainerWriter writer(
        title.key, { .titleId = 1, .version = 1, .mediaType = "video/mp4" });
    if (auto written = writer.writeFile(QString::fromStdString(plainPath.string()),
            QString::fromStdString(title.container.string()));
        !written)
        fail(written.error().message);
    std::filesystem::remove(plainPath);
    auto torrent = swarm::makeTorrent(title.container, pieceSize);
    if (!torrent)
        fail(torrent.error().message);
    title.torrent = std::move(*torrent);
    return title;
}

// Runs the owner thread's event loop until `signal` fires (or the timeout).
template <typename Signal> bool waitFor(swarm::Swarm& swarm, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    auto connection = QObject::connect(&swarm, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    return fired;
}

std::unique_ptr<lt::session> plainSession(const swarm::SwarmSettings& settings)
{
    // The plugins LibtorrentSwarm adds, nothing else; no gate.
    auto session
        = std::make_unique<lt::session>(lt::session_params(swarm::settingsPackFor(settings), {}));
    session->add_extension(&lt::create_ut_metadata_plugin);
    session->add_extension(&lt::create_smart_ban_plugin);
    session->set_peer_class_filter(swarm::peerClassFilter());
    return session;
}

lt::add_torrent_params plainParams(const Title& title, const std::filesystem::path& savePath)
{
    lt::add_torrent_params params;
    lt::error_code error;
    params.ti = std::make_shared<lt::torrent_info>(
        lt::span<const char>(reinterpret_cast<const char*>(title.torrent.torrentFile.data()),
            static_cast<long>(title.torrent.torrentFile.size())),
        error, lt::from_span);
    if (error)
        fail("libtorrent cannot read the torrent: " + error.message());
    params.save_path = savePath.string();
    return params;
}

// Seconds from adding the torrent to its completion, through LibtorrentSwarm.
double transferOurs(const swarm::SwarmSettings& settings, swarm::LibtorrentSwarm& author,
    const Title& title, const std::filesystem::path& dir)
{
    GrantEveryone policy;
    swarm::LibtorrentSwarm buyer(settings, { kChainId, keyOf(2) }, policy);
    const auto start = Clock::now();
    if (!buyer.add({ title.torrent.infohash, title.torrent.torrentFile, dir, true, false, {} })
        || !waitFor(buyer, &swarm::Swarm::torrentAdded, kTransferTimeoutMs))
        fail("the buyer could not add the torrent");
    buyer.connectPeer(title.torrent.infohash, "127.0.0.1:" + std::to_string(author.listenPort()));
    if (!waitFor(buyer, &swarm::Swarm::torrentFinished, kTransferTimeoutMs))
        fail("the gated transfer did not finish");
    return secondsSince(start);
}

// The same with two plain lt::sessions.
double transferAnchor(const swarm::SwarmSettings& settings, std::uint16_t authorPort,
    const Title& title, const std::filesystem::path& dir)
{
    auto buyer = plainSession(settings);
    // Driven as LibtorrentSwarm drives its session: added asynchronously, connected to the author
    // once the add alert is in (a peer known before the torrent starts would be connected at
    // once, one that comes later at libtorrent's next tick).
    const auto start = Clock::now();
    buyer->async_add_torrent(plainParams(title, dir));
    const auto deadline = start + std::chrono::milliseconds(kTransferTimeoutMs);
    for (;;) {
        if (Clock::now() > deadline)
            fail("the plain transfer did not finish");
        buyer->wait_for_alert(std::chrono::seconds(1));
        std::vector<lt::alert*> alerts;
        buyer->pop_alerts(&alerts);
        for (lt::alert* alert : alerts) {
            if (auto* added = lt::alert_cast<lt::add_torrent_alert>(alert))
                added->handle.connect_peer(
                    lt::tcp::endpoint(lt::make_address("127.0.0.1"), authorPort));
            else if (lt::alert_cast<lt::torrent_finished_alert>(alert))
                return secondsSince(start);
        }
    }
}

// Seconds from adding the torrent to 64 KiB of plaintext read at the middle of the title.
double firstByteAtTheMiddle(const swarm::SwarmSettings& settings, swarm::LibtorrentSwarm& author,
    const Title& title, const Bytes& pattern, const std::filesystem::path& dir)
{
    GrantEveryone policy;
    swarm::LibtorrentSwarm buyer(settings, { kChainId, keyOf(3) }, policy);
    const std::uint64_t middle = title.plaintextSize / 2 + 12345;
    const auto start = Clock::now();
    if (!buyer.add({ title.torrent.infohash, title.torrent.torrentFile, dir, true, false, {} })
        || !waitFor(buyer, &swarm::Swarm::torrentAdded, kTransferTimeoutMs))
        fail("the buyer could not add the torrent");
    buyer.connectPeer(title.torrent.infohash, "127.0.0.1:" + std::to_string(author.listenPort()));
    auto reader = std::async(std::launch::async, [&]() -> std::pair<Clock::time_point, QByteArray> {
        auto source = swarm::TorrentContainerSource::open(buyer, title.torrent.infohash, {});
        if (!source)
            fail(source.error().message);
        auto stream = library::ContainerStream::open(std::move(*source), title.key);
        if (!stream)
            fail(stream.error().message);
        if (!(*stream)->seek(static_cast<qint64>(middle)))
            fail("cannot seek to the middle");
        QByteArray bytes = (*stream)->read(64 * 1024);
        return { Clock::now(), bytes };
    });
    QEventLoop loop; // the owner thread keeps serving the swarm (the gate asks it) meanwhile
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (reader.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
            loop.quit();
    });
    poll.start(1);
    loop.exec();
    const auto [end, bytes] = reader.get();
    if (bytes.size() != 64 * 1024)
        fail("the streaming read came back short");
    for (qsizetype i = 0; i < bytes.size(); ++i)
        if (static_cast<std::uint8_t>(bytes[i])
            != pattern[(middle + static_cast<std::uint64_t>(i)) % pattern.size()])
            fail("the streaming read returned the wrong plaintext");
    return std::chrono::duration<double>(end - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    bool quick = false;
    std::uint64_t mib = 256;
    int rounds = 3;
    int samples = 7;
    std::uint32_t pieceSize = 0;
    swarm::SwarmSettings settings;
    settings.listenInterfaces = "127.0.0.1:0";
    settings.dht = false;
    settings.localDiscovery = false;
    settings.utp = false;
    settings.obfuscateOutgoing = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick")
            quick = true;
        else if (arg == "--mib" && i + 1 < argc)
            mib = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--rounds" && i + 1 < argc)
            rounds = std::atoi(argv[++i]);
        else if (arg == "--samples" && i + 1 < argc)
            samples = std::atoi(argv[++i]);
        else if (arg == "--piece" && i + 1 < argc)
            pieceSize = static_cast<std::uint32_t>(std::strtoul(argv[++i], nullptr, 10));
        else if (arg == "--utp")
            settings.utp = true;
        else if (arg == "--obfuscate")
            settings.obfuscateOutgoing = true;
        else
            fail("usage: ls-bench-swarm [--quick] [--mib N] [--rounds R] [--samples S] "
                 "[--piece BYTES] [--utp] [--obfuscate]");
    }
    if (quick) {
        mib = 8;
        rounds = 1;
        samples = 3;
    }
    if (mib == 0 || rounds < 1 || samples < 1)
        fail("bad settings");

    QTemporaryDir root;
    if (!root.isValid())
        fail("no temporary directory");
    const std::filesystem::path rootPath = root.path().toStdString();
    const auto authorDir = rootPath / "author";
    std::filesystem::create_directories(authorDir);
    const Bytes pattern = crypto::randomBytes(1 << 20);
    const Title title = makeTitle(authorDir, mib, pattern, pieceSize);
    const double megabytes = static_cast<double>(std::filesystem::file_size(title.container)) / 1e6;

    std::printf("ls-bench-swarm (%s run: %llu MiB title, %.1f MB container, %u KiB pieces; %s, "
                "obfuscation %s; ours and anchor alternated %d times, best kept)\n\n",
        quick ? "quick" : "full", static_cast<unsigned long long>(mib), megabytes,
        title.torrent.pieceSize / 1024, settings.utp ? "uTP and TCP" : "TCP only",
        settings.obfuscateOutgoing ? "on" : "off", rounds);

    // Both authors seed the same file for the whole run.
    GrantEveryone authorPolicy;
    swarm::LibtorrentSwarm author(settings, { kChainId, keyOf(1) }, authorPolicy);
    if (!author.add(
            { title.torrent.infohash, title.torrent.torrentFile, authorDir, true, true, {} })
        || !waitFor(author, &swarm::Swarm::torrentAdded, kTransferTimeoutMs))
        fail("the author could not add the torrent");
    auto plainAuthor = plainSession(settings);
    lt::add_torrent_params seeding = plainParams(title, authorDir);
    seeding.flags |= lt::torrent_flags::seed_mode;
    lt::torrent_handle plainSeed = plainAuthor->add_torrent(seeding);
    for (int i = 0; i < 1000 && plainSeed.status().state != lt::torrent_status::seeding; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));

    double bestOurs = 1e9, bestAnchor = 1e9;
    for (int round = 0; round < rounds; ++round) {
        const auto oursDir = rootPath / ("ours-" + std::to_string(round));
        const auto anchorDir = rootPath / ("anchor-" + std::to_string(round));
        const double ours = transferOurs(settings, author, title, oursDir);
        std::filesystem::remove_all(oursDir);
        const double anchor
            = transferAnchor(settings, plainAuthor->listen_port(), title, anchorDir);
        std::filesystem::remove_all(anchorDir);
        std::printf("  round %d: ours %.2f s (%.0f MB/s), anchor %.2f s (%.0f MB/s)\n", round + 1,
            ours, megabytes / ours, anchor, megabytes / anchor);
        bestOurs = std::min(bestOurs, ours);
        bestAnchor = std::min(bestAnchor, anchor);
    }
    std::printf("%-52s %8.1f MB/s | %-30s %8.1f MB/s | ratio %.2f (target >= 0.90)\n",
        "transfer: LibtorrentSwarm, gated, encrypted title", megabytes / bestOurs,
        "plain libtorrent, same file", megabytes / bestAnchor, bestAnchor / bestOurs);

    std::vector<double> firstBytes;
    for (int sample = 0; sample < samples; ++sample) {
        const auto dir = rootPath / ("stream-" + std::to_string(sample));
        firstBytes.push_back(firstByteAtTheMiddle(settings, author, title, pattern, dir));
        std::filesystem::remove_all(dir);
    }
    std::sort(firstBytes.begin(), firstBytes.end());
    std::printf("%-52s %8.1f ms median (min %.1f, max %.1f; %d runs; target: first frame <= 1 s)\n",
        "first byte at the middle of a title not downloaded",
        firstBytes[firstBytes.size() / 2] * 1e3, firstBytes.front() * 1e3, firstBytes.back() * 1e3,
        samples);
    return 0;
}
