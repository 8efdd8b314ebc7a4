// The Discover screen over real services: an author publishes a PDF with a cover and an audio
// file on a real node; a reader's DiscoverPage (over the reader's ContentSession: catalog,
// light client, market, library, wallet) refreshes the verified catalog, searches and filters
// it, opens a title page (and the book's sample in the reader), and buys through the BuyDialog —
// confirmation with price, fee and balance after, then live progress until "Open" is enabled and
// asks for the title. A title the wallet cannot afford is refused before the passphrase.
#include "core/localnet/DemoMaterial.h"
#include "ui/PhtAmount.h"
#include "ui/discover/BuyDialog.h"
#include "ui/discover/DiscoverPage.h"
#include "ui/reader/PdfReader.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "tests/market/ContentTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

// The screen alone, without the main window: the lead wires it in (tests/gui/GuiTestSupport.h
// drives the whole app).
constexpr int kGuiWaitMs = 60'000;
// Several pieces, as a real book has: a download takes long enough for the title key to
// arrive while the peers still talk (see tst_content_publish_fetch, which uses the same size).
constexpr std::size_t kBookBody = 3 * 1024 * 1024;

template <typename T> T* widget(QObject* parent, const char* name)
{
    T* found = parent ? parent->findChild<T*>(QString::fromLatin1(name)) : nullptr;
    if (!found)
        qWarning("no widget named %s", name);
    return found;
}

void click(QAbstractButton* button)
{
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(button->text()));
    QTest::mouseClick(
        button, Qt::LeftButton, {}, QPoint(button->width() / 2, button->height() / 2));
}

void type(QWidget* field, const QString& text)
{
    QVERIFY(field);
    QTest::keyClicks(field, text);
}

} // namespace

class TestDiscoverScreen : public QObject {
    Q_OBJECT

private:
    DevNetwork m_node;
    std::unique_ptr<ContentUser> m_dev;
    std::unique_ptr<ContentUser> m_author;
    std::unique_ptr<ContentUser> m_reader;
    std::unique_ptr<ContentUser> m_unseenAuthor; // one whose swarm the reader does not know yet
    std::unique_ptr<ui::DiscoverPage> m_page;
    QTemporaryDir m_files;
    std::uint64_t m_book = 0;
    std::uint64_t m_song = 0;

    std::filesystem::path files() const { return m_files.path().toStdString(); }
    template <typename T> T* find(const char* name) { return widget<T>(m_page.get(), name); }
    QListView* grid() { return find<QListView>("discoverGrid"); }
    int rows() { return grid()->model()->rowCount(); }
    QString rowText(int row) { return grid()->model()->index(row, 0).data().toString(); }
    QString text(const char* name)
    {
        auto* label = find<QLabel>(name);
        return label ? label->text() : QString();
    }

