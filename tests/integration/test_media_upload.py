"""test_media_upload.py: photos and documents from the statement form to the store (issue 14), over real HTTP
through nginx with files the test makes itself (Pillow): renditions without metadata and upright, refusals of
what is not an image or a PDF (422 with the message by the field), a decompression bomb and a decoder over its
memory limit costing only the decoder (the worker answers the next request), the per-file limit (413 with the
form kept), alt text, reorder and remove with revisions keeping their files, and the store's layout:
<data>/media/<2 hex>/<sha256>, rows in media_file, media, media_rendition, item_media, revision_media."""
import contextlib
import ctypes
import hashlib
import io
import os
import re
import signal
import sqlite3
import struct
import subprocess
import unittest
import zlib

from PIL import Image

import harness
from admin_forms import signed_in, statement
from harness import Client, Site

PUBLISHER = ("alice", "publisher", "correct horse battery")
SITE = None


def setUpModule():
    global SITE
    SITE = Site(users=[PUBLISHER]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


# ---- files the tests make ----

def photo_with_gps(width=1200, height=800):
    """A JPEG of width x height pixels as stored, with EXIF orientation 6 (shown turned 90 degrees: upright
    it is height x width), a GPS position, a camera model and a comment."""
    img = Image.new("RGB", (width, height))
    px = img.load()
    for x in range(0, width, 8):  # a pattern, so the encoder has something to encode
        for y in range(0, height, 8):
            px[x, y] = (x % 256, y % 256, (x * y) % 256)
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 CW to show
    exif[0x0110] = "SecretCam 3000"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (55.0, 45.0, 21.0)
    gps[3] = "E"
    gps[4] = (37.0, 37.0, 4.0)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes(), comment=b"shot at the secret place", quality=90)
    data = out.getvalue()
    assert b"SecretCam" in data and b"Exif" in data
    return data


def png(width, height, color=(200, 30, 30)):
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def png_bomb(width=100000, height=100000):
    """A valid PNG header claiming width x height (10 gigapixels) over a tiny compressed stream of zeros."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\0" * (width + 1) * 64, 9)  # the first rows only: the rest is missing
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def pdf():
    """A small, real, one-page PDF."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def zip_file():
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "hello " * 100)
    return out.getvalue()


# ---- the form ----

def multipart(fields, files):
    boundary = "----pressroomtest" + os.urandom(8).hex()
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(str(value).encode() + b"\r\n")
    for name, (filename, data, ctype) in files.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                  f"Content-Type: {ctype}\r\n\r\n".encode())
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def post_form(client, path, fields, files=None):
    fields = dict(fields, csrf=client.csrf, media_form="1")
    body, ctype = multipart(fields, files or {})
    return client.request(path, "POST", raw=body, content_type=ctype)


def item_of(location):
    return int(re.search(r"/admin/items/(\d+)", location).group(1))


def store_path(site, sha):
    return os.path.join(site.dir, "media", sha[:2], sha)


def renditions(site, media_id):
    return site.query("SELECT format, width, file FROM media_rendition WHERE media_id = ? ORDER BY format, width",
                      (media_id,))


@contextlib.contextmanager
def created_in(folder):
    """Counts the files created in folder while the block runs (inotify), so a temporary file that was written
    and removed again is seen too."""
    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
    assert fd >= 0, ctypes.get_errno()
    IN_CREATE = 0x100
    assert libc.inotify_add_watch(fd, folder.encode(), IN_CREATE) >= 0, ctypes.get_errno()
    events = []

    def count():
        return len(events)
    try:
        yield count
        while True:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                break
            while data:
                name_len = struct.unpack_from("iIII", data)[3]
                events.append(data[:16 + name_len])
                data = data[16 + name_len:]
    finally:
        os.close(fd)


def error_text(body):
    return " ".join(re.findall(r'class="field-error"[^>]*>([^<]*)<', body))


