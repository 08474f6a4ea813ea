"""The skill reader beyond software: lists, product names, vendors, and what an ad names
around its known skills (issue 13)."""

from __future__ import annotations

from careerplanner.analysis.ad_list_items import claimed_items, list_items, proper_name_around
from careerplanner.analysis.job_ads import read_ad_requirements


def names(text, finder, trusted=False):
    return [m.name for m in finder.find(text, trusted=trusted)]


def required(ad, finder):
    return {r.name: r for r in read_ad_requirements(ad, finder)}


def test_a_slash_list_names_each_item_but_an_address_names_none(finder):
    assert names("SQL/Python", finder) == ["SQL", "Python"]
    assert "Project Management" in names("Excellent time/project management skills", finder)
    assert names("see github.com/docker", finder) == []
    assert names("https://example.io/python", finder) == []


def test_a_product_the_dataset_names_alone_is_found_by_its_name(finder):
    found = names("Experience with Alteryx, Qlik and Stata", finder)
    assert {"Alteryx software", "Qlik software", "StataCorp Stata"} <= set(found)
    # Written in lower case, the same word is an ordinary word.
    assert names("with latitude for independent judgment", finder) == []


def test_a_field_named_like_software_stays_the_field(finder):
    # "Statistics software" does not turn every "statistics" into a product.
    assert names("a background in statistics and econometrics", finder)[:1] == ["Statistics"]


def test_a_vendor_product_is_not_ambiguous_and_a_vendor_is_not_the_skill(finder):
    assert names("Microsoft Office", finder) == ["Microsoft Office"]
    assert names("MS Office", finder) == ["Microsoft Office"]
    assert names("Google BigQuery, BigTable", finder) == ["BigQuery"]
    # A vendor's products listed together confirm each other ("Word" alone is a word).
    found = names("Microsoft Office Suite of tools (Outlook, Word, Excel, etc.)", finder)
    assert {"Microsoft Outlook", "Microsoft Word", "Microsoft Excel"} <= set(found)
    assert names("a Word of caution", finder) == []
    found = names("proficient with Microsoft Office Excel, Access and Word", finder)
    assert {"Microsoft Excel", "Microsoft Access", "Microsoft Word"} <= set(found)
    assert names("Project and Risk Management", finder) == ["Risk Management"]


def test_ordinary_words_left_by_cutting_a_vendor_name_the_field(finder):
    assert names("Supply Chain Management", finder, trusted=True) == ["supply chain management"]


def test_unknown_items_of_a_list_beside_known_skills_are_kept():
    sentence = (
        "You know these: logistic regression, gradient descent, overfitting, bias, SQL, "
        "computational complexity, sparse matrices."
    )
    at = sentence.index("SQL")
    items = [name for _offset, name in list_items(sentence, [(at, at + 3)], frozenset())]
    assert items == [
        "logistic regression",
        "gradient descent",
        "overfitting",
        "computational complexity",
        "sparse matrices",
    ]  # a method's one word is kept ("overfitting"), an ordinary one ("bias") is too vague
    assert list_items("Python and SQL", [(0, 6), (11, 14)], frozenset()) == []


def test_what_a_requirement_is_about_is_kept_while_it_is_shaped_like_a_name():
    sentence = "Experience with Law Manager and FileSite is required"
    assert [n for _o, n in claimed_items(sentence, [], frozenset())] == ["Law Manager", "FileSite"]
    sentence = "Familiarity with MedDRA/WHO-Drug"
    assert [n for _o, n in claimed_items(sentence, [], frozenset())] == ["MedDRA", "WHO-Drug"]
    sentence = "Experience with managing a team of five"
    assert claimed_items(sentence, [], frozenset()) == []


def test_names_listed_before_a_shared_head_take_that_head():
    """Three names before "specifications" are three sets of specifications, and a second
    head ("specifications and standards") does not end the list."""
    sentence = (
        "Candidates must be familiar with NYCDOT, NYSDOT, and NYCDEP specifications and "
        "standards, MUTCD, AASHTO, and understand the NYC infrastructure system"
    )
    assert [n for _o, n in claimed_items(sentence, [], frozenset())] == [
        "NYCDOT specifications",
        "NYSDOT specifications",
        "NYCDEP specifications",
        "MUTCD",
        "AASHTO",
    ]
    # Names that stand alone keep their own names; a known skill between stops the sharing.
    sentence = "Experience with SharePoint, ServiceNow and the reporting team"
    assert [n for _o, n in claimed_items(sentence, [], frozenset())] == [
        "SharePoint",
        "ServiceNow",
    ]
    sentence = "Knowledge of FooDB, SQL, and BarMQ specifications"
    known = [(sentence.index("SQL"), sentence.index("SQL") + 3)]
    assert [n for _o, n in claimed_items(sentence, known, frozenset())] == [
        "FooDB",
        "BarMQ specifications",
    ]


def test_a_longer_proper_name_around_a_skill_names_something_else():
    text = "knowledge of NYC Financial Management System (FMS3)"
    start = text.index("Financial")
    end = start + len("Financial Management")
    assert proper_name_around(text, start, end, 0, len(text))[2] == (
        "NYC Financial Management System"
    )
    title = "the Cost Estimating Manager is responsible"
    start = title.index("Cost")
    end = start + len("Cost Estimating")
    assert proper_name_around(title, start, end, 0, len(title))[2] is None
    office = "proficient in Microsoft Office Applications."
    start = office.index("Microsoft")
    assert proper_name_around(office, start, start + 16, 0, len(office)) is None


