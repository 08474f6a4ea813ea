"""A dataset release judged as a whole before it is installed (issue 16, class 6).

Each file of a release can be valid while the release cannot work: an O*NET folder without
Occupation Data (every other file points into it), a pack or postings set with no rows, a release
whose occupation codes match none of the active one (the 2010 SOC codes of O*NET 24.2 against the
2018 codes of 29.2: every target role and goal would stop matching). What cannot work at all (no
rows, absurd pay) is refused; what is partial or foreign but useful (no Skills ratings, no
Occupation Data, another occupation classification) is installed without being made active, the
reason kept in its notes and said to the user, who can still switch to it.
"""

from __future__ import annotations

from typing import NamedTuple

from careerplanner.errors import UserError
from careerplanner.importers.datasets.onet import ReleaseSummary
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset
from careerplanner.store.market.occupations import occupation_codes

# Pay no occupation has: a figure past these is a unit or parsing error (5.5e15 was seen).
MAX_ANNUAL_PAY = 10_000_000
MAX_HOURLY_PAY = 5_000
_PAY_COLUMNS = ("pay_p10", "pay_p25", "pay_median", "pay_p75", "pay_p90")

# A release that shares less than this share of the active one's occupations is another layout.
MIN_SHARED_CODES = 0.2


class Verdict(NamedTuple):
    activate: bool
    reason: str = ""  # why it was not made active


def _rows(dataset, table: str) -> list:
    return dataset.tables.get(table, ((), []))[1]


def summary_of(dataset) -> ReleaseSummary:
    """The summary a streamed release gathers as it is read, from a release read whole."""
    summary = ReleaseSummary()
    for table, (_columns, rows) in dataset.tables.items():
        summary.rows[table] += len(rows)
    summary.occupation_codes.update(row[0] for row in _rows(dataset, "onet_occupation"))
    summary.rating_domains.update(row[1] for row in _rows(dataset, "onet_rating"))
    return summary


def judge_release(db: Database, dataset) -> Verdict:
    """Refuse (UserError) what cannot work; say what is installed but not made active."""
    _refuse_absurd_pay(dataset)
    return judge_summary(db, dataset, summary_of(dataset))


def judge_summary(db: Database, dataset, summary: ReleaseSummary) -> Verdict:
    """`judge_release` from what a release's rows added up to (for a release streamed into
    the database: asked inside the install's transaction, which a refusal rolls back)."""
    if sum(summary.rows.values()) == 0:
        raise UserError(f"{dataset.source} holds no rows of data; nothing was installed.")
    if dataset.kind != "onet":
        return Verdict(True)
    active = active_dataset(db, "onet")
    codes = summary.occupation_codes
    if not codes:
        # Even with nothing to replace it is not made active: no role or gap could be found
        # with it. Kept installed, because its files still compare with a full release.
        consequence = (
            f"so it can't replace {active.name}, which stays active"
            if active is not None
            else "so no occupation, role or gap can be looked up with it; import a whole "
            "release (Occupation Data included)"
        )
        return Verdict(
            False,
            "it has no Occupation Data (the list of occupations every other O*NET file refers "
            f"to), {consequence}",
        )
    if active is not None:
        known = occupation_codes(db, active.id)
        if known and len(codes & known) < MIN_SHARED_CODES * min(len(known), len(codes)):
            # A whole release of another classification (24.2's 2010 SOC codes) works on its
            # own and compares with the active one; it just must not replace it unasked.
            return Verdict(
                False,
                f"its occupation codes match almost none of the active {active.name} (an older "
                "or different occupation classification, such as the 2010 SOC codes of O*NET "
                "24.2), so every role and goal you chose would stop matching",
            )
    missing = ["Skills"] if "skill" not in summary.rating_domains else []
    if not summary.rows["onet_tech_skill"]:
        missing.append("Technology Skills")
    if missing:
        return Verdict(
            False,
            f"it has no {' or '.join(missing)} data (the file is missing, empty or holds only "
            "its header), so skill ratings would vanish and fits would change",
        )
    return Verdict(True)


def _pay_figures(dataset):
    """(where, value, limit) for every pay figure of a wage table or a postings analysis."""
    if dataset.kind == "wages":
        columns, rows = dataset.tables.get("wage_figure", ((), []))
        if "measure" in columns and "value" in columns:
            at_measure, at_value = columns.index("measure"), columns.index("value")
            for row in rows:
                measure = str(row[at_measure])
                if measure.startswith(("a_", "h_")) and row[at_value] is not None:
                    limit = MAX_ANNUAL_PAY if measure.startswith("a_") else MAX_HOURLY_PAY
                    yield f"{measure} of {row[0]}", row[at_value], limit
    elif dataset.kind == "postings":
        columns, rows = dataset.tables.get("posting_role", ((), []))
        for name in _PAY_COLUMNS:
            if name in columns:
                at = columns.index(name)
                for row in rows:
                    if row[at] is not None:
                        yield f"{name} of {row[0] or 'all roles'}", row[at], MAX_ANNUAL_PAY


def _refuse_absurd_pay(dataset) -> None:
    for where, value, limit in _pay_figures(dataset):
        if not 0 <= value <= limit:
            raise UserError(
                f"{dataset.source} gives a pay of {value:,.0f} ({where}), which no job pays; the "
                "file's units or columns are probably wrong. Nothing was installed."
            )
