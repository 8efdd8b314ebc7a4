#include "ui/studio/PublishJobDialog.h"

#include "ui/studio/PublishProgressView.h"
#include "ui/studio/StudioWidgets.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ls::ui {

PublishJobDialog* PublishJobDialog::addVersion(
    api::Studio& studio, std::uint64_t titleId, const QString& titleName, QWidget* parent)
{
    auto* dialog = new PublishJobDialog(studio, Kind::AddVersion, parent);
    dialog->m_titleId = titleId;
    dialog->setObjectName(QStringLiteral("addVersionDialog"));
    dialog->setWindowTitle(tr("Add a version"));
    dialog->build(tr("A new version of “%1”. Buyers of the title get it too.").arg(titleName));
    return dialog;
}

PublishJobDialog* PublishJobDialog::resume(
    api::Studio& studio, const api::UnfinishedPublication& publication, QWidget* parent)
{
    auto* dialog = new PublishJobDialog(studio, Kind::Resume, parent);
    dialog->m_publicationId = publication.id;
    dialog->setObjectName(QStringLiteral("resumeDialog"));
    dialog->setWindowTitle(tr("Resume a publication"));
    dialog->build(tr("Continue publishing “%1” (%2) from: %3.")
                      .arg(QString::fromStdString(publication.title),
                          QString::fromStdString(publication.file),
                          PublishProgressView::stageText(publication.stage)));
    return dialog;
}

PublishJobDialog::PublishJobDialog(api::Studio& studio, Kind kind, QWidget* parent)
    : QDialog(parent)
    , m_studio(studio)
    , m_kind(kind)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(560);
}

void PublishJobDialog::build(const QString& intro)
{
    auto* details = new QWidget(this);
    auto* introLabel = new QLabel(intro, details);
    introLabel->setWordWrap(true);
    auto* form = new QFormLayout;
    if (m_kind == Kind::AddVersion) {
        m_file = new QLineEdit(details);
        m_file->setObjectName(QStringLiteral("versionFile"));
        m_file->setReadOnly(true);
        auto* choose = new QPushButton(tr("Choose…"), details);
        choose->setObjectName(QStringLiteral("versionChooseFile"));
        auto* row = new QHBoxLayout;
        row->addWidget(m_file, 1);
        row->addWidget(choose);
        m_note = new QLineEdit(details);
        m_note->setObjectName(QStringLiteral("versionNote"));
        m_note->setPlaceholderText(tr("What changed, like “Second edition, typos fixed”"));
        form->addRow(tr("File"), row);
        form->addRow(tr("Note"), m_note);
        connect(choose, &QPushButton::clicked, this, [this] {
            studio::chooseFile(this, QStringLiteral("versionFileDialog"),
                tr("Choose the new version's file"), tr("All files (*)"), false,
                [this](const QString& file) { m_file->setText(file); });
        });
    }
    m_passphrase = new QLineEdit(details);
    m_passphrase->setObjectName(QStringLiteral("versionPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Passphrase"), m_passphrase);
    m_error = studio::errorLabel(QStringLiteral("versionError"), details);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(introLabel);
    detailsLayout->addLayout(form);
    detailsLayout->addWidget(m_error);
    detailsLayout->addStretch(1);

    m_progressView = new PublishProgressView(this);
    m_steps = new QStackedWidget(this);
    m_steps->addWidget(details);
    m_steps->addWidget(m_progressView);
    m_start = new QPushButton(m_kind == Kind::Resume ? tr("Resume") : tr("Publish version"), this);
    m_start->setObjectName(QStringLiteral("versionStart"));
    m_start->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("versionCancel"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addLayout(buttons);
    connect(m_start, &QPushButton::clicked, this, &PublishJobDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &PublishJobDialog::cancelOrClose);
}

void PublishJobDialog::start()
{
    if (m_kind == Kind::AddVersion) {
        if (!QFileInfo(m_file->text()).isFile())
            return m_error->setText(tr("Choose the file of the new version."));
        const auto noteBytes = static_cast<std::size_t>(m_note->text().trimmed().toUtf8().size());
        if (noteBytes > api::TitleMetadataLimits::maxNoteBytes)
            return m_error->setText(tr("The note has %1 bytes; at most %2.")
                                        .arg(noteBytes)
                                        .arg(api::TitleMetadataLimits::maxNoteBytes));
    }
    if (m_passphrase->text().isEmpty())
        return m_error->setText(tr("Type your wallet's passphrase."));
    m_error->clear();
    m_progressView->reset();
    m_steps->setCurrentWidget(m_progressView);
    m_start->hide();
    m_busy = true;
    auto progress = [this](const api::PublishProgress& p) { m_progressView->showProgress(p); };
    auto done = [this](Result<api::PublishedVersion> result) { onDone(std::move(result)); };
    if (m_kind == Kind::AddVersion)
        m_running = m_studio.addVersion(m_titleId, m_file->text().toStdString(),
            m_note->text().trimmed().toStdString(), studio::takeSecret(m_passphrase),
            std::move(progress), std::move(done));
    else
        m_running = m_studio.resume(m_publicationId, studio::takeSecret(m_passphrase),
            std::move(progress), std::move(done));
}

void PublishJobDialog::onDone(Result<api::PublishedVersion> result)
{
    m_busy = false;
    if (!result && result.error().kind == ErrorKind::WrongPassphrase) {
        m_steps->setCurrentIndex(0);
        m_start->show();
        m_error->setText(tr("Wrong passphrase. Nothing was signed."));
        Q_EMIT stopped();
        return;
    }
    m_progressView->showDone(result, !result && isUnfinished());
    m_cancel->setText(tr("Close"));
    if (result)
        Q_EMIT published(*result);
    else
        Q_EMIT stopped();
    QMetaObject::invokeMethod(
        this, [this] { m_running.reset(); }, Qt::QueuedConnection);
}

bool PublishJobDialog::isUnfinished()
{
    const auto unfinished = m_studio.unfinished();
    if (!unfinished)
        return false;
    return std::any_of(unfinished->begin(), unfinished->end(), [&](const auto& publication) {
        return m_kind == Kind::Resume ? publication.id == m_publicationId
                                      : publication.titleId == m_titleId
                && QFileInfo(QString::fromStdString(publication.file)).absoluteFilePath()
                    == QFileInfo(m_file->text()).absoluteFilePath();
    });
}

void PublishJobDialog::cancelOrClose()
{
    if (m_busy) {
        m_busy = false;
        m_running.reset();
        m_progressView->showCancelled();
        m_cancel->setText(tr("Close"));
        Q_EMIT stopped();
        return;
    }
    reject();
}

} // namespace ls::ui
