// libFuzzer target: a title's public metadata document (docs/protocol.md §12), which arrives from
// any peer of the public metadata torrent. Whatever the strict decoder accepts must encode to a
// document that decodes to the same value (the encoding itself may differ: field order, escapes,
// fields the decoder ignores).
#include "core/market/TitleMetadataDocument.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

bool sameDocument(
    const ls::market::TitleMetadataDocument& a, const ls::market::TitleMetadataDocument& b)
{
    return a.title == b.title && a.authors == b.authors && a.subject == b.subject
        && a.blurb == b.blurb && a.contents == b.contents && a.mediaType == b.mediaType
        && a.fileName == b.fileName && a.size == b.size && a.coverMediaType == b.coverMediaType
        && a.cover == b.cover && a.sampleMediaType == b.sampleMediaType && a.sample == b.sample;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using ls::market::TitleMetadataDocument;
    auto document = TitleMetadataDocument::decode(ls::ByteView(data, size));
    if (!document)
        return 0;
    auto again = TitleMetadataDocument::decode(document->encode());
    if (!again || !sameDocument(*document, *again))
        std::abort();
    return 0;
}
