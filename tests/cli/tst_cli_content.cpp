// The "done when", from the command line: two profiles on one machine — an author and a
// reader — publish, buy and fetch a real PDF and a real MP4, and the reader's copies are
// byte-identical; a third profile without a licence gets nothing. `publish --seed` and `seed`
// serve until SIGTERM; `library` shows what each profile holds. Real `lightstreams-node --dev`,
// the CLI run as processes with temporary profiles, swarms on 127.0.0.1.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/DevNetwork.h"
#include "tests/support/SamplePdf.h"
#include <memory>

using namespace ls::testing;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

const QString kSwarm[] = { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
    QStringLiteral("--no-discovery") };

QByteArray fileContents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliContent : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DevNetwork m_node;
    QString m_pdf;
    QString m_mp4;

    QStringList base(const QString& profile) const
    {
        return { QStringLiteral("--datadir"), m_dir.filePath(QStringLiteral("profiles")),
            QStringLiteral("--profile"), profile };
    }

    Run cli(const QString& profile, const QStringList& arguments, const QString& input = {})
    {
        QProcess process;
        process.start(QStringLiteral(LS_CLI_PATH), base(profile) + arguments);
        process.write(input.toUtf8());
        process.closeWriteChannel();
        if (!process.waitForFinished(180'000))
            return {};
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
            QString::fromUtf8(process.readAllStandardError()).trimmed() };
    }

    // A command that keeps serving: started, its first line of JSON read, left running.
    std::unique_ptr<QProcess> serve(const QString& profile, const QStringList& arguments,
        const QString& input, QJsonObject& first)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QStringLiteral(LS_CLI_PATH),
            base(profile) + QStringList { QStringLiteral("--json") } + arguments);
        process->write(input.toUtf8());
        process->closeWriteChannel();
        const bool answered = QTest::qWaitFor(
            [&] { return process->canReadLine() || process->state() == QProcess::NotRunning; },
            180'000);
        if (answered && process->canReadLine())
            first = QJsonDocument::fromJson(process->readLine()).object();
        return process;
    }

    static bool stop(QProcess& process)
    {
        process.terminate(); // SIGTERM
        return process.waitForFinished(30'000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_node.start());
        const QString network = QString::fromStdString(m_node.profilePath().string());
        QCOMPARE(
            cli(QStringLiteral("dev"),
                { QStringLiteral("wallet"), QStringLiteral("import"),
                    QStringLiteral("--light-kdf") },
                QString::fromLatin1(kDevPhrase.data()) + QStringLiteral("\ndevpass\ndevpass\n"))
                .exitCode,
            0);
        QCOMPARE(cli(QStringLiteral("dev"),
                     { QStringLiteral("network"), QStringLiteral("use"), network })
                     .exitCode,
            0);
        for (const QString& name :
            { QStringLiteral("author"), QStringLiteral("reader"), QStringLiteral("stranger") }) {
            auto made = cli(name,
                { QStringLiteral("--json"), QStringLiteral("wallet"), QStringLiteral("new"),
                    QStringLiteral("--light-kdf") },
                name + QStringLiteral("pass\n") + name + QStringLiteral("pass\n"));
            QCOMPARE(made.exitCode, 0);
            QCOMPARE(
                cli(name, { QStringLiteral("network"), QStringLiteral("use"), network }).exitCode,
                0);
            auto sent = cli(QStringLiteral("dev"),
                { QStringLiteral("send"), made.json().value(QStringLiteral("address")).toString(),
                    QStringLiteral("50") },
                QStringLiteral("devpass\n"));
            QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        }
        m_pdf = m_dir.filePath(QStringLiteral("sample.pdf"));
        QFile pdf(m_pdf);
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        pdf.write(samplePdf());
        pdf.close();
        // tests/data: the media every module's tests share (LS_TEST_DATA_DIR is this folder's).
        m_mp4 = QDir::cleanPath(QStringLiteral(LS_TEST_DATA_DIR "/../../data/sample.mp4"));
        QVERIFY(fileContents(m_mp4).startsWith(QByteArray("\0\0\0", 3)));
    }

    void anAuthorAndAReaderPublishBuyAndFetchAPdfAndAnMp4()
    {
        // The PDF: published and served by one process until it is told to stop.
        QJsonObject published;
        auto author = serve(QStringLiteral("author"),
            QStringList { QStringLiteral("publish"), m_pdf, QStringLiteral("--title"),
                QStringLiteral("A sample book"), QStringLiteral("--price"), QStringLiteral("1.5"),
                QStringLiteral("--subject"), QStringLiteral("Books"),
                QStringLiteral("--author-name"), QStringLiteral("Ada Lovelace"),
                QStringLiteral("--sample"), m_pdf, QStringLiteral("--seed") }
                + QStringList(std::begin(kSwarm), std::end(kSwarm)),
            QStringLiteral("authorpass\n"), published);
        const QString pdfId
            = QString::number(published.value(QStringLiteral("titleId")).toInteger());
        const int authorPort = published.value(QStringLiteral("listenPort")).toInt();
        QVERIFY2(published.value(QStringLiteral("titleId")).toInteger() >= 1,
            QJsonDocument(published).toJson().constData());
        QVERIFY(published.value(QStringLiteral("metadataInfohash"))
                    .toString()
                    .startsWith(QStringLiteral("0x")));
        QVERIFY(published.value(QStringLiteral("contentInfohash")).toString().size() == 66);
        QVERIFY(authorPort > 0);
        const QString authorPeer = QStringLiteral("127.0.0.1:%1").arg(authorPort);

        auto bought = cli(QStringLiteral("reader"), { QStringLiteral("buy"), pdfId },
            QStringLiteral("readerpass\n"));
        QVERIFY2(bought.exitCode == 0, qPrintable(bought.err));
        const QString bookCopy = m_dir.filePath(QStringLiteral("reader-book.pdf"));
        auto fetched = cli(QStringLiteral("reader"),
            QStringList { QStringLiteral("fetch"), pdfId, QStringLiteral("--out"), bookCopy,
                QStringLiteral("--peer"), authorPeer }
                + QStringList(std::begin(kSwarm), std::end(kSwarm)),
            QStringLiteral("readerpass\n"));
        QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
        QVERIFY2(fetched.err.contains(QStringLiteral("Content and key are here")),
            qPrintable(fetched.err));
        QVERIFY(fetched.out.contains(QStringLiteral("application/pdf")));
        QCOMPARE(fileContents(bookCopy), fileContents(m_pdf));

        // No licence, nothing: not the content, not even an empty file.
        const QString strangerCopy = m_dir.filePath(QStringLiteral("stranger-book.pdf"));
        auto refused = cli(QStringLiteral("stranger"),
            QStringList { QStringLiteral("fetch"), pdfId, QStringLiteral("--out"), strangerCopy,
                QStringLiteral("--peer"), authorPeer }
                + QStringList(std::begin(kSwarm), std::end(kSwarm)),
            QStringLiteral("strangerpass\n"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("holds no licence")), qPrintable(refused.err));
        QVERIFY(!QFile::exists(strangerCopy));
        QVERIFY(stop(*author));

        // The MP4: published without serving (human output), then the whole library served.
        auto video = cli(QStringLiteral("author"),
            QStringList { QStringLiteral("publish"), m_mp4, QStringLiteral("--title"),
                QStringLiteral("A sample clip"), QStringLiteral("--price"), QStringLiteral("2") }
                + QStringList(std::begin(kSwarm), std::end(kSwarm)),
            QStringLiteral("authorpass\n"));
        QVERIFY2(video.exitCode == 0, qPrintable(video.err));
        QVERIFY2(video.err.contains(QStringLiteral("Encrypting")), qPrintable(video.err));
        QVERIFY(video.out.startsWith(QStringLiteral("Published title ")));
        const QString clipId
            = video.out.section(QLatin1Char(' '), 2, 2).section(QLatin1Char(','), 0, 0);
        QVERIFY(clipId.toInt() > pdfId.toInt());

        QJsonObject seeding;
        auto seeder = serve(QStringLiteral("author"),
            QStringList { QStringLiteral("seed") }
                + QStringList(std::begin(kSwarm), std::end(kSwarm)),
            QStringLiteral("authorpass\n"), seeding);
        QCOMPARE(seeding.value(QStringLiteral("torrents")).toInt(), 4); // 2 × (metadata, content)
        const QString seedPeer = QStringLiteral("127.0.0.1:%1")
                                     .arg(seeding.value(QStringLiteral("listenPort")).toInt());

        QVERIFY(cli(QStringLiteral("reader"), { QStringLiteral("buy"), clipId },
                    QStringLiteral("readerpass\n"))
                    .exitCode
            == 0);
        const QString clipCopy = m_dir.filePath(QStringLiteral("reader-clip.mp4"));
        auto clip = cli(QStringLiteral("reader"),
            QStringList { QStringLiteral("--json"), QStringLiteral("fetch"), clipId,
                QStringLiteral("--out"), clipCopy, QStringLiteral("--peer"), seedPeer }
                + QStringList(std::begin(kSwarm), std::end(kSwarm)),
            QStringLiteral("readerpass\n"));
        QVERIFY2(clip.exitCode == 0, qPrintable(clip.err));
        QCOMPARE(
            clip.json().value(QStringLiteral("mediaType")).toString(), QStringLiteral("video/mp4"));
        QCOMPARE(fileContents(clipCopy), fileContents(m_mp4));
        QVERIFY(stop(*seeder));

        auto library
            = cli(QStringLiteral("reader"), { QStringLiteral("--json"), QStringLiteral("library") },
                QStringLiteral("readerpass\n"));
        QVERIFY2(library.exitCode == 0, qPrintable(library.err));
        const QJsonArray titles = library.json().value(QStringLiteral("titles")).toArray();
        QCOMPARE(titles.size(), 2);
        for (const QJsonValue& title : titles) {
            QVERIFY(title.toObject().value(QStringLiteral("hasKey")).toBool());
            QVERIFY(!title.toObject().value(QStringLiteral("authoredHere")).toBool());
            QCOMPARE(title.toObject()
                         .value(QStringLiteral("versions"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("download"))
                         .toString(),
                QStringLiteral("downloaded"));
        }
        QStringList names;
        for (const QJsonValue& title : titles)
            names << title.toObject().value(QStringLiteral("title")).toString();
        names.sort();
        QCOMPARE(names,
            (QStringList { QStringLiteral("A sample book"), QStringLiteral("A sample clip") }));

        auto authorLibrary = cli(QStringLiteral("author"), { QStringLiteral("library") },
            QStringLiteral("authorpass\n"));
        QVERIFY2(authorLibrary.exitCode == 0, qPrintable(authorLibrary.err));
        QVERIFY(
            authorLibrary.out.contains(QStringLiteral("A sample book [application/pdf] — yours")));
        QVERIFY(authorLibrary.out.contains(QStringLiteral("A sample clip [video/mp4] — yours")));

        auto wrong = cli(QStringLiteral("reader"), { QStringLiteral("library") },
            QStringLiteral("not the passphrase\n"));
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("passphrase"), Qt::CaseInsensitive),
            qPrintable(wrong.err));
    }

    void mistakesAreClearErrors()
    {
        auto noTitle = cli(QStringLiteral("author"), { QStringLiteral("publish"), m_pdf });
        QCOMPARE(noTitle.exitCode, 1);
        QVERIFY(noTitle.err.contains(QStringLiteral("--title")));
        auto noOut
            = cli(QStringLiteral("reader"), { QStringLiteral("fetch"), QStringLiteral("1") });
        QCOMPARE(noOut.exitCode, 1);
        QVERIFY(noOut.err.contains(QStringLiteral("--out")));
        auto missing = cli(QStringLiteral("author"),
            QStringList { QStringLiteral("publish"), m_dir.filePath(QStringLiteral("nothing.pdf")),
                QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--price"),
                QStringLiteral("1") }
                + QStringList(std::begin(kSwarm), std::end(kSwarm)),
            QStringLiteral("authorpass\n"));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no file")), qPrintable(missing.err));
        // A sample that is not one of the formats readers can open: refused, nothing published.
        const QString notASample = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile text(notASample);
        QVERIFY(text.open(QIODevice::WriteOnly) && text.write("just some notes\n") > 0);
        text.close();
        auto badSample = cli(QStringLiteral("author"),
            QStringList { QStringLiteral("publish"), m_pdf, QStringLiteral("--title"),
                QStringLiteral("x"), QStringLiteral("--price"), QStringLiteral("1"),
                QStringLiteral("--sample"), notASample }
                + QStringList(std::begin(kSwarm), std::end(kSwarm)),
            QStringLiteral("authorpass\n"));
        QCOMPARE(badSample.exitCode, 1);
        QVERIFY2(badSample.err.contains(QStringLiteral("The sample must be")),
            qPrintable(badSample.err));
    }
};

QTEST_GUILESS_MAIN(TestCliContent)
#include "tst_cli_content.moc"