    void openTitleFromGrid(std::uint64_t titleId)
    {
        QListView* view = grid();
        for (int row = 0; row < rows(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (index.data(ui::DiscoverPage::kTitleIdRole).toULongLong() == titleId) {
                view->setFocus();
                view->setCurrentIndex(index);
                QTest::keyClick(view, Qt::Key_Return); // activates, as a double click does
                return;
            }
        }
        QFAIL("the title is not in the grid");
    }

    ui::BuyDialog* openBuyDialog()
    {
        click(find<QPushButton>("titleBuy"));
        ui::BuyDialog* dialog = nullptr;
        [[maybe_unused]] const bool opened = QTest::qWaitFor(
            [&] { return (dialog = m_page->findChild<ui::BuyDialog*>()) != nullptr; }, kGuiWaitMs);
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_node.start());
        m_dev = std::make_unique<ContentUser>(m_node.profile(), kDevPhrase);
        m_author = std::make_unique<ContentUser>(m_node.profile());
        m_reader = std::make_unique<ContentUser>(m_node.profile());
        QVERIFY(fund(*m_dev, m_author->address));
        QVERIFY(fund(*m_dev, m_reader->address, "100"));
        QVERIFY(m_author->open());

        const std::string_view header = "%PDF-1.4\n% engines\n";
        Bytes pdf(header.begin(), header.end());
        const Bytes body = crypto::randomBytes(kBookBody);
        pdf.insert(pdf.end(), body.begin(), body.end());
        QVERIFY(writeBytes(files() / "treatise.pdf", pdf));
        QVERIFY(writeBytes(files() / "cover.png", tinyPng()));
        QVERIFY(writeBytes(files() / "shanty.mp3", crypto::randomBytes(100'000)));
        // A real two-page PDF: the demo book's sample, as the app carries it.
        auto sample = localnet::demoResource("demo-book-sample.pdf");
        QVERIFY2(sample, sample ? "" : sample.error().message.c_str());
        QVERIFY(writeBytes(files() / "first-pages.pdf", *sample));

        api::PublishRequest book;
        book.file = (files() / "treatise.pdf").string();
        book.metadata = { "A Treatise on Engines", { "Ada Lovelace" }, "Engineering",
            "How the analytical engine computes.", (files() / "cover.png").string(),
            { "Preface", "The Mill", "The Store" } };
        book.metadata.sampleFile = (files() / "first-pages.pdf").string();
        book.price = baseUnits("2");
        book.note = "first edition";
        auto published = m_author->publish(book);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_book = published->titleId;

        api::PublishRequest song;
        song.file = (files() / "shanty.mp3").string();
        song.metadata = { "Songs of the Sea", { "The Crew" }, "Music", "Shanties.", "", {} };
        song.price = baseUnits("500"); // more than the reader has
        published = m_author->publish(song);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_song = published->titleId;

        QVERIFY(m_reader->open());
        m_reader->library().addPeer(m_author->peerAddress());
        m_page = std::make_unique<ui::DiscoverPage>(m_reader->session().catalog(),
            m_reader->chain(), m_reader->market(), m_reader->library(), m_reader->wallet());
        m_page->resize(1100, 800);
    }

    void anEmptyCatalogSaysSo()
    {
        QCOMPARE(rows(), 0);
        QVERIFY(text("discoverEmpty").startsWith(QStringLiteral("No titles yet")));
    }

    void showingThePageReadsTheCatalog()
    {
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTRY_VERIFY_WITH_TIMEOUT(
            text("discoverStatus").startsWith(QStringLiteral("2 title(s) on the network")),
            kGuiWaitMs);
        QCOMPARE(rows(), 2);
        QVERIFY(!find<QLabel>("discoverEmpty")->isVisible());
        QCOMPARE(rowText(0), QStringLiteral("Songs of the Sea\n500 PHT")); // newest first
        QCOMPARE(rowText(1), QStringLiteral("A Treatise on Engines\n2 PHT"));
        auto* subjects = find<QComboBox>("discoverSubject");
        QCOMPARE(subjects->count(), 3); // all, Engineering, Music
        QCOMPARE(subjects->itemText(1), QStringLiteral("Engineering"));
    }

    void searchAndFiltersNarrowTheGrid()
    {
        type(find<QLineEdit>("discoverSearch"), QStringLiteral("treat"));
        QTRY_COMPARE(rows(), 1);
        QVERIFY(rowText(0).startsWith(QStringLiteral("A Treatise on Engines")));
        type(find<QLineEdit>("discoverSearch"), QStringLiteral("xyz"));
        QTRY_COMPARE(rows(), 0);
        QVERIFY(text("discoverEmpty").startsWith(QStringLiteral("No titles match")));
        find<QLineEdit>("discoverSearch")->clear();
        QTRY_COMPARE(rows(), 2);

        auto* media = find<QComboBox>("discoverMediaType");
        media->setCurrentIndex(media->findText(QStringLiteral("Audio")));
        QCOMPARE(rows(), 1);
        QVERIFY(rowText(0).startsWith(QStringLiteral("Songs of the Sea")));
        media->setCurrentIndex(0);
        auto* price = find<QComboBox>("discoverPrice");
        price->setCurrentIndex(price->findText(QStringLiteral("Up to 5 PHT")));
        QCOMPARE(rows(), 1);
        QVERIFY(rowText(0).startsWith(QStringLiteral("A Treatise on Engines")));
        price->setCurrentIndex(0);
        auto* sort = find<QComboBox>("discoverSort");
        sort->setCurrentIndex(sort->findText(QStringLiteral("Price: low to high")));
        QCOMPARE(rows(), 2);
        QVERIFY(rowText(0).startsWith(QStringLiteral("A Treatise on Engines")));
        sort->setCurrentIndex(0);
    }

    void aTitlePageShowsWhatTheChainAndTheMetadataSay()
    {
        openTitleFromGrid(m_book);
        QTRY_COMPARE_WITH_TIMEOUT(
            text("titleName"), QStringLiteral("A Treatise on Engines"), kGuiWaitMs);
        QCOMPARE(text("titleAuthors"), QStringLiteral("by Ada Lovelace"));
        QVERIFY(text("titleAuthorAddress").contains(QString::fromStdString(m_author->address)));
        QCOMPARE(text("titleBlurb"), QStringLiteral("How the analytical engine computes."));
        QCOMPARE(text("titlePrice"), QStringLiteral("2 PHT"));
        QVERIFY2(text("titleProductDetails").contains(QStringLiteral("Format: application/pdf")),
            qPrintable(text("titleProductDetails")));
        QVERIFY(text("titleProductDetails").contains(QStringLiteral("Subject: Engineering")));
        QVERIFY(
            text("titleProvenAt").startsWith(QStringLiteral("Price, sales and versions proven")));
        QVERIFY(!find<QLabel>("titleCover")->pixmap().isNull());
        auto* contents = find<QListWidget>("titleContents");
        QCOMPARE(contents->count(), 3);
        QCOMPARE(contents->item(1)->text(), QStringLiteral("The Mill"));
        auto* versions = find<QListWidget>("titleVersions");
        QCOMPARE(versions->count(), 1);
        QVERIFY(versions->item(0)->text().endsWith(QStringLiteral("— first edition")));
        QVERIFY(find<QPushButton>("titleBuy")->isVisible());
        QVERIFY(!find<QPushButton>("titleOpen")->isVisible());
    }

    void aTitlesSampleOpensInTheReaderBeforeBuying()
    {
        auto* sample = find<QPushButton>("titleSample");
        QVERIFY(sample && sample->isVisible());
        QCOMPARE(sample->text(), QStringLiteral("Read sample"));
        click(sample);
        ui::PdfReader* reader = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            for (QWidget* window : QApplication::topLevelWidgets())
                if (auto* found = qobject_cast<ui::PdfReader*>(window); found && found->isVisible())
                    reader = found;
            return reader != nullptr;
        }()),
            kGuiWaitMs);
        QCOMPARE(reader->windowTitle(), QStringLiteral("A Treatise on Engines (sample)"));
        QTRY_VERIFY_WITH_TIMEOUT(reader->isReady(), kGuiWaitMs);
        QCOMPARE(reader->pageCount(), 2); // the demo book's first two pages, not the book's 9
        QVERIFY(text("titleStatus").isEmpty());
        QPointer<ui::PdfReader> closing(reader);
        reader->close(); // a window of its own, deleted when closed
        QTRY_VERIFY(closing.isNull());
    }

