#include "ui/studio/PublishWizard.h"

#include "ui/PhtAmount.h"
#include "ui/studio/MetadataForm.h"
#include "ui/studio/PublishProgressView.h"
#include "ui/studio/StudioWidgets.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeDatabase>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ls::ui {

PublishWizard::PublishWizard(api::Studio& studio, QWidget* parent)
    : QDialog(parent)
    , m_studio(studio)
{
    setObjectName(QStringLiteral("publishWizard"));
    setWindowTitle(tr("Publish a title"));
    setMinimumWidth(620);
    m_steps = new QStackedWidget(this);
    m_metadataForm = new MetadataForm(this);
    m_progressView = new PublishProgressView(this);
    m_steps->insertWidget(FileStep, buildFileStep());
    m_steps->insertWidget(MetadataStep, m_metadataForm);
    m_steps->insertWidget(PriceStep, buildPriceStep());
    m_steps->insertWidget(ReviewStep, buildReviewStep());
    m_steps->insertWidget(ProgressStep, m_progressView);

    m_back = new QPushButton(tr("Back"), this);
    m_back->setObjectName(QStringLiteral("publishBack"));
    m_next = new QPushButton(tr("Next"), this);
    m_next->setObjectName(QStringLiteral("publishNext"));
    m_next->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("publishCancel"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addLayout(buttons);
    connect(m_back, &QPushButton::clicked, this, &PublishWizard::back);
    connect(m_next, &QPushButton::clicked, this, &PublishWizard::next);
    connect(m_cancel, &QPushButton::clicked, this, &PublishWizard::cancelOrClose);
    goTo(FileStep);
}

// Closing the window while publishing cancels too: the handle goes with the dialog.
PublishWizard::~PublishWizard() = default;

int PublishWizard::step() const
{
    return m_steps->currentIndex();
}

QWidget* PublishWizard::buildFileStep()
{
    auto* page = new QWidget(this);
    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("publishFile"));
    m_file->setReadOnly(true);
    m_file->setPlaceholderText(tr("A book (PDF, EPUB), music or a video"));
    auto* choose = new QPushButton(tr("Choose…"), page);
    choose->setObjectName(QStringLiteral("publishChooseFile"));
    m_mediaType = new QLabel(page);
    m_mediaType->setObjectName(QStringLiteral("publishMediaType"));
    m_fileError = studio::errorLabel(QStringLiteral("publishFileError"), page);
    auto* row = new QHBoxLayout;
    row->addWidget(m_file, 1);
    row->addWidget(choose);
    auto* form = new QFormLayout;
    form->addRow(tr("File"), row);
    form->addRow(tr("Type"), m_mediaType);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Choose the file to publish. It is encrypted on this computer; "
                                    "only buyers get its key."),
        page));
    layout->addLayout(form);
    layout->addWidget(m_fileError);
    layout->addStretch(1);
    connect(choose, &QPushButton::clicked, this, [this] {
        studio::chooseFile(this, QStringLiteral("publishFileDialog"),
            tr("Choose a file to publish"), tr("All files (*)"), false,
            [this](const QString& file) { setFile(file); });
    });
    return page;
}

QWidget* PublishWizard::buildPriceStep()
{
    auto* page = new QWidget(this);
    m_priceField = new QLineEdit(page);
    m_priceField->setObjectName(QStringLiteral("publishPrice"));
    m_priceField->setPlaceholderText(tr("Price in PHT, like 2.5"));
    m_priceError = studio::errorLabel(QStringLiteral("publishPriceError"), page);
    auto* form = new QFormLayout;
    form->addRow(tr("Price"), m_priceField);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(
        tr("What a licence costs. You can change the price later; earlier buyers keep theirs."),
        page));
    layout->addLayout(form);
    layout->addWidget(m_priceError);
    layout->addStretch(1);
    return page;
}

