"""The roadmap as a Markdown document: goals, steps, notes, evidence and review dates."""

from __future__ import annotations

from careerplanner.core.roadmap import Evidence, EvidenceKind, Goal
from careerplanner.core.roadmap_review import next_review
from careerplanner.exports.snapshot import RoadmapSnapshot


def cell(text: object) -> str:
    """Text made safe inside a Markdown table cell (pipes escaped, line breaks kept)."""
    value = "" if text is None else str(text)
    value = value.replace("\\", "\\\\").replace("|", "\\|")
    return value.replace("\r\n", "\n").replace("\n", "<br>")


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _goal_section(goal: Goal, snapshot: RoadmapSnapshot) -> list[str]:
    lines = [f"## {goal.skill_name}: L{goal.start_level} → L{goal.target_level}"]
    facts = [f"progress {_percent(goal.progress)}", f"reached L{goal.reached_level}"]
    if goal.target_date:
        facts.append(f"target date {goal.target_date.isoformat()}")
    review = next_review(goal)
    if review:
        due = " (due)" if review <= snapshot.today else ""
        facts.append(f"next review {review.isoformat()}{due}")
    counted = snapshot.levels.get(goal.skill_key)
    lines.append("")
    lines.append("- " + "; ".join(facts))
    if counted is not None:
        lines.append(f"- Counted in the profile: L{counted.level}. {counted.explanation()}")
    status = snapshot.status_of(goal.skill_key)
    if status:
        lines.append(f"- *{goal.skill_name} is {status}*; the goal is kept as it is.")
    lines.append("")
    if goal.steps:
        lines += ["| # | Step | Leads to | State | Due | Note |", "|---|---|---|---|---|---|"]
        for number, step in enumerate(goal.steps, start=1):
            due = step.due_date.isoformat() if step.due_date else ""
            lines.append(
                f"| {number} | {cell(step.title)} | L{step.to_level} | {step.state.value} "
                f"| {due} | {cell(step.note)} |"
            )
        lines.append("")
    if goal.notes:
        lines.append("Notes:")
        lines.append("")
        lines += [f"- {note.created_at[:10]}: {cell(note.text)}" for note in goal.notes]
        lines.append("")
    return lines


def _evidence_what(item: Evidence) -> str:
    if item.kind is EvidenceKind.LINK:
        return f"<{item.url}>" if " " not in item.url else cell(item.url)
    if item.kind is EvidenceKind.FILE:
        return f"{cell(item.path)} (SHA-256 {item.sha256[:12]}…)"
    return cell(item.text)


def roadmap_markdown(snapshot: RoadmapSnapshot) -> str:
    """The whole roadmap as Markdown text."""
    owner = f" — {snapshot.profile_name}" if snapshot.profile_name else ""
    steps = [step for goal in snapshot.goals for step in goal.steps]
    done = sum(step.state.value == "done" for step in steps)
    lines = [
        f"# Learning roadmap{owner}",
        "",
        f"Exported {snapshot.today.isoformat()}. {len(snapshot.goals)} goals; overall progress "
        f"{_percent(snapshot.overall_progress)} ({done} of {len(steps)} steps done, skipped "
        "steps not counted).",
        "",
    ]
    for goal in snapshot.goals:
        lines += _goal_section(goal, snapshot)
    lines += ["## Evidence", ""]
    if snapshot.evidence:
        lines += ["| Skill | Level | Kind | Title | What | Added |", "|---|---|---|---|---|---|"]
        for item in snapshot.evidence:
            lines.append(
                f"| {cell(item.skill_name)} | L{item.level} | {item.kind.value} "
                f"| {cell(item.title)} | {_evidence_what(item)} | {item.created_at[:10]} |"
            )
    else:
        lines.append("No evidence logged yet.")
    lines.append("")
    return "\n".join(lines)
