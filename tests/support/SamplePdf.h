#pragma once

// A real, valid PDF written by code, so the content tests publish material the project owns: a
// catalog, a page tree, the standard Helvetica font and `pages` pages of text, with an exact
// cross-reference table (any PDF reader opens it).
#include <QByteArray>
#include <QString>

#include <vector>

namespace ls::testing {

inline QByteArray samplePdf(int pages = 40)
{
    QByteArray pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    std::vector<qsizetype> offsets; // of objects 1, 2, …
    auto object = [&](const QByteArray& body) {
        offsets.push_back(pdf.size());
        pdf += QByteArray::number(static_cast<qsizetype>(offsets.size())) + " 0 obj\n" + body
            + "\nendobj\n";
    };
    const int firstPage = 4; // 1 catalog, 2 page tree, 3 font; then page, content, page, …
    QByteArray kids;
    for (int page = 0; page < pages; ++page)
        kids += QByteArray::number(firstPage + 2 * page) + " 0 R ";
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages) + " >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (int page = 0; page < pages; ++page) {
        object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
               "3 0 R >> >> /Contents "
            + QByteArray::number(firstPage + 2 * page + 1) + " 0 R >>");
        QByteArray text = "BT /F1 14 Tf 72 770 Td (Lightstreams sample, page "
            + QByteArray::number(page + 1) + ") Tj ET\n";
        for (int line = 0; line < 40; ++line)
            text += "BT /F1 10 Tf 72 " + QByteArray::number(740 - 16 * line) + " Td (Line "
                + QByteArray::number(line + 1)
                + ": the quick brown fox jumps over the lazy dog.) Tj ET\n";
        object(
            "<< /Length " + QByteArray::number(text.size()) + " >>\nstream\n" + text + "endstream");
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(static_cast<qsizetype>(offsets.size() + 1))
        + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QString::asprintf("%010lld 00000 n \n", static_cast<long long>(offset)).toLatin1();
    pdf += "trailer\n<< /Size " + QByteArray::number(static_cast<qsizetype>(offsets.size() + 1))
        + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace ls::testing
