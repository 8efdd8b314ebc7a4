#pragma once

#include "core/api/Studio.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ls::ui {

// The title's public metadata as the author types it: title, authors, subject, blurb, table of
// contents, a cover image with a preview and an optional sample (a short excerpt readers try
// before they buy). Each field says under itself what is wrong with it,
// against the limits the Studio enforces (api::TitleMetadataLimits).
class MetadataForm : public QWidget {
    Q_OBJECT

public:
    explicit MetadataForm(QWidget* parent = nullptr);

    // The metadata when every field is within its limits; otherwise nullopt, with each wrong
    // field's message shown.
    std::optional<api::TitleMetadata> check();
    QString coverFile() const { return m_coverFile; }
    void setCoverFile(const QString& file);
    QString sampleFile() const { return m_sampleFile; }
    void setSampleFile(const QString& file);

private:
    QLabel* addField(
        QFormLayout* form, const QString& label, QWidget* field, const QString& errorName);

    QLineEdit* m_title = nullptr;
    QLineEdit* m_authors = nullptr;
    QLineEdit* m_subject = nullptr;
    QPlainTextEdit* m_blurb = nullptr;
    QPlainTextEdit* m_contents = nullptr;
    QPushButton* m_chooseCover = nullptr;
    QPushButton* m_clearCover = nullptr;
    QLabel* m_coverPreview = nullptr;
    QPushButton* m_chooseSample = nullptr;
    QPushButton* m_clearSample = nullptr;
    QLabel* m_sampleName = nullptr;
    QLabel* m_titleError = nullptr;
    QLabel* m_authorsError = nullptr;
    QLabel* m_subjectError = nullptr;
    QLabel* m_blurbError = nullptr;
    QLabel* m_contentsError = nullptr;
    QLabel* m_coverError = nullptr;
    QLabel* m_sampleError = nullptr;
    QString m_coverFile;
    QString m_sampleFile;
};

} // namespace ls::ui
