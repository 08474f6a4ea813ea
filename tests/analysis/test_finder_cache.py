"""The compiled finder is kept on disk per dataset version, as JSON, and rebuilt when unusable."""

from __future__ import annotations

import json

from careerplanner.analysis.finder_cache import cache_digest, cached_finder
from careerplanner.analysis.vocabulary import build_vocabulary, read_curated_aliases
from careerplanner.core.skills import SkillTerm, skill_key

# A real line of a City of New York job ad, and one of a chef's resume.
TEXTS = [
    "Proficiency Microsoft Office Suite (PowerPoint, Word, Excel, Outlook, Access etc.); "
    "familiarity with SPSS, Stata",
    "Established quality control protocols for food preparation and presentation",
]
NAMES = ["Microsoft PowerPoint", "Microsoft Word", "Microsoft Excel", "Quality control software"]


def _build():
    terms = [SkillTerm(skill_key("technology", n), n) for n in NAMES]
    return build_vocabulary(terms, read_curated_aliases()).finder()


def _mentions(finder):
    return [[(m.key, m.start, m.end) for m in finder.find(text)] for text in TEXTS]


def test_a_kept_finder_finds_what_the_built_one_finds(tmp_path):
    built = cached_finder(tmp_path, "onet=a|esco=b", _build)
    (kept_file,) = tmp_path.glob("finder-*.json")
    json.loads(kept_file.read_text(encoding="utf-8"))  # plain JSON, never pickle

    def must_not_build():
        raise AssertionError("the kept finder should have been read")

    loaded = cached_finder(tmp_path, "onet=a|esco=b", must_not_build)
    assert _mentions(loaded) == _mentions(built)
    assert any(_mentions(built))


def test_another_dataset_version_gets_its_own_finder(tmp_path):
    assert cache_digest("onet=a") != cache_digest("onet=b")
    cached_finder(tmp_path, "onet=a", _build)
    cached_finder(tmp_path, "onet=b", _build)
    assert len(list(tmp_path.glob("finder-*.json"))) == 2


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    cached_finder(tmp_path, "k", _build)
    (kept_file,) = tmp_path.glob("finder-*.json")
    kept_file.write_text('{"format": 1, "finder": {"trie": ', encoding="utf-8")
    rebuilt = cached_finder(tmp_path, "k", _build)
    assert _mentions(rebuilt) == _mentions(_build())
    json.loads(kept_file.read_text(encoding="utf-8"))  # written again, whole


def test_an_unwritable_cache_folder_costs_only_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    finder = cached_finder(blocked / "cache", "k", _build)
    assert any(_mentions(finder))
