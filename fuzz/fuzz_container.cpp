// libFuzzer target for the content container (.lsc): arbitrary bytes through the strict header
// decoder and the reader, and as plaintext through a writer → reader round trip.
//
// The seed corpus holds real containers encrypted under the key below (version 1 of title key
// 00 01 … 1f, the docs/protocol.md §9 test vector key), so mutations reach chunk authentication,
// the out-of-order check and the read path, not only the header.
#include "core/library/ContainerFormat.h"
#include "core/library/ContainerReader.h"
#include "core/library/ContainerSource.h"
#include "core/library/ContainerWriter.h"
#include "core/library/TitleKeys.h"

#include <QBuffer>
#include <QByteArray>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

using namespace ls;
using namespace ls::library;

const VersionKey& fuzzKey()
{
    static const VersionKey key = [] {
        Bytes titleKey(32);
        for (std::size_t i = 0; i < titleKey.size(); ++i)
            titleKey[i] = static_cast<std::uint8_t>(i);
        return *TitleKey::fromBytes(titleKey)->versionKey(1);
    }();
    return key;
}

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void decodeAndRead(ByteView input)
{
    auto header = container::decodeHeader(input);
    if (header) {
        // Strict: whatever decodes re-encodes to exactly the bytes it came from.
        auto copy = *header;
        Bytes again = container::encodeHeader(copy);
        check(std::equal(again.begin(), again.end(), input.begin()));
    }

    ContainerMemorySource source(input);
    auto reader = ContainerReader::open(source, fuzzKey());
    if (!reader)
        return;
    check(header.has_value() && reader->header().containerSize() == input.size());
    std::uint64_t total = 0;
    for (std::uint64_t index = 0; index < reader->chunkCount(); ++index) {
        auto chunk = reader->readChunk(index);
        if (chunk) {
            check(chunk->size() == reader->header().chunkPlaintextSize(index));
            total += chunk->size();
        }
    }
    check(total <= reader->plaintextSize());
    // Reads straddling chunk boundaries either fail cleanly or return the right amount.
    Bytes out(static_cast<std::size_t>(std::min<std::uint64_t>(reader->plaintextSize(), 3000)));
    for (std::uint64_t offset = 0; offset + out.size() <= reader->plaintextSize(); offset += 997)
        (void)reader->read(offset, out);
    std::uint8_t past = 0;
    check(!reader->read(reader->plaintextSize(), std::span<std::uint8_t>(&past, 1)));
}

void roundTrip(ByteView plaintext)
{
    QByteArray inputBytes(
        reinterpret_cast<const char*>(plaintext.data()), static_cast<qsizetype>(plaintext.size()));
    QBuffer in(&inputBytes);
    in.open(QIODevice::ReadOnly);
    QByteArray sealed;
    QBuffer out(&sealed);
    out.open(QIODevice::WriteOnly);
    ContainerWriter writer(fuzzKey(),
        { .titleId = 1,
            .version = 1,
            .mediaType = "application/pdf",
            .chunkSize = container::kMinChunkSize });
    check(writer.write(in, plaintext.size(), out).has_value());

    ContainerMemorySource source(ByteView(reinterpret_cast<const std::uint8_t*>(sealed.constData()),
        static_cast<std::size_t>(sealed.size())));
    auto reader = ContainerReader::open(source, fuzzKey());
    check(reader.has_value());
    Bytes opened(plaintext.size());
    check(reader->read(0, opened).has_value());
    check(std::equal(opened.begin(), opened.end(), plaintext.begin(), plaintext.end()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    ByteView input(data, size);
    decodeAndRead(input);
    roundTrip(input);
    return 0;
}
