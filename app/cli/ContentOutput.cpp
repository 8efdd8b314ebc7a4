#include "app/cli/ContentOutput.h"

#include <QJsonArray>
#include <QLocale>

#include <cstdio>
#include <memory>

namespace ls::cli::output {
namespace {

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

QString bytes(std::uint64_t count)
{
    return QLocale::c().formattedDataSize(static_cast<qint64>(count));
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

const char* stageName(api::PublishStage stage)
{
    switch (stage) {
    case api::PublishStage::Preparing:
        return "Preparing the title key and the metadata torrent…";
    case api::PublishStage::Registering:
        return "Recording it in the Catalog…";
    case api::PublishStage::Encrypting:
        return "Encrypting…";
    case api::PublishStage::Hashing:
        return "Hashing the content torrent…";
    case api::PublishStage::Seeding:
        return "Seeding…";
    }
    return "";
}

const char* downloadState(api::DownloadState state)
{
    switch (state) {
    case api::DownloadState::None:
        return "not downloaded";
    case api::DownloadState::Downloading:
        return "downloading";
    case api::DownloadState::Complete:
        return "downloaded";
    case api::DownloadState::Removed:
        return "removed";
    }
    return "";
}

// Percent steps worth a line: every 10 %.
bool newStep(int& last, std::uint64_t done, std::uint64_t total)
{
    const int step = total == 0 ? 10 : static_cast<int>(done * 10 / total);
    if (step == last)
        return false;
    last = step;
    return true;
}

} // namespace

api::Studio::Progress publishProgressPrinter(bool json)
{
    if (json)
        return nullptr;
    struct State {
        std::optional<api::PublishStage> stage;
        std::string txHash;
        int step = -1;
        bool resumed = false;
    };
    auto state = std::make_shared<State>();
    return [state](const api::PublishProgress& progress) {
        if (progress.resumed && !state->resumed) {
            state->resumed = true;
            std::fputs("Continuing the unfinished publication of this file…\n", stderr);
        }
        if (state->stage != progress.stage) {
            state->stage = progress.stage;
            state->step = -1;
            std::fprintf(stderr, "%s\n", stageName(progress.stage));
        }
        if (!progress.txHash.empty() && progress.txHash != state->txHash) {
            state->txHash = progress.txHash;
            std::fprintf(stderr, "  transaction %s\n", progress.txHash.c_str());
        }
        if (progress.stage == api::PublishStage::Encrypting && progress.total > 0
            && newStep(state->step, progress.done, progress.total))
            std::fprintf(
                stderr, "  %d%% of %s\n", state->step * 10, qPrintable(bytes(progress.total)));
    };
}

api::Library::Progress fetchProgressPrinter(bool json)
{
    if (json)
        return nullptr;
    struct State {
        std::optional<api::FetchStage> stage;
        int step = -1;
    };
    auto state = std::make_shared<State>();
    return [state](const api::FetchProgress& progress) {
        if (!progress.note.empty())
            std::fprintf(stderr, "  %s\n", progress.note.c_str());
        if (state->stage != progress.stage) {
            state->stage = progress.stage;
            switch (progress.stage) {
            case api::FetchStage::Checking:
                std::fputs("Checking the title and your licence on chain…\n", stderr);
                break;
            case api::FetchStage::Connecting:
                std::fputs("Looking for peers…\n", stderr);
                break;
            case api::FetchStage::Downloading:
                std::fputs("Downloading…\n", stderr);
                break;
            case api::FetchStage::WaitingForKey:
                std::fputs("Waiting for the title key from a licensed holder…\n", stderr);
                break;
            case api::FetchStage::Done:
                std::fputs("Content and key are here.\n", stderr);
                break;
            }
        }
        if (progress.stage == api::FetchStage::Downloading && progress.bytesTotal > 0
            && newStep(state->step, progress.bytesDone, progress.bytesTotal))
            std::fprintf(stderr, "  %d%% of %s from %d peer(s)\n", state->step * 10,
                qPrintable(bytes(progress.bytesTotal)), progress.peers);
    };
}

QString publishedText(const api::PublishedVersion& published)
{
    return QStringLiteral("Published title %1, version %2.\n"
                          "Metadata infohash: %3\nContent infohash:  %4\nContainer: %5")
        .arg(published.titleId)
        .arg(published.version)
        .arg(q(published.metadataInfohash), q(published.contentInfohash),
            bytes(published.containerSize));
}

QJsonObject publishedJson(const api::PublishedVersion& published)
{
    return { { QStringLiteral("titleId"), static_cast<qint64>(published.titleId) },
        { QStringLiteral("version"), static_cast<qint64>(published.version) },
        { QStringLiteral("metadataInfohash"), q(published.metadataInfohash) },
        { QStringLiteral("contentInfohash"), q(published.contentInfohash) },
        { QStringLiteral("containerSize"), static_cast<qint64>(published.containerSize) } };
}

QString libraryText(const std::vector<api::LibraryTitle>& titles,
    const std::vector<api::UnfinishedPublication>& unfinished)
{
    QString text = titles.empty() ? QStringLiteral("The library is empty.") : QString();
    for (const api::LibraryTitle& title : titles) {
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += QStringLiteral("Title %1: %2%3%4\n  by %5, %6\n")
                    .arg(title.titleId)
                    .arg(title.title.empty() ? QStringLiteral("(metadata not here yet)")
                                             : q(title.title))
                    .arg(title.mediaType.empty() ? QString()
                                                 : QStringLiteral(" [%1]").arg(q(title.mediaType)))
                    .arg(title.authoredHere ? QStringLiteral(" — yours") : QString())
                    .arg(title.authors.empty() ? q(title.author)
                                               : QStringLiteral("%1 (%2)").arg(
                                                   q(joined(title.authors)), q(title.author)))
                    .arg(title.hasKey ? QStringLiteral("key held") : QStringLiteral("no key yet"));
        for (const api::LibraryVersion& version : title.versions)
            text += QStringLiteral("  version %1: %2, %3%4\n")
                        .arg(version.number)
                        .arg(QString::fromLatin1(downloadState(version.download)),
                            bytes(version.size))
                        .arg(version.note.empty() ? QString()
                                                  : QStringLiteral(" — ") + q(version.note));
    }
    for (const api::UnfinishedPublication& job : unfinished)
        text += QStringLiteral("\nUnfinished publication %1: %2 (%3)%4")
                    .arg(q(job.id), q(job.title), q(job.file))
                    .arg(job.titleId ? QStringLiteral(", title %1").arg(job.titleId) : QString());
    return text;
}

QJsonObject libraryJson(const std::vector<api::LibraryTitle>& titles,
    const std::vector<api::UnfinishedPublication>& unfinished)
{
    QJsonArray list;
    for (const api::LibraryTitle& title : titles) {
        QJsonArray versions;
        for (const api::LibraryVersion& version : title.versions)
            versions.append(QJsonObject {
                { QStringLiteral("number"), static_cast<qint64>(version.number) },
                { QStringLiteral("contentInfohash"), q(version.contentInfohash) },
                { QStringLiteral("size"), static_cast<qint64>(version.size) },
                { QStringLiteral("note"), q(version.note) },
                { QStringLiteral("download"),
                    QString::fromLatin1(downloadState(version.download)) },
                { QStringLiteral("bytesVerified"), static_cast<qint64>(version.bytesVerified) } });
        QJsonArray authors;
        for (const auto& name : title.authors)
            authors.append(q(name));
        list.append(QJsonObject { { QStringLiteral("titleId"), static_cast<qint64>(title.titleId) },
            { QStringLiteral("title"), q(title.title) }, { QStringLiteral("authors"), authors },
            { QStringLiteral("subject"), q(title.subject) },
            { QStringLiteral("mediaType"), q(title.mediaType) },
            { QStringLiteral("author"), q(title.author) },
            { QStringLiteral("authoredHere"), title.authoredHere },
            { QStringLiteral("hasKey"), title.hasKey },
            { QStringLiteral("metadataInfohash"), q(title.metadataInfohash) },
            { QStringLiteral("versions"), versions } });
    }
    QJsonArray jobs;
    for (const api::UnfinishedPublication& job : unfinished)
        jobs.append(QJsonObject { { QStringLiteral("id"), q(job.id) },
            { QStringLiteral("file"), q(job.file) }, { QStringLiteral("title"), q(job.title) },
            { QStringLiteral("titleId"), static_cast<qint64>(job.titleId) } });
    return { { QStringLiteral("titles"), list }, { QStringLiteral("unfinished"), jobs } };
}

} // namespace ls::cli::output
