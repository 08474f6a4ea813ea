"""Reading job-ad files: every format gives the ad's own text, bad files one sentence each."""

from __future__ import annotations

import json

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.ads.reader import MAX_READ_BYTES, read_ad, unwrap_lines
from careerplanner.services.ads import parse_ad_text
from tests.conftest import shared_path
from tests.importers.ads.conftest import (
    AD_TEXT,
    requirement_set,
    write_docx,
    write_html,
    write_pdf,
)


def requirements(path, finder):
    return requirement_set(parse_ad_text(read_ad(path), path.name, finder).skills)


def test_the_ad_reads_the_same_as_text_html_pdf_and_docx(tmp_path, finder):
    text = tmp_path / "ad.txt"
    text.write_text(AD_TEXT, encoding="utf-8")
    expected = requirements(text, finder)
    assert ("SQL", "must", 3) in expected and ("Apache Spark", "nice", 2) in expected
    for path in (
        write_html(tmp_path / "ad.html", AD_TEXT),
        write_pdf(tmp_path / "ad.pdf", AD_TEXT),
        write_docx(tmp_path / "ad.docx", AD_TEXT),
    ):
        assert requirements(path, finder) == expected, path.name


def test_html_keeps_the_ad_and_drops_the_site_around_it(tmp_path):
    raw = read_ad(write_html(tmp_path / "saved.htm", AD_TEXT, title="Data Analyst"))
    assert raw.format == "html" and raw.title.startswith("Data Analyst")
    assert "Strong Excel skills." in raw.text.splitlines()
    for navigation in ("Kubernetes courses", "Popular searches", "Terraform", "skills=["):
        assert navigation not in raw.text


def test_pdf_lines_broken_for_the_page_are_joined_again():
    wrapped = "Experience with Apache Spark and Hadoop for large\ndata pipelines is a plus.\n- SQL"
    assert unwrap_lines(wrapped).splitlines() == [
        "Experience with Apache Spark and Hadoop for large data pipelines is a plus.",
        "- SQL",
    ]
    prose = "We run it. You will maintain our network and configure the\nCisco routers daily."
    assert len(unwrap_lines(prose).splitlines()) == 1
    items = "Prefer someone who understands machine learning and data mining\nExperience with Go"
    assert len(unwrap_lines(items).splitlines()) == 2  # a list: each line its own item


@pytest.mark.parametrize(
    ("name", "content", "sentence"),
    [
        ("empty.txt", b"  \n\n", "is empty"),
        ("binary.txt", bytes(range(256)) * 40, "is not text"),
        ("random.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 300, "is not text"),
        ("ad.doc", b"\xd0\xcf\x11\xe0" + bytes(600), "old Word .doc"),
        ("ad.txt", b"%PDF-1.4\n1 0 obj\n%%EOF\n", "is named .txt but is a PDF"),
        ("list.job.json", b'{"name": "Ada", "work": []}', "not a JSON Resume job file"),
        ("broken.job.json", b'{"title": "Analyst",', "is not valid JSON"),
        ("nested.job.json", b'{"title":' + b"[" * 50 + b"]" * 50 + b"}", "nested too deeply"),
        ("page.html", b"<html><body><nav><a href='/'> </a></nav></body></html>", "no text"),
    ],
)
def test_bad_files_get_one_sentence(tmp_path, name, content, sentence):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=sentence) as caught:
        read_ad(path)
    message = str(caught.value)
    assert message.count(". ") == 0 and name in message  # one sentence, naming the file


def test_a_50_mb_page_is_read_up_to_the_cap_and_the_user_is_told(tmp_path, finder):
    page = tmp_path / "huge.html"
    filler = "<div class='ad-slot'>" + "<span>sponsored</span>" * 50 + "</div>\n"
    with page.open("w", encoding="utf-8") as out:
        out.write("<!DOCTYPE html><html><head><title>Analyst</title></head><body><article>")
        out.write("".join(f"<p>{line}</p>" for line in AD_TEXT.splitlines() if line))
        out.write("</article>")
        while out.tell() < 50 * 1024 * 1024:
            out.write(filler * 1000)
        out.write("</body></html>")
    raw = read_ad(page)
    assert raw.notes and "only its first 5 MB were read" in raw.notes[0]
    assert len(raw.text) < MAX_READ_BYTES
    assert "SQL" in {s.name for s in parse_ad_text(raw, page.name, finder).skills}


def test_an_ad_in_another_language_is_refused_in_one_sentence(tmp_path, finder):
    path = tmp_path / "anzeige.txt"
    path.write_text(
        "Wir suchen eine Datenanalystin für unser Team in Berlin. Sie arbeiten täglich mit SQL "
        "und Python, erstellen Berichte in Tableau und unterstützen die Abteilungen bei der "
        "Auswertung von Kennzahlen. Sie bringen mehrere Jahre Berufserfahrung mit.",
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="does not look like English"):
        parse_ad_text(read_ad(path), path.name, finder)


def test_a_json_resume_job_file_reads_its_fields(tmp_path, finder):
    path = tmp_path / "role.job.json"
    path.write_text(
        json.dumps(
            {
                "title": "Web Developer",
                "company": "Acme",
                "description": "Build web applications.",
                "qualifications": ["3+ years of experience with JavaScript"],
                "skills": [{"name": "Databases", "level": "Intermediate", "keywords": ["SQL"]}],
                "meta": {"canonical": "http://example.com/never-fetched"},
            }
        ),
        encoding="utf-8",
    )
    raw = read_ad(path)
    assert raw.format == "job-json" and raw.title == "Web Developer"
    found = {s.name: s for s in parse_ad_text(raw, path.name, finder).skills}
    assert found["JavaScript"].level == 3 and "SQL" in found


def test_the_json_resume_sample_job(finder):
    path = shared_path("resumes/files/jsonresume_sample.job.json")
    found = {s.name for s in parse_ad_text(read_ad(path), path.name, finder).skills}
    assert {"JavaScript", "HTML", "CSS", "React", "SQL", "MongoDB"} <= found


def test_every_labelled_ad_reads_the_same_in_every_format(tmp_path, finder):
    for ad in sorted(shared_path("ads/files").glob("*.txt")):
        text = ad.read_text(encoding="utf-8")
        expected = requirements(ad, finder)
        for path in (
            write_html(tmp_path / f"{ad.stem}.html", text),
            write_docx(tmp_path / f"{ad.stem}.docx", text),
            write_pdf(tmp_path / f"{ad.stem}.pdf", text),
        ):
            assert requirements(path, finder) == expected, path.name
