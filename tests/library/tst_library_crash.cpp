// Safe against `kill -9` at any moment: this test binary re-runs itself as a writer that commits
// multi-table changes in a loop (or keeps changing the passphrase) and reports each commit on
// stdout; the test SIGKILLs it at random moments, then checks that the library opens, passes the
// integrity check, holds every change reported committed, and holds no half-made change.
#include "core/crypto/Random.h"

#include <QCoreApplication>
#include <QProcess>

#include "tst_library_support.h"
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

namespace {

constexpr std::string_view kWriterFlag = "--library-writer";
constexpr std::string_view kPassphraseFlag = "--library-passphrase-changer";
constexpr const char* kPassphrase = "crash test";
constexpr const char* kOtherPassphrase = "crash test, changed";
const crypto::pwhash::Params kQuickParams { 1, 1 << 20 }; // many changes per second

void report(const std::string& line)
{
    // One write(2) per line: a pipe delivers it whole or not at all.
    std::string text = line + "\n";
    if (::write(STDOUT_FILENO, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        std::_Exit(3);
}

// One purchase-sized change: title, two versions, key, download, bookmark and a page read.
Result<void> addRecord(Library& library, std::uint64_t id)
{
    auto transaction = library.beginTransaction();
    if (!transaction)
        return std::unexpected(transaction.error());
    auto versions = std::vector { sampleVersion(id, 1), sampleVersion(id, 2) };
    if (auto added = library.titles().add(sampleTitle(id), versions); !added)
        return std::unexpected(added.error());
    if (auto stored = library.titles().storeKey(id, sampleKey(id)); !stored)
        return stored;
    if (auto begun
        = library.downloads().begin(id, 1, "content/" + std::to_string(id) + ".lsc", 1 << 20);
        !begun)
        return std::unexpected(begun.error());
    if (auto progress = library.downloads().recordProgress(id, 1, id, Bytes { 0x80 }); !progress)
        return progress;
    if (auto mark = library.reading().addBookmark(id, 1, "page=1", "record " + std::to_string(id));
        !mark)
        return std::unexpected(mark.error());
    if (auto read = library.reading().recordPageRead(id, 1, 1, 1); !read)
        return std::unexpected(read.error());
    return transaction->commit();
}

int runWriter(const std::filesystem::path& profile)
{
    auto library = Library::open(profile, text(kPassphrase), lightOptions());
    if (!library) {
        std::fprintf(stderr, "writer: %s\n", library.error().message.c_str());
        return 2;
    }
    auto next = library->titles().count();
    if (!next)
        return 2;
    for (std::uint64_t id = *next + 1;; ++id) {
        if (auto added = addRecord(*library, id); !added) {
            std::fprintf(stderr, "writer: %s\n", added.error().message.c_str());
            return 2;
        }
        report("committed " + std::to_string(id));
    }
}

int runPassphraseChanger(const std::filesystem::path& profile)
{
    // Whichever passphrase currently opens it.
    const char* current = kPassphrase;
    auto library = Library::open(profile, text(current), lightOptions());
    if (!library && library.error().kind == ErrorKind::WrongPassphrase) {
        current = kOtherPassphrase;
        library = Library::open(profile, text(current), lightOptions());
    }
    if (!library) {
        std::fprintf(stderr, "changer: %s\n", library.error().message.c_str());
        return 2;
    }
    report("ready");
    while (true) {
        const char* next = current == kPassphrase ? kOtherPassphrase : kPassphrase;
        if (auto changed = library->changePassphrase(text(current), text(next), kQuickParams);
            !changed) {
            std::fprintf(stderr, "changer: %s\n", changed.error().message.c_str());
            return 2;
        }
        current = next;
        report(std::string("passphrase ") + (current == kPassphrase ? "first" : "second"));
    }
}

// The complete lines the child wrote, up to and including its death.
std::vector<std::string> completeLines(const QByteArray& output)
{
    std::vector<std::string> lines;
    qsizetype start = 0;
    for (qsizetype end = output.indexOf('\n'); end >= 0; end = output.indexOf('\n', start)) {
        lines.push_back(output.mid(start, end - start).toStdString());
        start = end + 1;
    }
    return lines;
}

void sleepRandomly(std::uint32_t upToMicroseconds)
{
    std::this_thread::sleep_for(
        std::chrono::microseconds(crypto::randomUniform(upToMicroseconds + 1)));
}

} // namespace

class TestLibraryCrash : public QObject {
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;

    std::filesystem::path profile() const { return profileOf(*m_dir); }

    void startChild(QProcess& child, std::string_view mode)
    {
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({ QString::fromUtf8(mode.data(), static_cast<qsizetype>(mode.size())),
            QString::fromStdString(profile().string()) });
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start();
        QVERIFY(child.waitForStarted());
    }

    // Reads stdout until `lines` complete lines have arrived (or the child exits).
    static QByteArray waitForLines(QProcess& child, std::size_t lines)
    {
        QByteArray output;
        while (static_cast<std::size_t>(output.count('\n')) < lines) {
            if (!child.waitForReadyRead(30'000))
                break;
            output += child.readAllStandardOutput();
        }
        return output;
    }

    static QByteArray killAndCollect(QProcess& child, QByteArray output)
    {
        child.kill(); // SIGKILL
        child.waitForFinished(30'000);
        output += child.readAllStandardOutput();
        return output;
    }

    // After a kill: the library opens (which runs the integrity check), holds every record the
    // writer reported, and every record it holds is whole.
    void checkLibrary(std::uint64_t reported)
    {
        auto library = Library::open(profile(), text(kPassphrase), lightOptions());
        LS_VERIFY_OK(library);
        LS_VERIFY_OK(library->checkIntegrity());
        auto count = library->titles().count();
        LS_VERIFY_OK(count);
        QVERIFY2(*count >= reported,
            (std::to_string(*count) + " titles but " + std::to_string(reported) + " reported")
                .c_str());
        auto entries = library->shelf().entries();
        LS_VERIFY_OK(entries);
        QCOMPARE(entries->size(), *count);
        for (std::uint64_t id = 1; id <= *count; ++id) {
            // Ids are contiguous: a record is there entirely or not at all.
            auto title = library->titles().title(id);
            LS_VERIFY_OK(title);
            QCOMPARE(library->titles().versions(id).value().size(), 2u);
            auto key = library->titles().key(id);
            LS_VERIFY_OK(key);
            QVERIFY(std::ranges::equal(key->bytes(), sampleKey(id).bytes()));
            auto download = library->downloads().download(id, 1);
            LS_VERIFY_OK(download);
            QCOMPARE(download->state, DownloadState::Downloading);
            QCOMPARE(download->bytesVerified, id);
            QCOMPARE(library->reading().bookmarks(id, 1).value().size(), 1u);
            QCOMPARE(library->reading().pageReads(id).value().size(), 1u);
        }
    }

private Q_SLOTS:
    void init() { m_dir.emplace(); }

    void writerKilledAtRandomMomentsLosesNothingCommitted()
    {
        std::uint64_t reported = 0;
        constexpr int kRounds = 8;
        for (int round = 0; round < kRounds; ++round) {
            QProcess child;
            startChild(child, kWriterFlag);
            QByteArray output;
            if (round == 0) {
                // Anywhere from before the library exists to the first commits: creation must be
                // atomic too.
                sleepRandomly(400'000);
            } else {
                output = waitForLines(child, 1 + crypto::randomUniform(30));
                sleepRandomly(20'000);
            }
            QVERIFY2(child.state() == QProcess::Running,
                child.readAllStandardError().toStdString().c_str());
            output = killAndCollect(child, output);
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            // Within a round ids follow each other; a round may start one further on than the
            // last report when the previous child died between its commit and its report.
            std::optional<std::uint64_t> previous;
            for (const auto& line : completeLines(output)) {
                QVERIFY2(line.starts_with("committed "), line.c_str());
                std::uint64_t id = std::stoull(line.substr(10));
                QVERIFY(id > reported);
                if (previous)
                    QCOMPARE(id, *previous + 1);
                previous = reported = id;
            }
            checkLibrary(reported);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(reported >= kRounds - 1, std::to_string(reported).c_str());
    }

    void passphraseChangeKilledAtRandomMomentsLeavesOneWorkingPassphrase()
    {
        // A library with content, so a lost master key would show as unreadable title keys.
        {
            auto library = Library::open(profile(), text(kPassphrase), lightOptions());
            LS_VERIFY_OK(library);
            if (!library->titles().contains(1000).value())
                LS_VERIFY_OK(addRecord(*library, 1000));
        }
        for (int round = 0; round < 6; ++round) {
            QProcess child;
            startChild(child, kPassphraseFlag);
            QByteArray output = waitForLines(child, 1 + crypto::randomUniform(4));
            sleepRandomly(30'000);
            QVERIFY2(child.state() == QProcess::Running,
                child.readAllStandardError().toStdString().c_str());
            output = killAndCollect(child, output);
            auto lines = completeLines(output);
            QVERIFY(!lines.empty());
            QCOMPARE(lines.front(), std::string("ready"));

            // The last reported passphrase works, unless one more change committed unreported,
            // in which case the other one does. Never neither, never a damaged file.
            const char* reportedPassphrase = kPassphrase;
            if (lines.size() > 1)
                reportedPassphrase
                    = lines.back() == "passphrase first" ? kPassphrase : kOtherPassphrase;
            const char* other = reportedPassphrase == kPassphrase ? kOtherPassphrase : kPassphrase;
            auto library = Library::open(profile(), text(reportedPassphrase), lightOptions());
            if (!library) {
                QCOMPARE(library.error().kind, ErrorKind::WrongPassphrase);
                library = Library::open(profile(), text(other), lightOptions());
                LS_VERIFY_OK(library);
                reportedPassphrase = other;
            }
            LS_VERIFY_OK(library->checkIntegrity());
            auto key = library->titles().key(1000);
            LS_VERIFY_OK(key);
            QVERIFY(std::ranges::equal(key->bytes(), sampleKey(1000).bytes()));
            // Leave it on the first passphrase for the next round's writer test and child.
            if (reportedPassphrase != kPassphrase)
                LS_VERIFY_OK(
                    library->changePassphrase(text(reportedPassphrase), text(kPassphrase)));
        }
    }
};

int main(int argc, char** argv)
{
    if (argc == 3 && argv[1] == kWriterFlag)
        return runWriter(argv[2]);
    if (argc == 3 && argv[1] == kPassphraseFlag)
        return runPassphraseChanger(argv[2]);
    QCoreApplication app(argc, argv);
    TestLibraryCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_library_crash.moc"
