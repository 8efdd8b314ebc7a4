// The PDF reader driven through its widgets: a book written here with QPdfWriter (six pages,
// read from a QBuffer as the library streams a title), turned, zoomed, searched, bookmarked and
// reopened where it was left; the committed sample book for the contents (QPdfWriter cannot
// write an outline; tests/gui/data/make-sample-book.py made it).
#include "ui/reader/PdfPageCanvas.h"
#include "ui/reader/PdfPageView.h"
#include "ui/reader/PdfReader.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

#include "tests/gui/GuiTestSupport.h"

using namespace ls::ui;
using ls::testing::widget;

namespace {

// Page n says "Page n"; every page has "common"; only page 4 (index 3) has "lighthouse".
QByteArray writeBook()
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&out);
        writer.setPageSize(QPageSize(QPageSize::A5));
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 14));
        for (int page = 1; page <= 6; ++page) {
            if (page > 1)
                writer.newPage();
            // Two lines at least: PDFium reads a single line QPdfWriter drew one glyph per line.
            QString text = QStringLiteral("Page %1. A common thread runs through every page of "
                                          "this book, from the first to the last.")
                               .arg(page);
            if (page == 4)
                text += QStringLiteral(" Far out on the rocks stands a lighthouse.");
            painter.drawText(QRect(40, 40, 330, 400), Qt::TextWordWrap, text);
        }
    }
    return out.data();
}

class ReaderUnderTest {
public:
    explicit ReaderUnderTest(const QByteArray& pdf)
    {
        m_buffer.setData(pdf);
        m_buffer.open(QIODevice::ReadOnly);
        reader.resize(1000, 720);
    }
    bool openAndShow()
    {
        reader.show();
        QApplication::setActiveWindow(&reader); // keyboard shortcuts go to the active window
        if (!QTest::qWaitForWindowActive(&reader))
            return false;
        reader.open(&m_buffer, QStringLiteral("A test book"));
        return QTest::qWaitFor(
                   [this] { return reader.isReady() || !reader.errorText().isEmpty(); }, 10'000)
            && reader.isReady();
    }
    QAction* action(const char* name) { return widget<QAction>(&reader, name); }
    void click(const char* actionName)
    {
        auto* bar = widget<QToolBar>(&reader, "readerToolbar");
        auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action(actionName)));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }
    PdfPageView* view() { return widget<PdfPageView>(&reader, "readerPageView"); }
    QString label(const char* name) { return widget<QLabel>(&reader, name)->text(); }

    PdfReader reader;

private:
    QBuffer m_buffer;
};

// The colour the canvas paints the current search match in, over white paper: strong orange.
bool showsCurrentMatch(QWidget* canvas)
{
    const QImage shot = canvas->grab().toImage();
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x) {
            const QColor c = shot.pixelColor(x, y);
            if (c.red() > 220 && c.green() > 150 && c.green() < 215 && c.blue() < 140)
                return true;
        }
    return false;
}

} // namespace

class TestReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensFromADeviceAndTurnsPages()
    {
        ReaderUnderTest subject(writeBook());
        QSignalSpy moves(&subject.reader, &PdfReader::positionChanged);
        QVERIFY(subject.openAndShow());
        QCOMPARE(subject.reader.pageCount(), 6);
        QCOMPARE(subject.label("readerPageCount"), QStringLiteral("of 6"));
        QVERIFY(!subject.action("readerPrevious")->isEnabled());

        subject.click("readerNext");
        QCOMPARE(subject.reader.currentPage(), 1);
        // The page number field: typed, then Enter.
        auto* number = widget<QSpinBox>(&subject.reader, "readerPageNumber");
        number->setFocus();
        number->selectAll();
        QTest::keyClicks(number, QStringLiteral("5"));
        QTest::keyClick(number, Qt::Key_Return);
        QCOMPARE(subject.reader.currentPage(), 4);
        // The keyboard: a whole page in view turns with Page Down and Left.
        subject.reader.setZoom(ZoomMode::FitPage);
        QTest::keyClick(subject.view(), Qt::Key_PageDown);
        QCOMPARE(subject.reader.currentPage(), 5);
        QVERIFY(!subject.action("readerNext")->isEnabled());
        QTest::keyClick(subject.view(), Qt::Key_Left);
        QCOMPARE(subject.reader.currentPage(), 4);
        QTest::keyClick(subject.view(), Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(subject.reader.currentPage(), 0);

        QList<int> pages;
        for (const auto& move : moves)
            pages << move.at(0).value<ReaderPosition>().page;
        QCOMPARE(pages, (QList<int> { 1, 4, 4, 5, 4, 0 })); // 4 twice: fitted to the page there
    }

    void zoomsInStepsAndFits()
    {
        ReaderUnderTest subject(writeBook());
        QVERIFY(subject.openAndShow());
        PdfPageView* view = subject.view();
        subject.reader.setZoom(ZoomMode::Custom, 1.0);
        const int actualWidth = view->renderedPage().width();
        QCOMPARE(subject.label("readerZoomLevel"), QStringLiteral("100%"));
        subject.click("readerZoomIn");
        QCOMPARE(subject.label("readerZoomLevel"), QStringLiteral("110%"));
        QCOMPARE(subject.reader.position().zoomFactor, 1.1);
        QVERIFY(view->renderedPage().width() > actualWidth);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(subject.label("readerZoomLevel"), QStringLiteral("90%"));

        const QSize room = view->viewport()->size();
        subject.click("readerFitWidth");
        QVERIFY(subject.action("readerFitWidth")->isChecked());
        const QSize page = view->renderedPage().deviceIndependentSize().toSize();
        QVERIFY2(page.width() > room.width() - 3 * PdfPageCanvas::kMargin
                && page.width() <= room.width() - 2 * PdfPageCanvas::kMargin,
            qPrintable(QStringLiteral("%1 in %2").arg(page.width()).arg(room.width())));
        subject.click("readerFitPage");
        QVERIFY(!subject.action("readerFitWidth")->isChecked());
        const QSize whole = view->renderedPage().deviceIndependentSize().toSize();
        QVERIFY(whole.height() <= view->viewport()->height() - 2 * PdfPageCanvas::kMargin);
        QCOMPARE(subject.reader.position().zoomMode, ZoomMode::FitPage);
    }

    void searchLandsOnTheMatchAndHighlightsIt()
    {
        ReaderUnderTest subject(writeBook());
        QVERIFY(subject.openAndShow());
        auto* canvas = subject.reader.findChild<PdfPageCanvas*>();
        auto* field = widget<QLineEdit>(&subject.reader, "readerSearchField");
        auto* results = widget<QListWidget>(&subject.reader, "readerSearchResults");
        QTest::keyClick(&subject.reader, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("LIGHTHOUSE"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE(subject.reader.currentPage(), 3);
        QTRY_COMPARE(subject.label("readerSearchStatus"), QStringLiteral("Match 1 of 1"));
        QCOMPARE(results->count(), 1);
        QVERIFY2(results->item(0)->text().startsWith(QStringLiteral("Page 4\n")),
            qPrintable(results->item(0)->text()));
        QVERIFY(showsCurrentMatch(canvas));
        subject.reader.goToPage(2); // no match on this page: nothing drawn
        QVERIFY(!showsCurrentMatch(canvas));

        // A word on every page: from page 3 on, Enter steps through, Shift+Enter goes back.
        field->clear();
        QTest::keyClicks(field, QStringLiteral("common"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE(subject.label("readerSearchStatus"), QStringLiteral("Match 3 of 6"));
        QCOMPARE(subject.reader.currentPage(), 2);
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(subject.reader.currentPage(), 3);
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(subject.reader.currentPage(), 1);
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {},
            results->visualItemRect(results->item(5)).center());
        QCOMPARE(subject.reader.currentPage(), 5);
        QVERIFY(showsCurrentMatch(canvas));

        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(field->text().isEmpty());
        QVERIFY(!showsCurrentMatch(canvas));
        QTest::keyClicks(field, QStringLiteral("absent"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE(
            subject.label("readerSearchStatus"), QStringLiteral("No matches for “absent”."));
        QCOMPARE(subject.reader.currentPage(), 5);
    }

    void contentsComeFromTheOutline()
    {
        QFile file(QStringLiteral(LS_TEST_DATA_DIR "/sample-book.pdf"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        ReaderUnderTest subject(file.readAll());
        QVERIFY(subject.openAndShow());
        auto* tree = widget<QTreeView>(&subject.reader, "readerContents");
        QVERIFY(tree->isVisible());
        const QAbstractItemModel* model = tree->model();
        QStringList chapters;
        for (int row = 0; row < model->rowCount(); ++row)
            chapters << model->index(row, 0).data().toString();
        QCOMPARE(chapters,
            (QStringList { QStringLiteral("The Lighthouse Keeper"),
                QStringLiteral("Chapter 1: The Storm"), QStringLiteral("Chapter 2: The Harbour"),
                QStringLiteral("Afterword") }));
        const QModelIndex section = model->index(0, 0, model->index(2, 0));
        QCOMPARE(section.data().toString(), QStringLiteral("2.1 Morning"));

        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(section).center());
        QCOMPARE(subject.reader.currentPage(), 4);
        subject.reader.previousPage(); // the chapter's first page: its entry is selected
        QCOMPARE(tree->currentIndex(), model->index(2, 0));
        // A bookmark is labelled with the part of the book it is in.
        subject.reader.nextPage();
        QTest::keyClick(subject.view(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(
            subject.reader.bookmarks(), (ReaderBookmarks { { 4, QStringLiteral("2.1 Morning") } }));

        ReaderUnderTest plain(writeBook()); // written without an outline
        QVERIFY(plain.openAndShow());
        QVERIFY(widget<QLabel>(&plain.reader, "readerNoContents")->isVisible());
    }

    void bookmarksToggleListAndJump()
    {
        ReaderUnderTest subject(writeBook());
        subject.reader.setBookmarks({ { 5, QStringLiteral("The end") } }); // given: not reported
        QSignalSpy changes(&subject.reader, &PdfReader::bookmarksChanged);
        QVERIFY(subject.openAndShow());
        subject.reader.goToPage(2);
        QVERIFY(!subject.action("readerBookmark")->isChecked());
        subject.click("readerBookmark");
        QVERIFY(subject.action("readerBookmark")->isChecked());
        QCOMPARE(changes.count(), 1);
        const auto marked = changes.last().at(0).value<ReaderBookmarks>();
        QCOMPARE(marked, (ReaderBookmarks { { 2, QString() }, { 5, QStringLiteral("The end") } }));

        auto* list = widget<QListWidget>(&subject.reader, "readerBookmarks");
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Page 3"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("Page 6 · The end"));
        widget<QTabWidget>(&subject.reader, "readerSidePanel")->setCurrentIndex(2);
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
        QCOMPARE(subject.reader.currentPage(), 5);
        QVERIFY(subject.action("readerBookmark")->isChecked());
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(subject.reader.bookmarks(), (ReaderBookmarks { { 2, QString() } }));
        QCOMPARE(changes.count(), 2);
        QVERIFY(!subject.action("readerBookmark")->isChecked());
    }

    void reopensWhereItWasLeft()
    {
        ReaderUnderTest subject(writeBook());
        const auto saved = ReaderPosition::fromString(QStringLiteral("page=4;zoom=1.5"));
        QVERIFY(saved);
        subject.reader.setPosition(*saved);
        QSignalSpy moves(&subject.reader, &PdfReader::positionChanged);
        QVERIFY(subject.openAndShow());
        QCOMPARE(subject.reader.currentPage(), 4);
        QCOMPARE(subject.label("readerZoomLevel"), QStringLiteral("150%"));
        QCOMPARE(moves.count(), 0); // what it was given, it does not report back
        subject.reader.setPosition({ 99, ZoomMode::FitWidth }); // clamped to the last page
        QCOMPARE(subject.reader.currentPage(), 5);
        QCOMPARE(moves.count(), 0);
        subject.reader.previousPage();
        QCOMPARE(moves.count(), 1);
        QCOMPARE(moves.last().at(0).value<ReaderPosition>().toString(),
            QStringLiteral("page=4;zoom=fit-width"));

        QCOMPARE(ReaderPosition::fromString(QStringLiteral("page=2;zoom=fit-page")),
            (ReaderPosition { 2, ZoomMode::FitPage }));
        for (const char* foreign : { "", "cfi=/6/4", "page=-1;zoom=1", "page=3;zoom=99" })
            QVERIFY2(!ReaderPosition::fromString(QString::fromLatin1(foreign)), foreign);
    }

    void reportsPagesReadLongEnough()
    {
        ReaderUnderTest subject(writeBook());
        qint64 now = 0;
        subject.reader.setClock([&now] { return now; });
        QSignalSpy reads(&subject.reader, &PdfReader::pageRead);
        QVERIFY(subject.openAndShow());
        now += 42'000;
        subject.reader.nextPage();
        now += 1'500; // flipped past
        subject.reader.nextPage();
        now += 3 * 60 * 60 * 1000; // left open for hours: counts as the cap
        subject.reader.nextPage();
        now += 9'000;
        subject.reader.hide(); // away from the reader: the visit ends
        now += 60'000;
        subject.reader.show();
        now += 5'000;
        subject.reader.closeDocument();
        QList<QList<int>> seen;
        for (const auto& read : reads)
            seen << QList<int> { read.at(0).toInt(), read.at(1).toInt() };
        QCOMPARE(seen,
            (QList<QList<int>> {
                { 0, 42 }, { 2, PageReadTimer::kMaximumSeconds }, { 3, 9 }, { 3, 5 } }));
    }

    void darkPagesInvertThePaper()
    {
        ReaderUnderTest subject(writeBook());
        QVERIFY(subject.openAndShow());
        subject.reader.setDarkPages(false);
        QCOMPARE(subject.view()->renderedPage().pixelColor(2, 2), QColor(Qt::white));
        subject.click("readerDarkPages");
        QVERIFY(subject.reader.darkPages());
        const QColor paper = subject.view()->renderedPage().pixelColor(2, 2);
        QVERIFY2(paper.lightness() < 60, qPrintable(paper.name()));
    }

    void worksAsAPageOfAnotherWindow()
    {
        QBuffer book;
        book.setData(writeBook());
        book.open(QIODevice::ReadOnly);
        QStackedWidget window; // as the main window's page stack
        auto* reader = new PdfReader;
        auto* elsewhere = new QWidget;
        window.addWidget(reader);
        window.addWidget(elsewhere);
        qint64 now = 0;
        reader->setClock([&now] { return now; });
        QSignalSpy reads(reader, &PdfReader::pageRead);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        reader->open(&book);
        QVERIFY(reader->isReady());
        QTest::keyClick(reader->findChild<PdfPageView*>(), Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(reader->currentPage(), 5);
        now += 20'000;
        window.setCurrentWidget(elsewhere); // another section: the reading stops there
        QCOMPARE(reads.count(), 1);
        QCOMPARE(reads.first(), (QList<QVariant> { 5, 20 }));
    }

    void whatIsNotAPdfShowsWhy()
    {
        ReaderUnderTest subject("%PDF-1.4\nthis is not really a PDF at all");
        QSignalSpy failures(&subject.reader, &PdfReader::failed);
        QVERIFY(!subject.openAndShow());
        QCOMPARE(failures.count(), 1);
        QCOMPARE(subject.label("readerMessage"), subject.reader.errorText());
        QVERIFY(subject.reader.errorText().startsWith(QStringLiteral("This title is not a PDF")));
        QVERIFY(widget<QLabel>(&subject.reader, "readerMessage")->isVisible());
        QVERIFY(!subject.action("readerNext")->isEnabled());
    }
};

QTEST_MAIN(TestReader)
#include "tst_reader.moc"
