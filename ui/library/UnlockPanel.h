#pragma once

#include "core/api/Wallet.h"
#include "core/util/Error.h"

#include <QFrame>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ls::ui {

// Opens the profile's content with the wallet passphrase; `done` comes on the GUI thread. The
// work (Argon2id, twice) must not run on the GUI thread.
using UnlockContent
    = std::function<void(crypto::SecretBytes passphrase, std::function<void(Result<void>)> done)>;

// The bar across the top of the main window while the library is locked, as a password manager
// asks: the passphrase, Unlock, and what went wrong. Everything else (wallet, network) works
// meanwhile. A wrong passphrase says so and asks again; success emits unlocked().
class UnlockPanel : public QFrame {
    Q_OBJECT

public:
    explicit UnlockPanel(UnlockContent unlock, QWidget* parent = nullptr);

    bool isBusy() const { return m_busy; }
    QString errorText() const;

Q_SIGNALS:
    void unlocked();

private:
    void submit();
    void setBusy(bool busy);
    void onResult(const Result<void>& result);

    UnlockContent m_unlock;
    bool m_busy = false;
    QLineEdit* m_passphrase = nullptr;
    QPushButton* m_button = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace ls::ui
