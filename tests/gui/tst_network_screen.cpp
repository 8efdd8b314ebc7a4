// The Network screen and the status bar over "This computer": what the light client verified,
// the endpoint it follows, alarms, and the local node's state through a stop and a restart.
#include <QCheckBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>

#include "tests/gui/GuiTestSupport.h"

using namespace ls;
using namespace ls::testing;
using State = api::LocalNetworkStatus::State;

class TestNetworkScreen : public QObject {
    Q_OBJECT

private:
    QLabel* label(const char* name) { return widget<QLabel>(m_subject->window(), name); }
    std::uint64_t verifiedHeight() const
    {
        return m_subject->app().chain()->status().verifiedHeight.value_or(0);
    }

    std::unique_ptr<AppUnderTest> m_subject;

private Q_SLOTS:
    void initTestCase()
    {
        m_subject = std::make_unique<AppUnderTest>(/*syncIntervalMs=*/0);
        m_subject->app().start();
        createWalletThroughOnboarding(*m_subject);
        QVERIFY(!QTest::currentTestFailed());
        waitUntilConnected(*m_subject);
        QVERIFY(!QTest::currentTestFailed());
        m_subject->showSection(ui::MainWindow::Section::Network);
        QTRY_COMPARE(m_subject->window()->currentSection(), ui::MainWindow::Section::Network);
    }

    void showsTheVerifiedBlock()
    {
        // The page and the status bar follow the light client as it verifies new blocks.
        QTRY_COMPARE_WITH_TIMEOUT(
            label("networkVerifiedHeight")->text(), QString::number(verifiedHeight()), kGuiWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_subject->statusText().section(QStringLiteral(" · "), 0, 0),
            QStringLiteral("Verified block %1").arg(verifiedHeight()), kGuiWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(label("networkVerifiedHash")->text(),
            QString::fromStdString(m_subject->app().chain()->status().verifiedBlockHash),
            kGuiWaitMs);
        QVERIFY(label("networkVerifiedHash")->text().startsWith(QStringLiteral("0x")));
        QVERIFY(
            label("networkName")->text().startsWith(QStringLiteral("This computer (chain id ")));
    }

    void sharingStartsOnceTheLibraryIsUnlocked()
    {
        // Right after the first-run wizard the library unlocks with the passphrase just chosen,
        // without asking again; the swarm then reports its listening port, peers and rates.
        auto* sharing = widget<QWidget>(m_subject->window(), "sharingPanel");
        QVERIFY(sharing);
        QTRY_VERIFY_WITH_TIMEOUT(m_subject->app().transfers() != nullptr, kGuiWaitMs);
        QTRY_VERIFY(widget<QCheckBox>(sharing, "fullSeeding")->isEnabled());
        QTRY_VERIFY(widget<QLabel>(sharing, "sharingSummary")
                        ->text()
                        .contains(QStringLiteral("listening on port")));
        QTRY_VERIFY(label("peerStatus")->isVisible());
        QVERIFY(!m_subject->window()->unlockPanel()->isVisible());
    }

    void listsTheEndpointItFollows()
    {
        auto* endpoints = widget<QTreeWidget>(m_subject->window(), "networkEndpoints");
        QTRY_COMPARE(endpoints->topLevelItemCount(), 1);
        const QTreeWidgetItem* row = endpoints->topLevelItem(0);
        QCOMPARE(row->text(0),
            QString::fromStdString(m_subject->app().localNetwork()->status().endpoint));
        QCOMPARE(row->text(1), QStringLiteral("Primary"));
    }

    void anHonestNetworkRaisesNoAlarm()
    {
        QVERIFY(label("networkNoAlarms")->isVisible());
        QVERIFY(!widget<QTreeWidget>(m_subject->window(), "networkAlarms")->isVisible());
        QVERIFY(m_subject->app().chain()->status().alarms.empty());
    }

    void showsTheLocalNodeRunning()
    {
        const auto status = m_subject->app().localNetwork()->status();
        QCOMPARE(status.state, State::Running);
        QCOMPARE(label("localNetworkState")->text(),
            QStringLiteral("Running on ") + QString::fromStdString(status.endpoint));
        QCOMPARE(
            label("localNetworkDirectory")->text(), QString::fromStdString(status.dataDirectory));
        QVERIFY(!widget<QPushButton>(m_subject->window(), "localNetworkRestart")->isVisible());
    }

    void syncNowFollowsTheNodesNewestBlock()
    {
        // This app follows the network only when asked (no periodic sync): the node's heartbeat
        // blocks reach the screen through the button alone.
        const std::uint64_t before = label("networkVerifiedHeight")->text().toULongLong();
        auto* syncNow = widget<QPushButton>(m_subject->window(), "networkSyncNow");
        QTRY_VERIFY_WITH_TIMEOUT((QTest::mouseClick(syncNow, Qt::LeftButton),
                                     label("networkVerifiedHeight")->text().toULongLong() > before),
            kGuiWaitMs);
        QCOMPARE(label("networkVerifiedHeight")->text(), QString::number(verifiedHeight()));
        QVERIFY(m_subject->app().chain()->status().lastError.empty());
    }

    void stoppedNodeDisconnectsAndStartAgainReconnects()
    {
        api::LocalNetwork* node = m_subject->app().localNetwork();
        node->stop();
        QTRY_COMPARE(m_subject->app().chain(), nullptr); // the app lets go of the old endpoint
        QTRY_COMPARE(label("localNetworkState")->text(), QStringLiteral("Stopped"));
        QCOMPARE(m_subject->statusText(), QStringLiteral("Not connected to a network"));
        QCOMPARE(label("networkName")->text(), QStringLiteral("Not connected"));
        auto* restart = widget<QPushButton>(m_subject->window(), "localNetworkRestart");
        QTRY_VERIFY(restart->isVisible());

        const std::uint64_t heightBefore = label("networkVerifiedHeight")->text().toULongLong();
        click(restart);
        QTRY_VERIFY_WITH_TIMEOUT(node->status().state != State::Starting, kGuiWaitMs);
        QCOMPARE(node->status().state, State::Running);
        waitUntilConnected(*m_subject);
        if (QTest::currentTestFailed())
            return;
        // The same chain, on the node's new port: the header store continues.
        QTRY_VERIFY_WITH_TIMEOUT(verifiedHeight() >= heightBefore, kGuiWaitMs);
        QTRY_COMPARE(label("localNetworkState")->text(),
            QStringLiteral("Running on ") + QString::fromStdString(node->status().endpoint));
    }

    void cleanupTestCase() { m_subject.reset(); }
};

QTEST_MAIN(TestNetworkScreen)
#include "tst_network_screen.moc"
