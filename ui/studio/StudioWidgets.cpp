#include "ui/studio/StudioWidgets.h"

#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>

#include <string_view>

namespace ls::ui::studio {

QLabel* errorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setErrorStyle(label, true);
    return label;
}

void setErrorStyle(QLabel* label, bool error)
{
    label->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

crypto::SecretBytes takeSecret(QLineEdit* field)
{
    QByteArray utf8 = field->text().toUtf8();
    field->clear();
    crypto::SecretBytes secret(
        asBytes(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))));
    crypto::secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

void chooseFile(QWidget* parent, const QString& objectName, const QString& caption,
    const QString& filter, bool save, std::function<void(const QString&)> chosen)
{
    auto* dialog = new QFileDialog(parent, caption, QString(), filter);
    dialog->setObjectName(objectName);
    dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QFileDialog::fileSelected, parent, std::move(chosen));
    dialog->open();
}

} // namespace ls::ui::studio
