#pragma once

#include "core/api/Catalog.h"
#include "core/market/CatalogIndex.h"

#include <cstdint>
#include <functional>

namespace ls::market {

// A title page's facts: the title record and each of its versions proven now, merged with the
// cached metadata document. The fresh facts go into the index too (`changed` when they differ).
class CatalogDetailsRead {
public:
    CatalogDetailsRead(api::Chain& chain, CatalogIndex& index, std::uint64_t titleId,
        std::function<void()> changed, api::Catalog::Callback<api::CatalogTitleDetails> done);

    void start();
    void cancel();

private:
    void readVersion(std::uint32_t number);
    Result<api::CatalogTitleDetails> compose();
    void finish(Result<api::CatalogTitleDetails> result);

    api::Chain& m_chain;
    CatalogIndex& m_index;
    std::uint64_t m_titleId;
    std::function<void()> m_changed;
    api::Catalog::Callback<api::CatalogTitleDetails> m_done;
    api::TitleInfo m_title;
    std::vector<api::CatalogVersion> m_versions;
    api::Chain::Handle m_read;
};

} // namespace ls::market
