#include "ui/library/UnlockPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

crypto::SecretBytes secretOf(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    crypto::SecretBytes secret(
        asBytes(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))));
    crypto::secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

} // namespace

UnlockPanel::UnlockPanel(UnlockContent unlock, QWidget* parent)
    : QFrame(parent)
    , m_unlock(std::move(unlock))
{
    setObjectName(QStringLiteral("unlockPanel"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("QFrame#unlockPanel { background: palette(alternate-base); }"));

    auto* prompt = new QLabel(
        tr("Your library is locked. Enter your wallet passphrase to read, play and share your "
           "titles."),
        this);
    prompt->setWordWrap(true);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("unlockPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Passphrase"));
    m_passphrase->setMinimumWidth(220);
    m_button = new QPushButton(tr("Unlock"), this);
    m_button->setObjectName(QStringLiteral("unlockButton"));
    m_button->setDefault(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    auto* row = new QHBoxLayout;
    row->addWidget(prompt, 1);
    row->addWidget(m_passphrase);
    row->addWidget(m_button);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_button, &QPushButton::clicked, this, &UnlockPanel::submit);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &UnlockPanel::submit);
}

QString UnlockPanel::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void UnlockPanel::submit()
{
    if (m_busy || m_passphrase->text().isEmpty())
        return;
    crypto::SecretBytes passphrase = secretOf(m_passphrase->text());
    m_passphrase->clear();
    m_error->hide();
    setBusy(true);
    m_unlock(std::move(passphrase), [self = QPointer<UnlockPanel>(this)](Result<void> result) {
        if (self)
            self->onResult(result);
    });
}

void UnlockPanel::onResult(const Result<void>& result)
{
    setBusy(false);
    if (result) {
        Q_EMIT unlocked();
        return;
    }
    m_error->setText(result.error().kind == ErrorKind::WrongPassphrase
            ? tr("That passphrase does not open this wallet. Check it and try again.")
            : tr("The library could not be opened: %1")
                  .arg(QString::fromStdString(result.error().message)));
    m_error->show();
    m_passphrase->setFocus();
}

void UnlockPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_passphrase->setEnabled(!busy);
    m_button->setEnabled(!busy);
    m_button->setText(busy ? tr("Unlocking…") : tr("Unlock"));
}

} // namespace ls::ui
