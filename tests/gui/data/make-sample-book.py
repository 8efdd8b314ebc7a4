#!/usr/bin/env python3
"""Writes sample-book.pdf: a six-page PDF with a two-level outline (a table of contents).

The reader's tests open it for its contents panel (QPdfWriter cannot write an outline), and
scripts/screenshots.sh shows it in the reader. Plain PDF 1.4 written by hand with the standard
Helvetica fonts, so the file is small, byte-for-byte reproducible and needs nothing installed.

    tests/gui/data/make-sample-book.py            writes sample-book.pdf next to this script
"""
import pathlib
import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 420, 595  # A5 in points
MARGIN = 48
BODY_SIZE, LEADING = 11, 16
WRAP_COLUMNS = 62  # Helvetica at 11 pt averages ~5 pt a character: 324 pt of text per line

# (outline level, heading, paragraphs). Each entry is one page; level 0 entries are chapters,
# level 1 entries sections of the chapter before them. Distinct words per page let the tests
# check that a search lands on the right page ("cormorant" only on page 5).
PAGES = [
    (0, "The Lighthouse Keeper", [
        "A short story in two chapters, made for testing the Lightstreams reader.",
        "Published on the Lightstreams network. Every copy is sold by its author.",
    ]),
    (0, "Chapter 1: The Storm", [
        "The wind came in from the west before dusk, and by the time the lamp was lit the sea "
        "had turned the colour of slate. Maren climbed the hundred and twelve steps twice, once "
        "to trim the wick and once to check the shutters, counting as she always did.",
        "Below her the village folded itself away: boats dragged up the shingle, doors barred, "
        "a single window burning in the inn where the ferrymen waited out the weather.",
    ]),
    (1, "1.1 Night Watch", [
        "At midnight the glass shivered in its frame. She wrote the hour in the log, the "
        "pressure, the direction of the swell, and underneath, in smaller letters, that she "
        "was not afraid. Writing it made it nearly true.",
        "Out past the reef a light answered hers, low and yellow, rising and falling with the "
        "waves. A boat, where no boat should be on such a night.",
    ]),
    (0, "Chapter 2: The Harbour", [
        "Morning arrived grey and exhausted. The boat lay in the harbour with a torn sail and "
        "three soaked fishermen who could not stop thanking the lamp, as if it had chosen to "
        "shine for them.",
        "Maren let them thank it. The lamp did not mind, and she had work to do.",
    ]),
    (1, "2.1 Morning", [
        "On the breakwater a cormorant held its wings open to the thin sun, drying them like "
        "washing. The fishermen mended their sail on the quay and argued about the reef.",
        "She climbed the steps once more, slowly this time, and cleaned the soot from the glass "
        "until it shone.",
    ]),
    (0, "Afterword", [
        "Thank you for reading. This sample exists so that the reader's contents, search, "
        "bookmarks and remembered position can be tried on a real document.",
    ]),
]


def pdf_string(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def page_content(number, heading, paragraphs, level):
    size = 20 if level == 0 else 15
    lines = ["BT", f"/F2 {size} Tf", f"{MARGIN} {PAGE_HEIGHT - MARGIN - size} Td",
             f"{pdf_string(heading)} Tj", f"/F1 {BODY_SIZE} Tf", f"{LEADING} TL",
             f"0 -{size + 18} Td"]
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, WRAP_COLUMNS):
            lines += [f"{pdf_string(line)} Tj", "T*"]
        lines.append("T*")
    lines += ["ET", "BT", "/F1 9 Tf", f"{PAGE_WIDTH / 2 - 4} {MARGIN / 2} Td",
              f"{pdf_string(str(number))} Tj", "ET"]
    return "\n".join(lines).encode("latin-1")


def build():
    objects = {}  # object number -> bytes (the object's body)
    catalog, pages_root, outlines, font_body, font_heading = 1, 2, 3, 4, 5
    first_page = 6  # page i is object first_page + 2i, its content stream the next one
    first_item = first_page + 2 * len(PAGES)
    page_ids = [first_page + 2 * i for i in range(len(PAGES))]

    objects[font_body] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " \
                         b"/Encoding /WinAnsiEncoding >>"
    objects[font_heading] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold " \
                            b"/Encoding /WinAnsiEncoding >>"
    for index, (level, heading, paragraphs) in enumerate(PAGES):
        stream = page_content(index + 1, heading, paragraphs, level)
        objects[page_ids[index]] = (
            f"<< /Type /Page /Parent {pages_root} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 {font_body} 0 R /F2 {font_heading} 0 R >> >> "
            f"/Contents {page_ids[index] + 1} 0 R >>").encode()
        objects[page_ids[index] + 1] = \
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
    kids = " ".join(f"{page} 0 R" for page in page_ids)
    objects[pages_root] = f"<< /Type /Pages /Kids [{kids}] /Count {len(PAGES)} >>".encode()

    # The outline tree: chapters under the root, sections under their chapter.
    items = []  # (object id, parent id, page index, title)
    chapter = None
    for index, (level, heading, _) in enumerate(PAGES):
        item = first_item + len(items)
        if level == 0:
            chapter = item
            items.append((item, outlines, index, heading))
        else:
            items.append((item, chapter, index, heading))
    children = {}
    for item, parent, _, _ in items:
        children.setdefault(parent, []).append(item)
    for item, parent, page, title in items:
        siblings = children[parent]
        position = siblings.index(item)
        fields = [f"/Title {pdf_string(title)}", f"/Parent {parent} 0 R",
                  f"/Dest [{page_ids[page]} 0 R /XYZ 0 {PAGE_HEIGHT} 0]"]
        if position > 0:
            fields.append(f"/Prev {siblings[position - 1]} 0 R")
        if position + 1 < len(siblings):
            fields.append(f"/Next {siblings[position + 1]} 0 R")
        if item in children:
            kids = children[item]
            fields += [f"/First {kids[0]} 0 R", f"/Last {kids[-1]} 0 R", f"/Count {len(kids)}"]
        objects[item] = ("<< " + " ".join(fields) + " >>").encode()
    top = children[outlines]
    objects[outlines] = (f"<< /Type /Outlines /First {top[0]} 0 R /Last {top[-1]} 0 R "
                         f"/Count {len(items)} >>").encode()
    objects[catalog] = (f"<< /Type /Catalog /Pages {pages_root} 0 R /Outlines {outlines} 0 R "
                        f"/PageMode /UseOutlines >>").encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = len(out)
    count = max(objects) + 1
    out += f"xref\n0 {count}\n0000000000 65535 f \n".encode()
    for number in range(1, count):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {count} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            ).encode()
    return bytes(out)


if __name__ == "__main__":
    target = pathlib.Path(__file__).with_name("sample-book.pdf")
    target.write_bytes(build())
    print(target)
