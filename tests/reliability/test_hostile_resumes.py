"""Hostile resume files not covered in tests/importers/resume: random bytes, PDF layout and
compression bombs, a huge document.xml, a huge JSON Resume, a URL that must never be fetched,
and LinkedIn exports without Skills.csv or with localised headers. Each is one sentence (or a
clean result), through the real readers and the real PDF worker process."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import textwrap
import zipfile
import zlib

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.resume.formats import MAX_FILE_BYTES, read_resume
from careerplanner.importers.resume.pdf_reader import PdfWorker
from tests.conftest import PROJECT_ROOT
from tests.importers.resume.conftest import make_pdf


@pytest.fixture(scope="module")
def worker():
    # A short time limit keeps the bomb tests quick; the app's own limit is longer.
    pdf_worker = PdfWorker(time_limit=5)
    yield pdf_worker
    pdf_worker.close()


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF with these objects (1 = catalog), a correct xref table and trailer."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def layout_bomb() -> bytes:
    """~2.5 KB: ten nested forms, each drawing the one below ten times: 10^10 glyphs to lay out."""
    depth = 10
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    page += b"/Resources << /XObject << /X 5 0 R >> >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        stream(b"/X Do"),
    ]
    for level in range(depth):
        number = 5 + level
        if level == depth - 1:
            body = b"BT /F1 1 Tf 1 0 0 1 1 1 Tm (ab) Tj ET"
            resources = b"/Resources << /Font << /F1 %d 0 R >> >>" % (number + 1)
        else:
            body = b" ".join([b"/X Do"] * 10)
            resources = b"/Resources << /XObject << /X %d 0 R >> >>" % (number + 1)
        objects.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] " + resources))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_file(objects)


def compression_bomb(megabytes: int = 400) -> bytes:
    """A page whose content stream inflates from well under 1 MB to `megabytes` MB of text."""
    packer = zlib.compressobj(1)  # fast to build; still ~160:1
    chunk = b"BT /F1 9 Tf (x) Tj ET\n" * (1024 * 1024 // 22)
    packed = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    page += b"/Resources << /Font << /F1 5 0 R >> >> >>"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page,
            stream(packed, b"/Filter /FlateDecode "),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_random_bytes_named_pdf(tmp_path, worker):
    path = tmp_path / "cv.pdf"
    path.write_bytes(random.Random(8).randbytes(4096))
    with pytest.raises(UserError, match=r"^cv\.pdf is named \.pdf but is an unknown binary file"):
        read_resume(path, worker=worker)


def test_random_bytes_behind_a_pdf_header(tmp_path, worker):
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(9).randbytes(4096) + b"\n%%EOF\n")
    with pytest.raises(UserError, match=r"^cv\.pdf is damaged or not a real PDF"):
        read_resume(path, worker=worker)


@pytest.mark.slow
def test_a_one_kilobyte_layout_bomb_is_abandoned(tmp_path, worker):
    data = layout_bomb()
    assert len(data) < 3072
    path = tmp_path / "bomb.pdf"
    path.write_bytes(data)
    with pytest.raises(UserError) as refused:
        read_resume(path, worker=worker)
    assert str(refused.value).startswith("bomb.pdf ")
    assert "took longer than" in str(refused.value) or "no text" in str(refused.value)
    good = tmp_path / "after.pdf"  # the worker is replaced and reads the next PDF
    good.write_bytes(make_pdf(["Skills", "Python, Docker, Kubernetes, Terraform"]))
    assert "Python" in read_resume(good, worker=worker).text


@pytest.mark.slow
def test_a_compression_bomb_is_refused(tmp_path, worker):
    data = compression_bomb()
    assert len(data) < MAX_FILE_BYTES
    path = tmp_path / "zbomb.pdf"
    path.write_bytes(data)
    with pytest.raises(UserError, match=r"^zbomb\.pdf (needs more memory|could not be read|took)"):
        read_resume(path, worker=worker)
    good = tmp_path / "after.pdf"  # the worker is replaced and reads the next PDF
    good.write_bytes(make_pdf(["Skills", "Python, Docker, Kubernetes, Terraform"]))
    assert "Python" in read_resume(good, worker=worker).text


def test_text_named_docx(tmp_path):
    path = tmp_path / "cv.docx"
    path.write_text("Ada Lovelace\nSkills\nPython\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"^cv\.docx is named \.docx but is plain text"):
        read_resume(path)


def test_a_huge_document_xml_is_refused_before_parsing(tmp_path):
    path = tmp_path / "cv.docx"
    body = b"<w:p><w:r><w:t>Python</w:t></w:r></w:p>" * (300 * 1024 * 1024 // 40)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<w:document><w:body>" + body + b"</w:body>")
    assert path.stat().st_size < MAX_FILE_BYTES
    with pytest.raises(UserError, match=r"^cv\.docx holds word/document\.xml, which unpacks to"):
        read_resume(path)


def test_a_huge_json_resume_is_refused_before_reading(tmp_path):
    path = tmp_path / "resume.json"
    with open(path, "wb") as handle:
        handle.write(b'{"basics": {"name": "')
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UserError, match=r"^resume\.json is \d+ MB, too large for a resume"):
        read_resume(path)


NO_FETCH = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    events = []
    def watch(event, args):
        if event.startswith(("socket.", "urllib.")) or event in ("http.client.connect",):
            events.append(event)
    sys.addaudithook(watch)
    from pathlib import Path
    from careerplanner.analysis.vocabulary import active_vocabulary
    from careerplanner.importers.resume.parse import parse_resume
    parsed = parse_resume(Path(sys.argv[1]), active_vocabulary().finder())
    print(len(parsed.skills), ",".join(sorted(set(events))) or "no network")
    """
).format(root=str(PROJECT_ROOT))


