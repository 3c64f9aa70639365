"""The new-run dialog's 見本 buttons: per organization its name on a line, then its four buttons
in one row when the width allows, else two rows of two — never behind a sideways scroll bar
(English labels at 150 % need more than the dialog has)."""

from __future__ import annotations

from ui.qt import QGridLayout, QLabel, QPushButton, QResizeEvent, QScrollArea, QWidget


class PreviewArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.rows: list[tuple[QLabel, list[QPushButton]]] = []
        self.grid: QGridLayout | None = None
        self.columns = 0

    def set_rows(self, rows: list[tuple[QLabel, list[QPushButton]]]) -> None:
        body = QWidget()
        self.grid = QGridLayout(body)
        self.rows, self.columns = rows, 0
        self._reflow()
        self.setWidget(body)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _columns_that_fit(self) -> int:
        if not self.rows or self.grid is None:
            return 0
        buttons = max((buttons for _label, buttons in self.rows), key=len)
        margins = self.grid.contentsMargins()
        spacing = max(self.grid.horizontalSpacing(), 0)
        widest = max(button.sizeHint().width() for button in buttons)
        room = self.viewport().width() - margins.left() - margins.right() - self.verticalScrollBar().sizeHint().width()
        for columns in (len(buttons), 2):
            if columns * widest + (columns - 1) * spacing <= room:
                return columns
        return 1

    def _reflow(self) -> None:
        columns = self._columns_that_fit()
        if columns == self.columns or self.grid is None:
            return
        self.columns = columns
        grid = self.grid
        for label, buttons in self.rows:
            for widget in (label, *buttons):
                grid.removeWidget(widget)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 0)
        row = 0
        for label, buttons in self.rows:
            grid.addWidget(label, row, 0, 1, columns)
            for index, button in enumerate(buttons):
                grid.addWidget(button, row + 1 + index // columns, index % columns)
            row += 1 + (len(buttons) + columns - 1) // columns
        grid.setColumnStretch(columns, 1)
