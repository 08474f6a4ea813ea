"""Which occupation's Skills/Knowledge ratings to show for an occupation that has none.

137 of the 1,016 occupations in O*NET 29.x (Software Developers, Data Scientists, ...) carry no
Skills or Knowledge ratings. Related Occupations lists, for each occupation, its related ones in
order of closeness (the Index column, within the tiers Primary-Short, Primary-Long,
Supplemental). The fallback is the closest related occupation that has ratings of its own
(basis "related"). The "..., All Other" occupations have no related occupations at all; they
borrow from the rated occupation sharing the longest SOC code prefix (basis "soc_group": for
15-1299.00 Computer Occupations, All Other that is one of the 15-1299.xx specialities). The app
always names the source occupation and the basis.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

TIER_ORDER = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}


def rating_fallbacks(
    occupations: Iterable[str], rated: set[str], related: Iterable[tuple]
) -> list[tuple[str, str, str]]:
    """(code, source_code, basis) for each unrated occupation that has a rated neighbour.

    `related` holds (code, related_code, tier, rank) rows. Occupations with no rated neighbour
    are left out (the app then says the occupation has no ratings).
    """
    neighbours: defaultdict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for code, related_code, tier, rank in related:
        neighbours[code].append((TIER_ORDER.get(tier, len(TIER_ORDER)), rank, related_code))
    rated_sorted = sorted(rated)
    fallbacks = []
    for code in occupations:
        if code in rated:
            continue
        source = next((c for *_, c in sorted(neighbours.get(code, ())) if c in rated), None)
        if source is not None:
            fallbacks.append((code, source, "related"))
            continue
        source = _same_soc_group(code, rated_sorted)
        if source is not None:
            fallbacks.append((code, source, "soc_group"))
    return sorted(fallbacks)


def _same_soc_group(code: str, rated_sorted: list[str]) -> str | None:
    """The rated code sharing the longest prefix: same detailed SOC (15-1299.xx), then broad
    group (15-129), then minor group (15-12); never across major groups."""
    for length in (7, 6, 5):
        prefix = code[:length]
        match = next((c for c in rated_sorted if c.startswith(prefix)), None)
        if match is not None:
            return match
    return None
