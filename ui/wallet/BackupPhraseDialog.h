#pragma once

#include "core/api/Wallet.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace ls::ui {

class PhraseGrid;

// Shows the wallet's recovery phrase after the passphrase (checked on a worker thread: the key
// file's Argon2id takes about a second).
class BackupPhraseDialog : public QDialog {
    Q_OBJECT

public:
    explicit BackupPhraseDialog(const api::Wallet& wallet, QWidget* parent = nullptr);

private:
    void reveal();
    void setBusy(bool busy);

    const api::Wallet& m_wallet;
    QLineEdit* m_passphrase = nullptr;
    QPushButton* m_show = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_error = nullptr;
    PhraseGrid* m_phrase = nullptr;
};

} // namespace ls::ui
