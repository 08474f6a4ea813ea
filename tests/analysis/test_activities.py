"""Skills a work statement names by its verb and object, and the examples it gives of a kind
of tool (issue 13: prose-only skills of other professions)."""

from __future__ import annotations

from careerplanner.analysis.activities import find_activities, named_examples
from careerplanner.analysis.profession_terms import profession_terms
from careerplanner.analysis.role_skills import core_skills


def activities(text, is_term=None):
    return [(a.name, a.surface) for a in find_activities(text, is_term)]


def test_a_skill_making_verb_and_a_trades_object_name_the_skill():
    assert activities("- Developed creative menus for daily specials") == [
        ("Menu Development", "menus")
    ]
    assert activities("Managed inventory levels for all grilling ingredients") == [
        ("Inventory Management", "inventory")
    ]
    # The object's last noun is the thing acted on ("vehicle presentations").
    found = find_activities("Delivered monthly vehicle presentations")
    assert [(a.name, a.phrase, a.full_name) for a in found] == [
        ("Presentation Delivery", "vehicle presentations", "Vehicle Presentation Delivery")
    ]
    # An adjective says what kind, not which thing: no fuller name.
    assert find_activities("Developed creative menus")[0].full_name == ""


def test_the_activities_of_care_law_and_logistics_are_read_the_same_way():
    text = """- Administered medications to 20 patients per shift
- Reviewed contracts and leases for compliance
- Processed insurance claims and payments
- Tracked shipments across carriers
- Analyzed sales data and market trends"""
    assert activities(text) == [
        ("Medication Administration", "medications"),
        ("Contract Review", "contracts"),
        ("Claim Processing", "claims"),
        ("Payment Processing", "payments"),
        ("Shipment Tracking", "shipments"),
        ("Sales Analysis", "sales"),
        ("Trend Analysis", "trends"),
    ]


def test_a_list_of_objects_names_each_and_examples_of_the_object_count():
    assert activities("Created wireframes and prototypes for user interfaces") == [
        ("Wireframe Creation", "wireframes"),
        ("Prototype Creation", "prototypes"),
    ]
    text = "Designed branding materials for clients, including logos and web interfaces."
    assert activities(text, lambda name: name == "Logo Design") == [
        ("Logo Design", "logos"),
        ("Interface Design", "interfaces"),
    ]


def test_a_verb_inside_a_clause_or_a_vague_object_names_no_skill():
    # A noun, not a verb: "offline training".
    assert activities("Worked on both offline training and online serving.") == []
    # Not the statement's own verb: what the person was involved in.
    assert activities("Involved in creating assignment, exams and sessions.") == []
    # Headed by its own name: "Data Collection: Designed the internal survey".
    assert activities("Data Collection: Designed the internal survey platform") == []
    # Projects, solutions and features name no skill, nor do "care plans" or "financial
    # models" (the vague noun is the object), nor the people trained.
    assert activities("Managed engineering projects from concept through production") == []
    assert activities("Developed scalable solutions and new features") == []
    assert activities("Developed care plans for post-operative patients") == []
    assert activities("Created financial models and investment memos") == []
    assert activities("Trained new nurses on the EHR") == []
    # "a variety of" counts what follows, which is the object.
    found = find_activities("- Created a variety of Italian pizzas from scratch")
    assert [(a.name, a.phrase) for a in found] == [("Pizza Creation", "Italian pizzas")]
    # A vague noun that says how much of the object leaves the object the skill.
    assert activities("Managed inventory levels weekly") == [("Inventory Management", "inventory")]


def test_examples_of_a_kind_of_tool_are_skills_of_two_words_or_more():
    text = "Utilized modern technology such as digital ordering systems for efficient service"
    assert [e.name for e in named_examples(text)] == ["digital ordering systems"]
    text = "tools like inventory trackers, barcode scanners and label printers."
    assert [e.name for e in named_examples(text)] == [
        "inventory trackers",
        "barcode scanners",
        "label printers",
    ]
    # One ordinary word is as likely a step as a skill.
    assert named_examples("cooking techniques such as reverse-searing to create flavour") == []


def test_job_titles_name_fields_of_work():
    names = {term.name for term in profession_terms()}
    # Many kinds of worker share the field ("Product Development Engineer, Manager, ...").
    assert {"Product Development", "Research and Development", "Data Entry"} <= names
    # A worker word with a field of its own ("Kitchen Manager").
    assert "Kitchen Management" in names
    # Not a thing a worker works on, nor a rank.
    assert "Senior Software" not in names
    assert "Electronic Equipment" not in names


def test_a_job_title_names_the_essential_skills_of_its_occupation():
    # The whole title, else its last words: a sous chef is a chef.
    assert "staff management" in core_skills("Sous Chef")
    assert "mechanical engineering" in core_skills("Senior Mechanical Engineer")
    # A bare rank or kind of work names no occupation.
    assert core_skills("Senior Engineer") == frozenset()
    assert core_skills("Founder") == frozenset()
