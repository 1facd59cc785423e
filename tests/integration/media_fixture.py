"""media_fixture.py: photos and documents in a test site's media store, as the upload path (issue 14) leaves
them: each file at <data folder>/media/<first two hex digits>/<sha256>, its media_file row, a media row per
upload with its private original, media_rendition rows for what the public is sent, and item_media rows
attaching them to an item. Real files: JPEG and WebP from Pillow (python3-pil), a small real PDF."""
import hashlib
import io
import os
import sqlite3
import time

from PIL import Image

WIDTHS = (480, 960)


def store(data_dir, data):
    """Write data into the store under its SHA-256; returns the hash."""
    sha = hashlib.sha256(data).hexdigest()
    folder = os.path.join(data_dir, "media", sha[:2])
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, sha), "wb") as f:
        f.write(data)
    return sha


def photo(width, height, fmt, colour=(30, 90, 160), quality=80):
    img = Image.new("RGB", (width, height), colour)
    for x in range(0, width, 16):  # stripes, so the encoders have something to encode
        for y in range(height):
            img.putpixel((x, y), (250, 250, 250))
    out = io.BytesIO()
    img.save(out, fmt, quality=quality)
    return out.getvalue()


def pdf(text="Pressroom test document"):
    """A minimal valid one-page PDF with its cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


class Media:
    """Adds media to the site whose database is db (its folder is the data folder)."""

    def __init__(self, db):
        self.db, self.dir = db, os.path.dirname(os.path.abspath(db))

    def _file(self, con, data, mime, width=None, height=None):
        sha = store(self.dir, data)
        con.execute("INSERT OR IGNORE INTO media_file (sha256, mime, bytes, width, height, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", (sha, mime, len(data), width, height, int(time.time())))
        return sha

    def _attach(self, con, item_id, media_id, **fields):
        position = con.execute("SELECT coalesce(max(position), 0) + 1 FROM item_media WHERE item_id = ?",
                               (item_id,)).fetchone()[0]
        cols = ["item_id", "position", "media_id", *fields]
        con.execute(f"INSERT INTO item_media ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    (item_id, position, media_id, *fields.values()))

    def image(self, item_id, alt="", lead=False, decorative=False, caption="", credit="", size=(1200, 800),
              colour=(30, 90, 160)):
        """A photo: a private PNG original and a JPEG and a WebP at each of WIDTHS (never upscaled). Returns
        {"original": sha, "jpeg": {width: sha}, "webp": {width: sha}, "size": {sha: (w, h)}}."""
        con = sqlite3.connect(self.db)
        try:
            w, h = size
            original = self._file(con, photo(w, h, "PNG", colour), "image/png", w, h)
            media_id = con.execute("INSERT INTO media (kind, original, original_name, created_at) VALUES "
                                   "('image', ?, 'IMG_0001.png', ?)", (original, int(time.time()))).lastrowid
            out = {"original": original, "media_id": media_id, "jpeg": {}, "webp": {}, "size": {}}
            for width in [x for x in WIDTHS if x <= w] or [w]:
                height = round(h * width / w)
                for fmt, pil, mime in (("jpeg", "JPEG", "image/jpeg"), ("webp", "WEBP", "image/webp")):
                    sha = self._file(con, photo(width, height, pil, colour), mime, width, height)
                    con.execute("INSERT INTO media_rendition (media_id, format, width, file) VALUES (?, ?, ?, ?)",
                                (media_id, fmt, width, sha))
                    out[fmt][width] = sha
                    out["size"][sha] = (width, height)
            self._attach(con, item_id, media_id, is_lead=int(lead), alt=alt, decorative=int(decorative),
                         caption=caption, credit=credit)
            con.commit()
            return out
        finally:
            con.close()

    def document(self, item_id, title, original_name="document.pdf", data=None):
        """A PDF, published as uploaded (its rendition is its original). Returns its sha256."""
        con = sqlite3.connect(self.db)
        try:
            data = data or pdf(title.encode("ascii", "replace").decode())
            sha = self._file(con, data, "application/pdf")
            media_id = con.execute("INSERT INTO media (kind, original, original_name, created_at) VALUES "
                                   "('document', ?, ?, ?)", (sha, original_name, int(time.time()))).lastrowid
            con.execute("INSERT INTO media_rendition (media_id, format, width, file) VALUES (?, 'pdf', 0, ?)",
                        (media_id, sha))
            self._attach(con, item_id, media_id, title=title)
            con.commit()
            return sha
        finally:
            con.close()
