// The walk-through, as a new user would do it: `lightstreams-node --dev` plus the CLI
// create wallets, receive funds, publish a title record, buy it from a second wallet and show
// the licence, every answer verified by the CLI's light client. Real processes, temporary
// profiles.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/DevNetwork.h"

using namespace ls::testing;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

const QString kContent = QStringLiteral("0x") + QString(64, QLatin1Char('c'));

} // namespace

class TestCliChain : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DevNetwork m_node;
    QString m_author;
    QString m_reader;

    Run cli(const QString& profile, const QStringList& arguments, const QString& input = {})
    {
        QProcess process;
        QStringList all { QStringLiteral("--datadir"), m_dir.path(), QStringLiteral("--profile"),
            profile };
        all += arguments;
        process.start(QStringLiteral(LS_CLI_PATH), all);
        process.write(input.toUtf8());
        process.closeWriteChannel();
        if (!process.waitForFinished(120'000))
            return {};
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
            QString::fromUtf8(process.readAllStandardError()).trimmed() };
    }

    Run json(const QString& profile, QStringList arguments, const QString& input = {})
    {
        arguments.prepend(QStringLiteral("--json"));
        return cli(profile, arguments, input);
    }

    QString newWallet(const QString& profile, const QString& passphrase)
    {
        auto run = json(profile,
            { QStringLiteral("wallet"), QStringLiteral("new"), QStringLiteral("--light-kdf") },
            passphrase + QLatin1Char('\n') + passphrase + QLatin1Char('\n'));
        return run.json().value(QStringLiteral("address")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_node.start());
        const QString profile = QString::fromStdString(m_node.profilePath().string());
        auto imported = cli(QStringLiteral("dev"),
            { QStringLiteral("wallet"), QStringLiteral("import"), QStringLiteral("--light-kdf") },
            QString::fromLatin1(kDevPhrase.data()) + QStringLiteral("\ndevpass\ndevpass\n"));
        QCOMPARE(imported.exitCode, 0);
        m_author = newWallet(QStringLiteral("author"), QStringLiteral("authorpass"));
        m_reader = newWallet(QStringLiteral("reader"), QStringLiteral("readerpass"));
        QVERIFY(m_author.startsWith(QStringLiteral("0x")));
        QVERIFY(m_reader.startsWith(QStringLiteral("0x")));
        for (const QString& name : { QStringLiteral("dev"), QStringLiteral("author"),
                 QStringLiteral("reader") })
            QCOMPARE(cli(name, { QStringLiteral("network"), QStringLiteral("use"), profile })
                         .exitCode,
                0);
    }

    void withoutANetworkTheCliSaysHowToChooseOne()
    {
        auto run = cli(QStringLiteral("nobody"), { QStringLiteral("balance"), m_author });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("network use FILE")), qPrintable(run.err));
    }

    void fundsArriveAndBalancesAreProven()
    {
        for (const QString& to : { m_author, m_reader }) {
            auto sent = json(QStringLiteral("dev"), { QStringLiteral("send"), to, QStringLiteral("10.5") },
                QStringLiteral("devpass\n"));
            QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
            QVERIFY(sent.json().value(QStringLiteral("succeeded")).toBool());
        }
        auto balance = json(QStringLiteral("reader"), { QStringLiteral("balance") });
        QCOMPARE(balance.exitCode, 0);
        QCOMPARE(balance.json().value(QStringLiteral("balance")).toString(),
            QStringLiteral("10500000000000000000"));
        QVERIFY(balance.json().value(QStringLiteral("proof")).toObject().value(
                    QStringLiteral("height")).toInt() > 0);

        auto human = cli(QStringLiteral("reader"), { QStringLiteral("balance") });
        QVERIFY2(human.out.contains(QStringLiteral("10.5 PHT")), qPrintable(human.out));
        QVERIFY(human.out.contains(QStringLiteral("verified at block")));
    }

    void aWrongPassphraseSendsNothing()
    {
        auto run = cli(QStringLiteral("reader"), { QStringLiteral("send"), m_author, QStringLiteral("1") },
            QStringLiteral("not-it\n"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("passphrase"), Qt::CaseInsensitive), qPrintable(run.err));
        auto balance = json(QStringLiteral("reader"), { QStringLiteral("balance") });
        QCOMPARE(balance.json().value(QStringLiteral("nonce")).toInt(), 0);
    }

    void publishBuyAndShowTheLicence()
    {
        auto published = json(QStringLiteral("author"),
            { QStringLiteral("title"), QStringLiteral("publish-record"), QStringLiteral("--price"),
                QStringLiteral("2.5"), QStringLiteral("--subject"), QStringLiteral("Poetry"),
                QStringLiteral("--content-infohash"), kContent, QStringLiteral("--size"),
                QStringLiteral("4096"), QStringLiteral("--note"), QStringLiteral("first edition") },
            QStringLiteral("authorpass\n"));
        QVERIFY2(published.exitCode == 0, qPrintable(published.err));
        const int titleId = published.json().value(QStringLiteral("titleId")).toInt();
        QVERIFY(titleId >= 1);
        QCOMPARE(published.json().value(QStringLiteral("version")).toInt(), 1);
        const QString id = QString::number(titleId);

        auto title = json(QStringLiteral("reader"), { QStringLiteral("title"), id });
        QCOMPARE(title.exitCode, 0);
        QCOMPARE(title.json().value(QStringLiteral("author")).toString(), m_author);
        QCOMPARE(title.json().value(QStringLiteral("price")).toString(),
            QStringLiteral("2500000000000000000"));
        const QJsonArray versions = title.json().value(QStringLiteral("versions")).toArray();
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions.at(0).toObject().value(QStringLiteral("contentInfohash")).toString(),
            kContent);

        auto none = cli(QStringLiteral("reader"), { QStringLiteral("licence"), id });
        QCOMPARE(none.exitCode, 1);
        QVERIFY(none.err.contains(QStringLiteral("holds no licence")));

        auto bought = json(QStringLiteral("reader"), { QStringLiteral("buy"), id },
            QStringLiteral("readerpass\n"));
        QVERIFY2(bought.exitCode == 0, qPrintable(bought.err));
        QCOMPARE(bought.json().value(QStringLiteral("buyer")).toString(), m_reader);

        auto licence = json(QStringLiteral("author"), { QStringLiteral("licence"), id, m_reader });
        QCOMPARE(licence.exitCode, 0);
        QCOMPARE(licence.json().value(QStringLiteral("price")).toString(),
            QStringLiteral("2500000000000000000"));
        QCOMPARE(licence.json().value(QStringLiteral("versionAtPurchase")).toInt(), 1);
        QCOMPARE(licence.json().value(QStringLiteral("buyerBoxKey")).toString(),
            bought.json().value(QStringLiteral("buyerBoxKey")).toString());

        auto again = cli(QStringLiteral("reader"), { QStringLiteral("buy"), id },
            QStringLiteral("readerpass\n"));
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("already holds a licence")));

        // The purchase is final: its receipt is proven by hash, from any profile.
        const QString hash = bought.json()
                                 .value(QStringLiteral("purchase"))
                                 .toObject()
                                 .value(QStringLiteral("txHash"))
                                 .toString();
        auto tx = json(QStringLiteral("author"), { QStringLiteral("tx"), hash });
        QCOMPARE(tx.exitCode, 0);
        QVERIFY(tx.json().value(QStringLiteral("succeeded")).toBool());

        // Only the author changes the price.
        auto stolen = cli(QStringLiteral("reader"),
            { QStringLiteral("title"), QStringLiteral("set-price"), id, QStringLiteral("0") },
            QStringLiteral("readerpass\n"));
        QCOMPARE(stolen.exitCode, 1);
        QVERIFY(stolen.err.contains(QStringLiteral("only its author")));
        auto repriced = cli(QStringLiteral("author"),
            { QStringLiteral("title"), QStringLiteral("set-price"), id, QStringLiteral("3") },
            QStringLiteral("authorpass\n"));
        QVERIFY2(repriced.exitCode == 0, qPrintable(repriced.err));
        QVERIFY(repriced.out.contains(QStringLiteral("now costs 3 PHT")));
    }

    void mistakesAreUsageErrorsWithClearMessages()
    {
        auto amount = cli(QStringLiteral("dev"), { QStringLiteral("send"), m_author, QStringLiteral("lots") });
        QCOMPARE(amount.exitCode, 1);
        QVERIFY(amount.err.contains(QStringLiteral("not a number of PHT")));
        auto id = cli(QStringLiteral("dev"), { QStringLiteral("buy"), QStringLiteral("zero") });
        QCOMPARE(id.exitCode, 1);
        QVERIFY(id.err.contains(QStringLiteral("title id")));
        auto missing = cli(QStringLiteral("dev"), { QStringLiteral("title"), QStringLiteral("999999") });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("proven absent")));
        auto usage = cli(QStringLiteral("dev"), { QStringLiteral("send") });
        QCOMPARE(usage.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliChain)
#include "tst_cli_chain.moc"
