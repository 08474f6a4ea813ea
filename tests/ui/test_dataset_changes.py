"""What changed: a rename names the user's goals and levels it touches, and what became of them."""

from __future__ import annotations

from datetime import date

from careerplanner.core.roadmap import Goal
from careerplanner.ui.datasets.changes import file_rows, summary_sentence, technology_rows


class _Skill:
    def __init__(self, key: str, level: int) -> None:
        self.key, self.level = key, level


TECH = {
    "technologies_added": ["Polars"],
    "technologies_removed": ["Visual SourceSafe"],
    "renames": [
        {
            "old_key": "tech:ms-sql",
            "new_key": "tech:sql-server",
            "old_name": "Microsoft SQL",
            "new_name": "Microsoft SQL Server",
            "occupations": 12,
            "merged": False,
        }
    ],
    "new_hot": ["Polars"],
    "no_longer_hot": [],
    "hot_changed": 3,
    "in_demand_changed": 0,
    "in_demand_known": False,
    "examples": {"in_demand_changed": []},
}


def test_a_rename_names_the_goal_and_level_it_touches_and_keeps_them():
    goal = Goal(1, "tech:ms-sql", "Microsoft SQL", 4, start_level=2, target_date=date(2027, 3, 1))
    tables = technology_rows(TECH, {"tech:ms-sql": [goal]}, {"tech:ms-sql": [_Skill("x", 2)]})
    (rename,) = tables["renamed"]
    assert rename.yours == (
        "goal L2 → L4 by 2027-03-01, your level L2: kept, and counted for Microsoft SQL Server"
    )
    tables["files"] = file_rows({"Technology Skills": {"pairs_added": 4, "pairs_removed": 1}})
    tables["pay"] = []
    diff = {"old": {"name": "O*NET 29.2"}, "new": {"name": "O*NET 29.3"}}
    sentence = summary_sentence(diff, tables, TECH)
    assert sentence.startswith("From O*NET 29.2 to O*NET 29.3: 1 skill added; 1 removed")
    assert "does not state In Demand" in sentence  # not "in demand known: False"
    assert "1 rename touches your goals or levels; nothing of yours was lost." in sentence


def test_a_rename_touching_nothing_of_yours_says_nothing():
    assert technology_rows(TECH, {}, {})["renamed"][0].yours == ""