    void buyingShowsTheCostThenProgressUntilOpen()
    {
        ui::BuyDialog* dialog = openBuyDialog();
        QVERIFY(dialog);
        auto* confirm = widget<QPushButton>(dialog, "buyConfirm");
        QTRY_VERIFY_WITH_TIMEOUT(confirm->isEnabled(), kGuiWaitMs);

        // What the confirmation should say, from the same proven facts.
        auto parameters = await<api::NetworkParameters>(
            [&](auto done) { return m_reader->chain().parameters(done); });
        auto details = await<api::CatalogTitleDetails>(
            [&](auto done) { return m_reader->session().catalog().details(m_book, done); });
        QVERIFY(parameters && details);
        const std::string fee
            = ui::pht::multiply(parameters->minGasPrice, details->purchaseGasLimit);
        const std::string after
            = ui::pht::subtract(baseUnits("100"), ui::pht::add(baseUnits("2"), fee)).value();
        QCOMPARE(widget<QLabel>(dialog, "buyPrice")->text(), QStringLiteral("2 PHT"));
        QCOMPARE(widget<QLabel>(dialog, "buyFee")->text(), ui::pht::formatWithUnit(fee));
        QCOMPARE(widget<QLabel>(dialog, "buyBalanceAfter")->text(), ui::pht::formatWithUnit(after));
        QVERIFY(widget<QLabel>(dialog, "buyError")->text().isEmpty());

        QSignalSpy purchased(m_page.get(), &ui::DiscoverPage::purchased);
        QSignalSpy openRequested(m_page.get(), &ui::DiscoverPage::openRequested);
        type(widget<QLineEdit>(dialog, "buyPassphrase"),
            QString::fromUtf8(kContentPassphrase.data(), kContentPassphrase.size()));
        click(confirm);
        auto* open = widget<QPushButton>(dialog, "buyOpen");
        QVERIFY(!open->isEnabled());
        // Not QTRY: on failure it would wait twice as long again before saying so.
        const bool ready = QTest::qWaitFor([&] { return open->isEnabled(); }, kContentWaitMs);
        QVERIFY2(ready,
            qPrintable(widget<QLabel>(dialog, "buyStage")->text() + QStringLiteral(" / ")
                + widget<QLabel>(dialog, "buyResult")->text()));
        QVERIFY2(widget<QLabel>(dialog, "buyStage")->text().startsWith(QStringLiteral("Ready")),
            qPrintable(widget<QLabel>(dialog, "buyStage")->text()));
        QCOMPARE(purchased.count(), 1);
        QCOMPARE(purchased.at(0).at(0).toULongLong(), m_book);

        click(open);
        QCOMPARE(openRequested.count(), 1);
        QCOMPARE(openRequested.at(0).at(0).toULongLong(), m_book);
        QCOMPARE(openRequested.at(0).at(1).toUInt(), 1u);
        // What "Open" promises: the title is readable from the library.
        QCOMPARE(m_reader->read(m_book, 1).value().size(), std::size_t { kBookBody + 19 });

        // Back on the title page: owned now, and the sale counted.
        QTRY_VERIFY(find<QPushButton>("titleOpen")->isVisible());
        QVERIFY(find<QPushButton>("titleOpen")->isEnabled());
        QVERIFY(!find<QPushButton>("titleBuy")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            text("titleProductDetails").contains(QStringLiteral("Sold: 1 time(s)")), kGuiWaitMs);
    }

