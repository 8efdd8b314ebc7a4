#pragma once

#include "core/api/Wallet.h"
#include "core/util/Error.h"

#include <QWizard>

#include <filesystem>
#include <functional>
#include <string>
#include <utility>

namespace ls::ui {

// What the first-run wizard works with; the composition root provides it.
struct OnboardingSetup {
    api::Wallet* wallet = nullptr;
    api::KeyFileStrength keyFileStrength = api::KeyFileStrength::Standard;
    // Checks the network profile file the user picked and makes it this profile's network;
    // returns the network's name. Fast (a small file): called on the GUI thread.
    std::function<Result<std::string>(const std::filesystem::path&)> joinNetwork;
    std::string localFundsPht = "10000"; // what "This computer" puts in the new wallet
};

// First run (DESIGN.md §6): create a wallet (passphrase twice, then the recovery phrase shown
// and three of its words asked back) or restore one from its phrase; then choose the network:
// "This computer" (the default) or a network profile file.
class OnboardingWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { WelcomeId, RestoreId, PassphraseId, PhraseId, ConfirmId, NetworkId };
    enum class NetworkChoice { ThisComputer, JoinNetwork };

    explicit OnboardingWizard(OnboardingSetup setup, QWidget* parent = nullptr);
    ~OnboardingWizard() override;

    const OnboardingSetup& setup() const { return m_setup; }
    bool restoring() const;

    // The wallet the passphrase page stored, with its new phrase (empty when restored).
    void setStoredWallet(std::string address, crypto::SecretBytes phrase);
    const crypto::SecretBytes& phrase() const { return m_phrase; }
    void forgetPhrase();
    // The new wallet's passphrase, kept (in locked, wiped memory) for the app to unlock the
    // library right after the wizard, instead of asking again; taken once, else wiped on Cancel.
    void keepPassphrase(crypto::SecretBytes passphrase) { m_passphrase = std::move(passphrase); }
    crypto::SecretBytes takePassphrase() { return std::exchange(m_passphrase, {}); }
    const std::string& address() const { return m_address; }

    void setNetworkChoice(NetworkChoice choice, QString networkName);
    NetworkChoice networkChoice() const { return m_networkChoice; }
    const QString& networkName() const { return m_networkName; }

    // Locks Back and Cancel while the key file is being written.
    void setBusy(bool busy);

    void done(int result) override;

private:
    OnboardingSetup m_setup;
    std::string m_address;
    crypto::SecretBytes m_phrase;
    crypto::SecretBytes m_passphrase;
    NetworkChoice m_networkChoice = NetworkChoice::ThisComputer;
    QString m_networkName;
};

} // namespace ls::ui
