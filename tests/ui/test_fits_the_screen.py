"""Nothing cut off at 1366×768 and 150 %, in Japanese and English: every list header's text fits its
column at the default widths, and every dialog fits the screen's free area.

At 150 % a 1366×768 screen is 910×512 logical pixels, less the task bar: Qt lays widgets out in
logical pixels, so a dialog fits when its smallest size does within that; text widths are measured
with the widgets' own fonts (the bundled Japanese font, as in the app).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from oroshi_desktop.config import load_settings
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.queries.order_list import OrderFilter
from tests.conftest import make_database
from tests.ui.test_list_export import rows_shown
from ui.qt import (
    QAction,
    QComboBox,
    QDialog,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    Qt,
    QTableView,
    QToolBar,
    QWidget,
)

SCREEN = (1366, 768)
SCALE = 1.5
TASK_BAR = 48  # a Windows task bar at 150 %, in logical pixels
AVAILABLE = (int(SCREEN[0] / SCALE), int(SCREEN[1] / SCALE) - TASK_BAR)
LIST_TABLES = {"statements": ("statementsTable",), "orders": ("ordersTable",), "supplies": ("suppliesTable",),
               "archive": ("archiveTable",), "jobs": ("jobsTable", "outboxTable")}


@pytest.fixture(params=["ja", "en"])
def demo_shell(request: pytest.FixtureRequest, tmp_path: Path, make_shell: Any) -> Any:
    if request.param == "en":
        request.getfixturevalue("english")
    settings = load_settings()
    database = make_database("sqlite", request, tmp_path)
    generate_demo(database, scale=1, seed=0, today=datetime.now(settings.tz).date())
    settings = replace(settings, database_url=database.url.render_as_string(hide_password=False))
    return make_shell(settings, database)


def cut_headers(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    if header.isSortIndicatorShown():  # any column may carry the ▾ once clicked ("hipping dat▾")
        margin += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) \
            + header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    model = table.model()
    cut = []
    for column in range(header.count()):
        if header.isSectionHidden(column) or (column == header.count() - 1 and header.stretchLastSection()):
            continue
        text = str(model.headerData(column, header.orientation()) or "")
        needed = metrics.horizontalAdvance(text) + margin
        if header.sectionSize(column) < needed:
            cut.append(f"{table.objectName()}[{column}] {text!r}: {header.sectionSize(column)} < {needed}")
    return cut


def test_every_list_header_fits_its_column(demo_shell: Any, qtbot: Any) -> None:
    cut: list[str] = []
    for key, tables in LIST_TABLES.items():
        view = demo_shell.show_view(key)
        for name in tables:
            table = view.findChild(QTableView, name)
            rows_shown(qtbot, table)
            cut += cut_headers(table)
    assert cut == []


def too_big(dialog: QDialog) -> str | None:
    dialog.ensurePolished()
    smallest = dialog.sizeHint().expandedTo(dialog.minimumSize())  # its natural size: nothing scrolled away
    # The title in the title bar: its text (a system font up to a quarter larger), the icon and
    # three buttons of 46 px each (Windows 10/11), or the window manager cuts it with "…".
    title_room = int(dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) * 1.25) + 3 * 46 + 48
    if smallest.width() > AVAILABLE[0] or smallest.height() > AVAILABLE[1] or title_room > AVAILABLE[0]:
        return f"{dialog.objectName()}: {smallest.width()}×{smallest.height()} > {AVAILABLE[0]}×{AVAILABLE[1]}"
    dialog.show()  # the width it opens with must hold its title (a window manager cuts it with "…")
    if title_room > dialog.width():
        return f"{dialog.objectName()}: title {dialog.windowTitle()!r} needs {title_room} > {dialog.width()}"
    return None


def test_every_dialog_fits_the_screen(demo_shell: Any, qtbot: Any) -> None:
    from ui.about import AboutDialog
    from ui.orders import documents
    from ui.orders.documents import DocumentDialog
    from ui.statements.new_dialog import NewStatementDialog

    window = demo_shell
    ctx = window.ctx
    orders = window.show_view("orders")
    qtbot.waitUntil(lambda: bool(orders.choices.carriers), timeout=10000)
    dialogs: list[QDialog] = [
        NewStatementDialog(ctx.database, ctx.settings.tz, window),
        AboutDialog(ctx.database, window),
        *(DocumentDialog(kind, orders.choices, OrderFilter(start=datetime.now(ctx.settings.tz).date(),
                                                           end=datetime.now(ctx.settings.tz).date()), [], window)
          for kind in (documents.SHIPPING_CHART, documents.PACKING_SLIPS, documents.SHIPPING_LIST)),
    ]
    problems = [problem for dialog in dialogs if (problem := too_big(dialog))]
    for dialog in dialogs:
        dialog.deleteLater()
    assert problems == []


# The window maximized on a 1366×768 screen at 100 % and at 150 % (logical pixels, less the task bar).
MAXIMIZED = {"100": (SCREEN[0], SCREEN[1] - 40), "150": AVAILABLE}


@pytest.mark.parametrize("scale", sorted(MAXIMIZED))
def test_the_run_list_and_its_detail_fit_a_maximized_window(demo_shell: Any, qtbot: Any, scale: str) -> None:
    """送信日時 is seen without scrolling sideways, and the detail's file names stay on one line
    (a wrapped Japanese name broke mid-word: 供給 / 者.pdf), with their ends (組織.pdf) in sight."""
    from jobs.statements import generate_statements
    from tests.ui.statements_fixtures import show_run
    from ui.elided_label import ElidedLabel

    window = demo_shell
    window.resize(*MAXIMIZED[scale])
    view = window.show_view("statements")
    table = view.findChild(QTableView, "statementsTable")
    rows_shown(qtbot, table)
    run_id = view.model.ids[0]
    generate_statements(window.ctx.database, run_id, tz=window.ctx.settings.tz)  # its PDFs, with their names
    show_run(qtbot, view, run_id)
    qtbot.wait(50)
    header = table.horizontalHeader()
    # At 150 % (910 logical pixels) the list beside the detail cannot show six columns: the detail
    # goes under it. Either way no column hides behind a sideways scroll bar.
    assert table.horizontalScrollBar().maximum() == 0, [header.sectionSize(c) for c in range(header.count())]
    expected = Qt.Orientation.Horizontal if scale == "100" else Qt.Orientation.Vertical
    assert view.findChild(QSplitter, "statementsSplitter").orientation() == expected
    panel = view.detail_panel
    # The detail never widens the window past the screen (949 logical pixels on 910 once).
    assert window.minimumSizeHint().width() <= MAXIMIZED[scale][0], window.minimumSizeHint()
    for box in panel.boxes:  # nothing in the detail is cut at its right edge ("Resend to this organiza")
        assert box.minimumSizeHint().width() <= panel.viewport().width(), (box.title(), panel.viewport().width())
    names = [label for box in view.detail_panel.boxes for label in box.findChildren(ElidedLabel)]
    assert names
    for label in names:
        assert label.height() <= 2 * label.fontMetrics().height(), label.full_text
        assert label.keep_end.endswith(".pdf") and label.text().endswith(".pdf"), label.text()
        assert label.text().endswith(label.keep_end.lstrip(" -")), label.text()  # which file it is
        assert label.toolTip() == label.full_text


@pytest.mark.parametrize("scale", sorted(MAXIMIZED))
def test_the_new_run_dialogs_preview_buttons_need_no_sideways_scroll(demo_shell: Any, qtbot: Any, scale: str) -> None:
    """Every 見本 button is in sight at the dialog's width (English labels are the longest)."""
    from ui.statements.new_dialog import NewStatementDialog

    ctx = demo_shell.ctx
    dialog = NewStatementDialog(ctx.database, ctx.settings.tz, demo_shell)
    qtbot.addWidget(dialog)
    dialog.resize(min(980, MAXIMIZED[scale][0]), min(660, MAXIMIZED[scale][1]))
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.preview_buttons), timeout=10000)
    qtbot.wait(50)
    area = dialog.preview_area
    assert area.horizontalScrollBar().maximum() == 0, (area.widget().minimumSizeHint(), area.viewport().size())
    for button in dialog.preview_buttons.values():
        assert button.width() >= button.sizeHint().width(), button.text()  # its label not squeezed



