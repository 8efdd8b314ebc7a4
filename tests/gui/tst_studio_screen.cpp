// The Studio screen over real services: an author with a real wallet, light client, market and
// content session (library database, loopback swarm) against a real `lightstreams-node --dev`.
// Through the widgets only: the publish wizard (file, metadata with its limits, cover, sample,
// price, review, each stage), My titles with the proven facts, a sale showing up, a new price, a
// new version, delisting, the CSV export, and a cancelled publication that Resume completes.
#include "core/codec/Hex.h"
#include "core/localnet/DemoMaterial.h"
#include "core/market/ContentPaths.h"
#include "core/market/TitleMetadataDocument.h"
#include "core/swarm/TorrentMaker.h"
#include "core/util/AtomicFile.h"
#include "ui/studio/PublishJobDialog.h"
#include "ui/studio/PublishProgressView.h"
#include "ui/studio/PublishWizard.h"
#include "ui/studio/SalesChart.h"
#include "ui/studio/StudioPage.h"

#include <QFileDialog>
#include <QGroupBox>
#include <QImage>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>

#include "tests/gui/GuiTestSupport.h"
#include "tests/market/ContentTestSupport.h"
#include <algorithm>
#include <set>

using namespace ls;
using namespace ls::testing;

namespace {

const QString kSampleBook = QStringLiteral(LS_TEST_DATA_DIR "/sample-book.pdf");

struct SeenStage {
    api::PublishStage stage;
    QString txHash;
};

} // namespace

class TestStudioScreen : public QObject {
    Q_OBJECT

private:
    QTableWidget* titlesTable() { return widget<QTableWidget>(m_page.get(), "studioTitles"); }