QWidget* PublishWizard::buildReviewStep()
{
    auto* page = new QWidget(this);
    m_review = new QLabel(page);
    m_review->setObjectName(QStringLiteral("publishReview"));
    m_review->setWordWrap(true);
    m_review->setTextFormat(Qt::PlainText);
    m_review->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_passphrase = new QLineEdit(page);
    m_passphrase->setObjectName(QStringLiteral("publishPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_reviewError = studio::errorLabel(QStringLiteral("publishReviewError"), page);
    auto* form = new QFormLayout;
    form->addRow(tr("Passphrase"), m_passphrase);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_review);
    layout->addWidget(new QLabel(tr("Publishing records the title on the chain (a network fee) "
                                    "and starts seeding it from this computer."),
        page));
    layout->addLayout(form);
    layout->addWidget(m_reviewError);
    layout->addStretch(1);
    return page;
}

void PublishWizard::setFile(const QString& file)
{
    m_file->setText(file);
    m_fileError->clear();
    const QFileInfo info(file);
    if (!info.isFile()) {
        m_mediaType->clear();
        m_fileError->setText(tr("There is no file %1.").arg(file));
        return;
    }
    // The same recognition the Studio records in the container (by name and first bytes).
    const QMimeType type = QMimeDatabase().mimeTypeForFile(file);
    m_mediaType->setText(
        tr("%1 (%2), %3")
            .arg(type.comment(), type.name(), QLocale().formattedDataSize(info.size())));
}

void PublishWizard::goTo(int step)
{
    m_steps->setCurrentIndex(step);
    m_back->setVisible(step != FileStep && step != ProgressStep);
    m_next->setVisible(step != ProgressStep);
    m_next->setText(step == ReviewStep ? tr("Publish") : tr("Next"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setEnabled(true);
    if (step == ReviewStep)
        m_passphrase->setFocus();
}

void PublishWizard::next()
{
    switch (step()) {
    case FileStep:
        if (m_file->text().isEmpty() || !QFileInfo(m_file->text()).isFile()) {
            m_fileError->setText(tr("Choose a file to publish."));
            return;
        }
        return goTo(MetadataStep);
    case MetadataStep:
        m_metadata = m_metadataForm->check();
        if (m_metadata)
            goTo(PriceStep);
        return;
    case PriceStep: {
        QString error;
        const auto price = pht::parse(m_priceField->text(), &error);
        m_priceError->setText(error);
        if (!price)
            return;
        m_price = *price;
        fillReview();
        return goTo(ReviewStep);
    }
    case ReviewStep:
        return publish();
    default:
        return;
    }
}

void PublishWizard::back()
{
    if (step() > FileStep && step() < ProgressStep)
        goTo(step() - 1);
}

void PublishWizard::fillReview()
{
    const api::TitleMetadata& metadata = *m_metadata;
    QStringList authors;
    for (const auto& author : metadata.authors)
        authors << QString::fromStdString(author);
    QStringList lines;
    lines << tr("File: %1").arg(m_file->text()) << tr("Type: %1").arg(m_mediaType->text())
          << tr("Title: %1").arg(QString::fromStdString(metadata.title))
          << tr("Authors: %1")
                 .arg(authors.isEmpty() ? tr("none given") : authors.join(QStringLiteral("; ")))
          << tr("Subject: %1").arg(QString::fromStdString(metadata.subject))
          << (metadata.contents.size() == 1
                     ? tr("Contents: 1 entry")
                     : tr("Contents: %1 entries").arg(metadata.contents.size()))
          << tr("Cover: %1")
                 .arg(metadata.coverImageFile.empty()
                         ? tr("none")
                         : QString::fromStdString(metadata.coverImageFile))
          << tr("Sample: %1")
                 .arg(metadata.sampleFile.empty() ? tr("none")
                                                  : QString::fromStdString(metadata.sampleFile))
          << tr("Price: %1").arg(pht::formatWithUnit(m_price));
    m_review->setText(lines.join(QLatin1Char('\n')));
    m_reviewError->clear();
}

void PublishWizard::publish()
{
    if (m_passphrase->text().isEmpty()) {
        m_reviewError->setText(tr("Type your wallet's passphrase."));
        return;
    }
    api::PublishRequest request;
    request.file = m_file->text().toStdString();
    request.metadata = *m_metadata;
    request.price = m_price;
    m_progressView->reset();
    m_running = true;
    goTo(ProgressStep);
    m_publishing = m_studio.publish(
        std::move(request), studio::takeSecret(m_passphrase),
        [this](const api::PublishProgress& progress) { m_progressView->showProgress(progress); },
        [this](Result<api::PublishedVersion> result) { onDone(std::move(result)); });
}

void PublishWizard::onDone(Result<api::PublishedVersion> result)
{
    m_running = false;
    if (!result && result.error().kind == ErrorKind::WrongPassphrase) {
        // Nothing was signed: the same request again, with the right passphrase.
        m_publishing.reset();
        goTo(ReviewStep);
        m_reviewError->setText(tr("Wrong passphrase. Nothing was published."));
        Q_EMIT stopped(); // a publication may have been recorded to resume
        return;
    }
    m_progressView->showDone(result, !result && isUnfinished());
    m_cancel->setText(tr("Close"));
    if (result)
        Q_EMIT published(*result);
    else
        Q_EMIT stopped();
    // The handle goes after this callback returns, not inside it.
    QMetaObject::invokeMethod(
        this, [this] { m_publishing.reset(); }, Qt::QueuedConnection);
}

bool PublishWizard::isUnfinished()
{
    const auto unfinished = m_studio.unfinished();
    if (!unfinished)
        return false;
    const QString file = QFileInfo(m_file->text()).absoluteFilePath();
    return std::any_of(unfinished->begin(), unfinished->end(), [&](const auto& publication) {
        return QFileInfo(QString::fromStdString(publication.file)).absoluteFilePath() == file
            && publication.title == m_metadata->title;
    });
}

void PublishWizard::cancelOrClose()
{
    if (step() == ProgressStep && m_running) {
        m_running = false;
        m_publishing.reset();
        m_progressView->showCancelled();
        m_cancel->setText(tr("Close"));
        Q_EMIT stopped();
        return;
    }
    reject();
}

} // namespace ls::ui