def scheduler_line() -> str:
    """The scheduler's line as it reads once the schedule is known (the longest, in English)."""
    from ui.qt import QCoreApplication

    def translate(text: str) -> str:
        return QCoreApplication.translate("StatusBar", text)

    return translate("スケジューラー: {state}　次のメール確認: {when}（{zone}）").format(
        state=translate("このアプリで実行中"), when="12/07 16:20", zone="Asia/Tokyo")


def test_the_window_fits_the_screen_after_a_notice(demo_shell: Any, qtbot: Any, tmp_path: Path) -> None:
    """A long status-bar notice (an export with its 開く link) must not widen the window past a
    1366×768 screen at 150 %: it made the window 979 logical pixels wide on a 910-pixel screen."""
    from ui.notices import announce
    from ui.qt import QLabel

    window = demo_shell
    window.statusBar().findChild(QLabel, "statusScheduler").set_full_text(scheduler_line())
    for key in ("today", "statements", "orders", "supplies", "archive", "jobs", "settings"):
        view = window.show_view(key)
        announce(view, "4件を 注文・出荷_2026-12-01〜2026-12-07_卸先すべて.xlsx に出力しました",
                 tmp_path / "注文・出荷_2026-12-01〜2026-12-07_卸先すべて.xlsx")
        qtbot.wait(10)
        assert window.minimumSizeHint().width() <= AVAILABLE[0], (key, window.minimumSizeHint().width())


