"""O*NET level (LV, 0–7) -> the app's depth scale L0–L5: a documented estimate.

O*NET rates how much of a skill or knowledge area an occupation needs on a 0–7 "level" scale,
with anchors at 2 (low), 4 (medium) and 6 (high): for Mathematics, 2 is "count the change to be
given to a customer", 4 "calculate the square footage of a new home", 6 "develop a mathematical
model to simulate an engineering problem". The bands below place those anchors on L2, L3 and L5;
docs/onet-mapping.md explains the choice. The app labels every depth derived this way as an
estimate from O*NET.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerplanner.core.levels import Level


@dataclass(frozen=True)
class LevelBand:
    level: Level
    low: float  # inclusive
    high: float  # exclusive (7.01 for the top band)
    anchor: str


LV_BANDS: tuple[LevelBand, ...] = (
    LevelBand(Level.MISSING, 0.0, 0.5, "not needed (or marked Not Relevant)"),
    LevelBand(Level.MINIMAL, 0.5, 1.5, "below O*NET's 'low' anchor"),
    LevelBand(Level.BASIC, 1.5, 3.0, "around the 'low' anchor (2)"),
    LevelBand(Level.PROFICIENT, 3.0, 4.25, "around the 'medium' anchor (4)"),
    LevelBand(Level.ADVANCED, 4.25, 5.5, "between 'medium' (4) and 'high' (6)"),
    LevelBand(Level.EXPERT, 5.5, 7.01, "around the 'high' anchor (6) and above"),
)

MAPPING_NOTE = (
    "Required depth estimated from O*NET's level rating (LV 0–7; anchors 2 low, 4 medium, "
    "6 high): LV < 0.5 → L0, < 1.5 → L1, < 3.0 → L2, < 4.25 → L3, < 5.5 → L4, else L5."
)


def onet_level_to_depth(lv: float, not_relevant: bool | int | None = None) -> Level:
    """The depth L0–L5 for an O*NET LV value (0–7); Not Relevant means L0."""
    if not_relevant:
        return Level.MISSING
    if not 0 <= lv <= 7:
        raise ValueError(f"an O*NET level must be between 0 and 7, not {lv}")
    for band in LV_BANDS:
        if band.low <= lv < band.high:
            return band.level
    return Level.EXPERT


def mapping_rows() -> list[tuple[str, str, str]]:
    """The mapping as the app shows it: (depth, LV range, meaning)."""
    rows = []
    for band in LV_BANDS:
        high = "7" if band.high > 7 else f"{band.high:g}"
        rows.append(
            (f"{band.level.code} {band.level.title}", f"{band.low:g} – {high}", band.anchor)
        )
    return rows
