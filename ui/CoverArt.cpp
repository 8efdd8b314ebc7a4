#include "ui/CoverArt.h"

#include <QPainter>

namespace ls::ui {

QPixmap coverArt(const Bytes& image, const QString& title, QSize size)
{
    QPixmap decoded;
    if (!image.empty() && decoded.loadFromData(image.data(), static_cast<uint>(image.size()))
        && !decoded.isNull())
        return decoded.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    QPixmap card(size);
    // A colour from the title, so neighbouring cards without covers tell apart at a glance.
    const int hue = static_cast<int>(qHash(title) % 360);
    card.fill(QColor::fromHsl(hue, 90, 200));
    QPainter painter(&card);
    painter.setPen(QColor::fromHsl(hue, 90, 50));
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(card.rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
        title.isEmpty() ? QStringLiteral("…") : title);
    return card;
}

} // namespace ls::ui
