"""Aliases derived from dataset names by general rules, and the curated table."""

from __future__ import annotations

from careerplanner.analysis.vocabulary import (
    build_vocabulary,
    derive_aliases,
    find_vendors,
    read_curated_aliases,
)
from careerplanner.core.skills import SkillTerm, skill_key

NAMES = [
    "Oracle Java",
    "Oracle Database",
    "Oracle WebLogic",
    "Oracle Solaris",
    "Microsoft Excel",
    "Microsoft Word",
    "Microsoft Azure software",
    "Microsoft Visio",
    "Amazon Web Services AWS software",
    "Amazon Web Services AWS CloudFormation",
    "Amazon Web Services AWS SageMaker",
    "Amazon Redshift",
    "The MathWorks MATLAB",
    "The MathWorks Simulink",
    "The MathWorks Stateflow",
    "Rust programming language",
    "Domain name system DNS",
    "Google Compute Engine (GCE)",
    "Sun Microsystems Java Persistence API",
]


def test_vendors_are_found_from_the_names_themselves():
    vendors = find_vendors(NAMES)
    assert {"Oracle", "Microsoft", "Amazon", "The MathWorks"} <= vendors
    assert "Rust" not in vendors and "Domain" not in vendors


def test_derived_aliases_follow_general_rules():
    vendors = find_vendors(NAMES)
    common = {"database", "word"}
    assert "Java" in derive_aliases("Oracle Java", vendors, common)
    assert derive_aliases("Oracle Database", vendors, common) == []  # an ordinary word
    assert "MATLAB" in derive_aliases("The MathWorks MATLAB", vendors, common)
    aws = derive_aliases("Amazon Web Services AWS software", vendors, common)
    assert {"AWS", "Amazon Web Services"} <= set(aws)
    assert "CloudFormation" in derive_aliases(
        "Amazon Web Services AWS CloudFormation", vendors, common
    )
    assert "Rust" in derive_aliases("Rust programming language", vendors, common)
    assert {"DNS", "Domain name system"} <= set(
        derive_aliases("Domain name system DNS", vendors, common)
    )
    assert "GCE" in derive_aliases("Google Compute Engine (GCE)", vendors, common)
    # "API" does not abbreviate "Java Persistence": not an acronym of the name.
    assert "API" not in derive_aliases("Sun Microsystems Java Persistence API", vendors, common)


def test_the_curated_table_is_general_and_well_formed():
    rows = read_curated_aliases()
    assert len(rows) > 300
    pairs = {(r.alias.casefold(), r.canonical) for r in rows}
    assert ("k8s", "Kubernetes") in pairs and ("golang", "Go") in pairs
    assert ("postgres", "PostgreSQL") in pairs
    assert all(r.note in ("", "needs context") for r in rows)


def test_curated_names_win_and_merge_with_dataset_terms():
    terms = [SkillTerm(skill_key("technology", n), n) for n in NAMES]
    vocabulary = build_vocabulary(terms, read_curated_aliases())
    by_key = {t.key: t for t in vocabulary.terms}
    java = by_key[skill_key("technology", "Oracle Java")]
    assert java.name == "Java" and "Oracle Java" in java.aliases
    finder = vocabulary.finder()
    assert [m.key for m in finder.find("Kubernetes (k8s) on AWS")][-1] == skill_key(
        "technology", "Amazon Web Services AWS software"
    )
