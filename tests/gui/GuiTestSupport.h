#pragma once

// The desktop app as a user meets it, in a temporary profile: composed by the app's own
// DesktopApp (a real lightstreams-node for "This computer"), driven through its widgets.
#include "app/gui/DesktopApp.h"
#include "core/api/LocalNetwork.h"
#include "ui/MainWindow.h"
#include "ui/library/UnlockPanel.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ls::testing {

inline constexpr int kGuiWaitMs = 60'000;

// Saves a picture of `widget` as NAME.png under $LS_SCREENSHOT_DIR, when it is set
// (scripts/screenshots.sh renders docs/screenshots/ that way).
inline void snapshot(QWidget* widget, const char* name)
{
    const QString directory = qEnvironmentVariable("LS_SCREENSHOT_DIR");
    if (directory.isEmpty() || !widget)
        return;
    QCoreApplication::processEvents(); // the last changes painted
    const QString file
        = directory + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png");
    if (!widget->grab().save(file))
        qWarning("cannot write %s", qPrintable(file));
}
inline constexpr const char* kGuiPassphrase = "correct horse battery staple";

// Finds a widget by object name under `parent`, failing the test when it is missing.
template <typename T> T* widget(QObject* parent, const char* name)
{
    T* found = parent ? parent->findChild<T*>(QString::fromLatin1(name)) : nullptr;
    if (!found)
        qWarning("no widget named %s", name);
    return found;
}

class AppUnderTest {
public:
    // `syncIntervalMs` 0: the light client syncs only when asked (at connection, Sync now).
    explicit AppUnderTest(int syncIntervalMs = ui::MainWindow::kSyncIntervalMs)
        : m_ownDirectory(std::make_unique<QTemporaryDir>())
    {
        compose(m_ownDirectory->path().toStdString(), "test", syncIntervalMs);
    }
    // Profile `profile` in a data directory that other apps under test share, as several
    // profiles on one machine share the user's: one "This computer" for all of them.
    AppUnderTest(const std::filesystem::path& dataDirectory, std::string profile)
    {
        compose(dataDirectory, std::move(profile), ui::MainWindow::kSyncIntervalMs);
    }

    gui::DesktopApp& app() { return *m_app; }
    std::filesystem::path profileDirectory() const { return m_app->profile().directory(); }
    ui::MainWindow* window() { return m_app->mainWindow(); }
    QString statusText()
    {
        auto* label = window() ? widget<QLabel>(window()->statusBar(), "chainStatus") : nullptr;
        return label ? label->text() : QString();
    }
    void showSection(ui::MainWindow::Section section)
    {
        // As a user does: a click on the navigation rail.
        auto* navigation = widget<QListWidget>(window(), "navigation");
        const QRect rect = navigation->visualItemRect(navigation->item(static_cast<int>(section)));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
    }

private:
    void compose(std::filesystem::path dataDirectory, std::string profile, int syncIntervalMs)
    {
        gui::DesktopOptions options;
        options.syncIntervalMs = syncIntervalMs;
        options.profile = std::move(profile);
        options.dataDirectory = std::move(dataDirectory);
        options.nodeProgram = LS_NODE_PATH;
        // Tests only: a key file in a fraction of a second instead of about one.
        options.keyFileStrength = api::KeyFileStrength::Light;
        // The content swarm on loopback only, peers named explicitly (no DHT, no multicast).
        options.swarm.listenInterfaces = "127.0.0.1:0";
        options.swarm.dht = false;
        options.swarm.localDiscovery = false;
        m_app = gui::DesktopApp::create(std::move(options)).value();
    }

    std::unique_ptr<QTemporaryDir> m_ownDirectory; // null when the data directory is shared
    std::unique_ptr<gui::DesktopApp> m_app;
};

inline void click(QAbstractButton* button)
{
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(button->text()));
    // Near the left edge: a check box or radio button stretched across a layout reacts only on
    // its indicator and text, not in the middle of its empty width.
    QTest::mouseClick(button, Qt::LeftButton, {},
        QPoint(std::min(10, button->width() / 2), button->height() / 2));
}

inline void type(QWidget* field, const QString& text)
{
    QVERIFY(field);
    QTest::keyClicks(field, text);
}

// Answers the non-blocking file dialog named `name` under `parent` with `file`, as a user types
// it into Qt's own dialog.
inline void answerFileDialog(QWidget* parent, const char* name, const QString& file)
{
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY(([&] {
        for (auto* open : parent->findChildren<QFileDialog*>(QString::fromLatin1(name)))
            if (open->isVisible())
                dialog = open;
        return dialog != nullptr;
    }()));
    auto* field = widget<QLineEdit>(dialog, "fileNameEdit");
    QVERIFY(field);
    field->setText(file);
    QTest::keyClick(field, Qt::Key_Return);
}