def test_an_ad_keeps_list_items_and_drops_titles_and_employer_lists(finder):
    ad = (
        "Requirements:\n"
        "Experience with VoIP, disaster recovery, automated failover, load balancing and "
        "wireless networks.\n"
        "The Cost Estimating Manager reports to the Deputy Director.\n"
    )
    found = required(ad, finder)
    assert {"automated failover", "wireless networks"} <= {name.casefold() for name in found}
    assert any("VoIP" in r.aliases for r in found.values())
    assert all("Manager" not in name for name in found)
    intro = (
        "The Department works on child health, environmental health, mental health and "
        "public health across the city.\n"
    )
    assert all(not r.key.startswith("custom:") for r in read_ad_requirements(intro, finder))


def test_excellent_and_significant_ask_for_a_skilled_level(finder):
    found = required("Excellent project management skills", finder)
    assert found["Project Management"].level == 3


def test_a_short_form_takes_the_sense_of_the_documents_domain(finder):
    clinical = required("Working knowledge of clinical research, FDA & ICH, GCP.", finder)
    assert "Good Clinical Practice (GCP)" in clinical
    assert "Google Cloud Platform" not in clinical
    cloud = required("Experience deploying services on GCP and AWS.", finder)
    assert "Google Cloud Platform" in cloud


def test_a_sense_no_dataset_names_is_a_skill_of_its_own_name(finder):
    trade = required("Requirements:\nExperience bending EMT conduit and pulling wire.", finder)
    assert "Electrical Metallic Tubing (EMT)" in trade
    assert "Emergency Medical Technician (EMT)" not in trade
    ambulance = required("Requirements:\nCurrent EMT certification and CPR.", finder)
    assert "Emergency Medical Technician (EMT)" in ambulance


def test_a_level_asked_for_a_phrase_of_method_names_it(finder):
    found = required("Requirements:\nStrong experience in claims processing required.", finder)
    assert found["claims processing"].level == 3
    # Without level words the same phrase is only described, not asked for.
    described = required("Our team handles claims processing for the region.", finder)
    assert "claims processing" not in described


def test_a_part_is_asked_for_at_the_level_of_the_whole(finder):
    found = required(
        "You possess strong computer science fundamentals, including knowledge of data "
        "structures and algorithms.",
        finder,
    )
    assert found["Algorithms"].level == 3


def test_an_acronym_inside_a_dataset_name_is_a_name_of_its_own():
    from careerplanner.analysis.dataset_names import derive_aliases

    aliases = derive_aliases("Voice over internet protocol VoIP system software", set(), set())
    assert "VoIP" in aliases and "Voice over internet protocol" in aliases
    assert "Stata" in derive_aliases("StataCorp Stata", set(), set())
    assert "MapReduce" in derive_aliases("MapReduce big data software", set(), set())


def test_a_bullet_or_an_owner_starts_no_proper_name():
    # A bullet's first word is capitalised as a sentence's is: "Oversee" is the duty's verb.
    bullet = "duties include: - Oversee Cyber Security Governance and Controls."
    start = bullet.index("Cyber")
    assert proper_name_around(bullet, start, start + 14, 0, len(bullet))[2] == (
        "Cyber Security Governance"
    )
    numbered = "threat analyses. 6. Possess CISSP, CISM and other certifications"
    start = numbered.index("CISSP")
    assert proper_name_around(numbered, start, start + 5, 0, len(numbered)) is None
    # "Office" belongs to the Comptroller (a possessive before it), not to the policies' name.
    owned = "Lead the development of Comptroller’s Office Cyber Security Policies"
    start = owned.index("Cyber")
    assert proper_name_around(owned, start, start + 14, 0, len(owned)) is None
    # Inside a sentence, the capitalised words before a skill still make a longer name.
    inside = "We use the NYC Financial Management System daily"
    start = inside.index("Financial")
    assert proper_name_around(inside, start, start + 20, 0, len(inside))[2] == (
        "NYC Financial Management System"
    )


def test_judging_words_and_ranks_name_no_requirement(finder):
    skills = required(
        "Requirements:\n"
        "Create pages, reports, and forms within the SharePoint site, if necessary.\n"
        "Relevant experience in varied settings, including public health and social work.\n"
        "Two years in a senior management/director level position with budget management.\n",
        finder,
    )
    lowered = {name.casefold() for name in skills}
    assert not lowered & {"if necessary", "varied settings", "senior management"}
    assert "budget management" in lowered  # the same head, with a skill's modifier


def test_how_to_apply_names_no_requirement(finder):
    skills = required(
        "Requirements:\nExperience with SQL.\n"
        "If you do not have access to a computer, most public libraries have computer "
        "equipment available for use. Only candidates selected for an interview will be "
        "contacted.\n",
        finder,
    )
    assert [name for name in skills] == ["SQL"]


def test_terms_of_employment_and_vague_objects_name_no_requirement(finder):
    skills = required(
        "Requirements:\n"
        "Two years of satisfactory full-time experience in auditing, accounting and "
        "full-time professional accounting.\n"
        "Experience with budgeting, procurement, claims processing and weekend events.\n"
        "Ability to meet deadlines, reconcile accounts and prepare project updates.\n",
        finder,
    )
    lowered = {name.casefold() for name in skills}
    assert not lowered & {
        "satisfactory full-time",
        "full-time professional accounting",
        "weekend events",
        "meet deadlines",
        "project updates",
    }
    assert {"auditing", "procurement", "claims processing"} <= lowered


def test_other_professions_standards_are_read_by_their_short_forms(finder):
    found = names(
        "Prepared financial statements under US GAAP; administered FMLA leave; "
        "wrote IEPs for students.",
        finder,
    )
    assert {
        "Generally Accepted Accounting Principles (GAAP)",
        "Family and Medical Leave Act (FMLA)",
        "Individualized Education Programs (IEP)",
    } <= set(found)
