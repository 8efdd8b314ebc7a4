#include "ui/studio/MetadataForm.h"

#include "ui/studio/StudioWidgets.h"

#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

using Limits = api::TitleMetadataLimits;

// The limits count bytes of UTF-8, as the Studio and the chain do.
QString sizeProblem(const QString& text, std::size_t limit)
{
    const auto bytes = static_cast<std::size_t>(text.toUtf8().size());
    if (bytes <= limit)
        return {};
    return MetadataForm::tr("At most %1 bytes; this has %2.").arg(limit).arg(bytes);
}

QStringList nonEmptyLines(const QString& text)
{
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            out << trimmed;
    }
    return out;
}

// PNG, JPEG or WebP by their first bytes, as the Studio recognises them (an image plugin for
// WebP may be missing here, yet the cover is still good for readers who have one).
bool isCoverImage(const QString& file)
{
    QFile image(file);
    if (!image.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = image.read(12);
    return head.startsWith("\x89PNG\r\n\x1a\n") || head.startsWith("\xff\xd8\xff")
        || (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP");
}

// A PDF, MP4/M4A or MP3 by its first bytes, as the Studio checks a sample (which also asks the
// file's type to be one the app's reader or player opens).
bool isSampleFile(const QString& file)
{
    QFile sample(file);
    if (!sample.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = sample.read(8);
    return head.startsWith("%PDF-") || head.mid(4, 4) == "ftyp" || head.startsWith("ID3")
        || (head.size() >= 2 && static_cast<quint8>(head[0]) == 0xff
            && (static_cast<quint8>(head[1]) & 0xe0) == 0xe0);
}

std::vector<std::string> toStrings(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& entry : list)
        out.push_back(entry.toStdString());
    return out;
}

} // namespace

MetadataForm::MetadataForm(QWidget* parent)
    : QWidget(parent)
{
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("publishTitle"));
    m_authors = new QLineEdit(this);
    m_authors->setObjectName(QStringLiteral("publishAuthors"));
    m_authors->setPlaceholderText(tr("Names separated by semicolons: Ann Author; Ben Writer"));
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("publishSubject"));
    m_subject->setPlaceholderText(tr("Fiction, Music, Science…"));
    m_blurb = new QPlainTextEdit(this);
    m_blurb->setObjectName(QStringLiteral("publishBlurb"));
    m_blurb->setTabChangesFocus(true);
    m_blurb->setMaximumHeight(m_blurb->fontMetrics().lineSpacing() * 5);
    m_contents = new QPlainTextEdit(this);
    m_contents->setObjectName(QStringLiteral("publishContents"));
    m_contents->setTabChangesFocus(true);
    m_contents->setPlaceholderText(tr("One chapter or track per line (optional)"));
    m_contents->setMaximumHeight(m_contents->fontMetrics().lineSpacing() * 5);

    auto* cover = new QWidget(this);
    m_coverPreview = new QLabel(cover);
    m_coverPreview->setObjectName(QStringLiteral("publishCoverPreview"));
    m_coverPreview->setFixedSize(96, 128);
    m_coverPreview->setAlignment(Qt::AlignCenter);
    m_coverPreview->setFrameShape(QFrame::StyledPanel);
    m_chooseCover = new QPushButton(tr("Choose…"), cover);
    m_chooseCover->setObjectName(QStringLiteral("publishChooseCover"));
    m_clearCover = new QPushButton(tr("No cover"), cover);
    m_clearCover->setObjectName(QStringLiteral("publishClearCover"));
    auto* coverButtons = new QVBoxLayout;
    coverButtons->addWidget(m_chooseCover);
    coverButtons->addWidget(m_clearCover);
    coverButtons->addStretch(1);
    auto* coverLayout = new QHBoxLayout(cover);
    coverLayout->setContentsMargins(0, 0, 0, 0);
    coverLayout->addWidget(m_coverPreview);
    coverLayout->addLayout(coverButtons);
    coverLayout->addStretch(1);

    auto* sample = new QWidget(this);
    m_sampleName = new QLabel(sample);
    m_sampleName->setObjectName(QStringLiteral("publishSampleName"));
    m_chooseSample = new QPushButton(tr("Choose…"), sample);
    m_chooseSample->setObjectName(QStringLiteral("publishChooseSample"));
    m_clearSample = new QPushButton(tr("No sample"), sample);
    m_clearSample->setObjectName(QStringLiteral("publishClearSample"));
    auto* sampleHint = new QLabel(tr("A short excerpt readers can try before they buy: a PDF, "
                                     "audio or video file of at most %1 KiB (optional).")
                                      .arg(Limits::maxSampleBytes / 1024),
        sample);
    sampleHint->setObjectName(QStringLiteral("publishSampleHint"));
    sampleHint->setWordWrap(true);
    auto* sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sampleName, 1);
    sampleRow->addWidget(m_chooseSample);
    sampleRow->addWidget(m_clearSample);
    auto* sampleLayout = new QVBoxLayout(sample);
    sampleLayout->setContentsMargins(0, 0, 0, 0);
    sampleLayout->addLayout(sampleRow);
    sampleLayout->addWidget(sampleHint);

    auto* form = new QFormLayout(this);
    m_titleError = addField(form, tr("Title"), m_title, QStringLiteral("publishTitleError"));
    m_authorsError
        = addField(form, tr("Authors"), m_authors, QStringLiteral("publishAuthorsError"));
    m_subjectError
        = addField(form, tr("Subject"), m_subject, QStringLiteral("publishSubjectError"));
    m_blurbError = addField(form, tr("Blurb"), m_blurb, QStringLiteral("publishBlurbError"));
    m_contentsError
        = addField(form, tr("Contents"), m_contents, QStringLiteral("publishContentsError"));
    m_coverError = addField(form, tr("Cover"), cover, QStringLiteral("publishCoverError"));
    m_sampleError = addField(form, tr("Sample"), sample, QStringLiteral("publishSampleError"));

    connect(m_chooseCover, &QPushButton::clicked, this, [this] {
        studio::chooseFile(this, QStringLiteral("publishCoverDialog"), tr("Choose a cover image"),
            tr("Images (*.png *.jpg *.jpeg *.webp)"), false,
            [this](const QString& file) { setCoverFile(file); });
    });
    connect(m_clearCover, &QPushButton::clicked, this, [this] { setCoverFile(QString()); });
    connect(m_chooseSample, &QPushButton::clicked, this, [this] {
        studio::chooseFile(this, QStringLiteral("publishSampleDialog"), tr("Choose a sample"),
            tr("Samples (*.pdf *.m4a *.mp3 *.mp4)"), false,
            [this](const QString& file) { setSampleFile(file); });
    });
    connect(m_clearSample, &QPushButton::clicked, this, [this] { setSampleFile(QString()); });
    setCoverFile(QString());
    setSampleFile(QString());
}

