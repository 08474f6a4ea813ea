"""The roadmap's "not in the current dataset" marks for a few skills (a command that changes one
goal, issue 17): the same marks as reading the whole vocabulary, without reading it when the
skills are O*NET's."""

from __future__ import annotations

from careerplanner.core.roadmap import dataset_status
from careerplanner.services.roadmap_skills import (
    current_dataset_keys,
    dataset_marks,
    renamed_skills,
)
from careerplanner.store.market.terms import skill_terms


def _marks(active, renames, keys):
    return {key: dataset_status(key, active, renames) for key in keys}


def test_a_few_onet_skills_are_marked_without_the_whole_vocabulary(dbs):
    _user, market = dbs
    keys = {"technology:python", "onet:2.A.1.a", "technology:no such tool", "onet:9.Z.9"}
    keys |= {"custom:wound care"}
    statements: list[str] = []
    market.conn.set_trace_callback(statements.append)
    active, renames = dataset_marks(market, keys)
    market.conn.set_trace_callback(None)
    assert not any("esco_skill" in statement for statement in statements)
    assert {"technology:python", "onet:2.A.1.a"} <= active
    whole = current_dataset_keys(market)
    assert _marks(active, renames, keys) == _marks(whole, renamed_skills(market, keys, whole), keys)
    assert _marks(active, renames, keys)["custom:wound care"].startswith("not in")


def test_an_esco_skill_is_marked_as_the_whole_vocabulary_says(dbs):
    _user, market = dbs
    esco = next(term.key for term in skill_terms(market) if term.kind == "esco")
    keys = {esco, "esco:no such skill", "technology:python"}
    active, renames = dataset_marks(market, keys)
    whole = current_dataset_keys(market)
    assert _marks(active, renames, keys) == _marks(whole, renamed_skills(market, keys, whole), keys)
    assert esco in active and "esco:no such skill" not in active
