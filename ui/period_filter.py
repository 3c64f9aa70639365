"""A period filter for a list: a switch and two calendar date edits, off until the switch is on.

The statements list and the archive filter by a date range the same way; the range only counts
once the clerk ticks the switch, so an unticked filter never hides a row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ui.qt import QCheckBox, QDate, QDateEdit, QWidget

DATE_FORMAT = "yyyy/MM/dd"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def period_filter(parent: QWidget, label: str, *, names: tuple[str, str, str], accessible: tuple[str, str],
                  start: date, end: date, changed: Callable[[], None]) -> tuple[QCheckBox, QDateEdit, QDateEdit]:
    """``names``: object names of the switch, the start and the end edit; ``accessible``: the edits' names."""
    switch = QCheckBox(label, parent)
    switch.setObjectName(names[0])
    edits = []
    for name, accessible_name, day in zip(names[1:], accessible, (start, end), strict=True):
        edit = QDateEdit(parent)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible_name)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        edit.setDate(to_qdate(day))
        edit.setEnabled(False)
        edit.dateChanged.connect(changed)
        switch.toggled.connect(edit.setEnabled)
        edits.append(edit)
    switch.toggled.connect(changed)
    return switch, edits[0], edits[1]
