#pragma once

// A short, valid MP4 stretched into a large one whose frames sit far apart in the file, so a
// test of streaming can tell "played while downloading" from "played once it was here":
//
//   ftyp · moov · mdat [ first half of the samples | `gap` bytes | second half | `tail` bytes ]
//
// The index (moov) stays first and the first samples follow it, as in any "faststart" file, so
// opening needs only the file's head. The second half of the samples lies `gap` bytes on, and
// the `tail` bytes keep it out of the file's last megabyte too: a player reaches those frames
// only by reading the middle of the file while it plays. Every chunk offset (stco) past the gap
// moves with it and the mdat box grows to the end of the file, so any MP4 demuxer plays it.
#include <QByteArray>
#include <QtEndian>

#include <algorithm>
#include <optional>
#include <vector>

namespace ls::testing {

namespace gapped_video_detail {

struct Box {
    qsizetype at = 0;
    qsizetype size = 0;
    QByteArray type;
};

inline std::optional<Box> boxAt(const QByteArray& mp4, qsizetype at, qsizetype end)
{
    if (at + 8 > end)
        return std::nullopt;
    const auto size = static_cast<qsizetype>(
        qFromBigEndian<quint32>(reinterpret_cast<const uchar*>(mp4.constData() + at)));
    if (size < 8 || at + size > end)
        return std::nullopt; // 64-bit and to-the-end sizes are not used by the test media
    return Box { at, size, mp4.mid(at + 4, 4) };
}

// The byte positions of every 32-bit chunk offset in the stco boxes under [at, end).
inline bool findChunkOffsets(
    const QByteArray& mp4, qsizetype at, qsizetype end, std::vector<qsizetype>& positions)
{
    static const QList<QByteArray> containers { "moov", "trak", "mdia", "minf", "stbl" };
    while (at < end) {
        const auto box = boxAt(mp4, at, end);
        if (!box)
            return false;
        if (containers.contains(box->type)) {
            if (!findChunkOffsets(mp4, at + 8, at + box->size, positions))
                return false;
        } else if (box->type == "stco" || box->type == "co64") {
            if (box->type == "co64" || box->size < 16)
                return false; // not in the test media
            const auto count = static_cast<qsizetype>(
                qFromBigEndian<quint32>(reinterpret_cast<const uchar*>(mp4.constData() + at + 12)));
            if (16 + 4 * count > box->size)
                return false;
            for (qsizetype i = 0; i < count; ++i)
                positions.push_back(at + 16 + 4 * i);
        }
        at += box->size;
    }
    return true;
}

} // namespace gapped_video_detail

// Empty when `mp4` is not a faststart file this understands (ftyp, moov, …, mdat last).
inline QByteArray gappedVideo(const QByteArray& mp4, qsizetype gap, qsizetype tail)
{
    using namespace gapped_video_detail;
    std::vector<qsizetype> positions;
    std::optional<Box> mdat;
    for (qsizetype at = 0; at < mp4.size();) {
        const auto box = boxAt(mp4, at, mp4.size());
        if (!box)
            return {};
        if (box->type == "moov" && !findChunkOffsets(mp4, at + 8, at + box->size, positions))
            return {};
        if (box->type == "mdat")
            mdat = box;
        at += box->size;
    }
    if (positions.size() < 2 || !mdat || mdat->at + mdat->size != mp4.size())
        return {};
    if (mp4.size() + gap + tail > qsizetype { 0xffffffff })
        return {}; // 32-bit chunk offsets and box size
    auto offsetAt = [](const QByteArray& bytes, qsizetype position) {
        return qFromBigEndian<quint32>(
            reinterpret_cast<const uchar*>(bytes.constData() + position));
    };
    std::vector<quint32> offsets;
    for (qsizetype position : positions)
        offsets.push_back(offsetAt(mp4, position));
    std::sort(offsets.begin(), offsets.end());
    const quint32 split = offsets[offsets.size() / 2]; // the chunk that begins the second half

    QByteArray out = mp4;
    for (qsizetype position : positions) {
        const quint32 offset = offsetAt(out, position);
        if (offset >= split)
            qToBigEndian<quint32>(offset + static_cast<quint32>(gap), out.data() + position);
    }
    qToBigEndian<quint32>(static_cast<quint32>(mdat->size + gap + tail), out.data() + mdat->at);
    out.insert(static_cast<qsizetype>(split), QByteArray(gap, '\0'));
    out.append(QByteArray(tail, '\0'));
    return out;
}

} // namespace ls::testing
