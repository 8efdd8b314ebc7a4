#include "ui/library/VersionOpener.h"

#include "ui/library/TitleViewer.h"

namespace ls::ui {

VersionOpener::VersionOpener(api::Library& library, QObject* parent)
    : QObject(parent)
    , m_library(library)
{
}

void VersionOpener::open(
    std::uint64_t titleId, std::uint32_t version, const QString& name, bool downloading)
{
    if (!downloading) {
        auto content = m_library.open(titleId, version);
        if (!content)
            return Q_EMIT failed(QString::fromStdString(content.error().message));
        return show(std::move(*content), name, version);
    }
    // The viewer then buffers what the player reads while it opens (TitleViewer).
    m_openingFor = std::pair(titleId, version);
    m_opening = m_library.stream(titleId, version,
        [this, name, version](Result<std::unique_ptr<api::VersionContent>> content) {
            // The handle is released after this callback returns: move it out first.
            auto opening = std::move(m_opening);
            m_openingFor.reset();
            Q_EMIT openingChanged();
            if (!content)
                return Q_EMIT failed(tr("The title cannot play yet: %1")
                                         .arg(QString::fromStdString(content.error().message)));
            show(std::move(*content), name, version);
        });
    Q_EMIT openingChanged();
}

VersionOpener::~VersionOpener()
{
    delete m_viewer.data();
}

bool VersionOpener::isOpening(std::uint64_t titleId, std::uint32_t version) const
{
    return m_opening.active() && m_openingFor == std::pair(titleId, version);
}

void VersionOpener::show(
    std::unique_ptr<api::VersionContent> content, const QString& name, std::uint32_t version)
{
    QString error;
    QWidget* viewer = openTitleViewer(std::move(content), name, version, &error);
    if (!viewer)
        return Q_EMIT failed(error);
    m_viewer = viewer;
    Q_EMIT opened(viewer);
}

} // namespace ls::ui
