#include "ui/MainWindow.h"
#include "ui/library/UnlockPanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
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
        QCOMPARE(titles,
            (QStringList { QStringLiteral("Discover"), QStringLiteral("Library"),
                QStringLiteral("Studio"), QStringLiteral("Wallet"), QStringLiteral("Network"),
                QStringLiteral("Settings") }));
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
            auto* heading
                = pages->currentWidget()->findChild<QLabel*>(QStringLiteral("sectionHeading"));
            QVERIFY(heading);
            QCOMPARE(heading->text(), item->text());
        }
    }

    void sectionNamesParseCaseInsensitively()
    {
        QCOMPARE(
            MainWindow::sectionFromName(QStringLiteral("wallet")), MainWindow::Section::Wallet);
        QCOMPARE(
            MainWindow::sectionFromName(QStringLiteral("Network")), MainWindow::Section::Network);
        QVERIFY(!MainWindow::sectionFromName(QStringLiteral("Nowhere")).has_value());
    }

    void statusBarDoesNotClaimAConnection()
    {
        MainWindow window;
        auto* chain = window.statusBar()->findChild<QLabel*>(QStringLiteral("chainStatus"));
        QVERIFY(chain);
        QCOMPARE(chain->text(), QStringLiteral("Not connected to a network"));
    }

    void peersAndRatesStayHiddenWithoutASwarm()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.statusBar()->findChild<QLabel*>(QStringLiteral("peerStatus"))->isVisible());
        QVERIFY(!window.statusBar()->findChild<QLabel*>(QStringLiteral("rateStatus"))->isVisible());
        QVERIFY(!window.libraryPage());
        QVERIFY(!window.keepsRunningInTray()); // no swarm, no full seeding
    }

    // The unlock bar hands the passphrase to the app's unlock function (a seam here: the app's
    // own runs Argon2id on a worker, tests/gui/tst_library_screen) and shows its answer.
    void theUnlockBarAsksAgainAfterAWrongPassphrase()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList tried;
        window.requestUnlock([&](ls::crypto::SecretBytes passphrase, auto done) {
            tried << QString::fromUtf8(
                passphrase.asText().data(), qsizetype(passphrase.asText().size()));
            if (passphrase.asText() == "right one")
                return done({});
            done(ls::fail(ls::ErrorKind::WrongPassphrase, "wrong passphrase"));
        });
        auto* panel = window.unlockPanel();
        QVERIFY(panel && panel->isVisible());
        auto* field = panel->findChild<QLineEdit*>(QStringLiteral("unlockPassphrase"));
        auto* button = panel->findChild<QPushButton*>(QStringLiteral("unlockButton"));
        QVERIFY(field && button);
        QCOMPARE(field->echoMode(), QLineEdit::Password);

        QTest::keyClicks(field, QStringLiteral("wrong one"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(panel->errorText().contains(QStringLiteral("does not open this wallet")));
        QVERIFY(field->text().isEmpty()); // nothing of it stays in the field
        QVERIFY(panel->isVisible());

        QTest::keyClicks(field, QStringLiteral("right one"));
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(panel->errorText().isEmpty());
        QVERIFY(!panel->isVisible());
        QCOMPARE(tried, (QStringList { QStringLiteral("wrong one"), QStringLiteral("right one") }));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