    void aTitleBeyondTheBalanceIsRefusedBeforeThePassphrase()
    {
        click(find<QPushButton>("titleBack"));
        QTRY_VERIFY(grid()->isVisible());
        openTitleFromGrid(m_song);
        QTRY_COMPARE_WITH_TIMEOUT(
            text("titleName"), QStringLiteral("Songs of the Sea"), kGuiWaitMs);
        QVERIFY(!find<QPushButton>("titleSample")->isVisible()); // published without a sample
        ui::BuyDialog* dialog = openBuyDialog();
        QVERIFY(dialog);
        auto* error = widget<QLabel>(dialog, "buyError");
        QTRY_VERIFY_WITH_TIMEOUT(
            error->text().startsWith(QStringLiteral("Insufficient funds: the price of 500 PHT")),
            kGuiWaitMs);
        QVERIFY(!widget<QPushButton>(dialog, "buyConfirm")->isEnabled());
        dialog->reject();
    }

    // A title opened while its description has not arrived (no peer had it) fills in on the
    // open page once a later refresh brings it.
    void anOpenTitlePageFillsInWhenTheDescriptionArrives()
    {
        m_unseenAuthor = std::make_unique<ContentUser>(m_node.profile());
        QVERIFY(fund(*m_dev, m_unseenAuthor->address));
        QVERIFY(m_unseenAuthor->open());
        api::PublishRequest request;
        request.file = (files() / "treatise.pdf").string();
        request.metadata = { "Tides and Currents", { "Ida Sailor" }, "Nature",
            "What the moon does to the sea.", "", {} };
        request.price = baseUnits("1");
        auto published = m_unseenAuthor->publish(request);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        const std::uint64_t tides = published->titleId;

        click(find<QPushButton>("titleBack"));
        QTRY_VERIFY(grid()->isVisible());
        click(find<QPushButton>("discoverRefresh"));
        // Nobody the reader knows has its metadata: the fetch gives up after its timeout.
        QTRY_VERIFY_WITH_TIMEOUT(
            text("discoverStatus").contains(QStringLiteral("still without")), kGuiWaitMs * 2);
        openTitleFromGrid(tides);
        QTRY_VERIFY_WITH_TIMEOUT(
            text("titleBlurb").startsWith(QStringLiteral("The description has not arrived")),
            kGuiWaitMs);
        QCOMPARE(text("titleName"), QStringLiteral("Title %1").arg(tides));

        // The author's swarm becomes known; the next refresh (Discover's own, now and then)
        // brings the description, and the open page shows it.
        m_reader->library().addPeer(m_unseenAuthor->peerAddress());
        m_page->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(
            text("titleName"), QStringLiteral("Tides and Currents"), kGuiWaitMs);
        QCOMPARE(text("titleBlurb"), QStringLiteral("What the moon does to the sea."));
        QCOMPARE(text("titleAuthors"), QStringLiteral("by Ida Sailor"));

        // The author filter names both publishers; choosing one shows only its titles.
        click(find<QPushButton>("titleBack"));
        QTRY_VERIFY(grid()->isVisible());
        auto* authors = find<QComboBox>("discoverAuthor");
        QTRY_COMPARE(authors->count(), 3); // all, Ada Lovelace, Ida Sailor
        const int ida = authors->findData(QString::fromStdString(m_unseenAuthor->address));
        QVERIFY(ida > 0);
        QVERIFY(authors->itemText(ida).startsWith(QStringLiteral("Ida Sailor (0x")));
        authors->setCurrentIndex(ida);
        QCOMPARE(rows(), 1);
        QVERIFY(rowText(0).startsWith(QStringLiteral("Tides and Currents")));
        authors->setCurrentIndex(0);
        QCOMPARE(rows(), 3);
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_unseenAuthor.reset();
        m_reader.reset();
        m_author.reset();
        m_dev.reset();
    }
};

QTEST_MAIN(TestDiscoverScreen)
#include "tst_discover_screen.moc"
