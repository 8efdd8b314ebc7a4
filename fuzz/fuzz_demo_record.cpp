// libFuzzer target: arbitrary bytes as the demo author's published.json
// (DemoPublicationRecord::parse), and for records that parse, a save/load round trip of the
// same values.
#include "core/localnet/DemoPublicationRecord.h"

#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls;
    auto parsed = localnet::DemoPublicationRecord::parse(ByteView(data, size));
    if (!parsed)
        return 0;
    // Whatever parses is written back and read again as the same record.
    static QTemporaryDir directory;
    if (!directory.isValid() || !parsed->save(directory.path().toStdString()))
        std::abort();
    auto again = localnet::DemoPublicationRecord::load(directory.path().toStdString());
    if (!again || !*again || (*again)->genesisHash != parsed->genesisHash
        || (*again)->titleIds != parsed->titleIds)
        std::abort();
    return 0;
}
