"""Fuzzing the job-ad reader: whatever the bytes and the file's name, it returns the ad's text or
raises UserError (one sentence) and never anything else. Bounded and derandomized like
tests/fuzz (FUZZ_EXAMPLES=5000 to hunt)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.errors import UserError
from careerplanner.importers.ads.reader import read_ad, read_ads

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    database=None,
)
SUFFIXES = [".txt", ".md", ".html", ".htm", ".json", ".job.json", ""]
HTML_PIECES = st.sampled_from(
    [
        "<html>", "<body>", "<p>", "</p>", "<div>", "<!--", "-->", "<script>", "</script>",
        "<![CDATA[", "&amp;", "&#0;", "&#xFFFFFF;", "<nav>", "<article>", "<li>", "<br/>",
        "\x00", "\ufeff", "Python", "required", "<meta charset='utf-16'>", "<",
    ]
)  # fmt: skip
JSON_PIECES = st.sampled_from(
    ['{"title": ', '"Analyst"', "[", "]", "{", "}", ",", '"skills": ', "null", "1e999", '"\\ud800"']
)


def read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"ad{suffix}"
        path.write_bytes(data)
        try:
            raw = read_ad(path)
        except UserError as error:
            assert str(error).strip()
            return
        assert isinstance(raw.text, str)


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_random_bytes(data, suffix):
    read(data, suffix)


@FUZZ
@given(st.lists(HTML_PIECES, max_size=60), st.sampled_from([".html", ".txt"]))
def test_html_like_text(pieces, suffix):
    read("".join(pieces).encode("utf-8", "surrogatepass"), suffix)


@FUZZ
@given(st.lists(JSON_PIECES, max_size=40))
def test_json_like_text(pieces):
    read("".join(pieces).encode("utf-8", "surrogatepass"), ".job.json")


EMAIL_PIECES = st.sampled_from(
    [
        "From: a@b.example\n", "Subject: jobs\n", "Content-Type: text/html; charset=utf-16\n",
        "Content-Type: multipart/alternative; boundary=X\n", "--X\n", "--X--\n",
        "Content-Transfer-Encoding: base64\n", "Content-Transfer-Encoding: quoted-printable\n",
        "=C3=A9", "=\n", "\n", "-----\n", "View job: https://x.example/1\n", "<p>", "</p>",
        "Requirements: 3+ years of SQL and Python for our analytics team in Leeds.\n",
        "\x00", "\ufeff", "charset=\"no-such-charset\"\n", "SGVsbG8=\n",
    ]
)  # fmt: skip


@FUZZ
@given(st.lists(EMAIL_PIECES, max_size=50), st.binary(max_size=200))
def test_email_like_bytes(pieces, tail):
    data = "".join(pieces).encode("utf-8", "surrogatepass") + tail
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "alert.eml"
        path.write_bytes(data)
        try:
            ads = read_ads(path)
        except UserError as error:
            assert str(error).strip()
            return
        assert ads and all(isinstance(ad.text, str) and ad.text for ad in ads)