// First run, as a new user: create a wallet, write the phrase down, confirm three words, keep
// "This computer". Returns the phrase's words through `phrase`. Check QTest::currentTestFailed().
// A returning user: the wallet exists before the app starts, so the app opens on the main window
// and asks for the passphrase to unlock the library.
inline void createWalletBeforeStart(AppUnderTest& subject)
{
    auto created = subject.app().wallet().create(kGuiPassphrase, 12, api::KeyFileStrength::Light);
    QVERIFY2(created, created ? "" : created.error().message.c_str());
}

inline void createWalletThroughOnboarding(AppUnderTest& subject, QStringList* phrase = nullptr)
{
    using Wizard = ui::OnboardingWizard;
    Wizard* wizard = subject.app().onboarding();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    QCOMPARE(wizard->currentId(), int(Wizard::WelcomeId));
    QVERIFY(widget<QRadioButton>(wizard, "createWallet")->isChecked());
    click(wizard->button(QWizard::NextButton));

    QCOMPARE(wizard->currentId(), int(Wizard::PassphraseId));
    type(widget<QLineEdit>(wizard, "passphrase"), QString::fromLatin1(kGuiPassphrase));
    type(widget<QLineEdit>(wizard, "passphraseAgain"), QString::fromLatin1(kGuiPassphrase));
    click(wizard->button(QWizard::CommitButton));
    // Argon2id runs on a worker; the page moves on by itself when the key file is written.
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(Wizard::PhraseId), kGuiWaitMs);

    QStringList words;
    for (int i = 1; i <= 12; ++i) {
        auto* word = widget<QLabel>(wizard, qPrintable(QStringLiteral("phraseWord%1").arg(i)));
        QVERIFY(word);
        words << word->property("word").toString();
    }
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // not before the tick
    click(widget<QCheckBox>(wizard, "phraseWrittenDown"));
    click(wizard->button(QWizard::NextButton));

    QCOMPARE(wizard->currentId(), int(Wizard::ConfirmId));
    for (int i = 0; i < 3; ++i) {
        auto* field = widget<QLineEdit>(wizard, qPrintable(QStringLiteral("confirmWord%1").arg(i)));
        QVERIFY(field);
        type(field, words.at(field->property("wordNumber").toInt() - 1));
    }
    click(wizard->button(QWizard::NextButton));

    QCOMPARE(wizard->currentId(), int(Wizard::NetworkId));
    QVERIFY(widget<QRadioButton>(wizard, "networkThisComputer")->isChecked());
    click(wizard->button(QWizard::FinishButton));
    QTRY_VERIFY(subject.window() && subject.window()->isVisible());
    if (phrase)
        *phrase = words;
}

// Waits until the light client follows the local network and the wallet shows a proven balance.
inline void waitUntilConnected(AppUnderTest& subject)
{
    QTRY_VERIFY_WITH_TIMEOUT(subject.app().chain() != nullptr
            || (subject.app().localNetwork()
                && subject.app().localNetwork()->status().state
                    == api::LocalNetworkStatus::State::Failed),
        kGuiWaitMs);
    if (!subject.app().chain())
        QFAIL(subject.app().localNetwork()->status().error.c_str());
    QTRY_VERIFY_WITH_TIMEOUT(
        subject.statusText().startsWith(QStringLiteral("Verified block ")), kGuiWaitMs);
}

// Types the passphrase into the unlock bar and presses Unlock; waits until the bar answers.
// Returns the error it shows (empty on success). Check QTest::currentTestFailed().
inline QString unlockWith(AppUnderTest& subject, const QString& passphrase)
{
    auto* panel = subject.window() ? subject.window()->unlockPanel() : nullptr;
    if (!panel || !panel->isVisible())
        return QStringLiteral("no unlock bar");
    auto* field = widget<QLineEdit>(panel, "unlockPassphrase");
    field->setFocus();
    QTest::keyClicks(field, passphrase);
    auto* button = widget<QPushButton>(panel, "unlockButton");
    QTest::mouseClick(button, Qt::LeftButton);
    // Argon2id on a worker, twice.
    if (!QTest::qWaitFor([&] { return !panel->isBusy(); }, kGuiWaitMs))
        return QStringLiteral("still unlocking");
    return panel->errorText();
}

} // namespace ls::testing
