// libFuzzer target: a publication's progress record (core/market/PublishJob), read back from the
// profile after a crash, where a damaged or hand-edited file must be refused with a message and
// never steer a resumed publication outside the profile. Whatever is accepted must survive
// encode → decode unchanged (the record a resumed run writes is the record it read).
#include "core/market/PublishJob.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using ls::market::PublishJob;
    const std::filesystem::path file = "publishing/0123456789abcdef.json";
    auto job = PublishJob::decode(ls::ByteView(data, size), file);
    if (!job)
        return 0;
    for (const std::string* name : { &job->metadataFile, &job->containerFile })
        if (name->find('/') != std::string::npos || *name == "..")
            std::abort();
    const ls::Bytes encoded = job->encode();
    auto again = PublishJob::decode(encoded, file);
    if (!again || !std::ranges::equal(again->encode(), encoded))
        std::abort();
    return 0;
}
