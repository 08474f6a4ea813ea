"""The Gap screen's side column: the role shown, its goals button, the target roles, the role
search, the options, what the fit counts, the what-if and the pay. It scrolls on a small window,
so the chart and the table keep the height."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.plain_text import plain_label
from careerplanner.ui.common.role_search import RoleSearch


def build_side_column(view) -> QWidget:
    column = QWidget()
    box = QVBoxLayout(column)
    box.setContentsMargins(0, 0, 8, 0)
    box.addWidget(QLabel("Role shown in the chart:"))
    view.role_combo = QComboBox()
    view.role_combo.setAccessibleName("Role shown in the chart")
    view.role_combo.setSizeAdjustPolicy(
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )
    view.role_combo.setMinimumContentsLength(12)
    box.addWidget(view.role_combo)
    # Goals for this role's top priorities (a plan to untick first), undoable on the Roadmap.
    view.create_goals_button = QPushButton("Create goals…")
    view.create_goals_button.setAccessibleName("Create roadmap goals from the top priorities")
    view.create_goals_button.setToolTip(
        "Goals for the top priorities of this role: you see the plan and untick what you "
        "do not want before anything is added."
    )
    view.create_goals_button.clicked.connect(view._create_goals)
    box.addWidget(view.create_goals_button)
    box.addWidget(QLabel("Target roles (tick to compare):"))
    view.role_list = QListWidget()
    view.role_list.setAccessibleName("Target roles to compare")
    view.role_list.setMinimumHeight(60)
    view.role_list.setMaximumHeight(110)
    box.addWidget(view.role_list)
    box.addWidget(QLabel("Add a role by any title:"))
    view.role_search = RoleSearch(view.ctx.market_db)
    view.role_search.results.setMaximumHeight(90)
    box.addWidget(view.role_search)
    view.all_tech = QCheckBox("Include every listed technology\n(not only Hot / In Demand)")
    view.all_tech.setAccessibleName("Include every listed technology")
    box.addWidget(view.all_tech)
    view.source_label = plain_label()  # names from files: never HTML
    set_text_role(view.source_label, "hint")
    view.source_label.setWordWrap(True)
    view.source_label.setAccessibleName("What the fit score counts")
    box.addWidget(view.source_label)
    view.whatif_box = _what_if_box(view)
    box.addWidget(view.whatif_box)
    view.pay_label = plain_label()  # names from files: never HTML
    view.pay_label.setWordWrap(True)
    view.pay_label.setAccessibleName("Pay effect")
    view.pay_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.addWidget(view.pay_label)
    box.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(column)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(200)
    return scroll


def _what_if_box(view) -> QWidget:
    box = QWidget()
    form = QVBoxLayout(box)
    form.setContentsMargins(0, 6, 0, 0)
    heading = QLabel("What if my level in")
    set_text_role(heading, "subtitle")
    form.addWidget(heading)
    view.whatif_skill = QComboBox()
    view.whatif_skill.setAccessibleName("What-if skill")
    view.whatif_skill.setSizeAdjustPolicy(
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )
    view.whatif_skill.setMinimumContentsLength(12)
    form.addWidget(view.whatif_skill)
    row = QHBoxLayout()
    row.addWidget(QLabel("were"))
    view.whatif_level = QComboBox()
    view.whatif_level.setAccessibleName("What-if level")
    for level in range(6):
        view.whatif_level.addItem(f"L{level}", level)
    row.addWidget(view.whatif_level)
    row.addStretch(1)
    form.addLayout(row)
    view.whatif_result = plain_label()  # names from files: never HTML
    view.whatif_result.setAccessibleName("What-if result")
    view.whatif_result.setWordWrap(True)
    form.addWidget(view.whatif_result)
    view.set_level_button = QPushButton("Set as my level")
    view.set_level_button.setAccessibleName("Set the what-if level as my own level")
    view.set_level_button.setToolTip(
        "Keep this level in your profile (an override with its reason), e.g. for an O*NET "
        "rating such as Programming that a resume never names."
    )
    view.set_level_button.clicked.connect(view.set_own_level)
    form.addWidget(view.set_level_button)
    view.whatif_skill.currentIndexChanged.connect(view._skill_for_whatif_changed)
    view.whatif_level.currentIndexChanged.connect(lambda _i: view.update_what_if())
    return box
