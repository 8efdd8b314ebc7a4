#include "ui/discover/SampleViewer.h"

#include "ui/library/TitleViewer.h"

#include <QObject>

#include <algorithm>

namespace ls::ui {
namespace {

// The sample's bytes as the content the title viewer reads: the same reader and player as a
// bought title, without a container or a key (a sample is public).
class SampleContent final : public api::VersionContent {
public:
    explicit SampleContent(api::CatalogSample sample)
        : m_sample(std::move(sample))
    {
    }

    std::uint64_t size() const override { return m_sample.data.size(); }
    std::string mediaType() const override { return m_sample.mediaType; }
    Result<void> read(std::uint64_t offset, std::span<std::uint8_t> out) override
    {
        if (offset > m_sample.data.size() || out.size() > m_sample.data.size() - offset)
            return fail(ErrorKind::InvalidInput, "A read past the end of the sample");
        std::copy_n(
            m_sample.data.begin() + static_cast<std::ptrdiff_t>(offset), out.size(), out.begin());
        return {};
    }

private:
    api::CatalogSample m_sample;
};

} // namespace

QWidget* openSampleViewer(api::CatalogSample sample, const QString& title, QString* error)
{
    return openTitleViewer(std::make_unique<SampleContent>(std::move(sample)),
        QObject::tr("%1 (sample)").arg(title), 1, error);
}

} // namespace ls::ui