class Upload(unittest.TestCase):
    def setUp(self):
        self.c = signed_in(SITE, PUBLISHER)

    def save_with(self, title, files, **fields):
        form = dict(statement(title), action="save", **fields)
        return post_form(self.c, "/admin/new", form, files)

    def assert_worker_answers(self, before):
        status, _, body = self.c.request("/admin")
        self.assertEqual(status, 200)
        self.assertEqual(SITE.worker_pids(), before, "a worker died: " + SITE.log()[-2000:])

    def test_photo_renditions_have_no_metadata_and_are_upright(self):
        original = photo_with_gps(1200, 800)
        status, headers, body = self.save_with("With a photo", {"media_1_file": ("dsc.jpg", original, "image/jpeg")},
                                               media_1_alt="The ambassador at the lectern", media_lead="1")
        self.assertEqual(status, 303, error_text(body) or body[:2000])
        item = item_of(headers["location"])
        [(media_id, is_lead, alt)] = SITE.query("SELECT media_id, is_lead, alt FROM item_media WHERE item_id = ?", (item,))
        self.assertEqual((is_lead, alt), (1, "The ambassador at the lectern"))
        kind, orig_sha, name = SITE.query("SELECT kind, original, original_name FROM media WHERE id = ?", (media_id,))[0]
        self.assertEqual((kind, name), ("image", "dsc.jpg"))
        # The original is kept untouched (privately), under its hash.
        with open(store_path(SITE, orig_sha), "rb") as f:
            self.assertEqual(f.read(), original)
        self.assertEqual(orig_sha, hashlib.sha256(original).hexdigest())
        rows = renditions(SITE, media_id)
        # Upright the photo is 800 wide: 480 only (never upscaled), in both formats.
        self.assertEqual([(fmt, w) for fmt, w, _ in rows], [("jpeg", 480), ("webp", 480)])
        for fmt, width, sha in rows:
            with open(store_path(SITE, sha), "rb") as f:
                data = f.read()
            self.assertEqual(hashlib.sha256(data).hexdigest(), sha)
            for secret in (b"Exif", b"SecretCam", b"secret place", b"GPS", b"XMP", b"http://ns.adobe.com"):
                self.assertNotIn(secret, data, f"{fmt} {width} keeps {secret!r}")
            img = Image.open(io.BytesIO(data))
            self.assertEqual(img.format, "JPEG" if fmt == "jpeg" else "WEBP")
            self.assertEqual(img.size, (480, 720), "not turned upright by its EXIF orientation")
            self.assertFalse(img.getexif(), f"{fmt} has EXIF")
            self.assertEqual(SITE.query("SELECT mime, width, height, bytes FROM media_file WHERE sha256 = ?", (sha,)),
                             [("image/" + fmt, 480, 720, len(data))])
        # The revision keeps the same files, and the admin page lists them.
        self.assertEqual(SITE.query("SELECT rm.media_id FROM revision_media rm JOIN revision r ON r.id = rm.revision_id "
                                    "WHERE r.item_id = ?", (item,)), [(media_id,)])
        status, _, page = self.c.request(f"/admin/items/{item}")
        self.assertIn("dsc.jpg", page)
        self.assertIn('value="The ambassador at the lectern"', page)

    def test_widths_of_a_large_image(self):
        status, headers, body = self.save_with("Wide", {"media_1_file": ("wide.png", png(2000, 1000), "image/png")},
                                               media_1_alt="A red field")
        self.assertEqual(status, 303, error_text(body))
        [(media_id,)] = SITE.query("SELECT media_id FROM item_media WHERE item_id = ?", (item_of(headers["location"]),))
        self.assertEqual([(f, w) for f, w, _ in renditions(SITE, media_id)],
                         [("jpeg", 480), ("jpeg", 960), ("jpeg", 1600), ("webp", 480), ("webp", 960), ("webp", 1600)])
        status, _, _ = self.save_with("Small", {"media_1_file": ("s.png", png(300, 200), "image/png")},
                                      media_1_decorative="1")
        self.assertEqual(status, 303)
        media_id = SITE.query("SELECT max(id) FROM media")[0][0]
        self.assertEqual([(f, w) for f, w, _ in renditions(SITE, media_id)], [("jpeg", 300), ("webp", 300)])

    def test_a_pdf_is_kept_as_uploaded(self):
        doc = pdf()
        status, headers, body = self.save_with("With a PDF", {"media_1_file": ("Guide.pdf", doc, "application/pdf")},
                                               media_1_title="The railway guide")
        self.assertEqual(status, 303, error_text(body))
        item = item_of(headers["location"])
        [(media_id, title)] = SITE.query("SELECT media_id, title FROM item_media WHERE item_id = ?", (item,))
        self.assertEqual(title, "The railway guide")
        sha = hashlib.sha256(doc).hexdigest()
        self.assertEqual(SITE.query("SELECT kind, original FROM media WHERE id = ?", (media_id,)), [("document", sha)])
        self.assertEqual(renditions(SITE, media_id), [("pdf", 0, sha)])
        self.assertEqual(SITE.query("SELECT mime, bytes FROM media_file WHERE sha256 = ?", (sha,)),
                         [("application/pdf", len(doc))])
        with open(store_path(SITE, sha), "rb") as f:
            self.assertEqual(f.read(), doc)

    def test_what_is_not_an_image_or_a_pdf_is_refused(self):
        truncated = photo_with_gps(800, 600)
        cases = [
            ("html.jpg", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n", "image/jpeg"),
            ("logo.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>'
                         b'</svg>\n', "image/svg+xml"),
            ("cut.jpg", truncated[:len(truncated) // 2], "image/jpeg"),
            ("archive.pdf", zip_file(), "application/pdf"),
            ("cut.pdf", pdf()[:-40], "application/pdf"),
        ]
        before = SITE.worker_pids()
        media_before = SITE.query("SELECT count(*) FROM media")
        for name, data, ctype in cases:
            with self.subTest(name):
                status, _, body = self.save_with("Refused " + name, {"media_1_file": (name, data, ctype)},
                                                 media_1_alt="x", media_1_title="x")
                self.assertEqual(status, 422, body[:1000])
                self.assertRegex(error_text(body), r"is not a JPEG, PNG or WebP image or a PDF|damaged or incomplete|"
                                                   r"not a complete PDF")
                self.assertIn('value="Refused ' + name + '"', body, "the form was not kept")
        self.assertEqual(SITE.query("SELECT count(*) FROM media"), media_before)
        self.assert_worker_answers(before)
        self.assertEqual(os.listdir(os.path.join(SITE.dir, "media", "tmp")), [], "temporary files left")

    def test_a_decompression_bomb_is_refused_from_its_header(self):
        before = SITE.worker_pids()
        bomb = png_bomb()
        self.assertLess(len(bomb), 20000)
        status, _, body = self.save_with("Bomb", {"media_1_file": ("bomb.png", bomb, "image/png")}, media_1_alt="x")
        self.assertEqual(status, 422)
        self.assertIn("more than the 40000000 this site accepts", error_text(body))
        self.assert_worker_answers(before)

    def test_alt_text_is_required_and_the_upload_kept(self):
        status, _, body = self.save_with("No alt", {"media_1_file": ("p.png", png(640, 480), "image/png")})
        self.assertEqual(status, 422)
        self.assertIn("needs alt text", error_text(body))
        # The upload is stored already, so the form shown again carries it; adding the alt text saves.
        media_id = re.search(r'name="media_1_id" value="(\d+)"', body).group(1)
        self.assertIn('value="No alt"', body)
        status, headers, body = post_form(self.c, "/admin/new", dict(statement("No alt"), action="save",
                                                                     media_1_id=media_id, media_1_alt="Now described"))
        self.assertEqual(status, 303, error_text(body))
        self.assertEqual(SITE.query("SELECT media_id, alt FROM item_media WHERE item_id = ?",
                                    (item_of(headers["location"]),)), [(int(media_id), "Now described")])
        status, _, body = self.save_with("Doc without title", {"media_1_file": ("d.pdf", pdf(), "application/pdf")})
        self.assertEqual(status, 422)
        self.assertIn("needs a title", error_text(body))

    def test_reorder_and_remove_keep_old_revisions(self):
        files = {"media_1_file": ("a.png", png(500, 500, (255, 0, 0)), "image/png"),
                 "media_2_file": ("b.png", png(500, 500, (0, 255, 0)), "image/png"),
                 "media_3_file": ("c.pdf", pdf(), "application/pdf")}
        status, headers, body = self.save_with("Three files", files, media_1_alt="red", media_2_alt="green",
                                               media_3_title="doc")
        self.assertEqual(status, 303, error_text(body))
        item = item_of(headers["location"])
        first = SITE.query("SELECT media_id FROM item_media WHERE item_id = ? ORDER BY position", (item,))
        a, b, doc = (m for (m,) in first)
        # Edit: the PDF first, then red; green removed.
        status, _, body = post_form(self.c, f"/admin/items/{item}", dict(
            statement("Three files"), action="save",
            media_1_id=a, media_1_alt="red", media_1_position=2,
            media_2_id=b, media_2_alt="green", media_2_remove="1",
            media_3_id=doc, media_3_title="doc", media_3_position=1))
        self.assertEqual(status, 303, error_text(body))
        self.assertEqual(SITE.query("SELECT media_id FROM item_media WHERE item_id = ? ORDER BY position", (item,)),
                         [(doc,), (a,)])
        revs = SITE.query("SELECT id FROM revision WHERE item_id = ? ORDER BY id", (item,))
        self.assertEqual(len(revs), 2)
        kept = [SITE.query("SELECT media_id FROM revision_media WHERE revision_id = ? ORDER BY position", r)
                for r in revs]
        self.assertEqual(kept, [[(a,), (b,), (doc,)], [(doc,), (a,)]], "the first revision lost its files")
        # Nothing stored is deleted: green's files are still there.
        for _, _, sha in renditions(SITE, b):
            self.assertTrue(os.path.exists(store_path(SITE, sha)))
        # A form without its files section (from the preview) keeps the item's files.
        status, _, _ = self.c.post(f"/admin/items/{item}", dict(statement("Three files"), action="save"))
        self.assertEqual(status, 303)
        self.assertEqual(SITE.query("SELECT media_id FROM item_media WHERE item_id = ? ORDER BY position", (item,)),
                         [(doc,), (a,)])

    def test_a_dead_broker_takes_its_worker_along_and_both_come_back(self):
        workers = SITE.worker_pids()
        brokers = []
        for w in workers:
            with open(f"/proc/{w}/task/{w}/children") as f:
                brokers += [int(p) for p in f.read().split()]
        self.assertEqual(len(brokers), len(workers), "one broker per worker")
        for b in brokers:
            os.kill(b, signal.SIGKILL)
        answers = []
        for _ in range(2 * len(workers) + 3):
            status, _, body = self.save_with("After the broker", {"media_1_file": ("r.png", png(100, 100), "image/png")},
                                             media_1_alt="r")
            answers.append(status)
            if status == 303:
                break
            self.assertEqual(status, 422)
            self.assertIn("the image service stopped", error_text(body))
        self.assertEqual(answers[0], 422, answers)
        self.assertEqual(answers[-1], 303, answers)
        self.assertNotEqual(SITE.worker_pids(), workers)

    def test_db_check_backup_and_restore_carry_the_files(self):
        status, headers, body = self.save_with("Backed up", {"media_1_file": ("b.jpg", photo_with_gps(1000, 700),
                                                                               "image/jpeg")}, media_1_alt="b")
        self.assertEqual(status, 303, error_text(body))
        [(media_id, orig)] = SITE.query("SELECT m.id, m.original FROM item_media im JOIN media m ON m.id = im.media_id "
                                        "WHERE im.item_id = ?", (item_of(headers["location"]),))
        files = [orig] + [sha for _, _, sha in renditions(SITE, media_id)]
        check = harness.run("db", "check", "--db", SITE.db)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertRegex(check.stdout, r"media: \d+ files, ok")
        backup = os.path.join(SITE.dir, "backup.db")
        made = harness.run("db", "backup", backup, "--db", SITE.db)
        self.assertEqual(made.returncode, 0, made.stdout + made.stderr)
        for sha in files:
            self.assertTrue(os.path.exists(os.path.join(backup + ".media", sha[:2], sha)), sha)
        # A file deleted and another damaged: db check says which, and fails.
        os.unlink(store_path(SITE, files[0]))
        with open(store_path(SITE, files[1]), "r+b") as f:
            f.write(b"XXXX")
        check = harness.run("db", "check", "--db", SITE.db)
        self.assertEqual(check.returncode, 1)
        self.assertIn(store_path(SITE, files[0]) + " is missing", check.stdout)
        self.assertIn(store_path(SITE, files[1]) + " is corrupt", check.stdout)
        # The restore brings both back, checked against their hashes.
        restored = harness.run("db", "restore", backup, "--db", SITE.db)
        self.assertEqual(restored.returncode, 0, restored.stdout + restored.stderr)
        for sha in files:
            with open(store_path(SITE, sha), "rb") as f:
                self.assertEqual(hashlib.sha256(f.read()).hexdigest(), sha)
        check = harness.run("db", "check", "--db", SITE.db)
        self.assertEqual(check.returncode, 0, check.stdout)


class Limits(unittest.TestCase):
    """A site with small limits: 1 MB a file, 2 MB a form, and a decoder allowed 1 MB more memory than it
    starts with."""

    @classmethod
    def setUpClass(cls):
        cls.site = Site(users=[PUBLISHER], env={"PRESSROOM_CONFIG": "/nonexistent"})
        conf = os.path.join(cls.site.dir, "pressroom.conf")
        with open(conf, "w") as f:
            f.write("media_file_limit = 1M\nmedia_request_limit = 2M\nmedia_decoder_memory = 1M\n")
        cls.site.env["PRESSROOM_CONFIG"] = conf
        cls.site.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.site.__exit__(None, None, None)

    def test_a_file_over_the_limit_is_413_with_the_form_kept(self):
        c = signed_in(self.site, PUBLISHER)
        big = os.urandom(1536 * 1024)
        form = dict(statement("Kept title", teaser="Kept teaser"), action="save", media_1_alt="x")
        status, _, body = post_form(c, "/admin/new", form, {"media_1_file": ("big.jpg", big, "image/jpeg")})
        self.assertEqual(status, 413)
        self.assertIn("is larger than the 1 MB a file may be", error_text(body))
        self.assertIn('value="Kept title"', body)
        self.assertIn("Kept teaser", body)
        self.assertEqual(os.listdir(os.path.join(self.site.dir, "media", "tmp")), [])

    def test_an_anonymous_upload_is_never_stored(self):
        # Without a session the file parts are read and dropped, not written or weighed: a file over the limit
        # is no 413 (that would mean it was taken in), the gate's refusal answers, and nothing reaches disk.
        anonymous = Client(self.site)
        anonymous.csrf = "0" * 64
        form = dict(statement("Anonymous"), action="save", media_1_alt="x")
        files = {"media_1_file": ("big.jpg", os.urandom(1536 * 1024), "image/jpeg")}
        media_before = self.site.query("SELECT count(*) FROM media_file")
        with created_in(os.path.join(self.site.dir, "media", "tmp")) as created:
            status, _, _ = post_form(anonymous, "/admin/new", form, files)
        self.assertEqual(status, 403)
        self.assertEqual(created(), 0, "an anonymous upload was written to disk")
        self.assertEqual(self.site.query("SELECT count(*) FROM media_file"), media_before)
        self.assertEqual(os.listdir(os.path.join(self.site.dir, "media", "tmp")), [])

    def test_a_form_over_the_request_limit_is_413_with_its_text_kept(self):
        c = signed_in(self.site, PUBLISHER)
        form = dict(statement("Too much at once"), action="save", media_1_alt="x", media_2_alt="y", media_3_alt="z")
        files = {f"media_{i}_file": (f"{i}.jpg", os.urandom(900 * 1024), "image/jpeg") for i in (1, 2, 3)}
        status, _, body = post_form(c, "/admin/new", form, files)
        self.assertEqual(status, 413)
        self.assertIn("the form with its files is larger than the 2 MB this site takes at once", error_text(body))
        self.assertIn('value="Too much at once"', body)
        self.assertEqual(os.listdir(os.path.join(self.site.dir, "media", "tmp")), [])

    def test_a_decoder_over_its_memory_limit_costs_only_the_decoder(self):
        c = signed_in(self.site, PUBLISHER)
        before = self.site.worker_pids()
        form = dict(statement("Heavy"), action="save", media_1_alt="x")
        status, _, body = post_form(c, "/admin/new", form, {"media_1_file": ("h.png", png(900, 900), "image/png")})
        self.assertEqual(status, 422, body[:500])
        self.assertIn("could not be decoded within the limits this site sets for images", error_text(body))
        self.assertIn("media decoder", self.site.log())
        status, _, _ = c.request("/admin")
        self.assertEqual(status, 200)
        self.assertEqual(self.site.worker_pids(), before)
        self.assertEqual(self.site.query("SELECT count(*) FROM media"), [(0,)])


class UnderTheUnit(unittest.TestCase):
    """The installed server as pressroom.service runs it (unprivileged, no new privileges, the unit's system
    call filter and MemoryDenyWriteExecute, through launch.py) behind docs/deploy.md's server block: a photo
    is decoded and stored there too."""

    @classmethod
    def setUpClass(cls):
        import deploy
        if deploy.SANITIZED:
            raise unittest.SkipTest("the unit forbids ptrace, which LeakSanitizer needs at exit")
        cls.d = deploy.Deployment(config={"workers": "2"}, start=False, users=[PUBLISHER]).__enter__()
        try:
            subprocess.run(["chown", "-R", "nobody:nogroup", cls.d.data], check=True)
            cls.d.listen_socket()
            cls.d.start_nginx()
            cls.d.start_app(inherit=True, unit=cls.d.units + "/pressroom.service", user="nobody")
            cls.d.wait_ready()
        except BaseException:
            cls.d.__exit__(None, None, None)
            raise

    @classmethod
    def tearDownClass(cls):
        cls.d.__exit__(None, None, None)

    def test_a_photo_is_decoded_and_stored_under_the_units_sandbox(self):
        c = Client(self.d)
        self.assertEqual(c.login(PUBLISHER[0], PUBLISHER[2])[0], 303)
        c.request("/admin/new")
        form = dict(statement("Under the unit"), action="save", media_1_alt="A photo")
        status, _, body = post_form(c, "/admin/new", form, {"media_1_file": ("u.jpg", photo_with_gps(1000, 700),
                                                                             "image/jpeg")})
        self.assertEqual(status, 303, error_text(body) + self.d.log()[-3000:])
        db = sqlite3.connect(self.d.db)
        shas = [sha for (sha,) in db.execute("SELECT file FROM media_rendition")]
        db.close()
        self.assertEqual(len(shas), 2)
        for sha in shas:
            self.assertTrue(os.path.exists(os.path.join(self.d.data, "media", sha[:2], sha)))
        self.assertNotIn("starting another", self.d.log())


if __name__ == "__main__":
    harness.main()
