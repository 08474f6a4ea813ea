"""The job-ads collection: adding ads of every kind, fields found in the text, refusals that
store nothing, the user's fixes kept across re-reads, the status tracker, the fit for one ad."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.importers.datasets.postings_fields import parse_salary
from careerplanner.services import job_ads
from careerplanner.services.job_ads import DuplicateAdError
from careerplanner.services.resume_import import import_resume_file
from careerplanner.store.user import profile
from tests.importers.ads.conftest import AD_TEXT, write_docx, write_html, write_pdf
from tests.services.job_ads_data import ADS, JOB_JSON, copy_ads, user_rows

BACKEND = (ADS / "backend-berlin.txt").read_text(encoding="utf-8")
NURSE = (ADS / "nurse-ward.txt").read_text(encoding="utf-8")


def requirement_set(detail) -> set[tuple[str, str, int]]:
    return {(r.skill_name, r.required, r.level) for r in detail.requirements}


def test_a_pasted_ad_is_kept_with_the_fields_its_text_states(dbs, default_finder):
    user, market = dbs
    ad = job_ads.add_ad_text(
        user, market, BACKEND, tags=["backend-berlin", " spring  2027 "], finder=default_finder
    )
    assert (ad.title, ad.company, ad.location) == (
        "Senior Backend Engineer",
        "Kettle Systems",
        "Berlin",
    )
    assert ad.salary_annual == 77_500 and ad.salary_text == "€70,000 - €85,000 a year"
    assert ad.tags == ("backend-berlin", "spring 2027") and ad.status == "saved"
    detail = job_ads.get_ad(user, ad.id)
    assert detail.salary_currency == "EUR" and detail.salary_period == "year"
    assert detail.text == BACKEND.strip()
    must = [r.skill_name for r in detail.requirements if r.required == "must"]
    nice = [r.skill_name for r in detail.requirements if r.required == "nice"]
    assert must[:1] == ["Java"] and "Kubernetes" in nice
    # must-haves come first; each requirement shows the words behind it and where they are
    assert (
        detail.requirements.index(
            next(r for r in detail.requirements if r.skill_name == "Kubernetes")
        )
        > len(must) - 1
    )
    java = next(r for r in detail.requirements if r.skill_name == "Java")
    assert java.level == 4 and "5+ years" in java.evidence[0][1]
    assert java.spans and all(detail.text[a:b].casefold() == "java" for a, b in java.spans)
    assert [status for status, _at in detail.history] == ["saved"]


def test_what_the_user_gives_wins_over_what_the_text_states(dbs, default_finder):
    user, market = dbs
    ad = job_ads.add_ad_text(
        user,
        market,
        BACKEND,
        title="Backend (payments)",
        company="Kettle",
        location="Remote",
        link="https://jobs.example/=1",
        salary_text="$50 per hour",
        seen_on="2026-11-30",
        finder=default_finder,
    )
    assert (ad.title, ad.company, ad.location, ad.seen_on) == (
        "Backend (payments)",
        "Kettle",
        "Remote",
        "2026-11-30",
    )
    assert ad.salary_annual == parse_salary("$50 per hour") == 104_000
    assert ad.link == "https://jobs.example/=1"


@pytest.mark.parametrize(
    ("name", "annual", "period"),
    [
        ("electrician.txt", 32 * 2080, "hour"),
        ("data-engineer.md", 60 * 2080, "hour"),
        ("nurse-ward.txt", 35_000, "year"),
        ("accountant.txt", 62_000, "year"),
    ],
)
def test_a_salary_is_annualised_as_postings_datasets_are(dbs, default_finder, name, annual, period):
    user, market = dbs
    report = job_ads.add_ad_files(user, market, [ADS / name], finder=default_finder)
    (outcome,) = report.outcomes
    detail = job_ads.get_ad(user, outcome.ad_id)
    assert detail.summary.salary_annual == annual == parse_salary(detail.summary.salary_text)
    assert detail.salary_period == period


@pytest.mark.parametrize("text", [AD_TEXT, BACKEND, NURSE], ids=["analyst", "backend", "nurse"])
def test_the_same_ad_as_text_html_pdf_and_docx_gives_the_same_requirements(
    dbs, default_finder, tmp_path, text
):
    user, market = dbs
    files = {
        "text": tmp_path / "ad.txt",
        "html": write_html(tmp_path / "ad.html", text, "Job ad"),
        "pdf": write_pdf(tmp_path / "ad.pdf", text),
        "docx": write_docx(tmp_path / "ad.docx", text),
    }
    files["text"].write_text(text, encoding="utf-8")
    found = {}
    for kind, path in files.items():
        report = job_ads.add_ad_files(user, market, [path], finder=default_finder)
        (outcome,) = report.outcomes
        assert outcome.message == "", outcome.message
        detail = job_ads.get_ad(user, outcome.ad_id)
        assert detail.source_format == kind
        found[kind] = requirement_set(detail)
        job_ads.remove_ads(user, [outcome.ad_id])
    assert found["text"]
    assert found["html"] == found["text"]  # the site's menu, sidebar and footer are left out
    assert found["pdf"] == found["text"]
    assert found["docx"] == found["text"]


def test_a_json_resume_job_file_gives_its_fields(dbs, default_finder):
    user, market = dbs
    (outcome,) = job_ads.add_ad_files(user, market, [JOB_JSON], finder=default_finder).outcomes
    detail = job_ads.get_ad(user, outcome.ad_id)
    ad = detail.summary
    assert (ad.title, ad.company, ad.location) == ("Web Developer", "Microsoft", "Berlin, DE")
    assert ad.salary_annual == 100_000 and ad.link == "http://example.com/jobs/web-developer"
    names = {r.skill_name for r in detail.requirements}
    assert {"JavaScript", "React", "SQL", "MongoDB"} <= names


def _alert(path: Path, body: str, html: bool = False) -> Path:
    message = EmailMessage()
    message["From"] = "Job alerts <alerts@jobs.example>"
    message["To"] = "ada@example.org"
    message["Subject"] = "3 new jobs for you"
    if html:
        message.set_content("Open this e-mail in a mail program that shows HTML.")
        message.add_alternative(body, subtype="html")
    else:
        message.set_content(body)
    path.write_bytes(bytes(message))
    return path


def test_each_ad_of_a_job_alert_email_is_an_ad(dbs, default_finder, tmp_path):
    user, market = dbs
    body = (
        "Hi Ada, here are new jobs matching your search.\n"
        "-----\n" + BACKEND + "\nView job: https://jobs.example/1\n"
        "-----\n" + NURSE + "\nView job: https://jobs.example/2\n"
        "-----\nUnsubscribe from these alerts at any time.\n"
    )
    report = job_ads.add_ad_files(
        user, market, [_alert(tmp_path / "alert.eml", body)], tags=["alerts"], finder=default_finder
    )
    assert [o.source for o in report.added] == ["alert.eml (ad 1)", "alert.eml (ad 2)"]
    ads = job_ads.list_ads(user, tag="alerts")
    assert {ad.title for ad in ads} == {
        "Senior Backend Engineer at Kettle Systems",
        "Registered Nurse, Surgical Ward",
    }
    assert {ad.link for ad in ads} == {"https://jobs.example/1", "https://jobs.example/2"}


def test_a_folder_adds_every_ad_in_it_and_skips_other_files(dbs, default_finder, tmp_path):
    user, market = dbs
    folder = tmp_path / "ads"
    copies = copy_ads(folder)
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / ".DS_Store").write_bytes(bytes(16))
    calls = []
    report = job_ads.add_ad_files(
        user,
        market,
        [folder],
        tags=["batch"],
        progress=lambda done, total, message: calls.append((done, total)),
        finder=default_finder,
    )
    assert len(report.added) == len(copies)
    (skipped,) = report.refused
    assert skipped.message == "logo.png was skipped: it is not a kind of file job ads come in."
    assert calls[0] == (0, len(copies)) and calls[-1] == (len(copies), len(copies))
    assert len(job_ads.list_ads(user, tag="batch")) == len(copies)
    assert report.sentence() == f"Added {len(copies)} ads; 1 refused."


def _refusal(call, user) -> str:
    before = user_rows(user)
    with pytest.raises(UserError) as caught:
        call()
    assert user_rows(user) == before  # nothing stored
    sentence = str(caught.value)
    assert "\n" not in sentence and sentence.endswith(".")
    return sentence


def test_bad_input_is_one_sentence_and_stores_nothing(dbs, default_finder, tmp_path):
    user, market = dbs
    kept = job_ads.add_ad_text(user, market, BACKEND, finder=default_finder)

    def add_text(text):
        return lambda: job_ads.add_ad_text(user, market, text, finder=default_finder)

    def add_file(path):
        def call():
            (outcome,) = job_ads.add_ad_files(user, market, [path], finder=default_finder).refused
            raise UserError(outcome.message)

        return call

    assert (
        _refusal(add_text("  \n\t"), user) == "The pasted text is empty; paste the job ad's text."
    )
    assert (
        _refusal(add_text(BACKEND.replace("\n", "\r\n") + "\n\n"), user)
        == f"pasted text is already in your ads as #{kept.id}."
    )
    with pytest.raises(DuplicateAdError) as duplicate:
        job_ads.add_ad_text(user, market, BACKEND, finder=default_finder)
    assert duplicate.value.ad_id == kept.id
    assert _refusal(
        add_text("We are a friendly team in a sunny office and we like lunch together."), user
    ) == (
        "No requirement recognised in pasted text; add them by hand (keep the ad anyway, then "
        "add its requirements)."
    )

    binary = tmp_path / "ad.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    assert "ad.txt is not text" in _refusal(add_file(binary), user)

    page = tmp_path / "page.html"
    with page.open("wb") as handle:
        handle.write(b"<!DOCTYPE html><html><body><p>" + AD_TEXT.encode() + b"</p>")
        handle.write(b"<p>" + b"filler words " * (50 * 1024 * 1024 // 13) + b"</p></body></html>")
    assert _refusal(add_file(page), user) == (
        "page.html is 52 MB, too large for a job ad (the limit is 5 MB); save only the ad's "
        "page or its text."
    )

    not_a_job = tmp_path / "cv.job.json"
    not_a_job.write_text(json.dumps({"basics": {"name": "Ada"}, "work": []}), encoding="utf-8")
    assert _refusal(add_file(not_a_job), user).startswith(
        "cv.job.json is JSON but not a JSON Resume job file"
    )
    broken = tmp_path / "broken.job.json"
    broken.write_text('{"title": "Analyst", ', encoding="utf-8")
    assert (
        _refusal(add_file(broken), user)
        == "broken.job.json is not valid JSON (line 1); save it again."
    )

    assert _refusal(lambda: job_ads.set_status(user, kept.id, "hired"), user).startswith(
        "“hired” is not a status"
    )
    assert _refusal(lambda: job_ads.get_ad(user, 999), user) == "There is no ad #999 in your ads."
    assert _refusal(lambda: job_ads.remove_ads(user, [kept.id, 999]), user) == (
        "There is no ad #999 in your ads."
    )


def test_an_ad_without_recognised_requirements_can_be_kept_to_fill_in(dbs, default_finder):
    user, market = dbs
    ad = job_ads.add_ad_text(
        user,
        market,
        "Gardener wanted for the castle grounds. Mowing, hedges and roses.",
        allow_empty=True,
        finder=default_finder,
    )
    assert (ad.must_count, ad.nice_count) == (0, 0)
    detail = job_ads.fix_requirement(user, market, ad.id, add=("Horticulture", 2, "must"))
    assert [(r.skill_name, r.level, r.required, r.fix) for r in detail.requirements] == [
        ("Horticulture", 2, "must", "added")
    ]


def test_fixes_are_kept_when_the_ad_is_read_again(dbs, default_finder):
    user, market = dbs
    ad = job_ads.add_ad_text(user, market, BACKEND, finder=default_finder)
    job_ads.fix_requirement(user, market, ad.id, remove="Apache Kafka")
    job_ads.fix_requirement(user, market, ad.id, set=("Kubernetes", 3, "must"))
    job_ads.fix_requirement(user, market, ad.id, add=("Terraform", 2, "nice"))
    job_ads.fix_requirement(user, market, ad.id, set=("Git", "L2"))
    before = job_ads.get_ad(user, ad.id)

    assert job_ads.reread_ads(user, market, finder=default_finder) == 1
    after = job_ads.get_ad(user, ad.id)
    assert requirement_set(after) == requirement_set(before)
    fixed = {r.skill_name: (r.fix, r.level, r.required) for r in after.requirements if r.fix}
    assert fixed == {
        "Kubernetes": ("changed", 3, "must"),
        "IBM Terraform": ("added", 2, "nice"),  # the dataset's name for it
        "Git": ("changed", 2, "must"),
    }
    assert [r.skill_name for r in after.removed] == ["Apache Kafka"]
    kubernetes = next(r for r in after.requirements if r.skill_name == "Kubernetes")
    assert (kubernetes.read_level, kubernetes.read_required) == (2, "nice")

    undone = job_ads.undo_fix(user, ad.id, "Kubernetes")
    kubernetes = next(r for r in undone.requirements if r.skill_name == "Kubernetes")
    assert (kubernetes.level, kubernetes.required, kubernetes.fix) == (2, "nice", "")
    with pytest.raises(UserError, match="does not ask for “Cobol”"):
        job_ads.fix_requirement(user, market, ad.id, remove="Cobol")


def test_the_status_tracker_keeps_the_date_of_each_change(dbs, default_finder):
    user, market = dbs
    ad = job_ads.add_ad_text(user, market, BACKEND, finder=default_finder)
    job_ads.set_status(user, ad.id, "applied", at="2026-12-01T09:00:00Z")
    job_ads.set_status(user, ad.id, "Interviewing", at="2026-12-10T14:30:00Z")
    detail = job_ads.get_ad(user, ad.id)
    assert detail.history[1:] == (
        ("applied", "2026-12-01T09:00:00Z"),
        ("interviewing", "2026-12-10T14:30:00Z"),
    )
    assert detail.summary.status == "interviewing"
    assert detail.summary.status_at == "2026-12-10T14:30:00Z"
    assert [a.id for a in job_ads.list_ads(user, status="interviewing")] == [ad.id]
    assert job_ads.list_ads(user, status="offer") == []


def test_tags_group_ads(dbs, default_finder):
    user, market = dbs
    first = job_ads.add_ad_text(user, market, BACKEND, tags=["berlin"], finder=default_finder)
    second = job_ads.add_ad_text(user, market, NURSE, finder=default_finder)
    job_ads.add_tags(user, [first.id, second.id], ["spring 2027"])
    job_ads.remove_tag(user, [first.id], "berlin")
    assert job_ads.all_tags(user) == [("spring 2027", 2)]
    job_ads.set_tags(user, second.id, ["nursing", "leeds"])
    assert job_ads.get_ad(user, second.id).summary.tags == ("leeds", "nursing")
    assert [a.id for a in job_ads.list_ads(user, tag="nursing")] == [second.id]


def _profile(user, levels: dict[str, tuple[str, int]]) -> None:
    user.execute(
        "INSERT OR REPLACE INTO profile (id, name, headline, updated_at) "
        "VALUES (1, 'Ada', '', '2026-01-01T00:00:00Z')"
    )
    for key, (name, level) in levels.items():
        user.execute(
            "INSERT INTO user_skill (skill_key, name, inferred_level, updated_at) "
            "VALUES (?, ?, ?, '2026-01-01T00:00:00Z')",
            [key, name, level],
        )


def test_the_fit_for_one_ad_puts_must_haves_first_and_answers_what_if(dbs, default_finder):
    user, market = dbs
    ad = job_ads.add_ad_text(user, market, BACKEND, finder=default_finder)
    detail = job_ads.get_ad(user, ad.id)
    keys = {r.skill_name: r.skill_key for r in detail.requirements}
    _profile(
        user,
        {
            keys["Java"]: ("Java", 5),
            keys["SQL"]: ("SQL", 3),
            keys["Git"]: ("Git", 2),
            keys["Kubernetes"]: ("Kubernetes", 1),
        },
    )
    fit = job_ads.ad_fit(user, market, ad.id)
    required = [row.required for row in fit.rows]
    assert required == sorted(required, key=lambda r: r != "must")  # must-haves first
    # by hand: a must-have weighs 1, a nice-to-have 0.5; met = Java, SQL, Git
    must = [r for r in detail.requirements if r.required == "must"]
    nice = [r for r in detail.requirements if r.required == "nice"]
    assert fit.fit == pytest.approx(3 / (len(must) + 0.5 * len(nice)))
    kubernetes = next(row for row in fit.rows if row.skill_name == "Kubernetes")
    assert (kubernetes.your_level, kubernetes.required_level, kubernetes.gap) == (1, 2, 1)
    change = job_ads.ad_what_if(user, market, ad.id, "kubernetes", "L3")
    assert change.fit_after == pytest.approx(3.5 / (len(must) + 0.5 * len(nice)))
    assert change.sentence(fit.title).startswith("Raise Kubernetes from L1 to L3: fit for ")
    assert fit.salary_annual == 77_500
    listed = job_ads.list_ads(user, market)
    assert listed[0].fit == pytest.approx(fit.fit)


def test_a_profile_skill_under_another_name_counts_for_the_ad(dbs, default_finder):
    user, market = dbs
    ad = job_ads.add_ad_text(user, market, BACKEND, finder=default_finder)
    _profile(user, {"custom:postgres": ("Postgres", 3)})
    rows = {row.skill_name: row for row in job_ads.ad_fit(user, market, ad.id).rows}
    assert rows["PostgreSQL"].your_level == 3 and rows["PostgreSQL"].met


def test_ads_survive_a_resume_reimport(dbs, default_finder, tmp_path):
    user, market = dbs
    job_ads.add_ad_text(user, market, BACKEND, tags=["t"], finder=default_finder)
    ad = job_ads.add_ad_text(user, market, NURSE, finder=default_finder)
    job_ads.fix_requirement(user, market, ad.id, add=("Wound care", 3, "must"))
    job_ads.set_status(user, ad.id, "applied")
    before = user_rows(user)
    for version in ("Python, SQL", "Python, SQL, Docker, Kubernetes"):
        resume = tmp_path / f"cv-{len(version)}.txt"
        resume.write_text(
            f"Ada Lovelace\nExperience\nEngineer | Acme\nJan 2019 - Present\nSkills\n{version}\n",
            encoding="utf-8",
        )
        import_resume_file(user, market, resume, tmp_path / "backups")
    assert user_rows(user) == before
    assert profile.profile_skills(user)


def test_a_cancel_keeps_the_ads_added_before_it(dbs, default_finder, tmp_path):
    user, market = dbs
    copies = copy_ads(tmp_path / "ads")
    cancel = CancelToken()

    def progress(done, total, message):
        if done == 2:
            cancel.cancel()  # the user presses Cancel while the third file is read

    with pytest.raises(Cancelled):
        job_ads.add_ad_files(
            user,
            market,
            [tmp_path / "ads"],
            progress=progress,
            cancel=cancel,
            finder=default_finder,
        )
    kept = job_ads.list_ads(user)
    assert len(kept) == 2 < len(copies)
    assert all(ad.must_count + ad.nice_count > 0 for ad in kept)


def test_no_requirement_is_told_apart_so_the_ad_can_be_kept_anyway(dbs, default_finder, tmp_path):
    user, market = dbs
    text = "We are a friendly team in a sunny office and we like lunch together."
    with pytest.raises(job_ads.NoRequirementError):
        job_ads.add_ad_text(user, market, text, finder=default_finder)
    path = tmp_path / "lunch.txt"
    path.write_text(text, encoding="utf-8")
    (outcome,) = job_ads.add_ad_files(user, market, [path], finder=default_finder).outcomes
    assert outcome.no_requirement and outcome.ad_id is None
    (outcome,) = job_ads.add_ad_files(
        user, market, [path], allow_empty=True, finder=default_finder
    ).outcomes
    assert outcome.ad_id is not None and not outcome.message