def test_a_json_resume_image_url_is_never_fetched(tmp_path):
    document = {
        "basics": {
            "name": "Ada",
            "image": "http://127.0.0.1:9/photo.png",
            "url": "https://example.org/",
            "profiles": [{"network": "x", "url": "https://example.org/ada"}],
        },
        "work": [{"name": "Acme", "position": "Engineer", "url": "http://127.0.0.1:9/"}],
        "skills": [{"name": "Python"}],
    }
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", NO_FETCH, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    count, network = result.stdout.split("\n")[-2].split(" ", 1)
    assert int(count) >= 1  # the resume was really read
    assert network == "no network"


def linkedin_zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    "Navy,Senior Engineer,Built COBOL compilers,,Jan 2010,Dec 2016\n"
)


def test_a_linkedin_export_without_skills_csv_reads_its_positions(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(linkedin_zip({"Positions.csv": POSITIONS}))
    raw = read_resume(path)
    assert raw.format == "linkedin"
    assert "Senior Engineer | Navy" in raw.text


def test_a_linkedin_export_with_localised_headers(tmp_path):
    german = (
        "Firmenname,Titel,Beschreibung,Standort,Begonnen am,Beendet am\n"
        "Marine,Leitender Ingenieur,COBOL-Compiler gebaut,,Jan. 2010,Dez. 2016\n"
    )
    path = tmp_path / "export.zip"
    path.write_bytes(linkedin_zip({"Positions.csv": german}))
    try:
        raw = read_resume(path)
    except UserError:
        return  # refused with a sentence: acceptable
    assert "Leitender Ingenieur" in raw.text


def test_a_linkedin_export_in_an_unknown_language_is_refused_with_a_sentence(tmp_path):
    japanese = "会社名,役職,説明,勤務地,開始日,終了日\nACME,エンジニア,Python,,2010,2016\n"
    path = tmp_path / "export.zip"
    path.write_bytes(linkedin_zip({"Positions.csv": japanese}))
    with pytest.raises(UserError, match=r"Positions.csv in export.zip has column names .* English"):
        read_resume(path)