def in_every_view_at_150_percent(window: Any, qtbot: Any, keys: tuple[str, ...],
                                 check: Callable[[QWidget], list[str]]) -> list[str]:
    """What ``check`` finds wrong in each view, the window maximized on a 1366×768 screen at 150 %
    (910 logical pixels wide), its lists loaded."""
    window.resize(*AVAILABLE)
    qtbot.waitUntil(lambda: window.width() == AVAILABLE[0], timeout=3000)
    found: list[str] = []
    for key in keys:
        view = window.show_view(key)
        for name in LIST_TABLES.get(key, ()):
            rows_shown(qtbot, view.findChild(QTableView, name))
        qtbot.wait(50)
        found += check(view)
    assert window.width() <= AVAILABLE[0], "the window grew past the screen"
    return found


def cut_combo(combo: QComboBox) -> str | None:
    """A choice box whose shown text is wider than its text field ("All shipping meth▾")."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 2  # the label's 1-px inset
    return f"{combo.objectName()} {combo.currentText()!r}: {field.width()} < {needed}" if field.width() < needed else None


def test_every_filter_choice_box_shows_its_text_whole(demo_shell: Any, qtbot: Any) -> None:
    """Each list's choice boxes read whole at 150 % (the 'all …' entry they open with)."""
    cut = in_every_view_at_150_percent(demo_shell, qtbot, tuple(LIST_TABLES), lambda view: [
        problem for combo in view.findChildren(QComboBox)
        if combo.isVisible() and not combo.isEditable() and (problem := cut_combo(combo))])
    assert cut == []


def hidden_tool_buttons(view: QWidget) -> list[str]:
    """Actions of the view's tool bars that went into the » extension menu."""
    return [f"{toolbar.objectName()}: {action.objectName()} {action.iconText()!r}"
            for toolbar in view.findChildren(QToolBar) if toolbar.isVisible()
            for action in toolbar.actions() if action.isVisible() and not action.isSeparator()
            if not (button := toolbar.widgetForAction(action)) or not button.isVisible()
            or not toolbar.rect().contains(button.geometry())]


def test_every_tool_bar_action_is_in_sight_at_150_percent(demo_shell: Any, qtbot: Any) -> None:
    """No action hides behind the tool bar's » button (支払明細書's Export to Excel… did)."""
    window = demo_shell
    hidden = in_every_view_at_150_percent(window, qtbot, ("today", *LIST_TABLES, "settings"), hidden_tool_buttons)
    assert hidden == []
    export = window.show_view("statements").findChild(QAction, "exportList")
    # A shorter tool-bar label ("To Excel…") keeps the whole text in the menu and the tooltip.
    assert export.text().replace("&", "") in ("Excelに出力…", "Export to Excel…"), export.text()
    assert export.toolTip() and export.iconText() != export.toolTip()


