"""Aliases derived from dataset names by general rules, and the curated table."""

from __future__ import annotations

from careerplanner.analysis.dataset_names import activity_of, derive_aliases, find_vendors
from careerplanner.analysis.profession_terms import profession_terms
from careerplanner.analysis.vocabulary import build_vocabulary, read_curated_aliases
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
    # An ordinary word stays only as a vendor's one-word product, confirmed beside other skills.
    assert derive_aliases("Oracle Database", vendors, common) == ["Database"]
    assert derive_aliases("Oracle Solaris database", vendors, common) == ["Solaris database"]
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
    # A two-word company name goes whole: "SolidWorks" is what people write.
    dassault = [
        "Dassault Systemes CATIA",
        "Dassault Systemes SolidWorks",
        "Dassault Systemes Abaqus",
    ]
    assert "SolidWorks" in derive_aliases(
        "Dassault Systemes SolidWorks", find_vendors(dassault), common
    )
    # "API" does not abbreviate "Java Persistence": not an acronym of the name.
    assert "API" not in derive_aliases("Sun Microsystems Java Persistence API", vendors, common)


def test_the_curated_table_is_general_and_well_formed():
    rows = read_curated_aliases()
    assert len(rows) > 300
    pairs = {(r.alias.casefold(), r.canonical) for r in rows}
    assert ("k8s", "Kubernetes") in pairs and ("golang", "Go") in pairs
    assert ("postgres", "PostgreSQL") in pairs
    assert all(r.note in ("", "needs context") for r in rows)
    # Other professions' standards go by their short forms ("US GAAP", "FMLA", "IEPs").
    assert ("us gaap", "Generally Accepted Accounting Principles (GAAP)") in pairs
    assert ("ieps", "Individualized Education Programs (IEP)") in pairs


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


def test_vendor_products_that_are_ordinary_words_need_a_list_beside_them():
    products = [
        "Microsoft PowerPoint",
        "Microsoft Outlook",
        "Microsoft Access",
        "Microsoft Project",
    ]
    terms = [SkillTerm(skill_key("technology", n), n) for n in [*products, *NAMES]]
    finder = build_vocabulary(terms, read_curated_aliases()).finder()
    # A real line of a City of New York job ad.
    ad = "Proficiency Microsoft Office Suite (PowerPoint, Word, Excel, Outlook, Access etc.)"
    names = {m.name for m in finder.find(ad)}
    assert {*products[:3], "Microsoft Word", "Microsoft Excel"} <= names
    # The same words in prose, or alone in a skills list, are not the products.
    assert not finder.find("Spread the word of our mission to the community.")
    assert not finder.find("Word", trusted=True)
    # "and" joining two halves of one phrase is no list (a real line of a clinical ad).
    names = {m.name for m in finder.find("Strong Project and Risk Management")}
    assert "Microsoft Project" not in names


def test_one_word_product_names_need_no_context_unless_they_are_words():
    terms = [
        SkillTerm(skill_key("technology", n), n)
        for n in ["Microsoft PowerPoint", "Microsoft SharePoint", "Microsoft Excel", *NAMES]
    ]
    finder = build_vocabulary(terms, read_curated_aliases(), professions=False).finder()
    found = {m.name for m in finder.find("Prepared PowerPoint decks and SharePoint sites.")}
    assert {"Microsoft PowerPoint", "Microsoft SharePoint"} <= found
    assert not finder.find("Will excel in a fast-paced team.")


def test_activities_are_not_software():
    assert activity_of("Quality control software") == "Quality control"
    assert activity_of("Customer relationship management CRM software") is not None
    assert activity_of("Amazon Web Services AWS software") is None
    assert activity_of("Adobe Photoshop") is None
    names = ["Quality control software", "Social media software", *NAMES]
    terms = [SkillTerm(skill_key("technology", n), n) for n in names]
    finder = build_vocabulary(terms, read_curated_aliases(), professions=False).finder()
    # A real bullet of a chef's resume: the activity is found, named as the activity.
    bullet = "Established quality control protocols for food preparation and presentation"
    assert [m.name for m in finder.find(bullet)] == ["Quality control"]


def test_every_profession_has_a_vocabulary():
    finder = build_vocabulary([], read_curated_aliases()).finder()
    # Real requirement lines of job ads and resumes outside software.
    names = {
        m.name.casefold()
        for text in (
            "Knowledge of mechanical engineering and manufacturing processes.",
            "Experience in inventory management and menu planning.",
            "Responsible for email marketing and market research.",
        )
        for m in finder.find(text)
    }
    assert {"mechanical engineering", "manufacturing processes"} <= names
    assert {"inventory management", "menu planning", "email marketing"} <= names
    # Soft skills every occupation lists are not part of it.
    assert not any(t.name.casefold() == "decision making" for t in profession_terms())


def test_licences_and_certifications_are_found():
    finder = build_vocabulary([], read_curated_aliases()).finder()
    names = {m.name for m in finder.find("BLS and ACLS certified; CCRN. Valid CDL Class A.")}
    assert {
        "Basic Life Support (BLS)",
        "Advanced Cardiovascular Life Support (ACLS)",
        "Critical Care Registered Nurse (CCRN)",
        "Commercial Driver's License (CDL)",
    } <= names
    # A short form with other meanings counts in a skills list, not alone in prose.
    assert not finder.find("Processed EMR requests.")
    assert [m.name for m in finder.find("EMR", trusted=True)] == ["Electronic Health Records (EHR)"]


def test_a_products_name_is_never_another_products_short_form():
    """Names come in alphabetical order: "Digital analysis ... DATAS for SAS" comes before "SAS"
    and once took "SAS" as its short form, so the statistics package was read as the plug-in;
    an acronym cut from an obscure product ("Pathogen Modeling Program PMP") took the
    credential's short form."""
    names = [
        "Digital analysis tests and statistics DATAS for SAS",
        "SAS",
        "Pathogen Modeling Program PMP",
    ]
    terms = [SkillTerm(skill_key("technology", n), n) for n in names]
    finder = build_vocabulary(terms, read_curated_aliases()).finder()
    assert [m.key for m in finder.find("SAS", trusted=True)] == [skill_key("technology", "SAS")]
    assert [m.name for m in finder.find("PMP", trusted=True)] == [
        "Project Management Professional (PMP)"
    ]
    found = {m.key for m in finder.find("Pathogen Modeling Program and DATAS for SAS")}
    assert skill_key("technology", "Pathogen Modeling Program PMP") in found


def test_products_esco_gives_as_examples_are_not_names_of_its_skill():
    """ESCO's generic "procurement of ICT network equipment" lists vendors among its
    alternative labels: an electrician's "NEC code" once read as that procurement skill."""
    procurement = SkillTerm(
        skill_key("esco", "procurement of ICT network equipment"),
        "procurement of ICT network equipment",
        ("Juniper Networks", "network equipment vendors", "Avaya", "NEC"),
        kind="esco",
    )
    gis = SkillTerm(
        skill_key("esco", "geographic information systems"),
        "geographic information systems",
        ("GIS", "GPS"),
        kind="esco",
    )
    finder = build_vocabulary([procurement, gis], []).finder()

    def found(text):
        return [m.name for m in finder.find(text, trusted=True)]

    assert found("Avaya") == ["Avaya"]  # a product of its own name
    assert found("Juniper Networks") == ["Juniper Networks"]
    assert found("network equipment vendors") == ["procurement of ICT network equipment"]
    assert found("NEC") == []  # too short to read alone
    assert found("GIS") == ["geographic information systems"]  # the label's initials
    assert found("GPS") == []  # another thing's initials, not an example either
