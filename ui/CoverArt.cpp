#include "ui/CoverArt.h"

#include <QPainter>

#include <algorithm>

namespace ls::ui {
namespace {

// Below this many pixels a card shows the title's initials instead of the title.
constexpr int kSmallestTitledCard = 96;

} // namespace

QImage coverImage(const Bytes& image, const QString& title, QSize size)
{
    QImage decoded;
    if (!image.empty() && decoded.loadFromData(image.data(), static_cast<int>(image.size()))
        && !decoded.isNull())
        return decoded.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    QImage card(size, QImage::Format_ARGB32_Premultiplied);
    // A colour from the title, so neighbouring cards without covers tell apart at a glance.
    const int hue = static_cast<int>(qHash(title) % 360);
    card.fill(QColor::fromHsl(hue, 90, 200));
    QPainter painter(&card);
    painter.setPen(QColor::fromHsl(hue, 90, 50));
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    // A small card (a list's icon) has no room for a title: its initials, as a monogram.
    const bool small = size.width() < kSmallestTitledCard || size.height() < kSmallestTitledCard;
    QString text = title.isEmpty() ? QStringLiteral("…") : title;
    if (small) {
        QString initials;
        for (const QString& word : title.split(u' ', Qt::SkipEmptyParts))
            if (initials.size() < 2 && word.at(0).isLetterOrNumber())
                initials += word.at(0).toUpper();
        text = initials.isEmpty() ? text.left(1) : initials;
        font.setPixelSize(std::max(10, size.height() * 2 / 5));
        painter.setFont(font);
    }
    const int margin = small ? 2 : 8;
    painter.drawText(card.rect().adjusted(margin, margin, -margin, -margin),
        Qt::AlignCenter | Qt::TextWordWrap, text);
    return card;
}

QPixmap coverArt(const Bytes& image, const QString& title, QSize size)
{
    return QPixmap::fromImage(coverImage(image, title, size));
}

} // namespace ls::ui
