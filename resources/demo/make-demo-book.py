#!/usr/bin/env python3
"""Writes demo-book.pdf: the demo author's book on "This computer", a short guide to the app.

An A5 PDF with a two-level outline (the reader's contents panel shows it), written by hand as
plain PDF 1.4 with the standard Helvetica fonts: small, byte-for-byte reproducible, and it needs
nothing installed. The text is the project's own. The files are committed; run this again only
after changing the text:

    resources/demo/make-demo-book.py            writes demo-book.pdf and demo-book-sample.pdf
                                                next to this script

demo-book-sample.pdf is the book's first SAMPLE_PAGES pages: the free sample readers open from
the title page before they buy (docs/protocol.md §12).
"""
import pathlib
import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 420, 595  # A5 in points
MARGIN = 48
BODY_SIZE, LEADING = 11, 16
WRAP_COLUMNS = 62  # Helvetica at 11 pt averages ~5 pt a character: 324 pt of text per line
MAX_LINES = 28  # what fits between the heading and the page number

TITLE = "A Short Guide to Lightstreams"
SAMPLE_PAGES = 2

# (outline level, heading, paragraphs). Each entry is one page; level 0 entries are chapters,
# level 1 entries sections of the chapter before them.
PAGES = [
    (0, TITLE, [
        "Buying, reading and publishing on a network that belongs to its readers and authors.",
        "By Lightstreams Demo Press.",
        "This book came with the app. It was published on \"This computer\", the small network "
        "the app runs for you, by a demo author that lives on the same machine. You bought it "
        "with demo PHT, it travelled to you through the swarm, and only your wallet holds the "
        "key that opens it.",
    ]),
    (0, "Chapter 1: What You Just Did", [
        "When you pressed Buy, your wallet signed a transaction that paid the author and "
        "recorded a licence for you on the chain. The author's app saw the licence and sealed "
        "the book's key to your wallet's own key, so that nobody else could read it on the way.",
        "Then the encrypted book arrived in pieces. Each piece was checked against the hash the "
        "author published, and the whole was opened with your key only on your computer.",
    ]),
    (1, "1.1 Trust Nothing You Can Verify", [
        "The app does not believe what a server says about your balance or your licences. It "
        "follows the chain itself: every block is signed by a validator it knows, and every "
        "balance it shows comes with a Merkle proof that it checks.",
        "On this computer there is a single validator, run by the app. On a shared network "
        "there are several, and the app checks them all in the same way.",
    ]),
    (1, "1.2 Only Buyers Get the Content", [
        "A peer serves a title's pieces only to peers that prove, with a signature checked "
        "against the chain, that they hold a licence. Content is encrypted before it is seeded, "
        "and the key reaches a buyer sealed to the buyer's key.",
        "A stranger who joins the swarm without a licence receives nothing: no pieces, no key.",
    ]),
    (0, "Chapter 2: Reading and Listening", [
        "Books open in the reader with their contents on the side. Your place is remembered, "
        "and bookmarks stay with the book in your library, encrypted like everything else.",
        "Audio and video play while they download. The player asks the swarm for the pieces it "
        "needs next, so you can seek before the whole file has arrived.",
    ]),
    (1, "2.1 Your Library", [
        "Everything you buy stays in your library. You may remove a local copy to save space "
        "and download it again at any time: the licence is on the chain, not on your disk.",
        "When an author publishes a new version, you can read it, or keep reading the one you "
        "bought.",
    ]),
    (0, "Chapter 3: Publishing Your Own", [
        "Open the Studio, pick a file, give it a title, a cover and a price, and publish. The "
        "app encrypts the file under a fresh key, records the title on the chain and starts "
        "seeding it.",
        "Every sale pays your wallet at the moment it happens, even while your computer is "
        "off, because the payment is part of the buyer's transaction.",
    ]),
    (1, "3.1 The Network Grows With Demand", [
        "Every buyer is a seeder. The more readers a title has, the more places it can come "
        "from, and the author can go offline without the title going with them.",
        "That is the whole idea: a market where the people who make things and the people who "
        "enjoy them need nobody in between.",
    ]),
    (0, "Afterword", [
        "Thank you for trying Lightstreams. The demo titles on this computer are yours to keep "
        "and to test with; the demo PHT has no value anywhere else.",
        "When you are ready, join a shared network from Settings, or publish something of your "
        "own right here.",
    ]),
]


def pdf_string(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def page_content(number, heading, paragraphs, level):
    size = 18 if level == 0 else 15
    lines = ["BT", f"/F2 {size} Tf", f"{MARGIN} {PAGE_HEIGHT - MARGIN - size} Td",
             f"{pdf_string(heading)} Tj", f"/F1 {BODY_SIZE} Tf", f"{LEADING} TL",
             f"0 -{size + 18} Td"]
    used = 0
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph, WRAP_COLUMNS)
        used += len(wrapped) + 1
        for line in wrapped:
            lines += [f"{pdf_string(line)} Tj", "T*"]
        lines.append("T*")
    if used > MAX_LINES:
        raise SystemExit(f"page {number} ({heading}) is too long: {used} lines")
    lines += ["ET", "BT", "/F1 9 Tf", f"{PAGE_WIDTH / 2 - 4} {MARGIN / 2} Td",
              f"{pdf_string(str(number))} Tj", "ET"]
    return "\n".join(lines).encode("latin-1")


def build(pages, title):
    objects = {}  # object number -> bytes (the object's body)
    catalog, pages_root, outlines, font_body, font_heading, info = 1, 2, 3, 4, 5, 6
    first_page = 7  # page i is object first_page + 2i, its content stream the next one
    first_item = first_page + 2 * len(pages)
    page_ids = [first_page + 2 * i for i in range(len(pages))]

    objects[font_body] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " \
                         b"/Encoding /WinAnsiEncoding >>"
    objects[font_heading] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold " \
                            b"/Encoding /WinAnsiEncoding >>"
    objects[info] = (f"<< /Title {pdf_string(title)} "
                     f"/Author (Lightstreams Demo Press) >>").encode()
    for index, (level, heading, paragraphs) in enumerate(pages):
        stream = page_content(index + 1, heading, paragraphs, level)
        objects[page_ids[index]] = (
            f"<< /Type /Page /Parent {pages_root} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 {font_body} 0 R /F2 {font_heading} 0 R >> >> "
            f"/Contents {page_ids[index] + 1} 0 R >>").encode()
        objects[page_ids[index] + 1] = \
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
    kids = " ".join(f"{page} 0 R" for page in page_ids)
    objects[pages_root] = f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()

    # The outline tree: chapters under the root, sections under their chapter.
    items = []  # (object id, parent id, page index, title)
    chapter = None
    for index, (level, heading, _) in enumerate(pages):
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
    out += (f"trailer\n<< /Size {count} /Root {catalog} 0 R /Info {info} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


if __name__ == "__main__":
    for name, pages, title in (("demo-book.pdf", PAGES, TITLE),
                               ("demo-book-sample.pdf", PAGES[:SAMPLE_PAGES],
                                TITLE + " (sample)")):
        target = pathlib.Path(__file__).with_name(name)
        target.write_bytes(build(pages, title))
        print(target)
