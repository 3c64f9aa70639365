"""The building blocks of the 設定 form: a labelled field with its error line, combos, buttons
with actions, and a body that is two columns when there is room and one when there is not.

At 150 % on a 1366×768 laptop the view is some 800 logical pixels wide: the two columns of
groups would not fit side by side, so the body stacks them and the scroll area scrolls only
vertically. Labels wrap and combos size to a short minimum so that one column fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from oroshi_desktop.settings_schema import BY_NAME, SettingField
from ui.i18n import label as in_language
from ui.qt import (
    QAction,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QResizeEvent,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
SUCCESS_STYLE = "color: #1b5e20;"  # a dark green: done, nothing to fix
LABEL_WIDTH = 150  # logical px a label may take before it wraps
# Below this a column is cramped (label 150 + a field of ~260 + margins), so two columns need
# twice it: 1366×768 at 100 % has ~1,230 px (two columns), at 150 % ~790 (one column).
COMFORTABLE_COLUMN = 440


class Columns(QWidget):
    """Groups in two columns (``left``, ``right``) when the width allows, else one below the other.
    Each column stacks its groups on its own, so a short group leaves no gap beside a tall one."""

    def __init__(self, left: Sequence[QWidget], right: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        row = QHBoxLayout(self)
        self.stacks: list[QVBoxLayout] = []
        for _ in range(2):
            stack = QVBoxLayout()
            row.addLayout(stack, 1)
            self.stacks.append(stack)
        self.single: bool | None = None
        self.arrange(single=False)

    def two_column_width(self) -> int:
        def widest(widgets: Sequence[QWidget]) -> int:
            return max((w.minimumSizeHint().width() for w in widgets), default=0)

        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        return widest(self.left) + widest(self.right) + layout.spacing() + margins.left() + margins.right()

    def fit(self, width: int) -> None:
        self.arrange(single=width < max(self.two_column_width(), 2 * COMFORTABLE_COLUMN))

    def arrange(self, *, single: bool) -> None:
        if single == self.single:
            return
        self.single = single
        for stack in self.stacks:
            while stack.count():
                stack.takeAt(0)
        columns = [[*self.left, *self.right], []] if single else [self.left, self.right]
        for stack, widgets in zip(self.stacks, columns, strict=True):
            for widget in widgets:
                stack.addWidget(widget)
            stack.addStretch(1)
        row = self.layout()
        assert isinstance(row, QHBoxLayout)
        row.setStretch(1, 0 if single else 1)


class VerticalScroll(QScrollArea):
    """A scroll area that never scrolls sideways: its body is told the width it has."""

    def __init__(self, body: Columns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(body)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.body.fit(self.viewport().width())
        super().resizeEvent(event)


class SettingsForm(QWidget):
    """Fields by key: ``edits``, ``combos``, their ``errors`` lines and ``labels`` (the names the
    refusals use), and the actions of the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        self.actions_by_name: dict[str, QAction] = {}

    def wrapping_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        # a short label keeps its line; a long one wraps at LABEL_WIDTH instead of widening the form
        label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(text) + 4, LABEL_WIDTH))
        label.setMaximumWidth(LABEL_WIDTH)
        return label

    def add_row(self, form: QFormLayout, key: str, label: str, widget: QWidget | None = None, *,
             password: bool = False, hint: str = "") -> QLineEdit | QWidget:
        if widget is None:
            edit = QLineEdit(self)
            edit.setObjectName(f"settings_{key}")
            edit.setAccessibleName(label)
            edit.setPlaceholderText(hint)
            if password:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setPlaceholderText(self.tr("変更しない場合は空欄"))
            self.edits[key] = edit
            widget = edit
        error = QLabel("", self)
        error.setObjectName(f"settings_{key}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        self.labels[key] = label
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(self.wrapping_label(label), box)
        return widget

    def form_layout(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def add_combo(self, form: QFormLayout, key: str, label: str, choices: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"settings_{key}")
        combo.setAccessibleName(label)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        for value, text in choices:
            combo.addItem(text, value)
        self.combos[key] = combo
        self.add_row(form, key, label, combo)
        return combo

    def add_setting_row(self, form: QFormLayout, name: str) -> SettingField:
        """The row of a settings-file field, as its schema row says (key ``smtp_host`` for ``smtp.host``)."""
        setting = BY_NAME[name]
        assert setting.label is not None, f"{name} is a setting of the file only"
        if setting.choices:
            names = {"none": self.tr("なし"), "starttls": "STARTTLS", "ssl": "SSL/TLS"}
            self.add_combo(form, setting.form_key, in_language(setting.label),
                        tuple((value, names.get(value, value)) for value in setting.choices))
        else:
            self.add_row(form, setting.form_key, in_language(setting.label),
                      hint=in_language(setting.hint) if setting.hint else "")
        return setting

    def add_button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"{name}Button")
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.actions_by_name[name] = action
        button.clicked.connect(action.trigger)
        return button

    def result_label(self, name: str) -> QLabel:
        label = QLabel("", self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]