QLabel* MetadataForm::addField(
    QFormLayout* form, const QString& label, QWidget* field, const QString& errorName)
{
    auto* error = studio::errorLabel(errorName, this);
    error->hide();
    auto* column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(field);
    column->addWidget(error);
    form->addRow(label, column);
    return error;
}

void MetadataForm::setCoverFile(const QString& file)
{
    m_coverFile = file;
    m_coverError->clear();
    m_coverError->hide();
    m_clearCover->setEnabled(!file.isEmpty());
    if (file.isEmpty()) {
        m_coverPreview->setPixmap(QPixmap());
        m_coverPreview->setText(tr("No cover"));
        return;
    }
    const QPixmap image(file);
    if (image.isNull()) {
        m_coverPreview->setPixmap(QPixmap());
        m_coverPreview->setText(tr("?"));
    } else {
        m_coverPreview->setPixmap(
            image.scaled(m_coverPreview->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    }
    check(); // says at once when the image cannot be used
}

void MetadataForm::setSampleFile(const QString& file)
{
    m_sampleFile = file;
    m_sampleError->clear();
    m_sampleError->hide();
    m_clearSample->setEnabled(!file.isEmpty());
    m_sampleName->setText(file.isEmpty() ? tr("No sample") : QFileInfo(file).fileName());
    m_sampleName->setToolTip(file);
    if (!file.isEmpty())
        check(); // says at once when the file cannot be used
}

std::optional<api::TitleMetadata> MetadataForm::check()
{
    const QString title = m_title->text().trimmed();
    const QStringList authors = m_authors->text().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    QStringList authorNames;
    for (const QString& author : authors)
        if (!author.trimmed().isEmpty())
            authorNames << author.trimmed();
    const QString subject = m_subject->text().trimmed();
    const QString blurb = m_blurb->toPlainText().trimmed();
    const QStringList contents = nonEmptyLines(m_contents->toPlainText());

    auto show = [](QLabel* label, const QString& problem) {
        label->setText(problem);
        label->setVisible(!problem.isEmpty());
        return problem.isEmpty();
    };
    bool ok = show(m_titleError,
        title.isEmpty() ? tr("A title is needed.") : sizeProblem(title, Limits::maxTitleBytes));

    QString authorsProblem;
    if (static_cast<std::size_t>(authorNames.size()) > Limits::maxAuthors)
        authorsProblem = tr("At most %1 authors.").arg(Limits::maxAuthors);
    for (const QString& name : authorNames)
        if (authorsProblem.isEmpty() && !sizeProblem(name, Limits::maxAuthorBytes).isEmpty())
            authorsProblem = tr("“%1…” is too long: at most %2 bytes per name.")
                                 .arg(name.left(20))
                                 .arg(Limits::maxAuthorBytes);
    ok = show(m_authorsError, authorsProblem) && ok;
    ok = show(m_subjectError, sizeProblem(subject, Limits::maxSubjectBytes)) && ok;
    ok = show(m_blurbError, sizeProblem(blurb, Limits::maxBlurbBytes)) && ok;

    QString contentsProblem;
    if (static_cast<std::size_t>(contents.size()) > Limits::maxContentsEntries)
        contentsProblem = tr("At most %1 lines.").arg(Limits::maxContentsEntries);
    for (int i = 0; i < contents.size() && contentsProblem.isEmpty(); ++i)
        if (!sizeProblem(contents[i], Limits::maxContentsEntryBytes).isEmpty())
            contentsProblem = tr("Line %1 is too long: at most %2 bytes per line.")
                                  .arg(i + 1)
                                  .arg(Limits::maxContentsEntryBytes);
    ok = show(m_contentsError, contentsProblem) && ok;

    QString coverProblem;
    if (!m_coverFile.isEmpty()) {
        const QFileInfo info(m_coverFile);
        if (!info.isFile())
            coverProblem = tr("There is no file %1.").arg(m_coverFile);
        else if (static_cast<std::size_t>(info.size()) > Limits::maxCoverBytes)
            coverProblem = tr("The image has %1; a cover may have at most %2 KiB.")
                               .arg(QLocale().formattedDataSize(info.size()))
                               .arg(Limits::maxCoverBytes / 1024);
        else if (!isCoverImage(m_coverFile))
            coverProblem = tr("A cover is a PNG, JPEG or WebP image.");
    }
    ok = show(m_coverError, coverProblem) && ok;

    QString sampleProblem;
    if (!m_sampleFile.isEmpty()) {
        const QFileInfo info(m_sampleFile);
        if (!info.isFile())
            sampleProblem = tr("There is no file %1.").arg(m_sampleFile);
        else if (static_cast<std::size_t>(info.size()) > Limits::maxSampleBytes
            || !isSampleFile(m_sampleFile))
            sampleProblem = tr("The sample must be a PDF, audio or video file of at most %1 KiB.")
                                .arg(Limits::maxSampleBytes / 1024)
                + (info.size() > static_cast<qint64>(Limits::maxSampleBytes) ? QLatin1Char(' ')
                            + tr("This one has %1.").arg(QLocale().formattedDataSize(info.size()))
                                                                             : QString());
    }
    ok = show(m_sampleError, sampleProblem) && ok;
    if (!ok)
        return std::nullopt;

    api::TitleMetadata metadata;
    metadata.title = title.toStdString();
    metadata.authors = toStrings(authorNames);
    metadata.subject = subject.toStdString();
    metadata.blurb = blurb.toStdString();
    metadata.contents = toStrings(contents);
    metadata.coverImageFile = m_coverFile.toStdString();
    metadata.sampleFile = m_sampleFile.toStdString();
    return metadata;
}

} // namespace ls::ui
