"""An employer's boilerplate, found by repetition across kinds of job, not by a list of phrases."""

from __future__ import annotations

from careerplanner.analysis.boilerplate import BoilerplateFinder, sentence_spans

INTRO = "Acme Water runs 19 reservoirs and three controlled lakes across the state."
APPLY = "Do not send your papers by fax or by mail to the office directly."
EXCEL = "Proficiency in Microsoft Excel."
TITLES = ["Engineer", "Accountant", "Plumber", "Lawyer", "Analyst", "Nurse"]


def ad(title: str) -> str:
    own = (
        f"The {title} will keep records of all the {title.lower()} work done in the unit each week."
    )
    return f"{INTRO}  {own}  {EXCEL}\n{APPLY}"


def finder_over(ads: list[tuple[str, str, str]]) -> BoilerplateFinder:
    finder = BoilerplateFinder()
    for employer, title, text in ads:
        finder.observe(employer, title, text)
    finder.finish()
    return finder


def test_sentences_repeated_across_kinds_of_job_are_removed():
    finder = finder_over([("Acme", t, ad(t)) for t in TITLES])
    stripped = finder.strip("Acme", ad("Engineer"))
    assert INTRO not in stripped and APPLY not in stripped
    assert "The Engineer will keep records" in stripped
    assert EXCEL in stripped  # too short to be an employer's own text
    assert finder.boilerplate_sentences == 2


def test_a_requirement_repeated_within_one_kind_of_job_stays():
    text = "Four years of experience maintaining large pumps and water valves is required."
    finder = finder_over([("Acme", "Engineer", f"{text} Posting {n}.") for n in range(10)])
    assert text in finder.strip("Acme", text)


def test_boilerplate_is_per_employer():
    finder = finder_over([("Acme", t, ad(t)) for t in TITLES])
    assert finder.strip("Other Co", ad("Engineer")) == ad("Engineer")


def test_rare_sentences_are_not_boilerplate():
    finder = finder_over([("Acme", t, ad(t)) for t in TITLES[:4]])  # four postings only
    assert finder.strip("Acme", ad("Engineer")) == ad("Engineer")


def test_flattened_lists_split_into_units():
    text = "First item here  Second item here. Third item • Fourth"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "First item here",
        "Second item here",
        "Third item",
        "Fourth",
    ]


def test_a_sentence_the_whole_corpus_repeats_across_many_kinds_of_job_is_removed():
    standard = "Education and experience equivalent to the above may be substituted for it."
    kinds = [f"Title {n}" for n in range(12)]
    finder = finder_over(
        [(f"Agency {n}", kind, f"{standard}\nOwn text {n}.") for n, kind in enumerate(kinds)]
    )
    stripped = finder.strip("Agency 99", f"{standard}\nMore.")
    assert "substituted" not in stripped and stripped.endswith("More.")
    # Ten postings of fewer kinds of job: a requirement of that job, kept.
    few = finder_over([(f"Agency {n}", "Engineer", standard) for n in range(12)])
    assert few.strip("Agency 1", standard) == standard
