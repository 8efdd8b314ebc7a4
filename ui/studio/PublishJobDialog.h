#pragma once

#include "core/api/Studio.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace ls::ui {

class PublishProgressView;

// A publication that is not a new title: the next version of one of the author's titles (a
// file and a note), or Resume of an unfinished publication. The passphrase, then the stages;
// Cancel drops the Studio's handle, leaving the publication to be resumed.
class PublishJobDialog : public QDialog {
    Q_OBJECT

public:
    // The next version of `titleId` ("addVersionDialog").
    static PublishJobDialog* addVersion(
        api::Studio& studio, std::uint64_t titleId, const QString& titleName, QWidget* parent);
    // Continues `publication` ("resumeDialog").
    static PublishJobDialog* resume(
        api::Studio& studio, const api::UnfinishedPublication& publication, QWidget* parent);

    PublishProgressView* progressView() const { return m_progressView; }

Q_SIGNALS:
    void published(const api::PublishedVersion& version);
    void stopped();

private:
    enum class Kind { AddVersion, Resume };
    PublishJobDialog(api::Studio& studio, Kind kind, QWidget* parent);
    void build(const QString& intro);
    void start();
    void onDone(Result<api::PublishedVersion> result);
    void cancelOrClose();
    // Whether the Studio kept this publication to be resumed.
    bool isUnfinished();

    api::Studio& m_studio;
    Kind m_kind;
    std::uint64_t m_titleId = 0;
    std::string m_publicationId;
    api::Studio::Handle m_running;
    bool m_busy = false;

    QStackedWidget* m_steps = nullptr;
    QLineEdit* m_file = nullptr;
    QLineEdit* m_note = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    PublishProgressView* m_progressView = nullptr;
};

} // namespace ls::ui
