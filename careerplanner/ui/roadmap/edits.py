"""The Roadmap screen's edits inside a goal (steps, notes, reviews) and of the evidence ledger.

A mixin of `RoadmapView`: each method asks (dialog), runs the change through
`store.roadmap_repo`, and pushes the undo command with `self._edit`.
"""

from __future__ import annotations

from careerplanner.core.roadmap import StepState
from careerplanner.store.user import goals as roadmap_repo
from careerplanner.ui.common import dialogs
from careerplanner.ui.roadmap import dialogs as roadmap_dialogs
from careerplanner.ui.roadmap.commands import (
    AddEvidenceCommand,
    DeleteEvidenceCommand,
    goal_edit,
    step_edit,
)


class RoadmapEdits:
    """Needs from the view: ctx, detail, evidence, reviews, goal_model, selected_goal(),
    _edit(make_command) and _changed()."""

    def add_step(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        levels = range(goal.start_level + 1, goal.target_level + 1)
        answer = roadmap_dialogs.ask_step(self, f"Add a step to {goal.skill_name}", levels)
        if answer is None:
            return
        db = self.ctx.user_db
        self._edit(
            lambda: goal_edit(
                f"Add step “{answer.title.strip()}”",
                db,
                self._changed,
                goal.id,
                lambda: roadmap_repo.add_step(
                    db, goal.id, answer.title, answer.to_level, answer.due_date, answer.note
                ),
            )
        )

    def edit_step(self) -> None:
        goal, step = self.selected_goal(), self.detail.selected_step()
        if goal is None or step is None:
            return
        levels = range(goal.start_level + 1, goal.target_level + 1)
        current = roadmap_dialogs.StepInput(step.title, step.to_level, step.due_date, step.note)
        answer = roadmap_dialogs.ask_step(self, "Edit step", levels, current)
        if answer is None:
            return
        self._edit(
            lambda: step_edit(
                f"Edit step “{step.title}”",
                self.ctx.user_db,
                self._changed,
                step,
                title=answer.title,
                due_date=answer.due_date,
                note=answer.note,
            )
        )

    def set_step_state(self, state: StepState) -> None:
        step = self.detail.selected_step()
        if step is None or step.state == state:
            return
        self._edit(
            lambda: step_edit(
                f"Mark “{step.title}” {state.value}",
                self.ctx.user_db,
                self._changed,
                step,
                state=state,
            )
        )

    def delete_step(self) -> None:
        goal, step = self.selected_goal(), self.detail.selected_step()
        if goal is None or step is None:
            return
        db = self.ctx.user_db
        self._edit(
            lambda: goal_edit(
                f"Delete step “{step.title}”",
                db,
                self._changed,
                goal.id,
                lambda: roadmap_repo.delete_step(db, step.id),
            )
        )

    def add_note(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        text = dialogs.ask_text(self, "Add a note", f"Note on {goal.skill_name}:")
        if text is None:
            return
        db = self.ctx.user_db
        step = self.detail.selected_step()
        step_id = step.id if step is not None and step.goal_id == goal.id else None
        self._edit(
            lambda: goal_edit(
                f"Add note to {goal.skill_name}",
                db,
                self._changed,
                goal.id,
                lambda: roadmap_repo.add_note(db, goal.id, text, step_id),
            )
        )

    def delete_note(self) -> None:
        goal, note_id = self.selected_goal(), self.detail.selected_note_id()
        if goal is None or note_id is None:
            return
        db = self.ctx.user_db
        self._edit(
            lambda: goal_edit(
                f"Delete note on {goal.skill_name}",
                db,
                self._changed,
                goal.id,
                lambda: roadmap_repo.delete_note(db, note_id),
            )
        )

    def mark_reviewed(self) -> None:
        due = self.reviews.selected()
        goal = due.goal if due is not None else None
        if goal is None:
            return
        db = self.ctx.user_db
        self._edit(
            lambda: goal_edit(
                f"Review {goal.skill_name}",
                db,
                self._changed,
                goal.id,
                lambda: roadmap_repo.mark_reviewed(db, goal.id),
            )
        )

    def add_evidence(self) -> None:
        goal = self.selected_goal()
        skills = sorted({row.goal.skill_name for row in self.goal_model.rows()}, key=str.casefold)
        answer = roadmap_dialogs.ask_evidence(
            self,
            skills,
            goal.skill_name if goal else "",
            goal.reached_level if goal and goal.reached_level > 0 else 2,
        )
        if answer is None:
            return
        db = self.ctx.user_db

        def run():
            key, name = roadmap_repo.resolve_skill(db, self.ctx.market_db, answer.skill)
            given = {"link": "url", "file": "path", "note": "text"}[answer.kind]
            item = roadmap_repo.add_evidence(
                db, key, name, answer.level, title=answer.title, **{given: answer.value}
            )
            return AddEvidenceCommand(db, self._changed, item)

        self._edit(run)

    def delete_evidence(self) -> None:
        item = self.evidence.selected()
        if item is None:
            return
        db = self.ctx.user_db
        self._edit(
            lambda: DeleteEvidenceCommand(
                db, self._changed, roadmap_repo.delete_evidence(db, item.id)
            )
        )
