#pragma once

#include "core/api/Wallet.h"

#include <QString>

#include <functional>

class QLabel;
class QLineEdit;
class QWidget;

// Small pieces the Studio's dialogs share.
namespace ls::ui::studio {

// A label for what went wrong, in the app's error colour, with room for a few lines from the
// start (the pages of a stacked widget do not grow when a wrapped label gets longer).
QLabel* errorLabel(const QString& objectName, QWidget* parent);
void setErrorStyle(QLabel* label, bool error);

// A passphrase field's text as a secret; the field is cleared and the copy wiped.
crypto::SecretBytes takeSecret(QLineEdit* field);

// Opens Qt's file dialog without blocking (tests answer it through its "fileNameEdit" field):
// `save` asks for a file to write, otherwise for an existing file to open.
void chooseFile(QWidget* parent, const QString& objectName, const QString& caption,
    const QString& filter, bool save, std::function<void(const QString&)> chosen);

} // namespace ls::ui::studio