def test_a_notice_is_read_whole_at_150_percent_and_then_cleared(demo_shell: Any, qtbot: Any, tmp_path: Path) -> None:
    """What an export did reads whole with its 開く link ("4 rows exported to 注…" was all of it):
    the scheduler's line gives way (whole in its tooltip); a name too long for any room is cut in
    its middle, the message's start and the file's extension kept; the notice goes after a while."""
    from ui.notices import NOTICE_MS, announce
    from ui.qt import QCoreApplication, QLabel

    window = demo_shell
    window.resize(*AVAILABLE)
    qtbot.waitUntil(lambda: window.width() == AVAILABLE[0], timeout=3000)
    bar = window.statusBar()
    scheduler = bar.findChild(QLabel, "statusScheduler")
    scheduler.set_full_text(scheduler_line())
    notice = bar.findChild(QLabel, "statusNotice")
    view = window.show_view("orders")

    def exported(name: str) -> str:
        text = QCoreApplication.translate("ListExport", "{count}件を {file} に出力しました").format(count=4, file=name)
        announce(view, text, tmp_path / name)
        qtbot.wait(20)
        shown = notice.shown_text()
        link = notice.link_text()
        assert link and f">{link}</a>" in notice.text()  # the 開く link is always there
        room = notice.contentsRect().width()
        assert notice.fontMetrics().horizontalAdvance(f"{shown}　{link}") <= room, (shown, room)  # nothing clipped
        assert notice.toolTip() == f"{text}\n{tmp_path / name}"  # the whole text and where the file is
        return shown

    name = "注文・出荷_2026-12-01〜2026-12-07_卸先すべて.xlsx"
    text = QCoreApplication.translate("ListExport", "{count}件を {file} に出力しました").format(count=4, file=name)
    assert exported(name) == text
    assert scheduler.toolTip() == scheduler.full_text  # shortened for the notice, whole in its tooltip
    assert window.minimumSizeHint().width() <= AVAILABLE[0]

    long_name = "注文・出荷_" + "卸先すべて_" * 12 + "2026-12-07.xlsx"
    shown = exported(long_name)
    head, _, tail = QCoreApplication.translate("ListExport", "{count}件を {file} に出力しました") \
        .format(count=4, file="\0").partition("\0")
    assert "…" in shown and shown.startswith(head + "注文・出荷_") and shown.endswith(".xlsx" + tail), shown

    assert bar.notice_timer.isActive() and bar.notice_timer.interval() == NOTICE_MS
    bar.notice_timer.timeout.emit()  # its time is up
    qtbot.wait(20)
    assert notice.text() == "" and notice.toolTip() == ""
    assert scheduler.isVisible() and scheduler.text() == scheduler.full_text  # its room back



def overlapping(root: QWidget) -> list[str]:
    """Pairs of visible widgets inside ``root`` that cover each other (a hint over the logo's preview).
    Only the outermost of the field kinds count (a spin box's own line edit is part of it)."""
    from ui.qt import QAbstractButton, QLabel, QLineEdit, QPoint, QRect, QSpinBox

    kinds = (QLabel, QLineEdit, QAbstractButton, QComboBox, QSpinBox)
    places = [(widget, QRect(widget.mapTo(root, QPoint(0, 0)), widget.size()))
              for widget in root.findChildren(QWidget)
              if isinstance(widget, kinds) and widget.isVisible() and not isinstance(widget.parentWidget(), kinds)]
    return [f"{first.objectName() or type(first).__name__} {one.getRect()} × "
            f"{second.objectName() or type(second).__name__} {other.getRect()}"
            for index, (first, one) in enumerate(places) for second, other in places[index + 1:]
            if one.intersects(other)]


def refused_logo(view: Any, qtbot: Any, folder: Path) -> Any:
    """設定 with a broken logo picked: its refusal under the field."""
    qtbot.waitUntil(lambda: bool(view.edits["company_name"].text()), timeout=10000)
    broken = folder / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with qtbot.waitSignal(view.logo_checked, timeout=10000):
        view.choose_logo(str(broken))
    error = view.errors["company_logo"]
    assert error.isVisible()
    return error


def test_a_refused_logo_reads_in_the_windows_language(demo_shell: Any, qtbot: Any, tmp_path: Path) -> None:
    """The logo's refusal was Japanese in the English window (its texts never reached the translation)."""
    from tests.ui.english_texts import JAPANESE

    view = demo_shell.show_view("settings")
    error = refused_logo(view, qtbot, tmp_path)
    japanese = bool(JAPANESE.search(view.labels["company_logo"]))  # ロゴ画像 or Logo
    assert bool(JAPANESE.search(error.text())) == japanese, error.text()


# Open: at 150 % a group that grows when an error line appears keeps its old height, so the logo's
# hint covers its preview (the groups sit in height-for-width layouts nested in ui/settings/form.py's
# Columns; invalidating them did not help). Strict: it fails once fixed, to be unmarked then.
LOGO_OVERLAP = pytest.mark.xfail(strict=True, reason="settings groups keep a stale height at 150 %")


@pytest.mark.parametrize("scale", ["100", pytest.param("150", marks=LOGO_OVERLAP)])
def test_the_settings_widgets_do_not_overlap(demo_shell: Any, qtbot: Any, tmp_path: Path, scale: str) -> None:
    """設定 with a refused logo and every line's error shown: no widget covers another (the logo's
    hint ran over its preview at 150 %)."""
    window = demo_shell
    window.resize(*MAXIMIZED[scale])
    view = window.show_view("settings")
    error = refused_logo(view, qtbot, tmp_path)
    for key, line in view.errors.items():  # the longest the form gets: every line with its error
        line.setText(f"{view.labels[key]}: {error.text()}")
        line.show()
    qtbot.wait(50)
    assert overlapping(view.body) == []