    // The row of My titles that shows `name`; -1 when there is none.
    int rowOf(const QString& name)
    {
        auto* table = titlesTable();
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0) && table->item(row, 0)->text() == name)
                return row;
        return -1;
    }
    QString cellText(const QString& name, int column)
    {
        const int row = rowOf(name);
        auto* item = row < 0 ? nullptr : titlesTable()->item(row, column);
        return item ? item->text() : QString();
    }

    template <typename Dialog> Dialog* openDialog(const char* button, const char* name)
    {
        click(widget<QPushButton>(m_page.get(), button));
        Dialog* dialog = nullptr;
        [[maybe_unused]] const bool found = QTest::qWaitFor([&] {
            for (auto* open : m_page->findChildren<Dialog*>(QString::fromLatin1(name)))
                if (open->isVisible())
                    dialog = open;
            return dialog != nullptr;
        });
        return dialog;
    }

    std::uint64_t titleCount()
    {
        [[maybe_unused]] auto height
            = await<std::uint64_t>([&](auto done) { return m_author->chain().update(done); });
        return await<api::NetworkParameters>(
            [&](auto done) { return m_author->chain().parameters(done); })
            .value()
            .titleCount;
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    DevNetwork m_node;
    std::unique_ptr<ContentUser> m_author;
    std::unique_ptr<ContentUser> m_buyer;
    std::unique_ptr<ui::StudioPage> m_page;
    QTemporaryDir m_files;
    std::uint64_t m_titleId = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_node.start());
        ContentUser dev(m_node.profile(), kDevPhrase);
        m_author = std::make_unique<ContentUser>(m_node.profile());
        m_buyer = std::make_unique<ContentUser>(m_node.profile());
        QVERIFY(fund(dev, m_author->address, "1000"));
        QVERIFY(fund(dev, m_buyer->address, "100"));
        QVERIFY(m_author->open());
        m_page = std::make_unique<ui::StudioPage>(
            m_author->studio(), m_author->market(), m_author->chain(), m_author->wallet());
        m_page->resize(1000, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QCOMPARE(titlesTable()->rowCount(), 0);
        QVERIFY(!widget<QGroupBox>(m_page.get(), "studioUnfinishedBox")->isVisible());
    }

    void publishThroughTheWizard()
    {
        auto* wizard = openDialog<ui::PublishWizard>("studioPublish", "publishWizard");
        QVERIFY(wizard);
        auto* next = widget<QPushButton>(wizard, "publishNext");
        QCOMPARE(wizard->step(), int(ui::PublishWizard::FileStep));
        click(next);
        QCOMPARE(widget<QLabel>(wizard, "publishFileError")->text(),
            QStringLiteral("Choose a file to publish."));
        click(widget<QPushButton>(wizard, "publishChooseFile"));
        answerFileDialog(wizard, "publishFileDialog", kSampleBook);
        QTRY_COMPARE(widget<QLineEdit>(wizard, "publishFile")->text(), kSampleBook);
        QVERIFY2(widget<QLabel>(wizard, "publishMediaType")
                     ->text()
                     .contains(QStringLiteral("application/pdf")),
            qPrintable(widget<QLabel>(wizard, "publishMediaType")->text()));
        click(next);

        // Metadata: each field says what is wrong under itself, and the wizard stays.
        QCOMPARE(wizard->step(), int(ui::PublishWizard::MetadataStep));
        type(widget<QLineEdit>(wizard, "publishSubject"), QString(65, QLatin1Char('s')));
        click(next);
        QCOMPARE(wizard->step(), int(ui::PublishWizard::MetadataStep));
        QCOMPARE(widget<QLabel>(wizard, "publishTitleError")->text(),
            QStringLiteral("A title is needed."));
        QCOMPARE(widget<QLabel>(wizard, "publishSubjectError")->text(),
            QStringLiteral("At most 64 bytes; this has 65."));
        const QString notAnImage = writeFile(QStringLiteral("cover.png"), "not an image");
        click(widget<QPushButton>(wizard, "publishChooseCover"));
        answerFileDialog(wizard, "publishCoverDialog", notAnImage);
        QTRY_COMPARE(widget<QLabel>(wizard, "publishCoverError")->text(),
            QStringLiteral("A cover is a PNG, JPEG or WebP image."));
        const QString notASample = writeFile(QStringLiteral("sample.pdf"), "not a PDF");
        click(widget<QPushButton>(wizard, "publishChooseSample"));
        answerFileDialog(wizard, "publishSampleDialog", notASample);
        QTRY_COMPARE(widget<QLabel>(wizard, "publishSampleError")->text(),
            QStringLiteral("The sample must be a PDF, audio or video file of at most 768 KiB."));

        widget<QLineEdit>(wizard, "publishSubject")->clear();
        type(widget<QLineEdit>(wizard, "publishSubject"), QStringLiteral("Fiction"));
        type(widget<QLineEdit>(wizard, "publishTitle"), QStringLiteral("Sample Book"));
        type(widget<QLineEdit>(wizard, "publishAuthors"), QStringLiteral("Ann Author; Ben Writer"));
        widget<QPlainTextEdit>(wizard, "publishBlurb")->setPlainText(QStringLiteral("A test."));
        widget<QPlainTextEdit>(wizard, "publishContents")
            ->setPlainText(QStringLiteral("Chapter 1\n\nChapter 2\n"));
        QImage cover(60, 80, QImage::Format_RGB32);
        cover.fill(Qt::darkCyan);
        const QString coverFile = m_files.filePath(QStringLiteral("real-cover.png"));
        QVERIFY(cover.save(coverFile, "PNG"));
        click(widget<QPushButton>(wizard, "publishChooseCover"));
        answerFileDialog(wizard, "publishCoverDialog", coverFile);
        QTRY_VERIFY(!widget<QLabel>(wizard, "publishCoverPreview")->pixmap().isNull());
        QVERIFY(widget<QLabel>(wizard, "publishCoverError")->text().isEmpty());
        const Bytes sampleBytes = localnet::demoResource("demo-book-sample.pdf").value();
        const QString sampleFile = writeFile(QStringLiteral("first-pages.pdf"),
            QByteArray(reinterpret_cast<const char*>(sampleBytes.data()),
                static_cast<qsizetype>(sampleBytes.size())));
        click(widget<QPushButton>(wizard, "publishChooseSample"));
        answerFileDialog(wizard, "publishSampleDialog", sampleFile);
        QTRY_COMPARE(
            widget<QLabel>(wizard, "publishSampleName")->text(), QStringLiteral("first-pages.pdf"));
        QVERIFY(widget<QLabel>(wizard, "publishSampleError")->text().isEmpty());
        click(next);

        QCOMPARE(wizard->step(), int(ui::PublishWizard::PriceStep));
        type(widget<QLineEdit>(wizard, "publishPrice"), QStringLiteral("two"));
        click(next);
        QVERIFY(widget<QLabel>(wizard, "publishPriceError")
                    ->text()
                    .startsWith(QStringLiteral("Enter an amount in PHT")));
        widget<QLineEdit>(wizard, "publishPrice")->clear();
        type(widget<QLineEdit>(wizard, "publishPrice"), QStringLiteral("2.5"));
        click(next);

        QCOMPARE(wizard->step(), int(ui::PublishWizard::ReviewStep));
        const QString review = widget<QLabel>(wizard, "publishReview")->text();
        for (const char* line : { "Title: Sample Book", "Authors: Ann Author; Ben Writer",
                 "Subject: Fiction", "Contents: 2 entries", "Price: 2.5 PHT" })
            QVERIFY2(review.contains(QString::fromUtf8(line)), qPrintable(review));
        QVERIFY(review.contains(coverFile));
        QVERIFY2(review.contains(QStringLiteral("Sample: ") + sampleFile), qPrintable(review));

        std::vector<SeenStage> seen;
        connect(wizard->progressView(), &ui::PublishProgressView::stageShown, wizard,
            [&](api::PublishStage stage, const QString& txHash) {
                seen.push_back({ stage, txHash });
            });
        // A wrong passphrase signs nothing: back to the review, to try again.
        type(widget<QLineEdit>(wizard, "publishPassphrase"), QStringLiteral("not my passphrase"));
        click(next);
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(wizard, "publishReviewError")->text(),
            QStringLiteral("Wrong passphrase. Nothing was published."), kGuiWaitMs);
        QCOMPARE(wizard->step(), int(ui::PublishWizard::ReviewStep));
        QCOMPARE(titleCount(), std::uint64_t { 0 });

        type(widget<QLineEdit>(wizard, "publishPassphrase"), QString::fromLatin1(kGuiPassphrase));
        click(next);
        QTRY_VERIFY_WITH_TIMEOUT(widget<QLabel>(wizard, "publishStage")
                                     ->text()
                                     .startsWith(QStringLiteral("Published: title ")),
            kGuiWaitMs);
        // Every stage was shown, in the workflow's order, with the Catalog transaction's hash.
        QVERIFY(!seen.empty());
        QCOMPARE(seen.front().stage, api::PublishStage::Preparing);
        QCOMPARE(seen.back().stage, api::PublishStage::Seeding);
        std::set<api::PublishStage> stages;
        for (const auto& shown : seen)
            stages.insert(shown.stage);
        QCOMPARE(stages.size(), std::size_t { 5 });
        const QRegularExpression txHash(QStringLiteral("^0x[0-9a-f]{64}$"));
        QVERIFY(std::any_of(seen.begin(), seen.end(), [&](const SeenStage& shown) {
            return shown.stage == api::PublishStage::Registering
                && txHash.match(shown.txHash).hasMatch();
        }));
        QVERIFY(widget<QLabel>(wizard, "publishTxHash")
                    ->text()
                    .startsWith(QStringLiteral("Transaction 0x")));
        auto* bytes = widget<QProgressBar>(wizard, "publishBytes");
        QCOMPARE(bytes->value(), bytes->maximum());
        m_titleId = widget<QLabel>(wizard, "publishStage")
                        ->text()
                        .section(QLatin1Char(' '), 2, 2)
                        .chopped(1)
                        .toULongLong();
        QVERIFY(m_titleId > 0);
        QCOMPARE(widget<QPushButton>(wizard, "publishCancel")->text(), QStringLiteral("Close"));
        click(widget<QPushButton>(wizard, "publishCancel"));

        // My titles: the proven record.
        QTRY_COMPARE_WITH_TIMEOUT(
            cellText(QStringLiteral("Sample Book"), 1), QStringLiteral("2.5 PHT"), kGuiWaitMs);
        QCOMPARE(cellText(QStringLiteral("Sample Book"), 2), QStringLiteral("Listed"));
        QCOMPARE(cellText(QStringLiteral("Sample Book"), 3), QStringLiteral("1"));
        QCOMPARE(cellText(QStringLiteral("Sample Book"), 4), QStringLiteral("0"));
        QCOMPARE(cellText(QStringLiteral("Sample Book"), 5), QStringLiteral("0 PHT"));
        QVERIFY(widget<QLabel>(m_page.get(), "studioProvenAt")
                    ->text()
                    .startsWith(QStringLiteral("Proven at block ")));
        auto onChain = m_author->title(m_titleId);
        QVERIFY(onChain);
        QCOMPARE(onChain->price, baseUnits("2.5"));
        QCOMPARE(onChain->subject, std::string("Fiction"));
        // The chosen sample went into the title's public metadata document: the one whose
        // torrent's infohash the chain records.
        std::optional<market::TitleMetadataDocument> published;
        for (const auto& entry :
            std::filesystem::directory_iterator(market::content::directory(m_author->profile()))) {
            if (!entry.path().filename().string().starts_with("metadata-"))
                continue;
            auto torrent = swarm::makeTorrent(entry.path(), market::content::kMetadataPieceSize);
            if (!torrent || codec::toHex(torrent->infohash, true) != onChain->metadataInfohash)
                continue;
            auto json
                = readFileLimited(entry.path(), market::TitleMetadataDocument::kMaxDocumentBytes);
            QVERIFY(json);
            auto decoded = market::TitleMetadataDocument::decode(*json);
            QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
            published = std::move(*decoded);
        }
        QVERIFY(published);
        QCOMPARE(published->sampleMediaType, std::string("application/pdf"));
        QVERIFY(published->sample == sampleBytes);
    }

    void aSaleShowsUpOnceTheChainIsVerifiedFurther()
    {
        QVERIFY(m_titleId > 0);
        m_buyer->buy(m_titleId);
        // What the app's periodic sync does: the page reads again at the newer verified block.
        m_author->chain().sync();
        QTRY_COMPARE_WITH_TIMEOUT(
            cellText(QStringLiteral("Sample Book"), 4), QStringLiteral("1"), kGuiWaitMs);
        QCOMPARE(cellText(QStringLiteral("Sample Book"), 5), QStringLiteral("2.5 PHT"));
        auto* sales = widget<QTableWidget>(m_page.get(), "studioSales");
        QCOMPARE(sales->rowCount(), 1);
        QCOMPARE(sales->item(0, 1)->text(), QStringLiteral("1"));
        QCOMPARE(widget<QLabel>(m_page.get(), "studioSalesTotal")->text(),
            QStringLiteral("Total: 1 sale, 2.5 PHT"));

        // The chart: one day, one sale, its revenue — on the day of the block the licence was
        // recorded in (the sale's proven time).
        auto* chart = widget<ui::SalesChart>(m_page.get(), "studioSalesChart");
        QTRY_COMPARE_WITH_TIMEOUT(chart->days().size(), std::size_t { 1 }, kGuiWaitMs);
        const auto licence = await<std::optional<api::LicenceInfo>>([&](auto done) {
            return m_author->chain().licence(m_titleId, m_buyer->address, done);
        });
        QVERIFY(licence && *licence);
        const QDate saleDay
            = QDateTime::fromMSecsSinceEpoch(qint64((*licence)->timeMs)).toLocalTime().date();
        QCOMPARE(chart->days()[0].date, saleDay);
        QCOMPARE(chart->days()[0].sales, std::uint64_t { 1 });
        QCOMPARE(chart->days()[0].revenue, baseUnits("2.5"));
        QCOMPARE(widget<QLabel>(m_page.get(), "studioSalesChartStatus")->text(),
            QStringLiteral("Sales per day: 1 proven sales."));
    }

    void salesChartFillsDaysWithoutSales()
    {
        // Two sales three days apart: the days between are there, empty.
        auto sale = [](std::int64_t day, const char* price) {
            api::AccountActivity entry;
            entry.kind = api::AccountActivity::Kind::Sale;
            entry.timeMs = static_cast<std::uint64_t>(
                QDateTime(QDate(2026, 3, 1).addDays(day), QTime(12, 0)).toMSecsSinceEpoch());
            entry.amount = baseUnits(price);
            return entry;
        };
        const auto days = ui::SalesChart::daily({ sale(3, "1"), sale(0, "2"), sale(0, "0.5") });
        QCOMPARE(days.size(), std::size_t { 4 });
        QCOMPARE(days[0].date, QDate(2026, 3, 1));
        QCOMPARE(days[0].sales, std::uint64_t { 2 });
        QCOMPARE(days[0].revenue, baseUnits("2.5"));
        QCOMPARE(days[1].sales, std::uint64_t { 0 });
        QCOMPARE(days[2].revenue, std::string("0"));
        QCOMPARE(days[3].date, QDate(2026, 3, 4));
        QCOMPARE(days[3].revenue, baseUnits("1"));
        QVERIFY(ui::SalesChart::daily({}).empty());
    }

    void changingThePriceShowsTheProvenNewPrice()
    {
        titlesTable()->selectRow(rowOf(QStringLiteral("Sample Book")));
        auto* dialog = openDialog<QDialog>("studioChangePrice", "priceDialog");
        QVERIFY(dialog);
        type(widget<QLineEdit>(dialog, "txPrice"), QStringLiteral("0"));
        type(widget<QLineEdit>(dialog, "txPassphrase"), QString::fromLatin1(kGuiPassphrase));
        click(widget<QPushButton>(dialog, "txConfirm"));
        QCOMPARE(widget<QLabel>(dialog, "txError")->text(),
            QStringLiteral("Enter an amount above zero."));
        widget<QLineEdit>(dialog, "txPrice")->clear();
        type(widget<QLineEdit>(dialog, "txPrice"), QStringLiteral("4"));
        click(widget<QPushButton>(dialog, "txConfirm"));
        QTRY_VERIFY_WITH_TIMEOUT(
            widget<QLabel>(dialog, "txStage")->text().startsWith(QStringLiteral("Done: included")),
            kGuiWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            cellText(QStringLiteral("Sample Book"), 1), QStringLiteral("4 PHT"), kGuiWaitMs);
        QCOMPARE(m_author->title(m_titleId)->price, baseUnits("4"));
        click(widget<QPushButton>(dialog, "txClose"));
    }

    void addingAVersion()
    {
        titlesTable()->selectRow(rowOf(QStringLiteral("Sample Book")));
        auto* dialog = openDialog<ui::PublishJobDialog>("studioAddVersion", "addVersionDialog");
        QVERIFY(dialog);
        QFile sample(kSampleBook);
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QString second = writeFile(
            QStringLiteral("sample-book-2.pdf"), sample.readAll() + "\n% second edition\n");
        click(widget<QPushButton>(dialog, "versionChooseFile"));
        answerFileDialog(dialog, "versionFileDialog", second);
        QTRY_COMPARE(widget<QLineEdit>(dialog, "versionFile")->text(), second);
        type(widget<QLineEdit>(dialog, "versionNote"), QStringLiteral("Second edition"));
        type(widget<QLineEdit>(dialog, "versionPassphrase"), QString::fromLatin1(kGuiPassphrase));
        click(widget<QPushButton>(dialog, "versionStart"));
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(dialog, "publishStage")->text(),
            QStringLiteral("Published: title %1, version 2.").arg(m_titleId), kGuiWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            cellText(QStringLiteral("Sample Book"), 3), QStringLiteral("2"), kGuiWaitMs);
        auto version = await<std::optional<api::VersionInfo>>(
            [&](auto done) { return m_author->chain().version(m_titleId, 2, done); });
        QVERIFY(version && *version);
        QCOMPARE((*version)->note, std::string("Second edition"));
        click(widget<QPushButton>(dialog, "versionCancel")); // now "Close"
    }

    void delistingAndListingAgain()
    {
        for (const bool listAgain : { false, true }) {
            titlesTable()->selectRow(rowOf(QStringLiteral("Sample Book")));
            auto* toggle = widget<QPushButton>(m_page.get(), "studioToggleListed");
            QCOMPARE(toggle->text(),
                listAgain ? QStringLiteral("List again…") : QStringLiteral("Delist…"));
            auto* dialog = openDialog<QDialog>("studioToggleListed", "listingDialog");
            QVERIFY(dialog);
            type(widget<QLineEdit>(dialog, "txPassphrase"), QString::fromLatin1(kGuiPassphrase));
            click(widget<QPushButton>(dialog, "txConfirm"));
            QTRY_COMPARE_WITH_TIMEOUT(cellText(QStringLiteral("Sample Book"), 2),
                listAgain ? QStringLiteral("Listed") : QStringLiteral("Delisted"), kGuiWaitMs);
            QCOMPARE(m_author->title(m_titleId)->listed, listAgain);
            click(widget<QPushButton>(dialog, "txClose"));
            if (!listAgain) {
                // Delisted: nobody can buy it now.
                auto refused = await<api::Purchase>([&](auto done) {
                    return m_buyer->market().buy(m_titleId, secret(), nullptr, done);
                });
                QVERIFY(!refused || !refused->confirmation.succeeded);
            }
        }
    }

    void exportingSalesAsCsv()
    {
        widget<QTabWidget>(m_page.get(), "studioTabs")->setCurrentIndex(1);
        click(widget<QPushButton>(m_page.get(), "studioExportCsv"));
        const QString file = m_files.filePath(QStringLiteral("sales.csv"));
        answerFileDialog(m_page.get(), "studioExportDialog", file);
        QTRY_COMPARE(widget<QLabel>(m_page.get(), "studioExportResult")->text(),
            QStringLiteral("Saved to %1.").arg(file));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines
            = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0],
            QStringLiteral("title_id,title,price_pht,listed,versions,sales,revenue_pht,"
                           "proven_at_block"));
        // The sale was at 2.5 PHT; the price is 4 now.
        const QRegularExpression row(
            QStringLiteral("^%1,Sample Book,4,yes,2,1,2\\.5,[1-9][0-9]*$").arg(m_titleId));
        QVERIFY2(row.match(lines[1]).hasMatch(), qPrintable(lines[1]));
        QCOMPARE(lines[2], QStringLiteral(",Total,,,,1,2.5,"));
        // Then one row per sale, proven by its receipt: when, what, who, how much, which tx.
        QCOMPARE(lines[3],
            QStringLiteral(
                "date_utc,title_id,title,buyer,price_pht,service_fee_pht,tx_hash,block"));
        const QRegularExpression sale(
            QStringLiteral("^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z,%1,Sample Book,%2,2\\.5,"
                           "[0-9.]+,0x[0-9a-f]{64},[1-9][0-9]*$")
                .arg(m_titleId)
                .arg(QString::fromStdString(m_buyer->address)));
        QVERIFY2(sale.match(lines[4]).hasMatch(), qPrintable(lines[4]));
        widget<QTabWidget>(m_page.get(), "studioTabs")->setCurrentIndex(0);
    }

    void aFileThatVanishedIsAClearError()
    {
        const std::uint64_t before = titleCount();
        const QString file = writeFile(QStringLiteral("vanishing.pdf"), QByteArray(1000, 'v'));
        auto* wizard = openDialog<ui::PublishWizard>("studioPublish", "publishWizard");
        QVERIFY(wizard);
        auto* next = widget<QPushButton>(wizard, "publishNext");
        click(widget<QPushButton>(wizard, "publishChooseFile"));
        answerFileDialog(wizard, "publishFileDialog", file);
        QTRY_COMPARE(widget<QLineEdit>(wizard, "publishFile")->text(), file);
        click(next);
        type(widget<QLineEdit>(wizard, "publishTitle"), QStringLiteral("Vanishing"));
        click(next);
        type(widget<QLineEdit>(wizard, "publishPrice"), QStringLiteral("1"));
        click(next);
        QVERIFY(QFile::remove(file));
        type(widget<QLineEdit>(wizard, "publishPassphrase"), QString::fromLatin1(kGuiPassphrase));
        click(next);
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(wizard, "publishStage")->text(),
            QStringLiteral("The publication stopped."), kGuiWaitMs);
        const QString result = widget<QLabel>(wizard, "publishResult")->text();
        QVERIFY2(
            result.contains(file) && result.endsWith(QStringLiteral(". Nothing was published.")),
            qPrintable(result));
        QCOMPARE(widget<QListWidget>(m_page.get(), "studioUnfinished")->count(), 0);
        QCOMPARE(titleCount(), before);
        click(widget<QPushButton>(wizard, "publishCancel")); // "Close"
    }

    void aCancelledPublicationIsResumed()
    {
        const std::uint64_t before = titleCount();
        const QString file = writeFile(QStringLiteral("second-book.pdf"), QByteArray(300'000, 'x'));
        auto* wizard = openDialog<ui::PublishWizard>("studioPublish", "publishWizard");
        QVERIFY(wizard);
        auto* next = widget<QPushButton>(wizard, "publishNext");
        click(widget<QPushButton>(wizard, "publishChooseFile"));
        answerFileDialog(wizard, "publishFileDialog", file);
        QTRY_COMPARE(widget<QLineEdit>(wizard, "publishFile")->text(), file);
        click(next);
        type(widget<QLineEdit>(wizard, "publishTitle"), QStringLiteral("Second Book"));
        click(next);
        type(widget<QLineEdit>(wizard, "publishPrice"), QStringLiteral("1"));
        click(next);
        type(widget<QLineEdit>(wizard, "publishPassphrase"), QString::fromLatin1(kGuiPassphrase));
        // Cancel as soon as the title's transaction is out: the user's click comes on a later
        // turn of the event loop, while the transaction waits for its block.
        auto* cancel = widget<QPushButton>(wizard, "publishCancel");
        connect(wizard->progressView(), &ui::PublishProgressView::stageShown, cancel,
            [cancel](api::PublishStage stage, const QString& txHash) {
                if (stage == api::PublishStage::Registering && !txHash.isEmpty())
                    QMetaObject::invokeMethod(cancel, &QPushButton::click, Qt::QueuedConnection);
            });
        click(next);
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(wizard, "publishStage")->text(),
            QStringLiteral("Cancelled."), kGuiWaitMs);
        QCOMPARE(cancel->text(), QStringLiteral("Close"));
        click(cancel);

        auto* unfinished = widget<QListWidget>(m_page.get(), "studioUnfinished");
        QTRY_COMPARE(unfinished->count(), 1);
        QVERIFY(widget<QGroupBox>(m_page.get(), "studioUnfinishedBox")->isVisible());
        QVERIFY2(
            unfinished->item(0)->text().startsWith(QStringLiteral("“Second Book” — stopped at")),
            qPrintable(unfinished->item(0)->text()));
        QCOMPARE(rowOf(QStringLiteral("Second Book")), -1);
        // The transaction already sent lands while nobody waits for it (as in a crash).
        QTRY_VERIFY_WITH_TIMEOUT(titleCount() == before + 1, kGuiWaitMs);

        auto* dialog = openDialog<ui::PublishJobDialog>("studioResume", "resumeDialog");
        QVERIFY(dialog);
        bool resumed = false;
        connect(dialog->progressView(), &ui::PublishProgressView::stageShown, dialog, [&] {
            resumed = resumed
                || widget<QLabel>(dialog, "publishStage")
                       ->text()
                       .startsWith(QStringLiteral("Continuing where it stopped"));
        });
        type(widget<QLineEdit>(dialog, "versionPassphrase"), QString::fromLatin1(kGuiPassphrase));
        click(widget<QPushButton>(dialog, "versionStart"));
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(dialog, "publishStage")->text(),
            QStringLiteral("Published: title %1, version 1.").arg(before + 1), kGuiWaitMs);
        QVERIFY(resumed);
        QCOMPARE(titleCount(), before + 1); // never published twice
        QTRY_COMPARE_WITH_TIMEOUT(
            cellText(QStringLiteral("Second Book"), 1), QStringLiteral("1 PHT"), kGuiWaitMs);
        QCOMPARE(unfinished->count(), 0);
        QVERIFY(!widget<QGroupBox>(m_page.get(), "studioUnfinishedBox")->isVisible());
        click(widget<QPushButton>(dialog, "versionCancel"));
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_author.reset();
        m_buyer.reset();
    }
};

QTEST_MAIN(TestStudioScreen)
#include "tst_studio_screen.moc"
