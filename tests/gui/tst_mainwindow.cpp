#include "ui/MainWindow.h"

#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTest>

using ls::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void navigationListsEverySectionInDesignOrder()
    {
        MainWindow window;
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QStringList titles;
        for (int row = 0; row < navigation->count(); ++row)
            titles << navigation->item(row)->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("Discover"), QStringLiteral("Library"),
                                      QStringLiteral("Studio"), QStringLiteral("Wallet"),
                                      QStringLiteral("Network"), QStringLiteral("Settings")}));
    }

    void opensOnDiscover()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentSection(), MainWindow::Section::Discover);
    }

    void clickingANavigationItemShowsItsPage()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
        QVERIFY(navigation && pages);

        for (int row = navigation->count() - 1; row >= 0; --row) {
            QListWidgetItem* item = navigation->item(row);
            QRect rect = navigation->visualItemRect(item);
            QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
            QTRY_COMPARE(pages->currentIndex(), row);
            auto* heading = pages->currentWidget()->findChild<QLabel*>(QStringLiteral("sectionHeading"));
            QVERIFY(heading);
            QCOMPARE(heading->text(), item->text());
        }
    }

    void sectionNamesParseCaseInsensitively()
    {
        QCOMPARE(MainWindow::sectionFromName(QStringLiteral("wallet")), MainWindow::Section::Wallet);
        QCOMPARE(MainWindow::sectionFromName(QStringLiteral("Network")), MainWindow::Section::Network);
        QVERIFY(!MainWindow::sectionFromName(QStringLiteral("Nowhere")).has_value());
    }

    void statusBarDoesNotClaimAConnection()
    {
        MainWindow window;
        auto* chain = window.statusBar()->findChild<QLabel*>(QStringLiteral("chainStatus"));
        QVERIFY(chain);
        QCOMPARE(chain->text(), QStringLiteral("Not connected to a network"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
