"""One settings schema drives the file loader and the 設定 form (issue 17, point 7): every field of
the form is a schema row shown under its ``settings_<key>`` object name and label, and a value
is refused by the form exactly when ``load_settings`` refuses it from the environment."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace

import pytest

from oroshi_desktop.config import load_settings
from oroshi_desktop.errors import ConfigError
from oroshi_desktop.settings_schema import BY_FORM_KEY, FIELDS, FORM_FIELDS
from ui.i18n import label
from ui.qt import QComboBox, QLineEdit
from ui.settings.validation import FieldError
from ui.settings.view import SettingsView

# Typed texts per form field: (text, accepted). Numbers are typed plainly here: the form also takes
# fullwidth digits, commas and 円, which an environment variable does not.
SAMPLES: dict[str, list[tuple[str, bool]]] = {
    "database_url": [("", True), ("sqlite:///office.sqlite3", True), ("postgresql://me@db.example.jp:5432/oroshi", True),
                     ("postgresql+psycopg://me@[::1]/oroshi", True), ("mysql://me@host/db", False),
                     ("postgresql://me:pw@host/db", False), ("postgresql://me@host/db?password=x", False),
                     ("postgresql://me@host:0/db", False), ("postgresql://me@host:abc/db", False),
                     ("postgresql:///oroshi", False), ("nonsense", False)],
    "timezone": [("Asia/Tokyo", True), ("UTC", True), ("Mars/Olympus", False)],
    "mail_schedule": [("*/10 * * * *", True), ("0 9 * * 1-5", True), ("0 9 31 2 *", False), ("*/10 * *", False),
                      ("61 * * * *", False), ("*/0 * * * *", False)],
    "plausible_line_amount": [("5000000", True), ("1000000000000", True), ("1", True), ("0", False),
                              ("1000000000001", False), ("abc", False), ("2.5", False)],
    "smtp_host": [("smtp.example.jp", True), ("例え.jp", True), ("192.0.2.1", True), ("smtp example.jp", False),
                  ("smtp\x07.example.jp", False), ("s" * 254, False)],
    "smtp_port": [("587", True), ("65535", True), ("0", False), ("70000", False), ("abc", False), ("-1", False)],
    "smtp_username": [("office", True), ("c:\\clerk", True)],
    "smtp_sender": [("", True), ("office@example.jp", True), ("office", False), ("of fice@example.jp", False),
                    ("office@localhost", False)],
    "imap_host": [("", True), ("imap.example.jp", True), ("imap example.jp", False)],
    "imap_port": [("993", True), ("143", True), ("0", False), ("65536", False)],
    "imap_username": [("office@example.jp", True)],
    "imap_folder": [("INBOX", True), ("Bounces", True)],
    "imap_processed_folder": [("", True), ("Processed", True)],
}


@pytest.fixture
def view(qtbot, qapp, sqlite_db) -> Iterator[SettingsView]:  # type: ignore[no-untyped-def]
    from oroshi_desktop.ledger import Ledger
    from ui.context import AppContext
    from ui.operations import wait_for_operations

    settings = replace(load_settings(), database_url="")
    ledger = Ledger.for_settings(sqlite_db, settings)
    form = SettingsView(AppContext(settings, sqlite_db, ledger))
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.loaded, timeout=10000):
        pass
    try:
        yield form
    finally:
        form.close()
        wait_for_operations()
        ledger.dispose()


def _form_accepts(view: SettingsView, key: str, text: str) -> bool:
    view.edits[key].setText(text)
    try:
        view.collect()
    except ExceptionGroup as group:
        refused = {problem.field for problem in group.exceptions if isinstance(problem, FieldError)}
        assert refused <= {key}, f"{key}={text!r} made other fields refused: {refused}"
        return key not in refused
    return True


def _loader_accepts(setting_env: str, text: str) -> bool:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    environ["OROSHI_HOME"] = os.environ["OROSHI_HOME"]
    environ[setting_env] = text
    try:
        load_settings(environ)
    except ConfigError:
        return False
    return True


def test_every_field_of_the_form_has_samples_and_every_sample_a_field() -> None:
    assert {s.form_key for s in FORM_FIELDS if not s.choices} == set(SAMPLES)


def test_file_settings_have_unique_names_and_environment_variables() -> None:
    assert len({s.name for s in FIELDS}) == len({s.env for s in FIELDS}) == len(FIELDS)
    assert all(s.env == "OROSHI_" + s.env.removeprefix("OROSHI_").upper() for s in FIELDS)


def test_every_schema_field_of_the_form_is_there_by_its_object_name_and_label(view: SettingsView) -> None:
    for setting in FORM_FIELDS:
        assert setting.label is not None
        kind = QComboBox if setting.choices else QLineEdit
        widget = view.findChild(kind, f"settings_{setting.form_key}")
        assert widget is not None, setting.name
        assert widget.accessibleName() == view.labels[setting.form_key] == label(setting.label)
        if setting.choices:
            assert isinstance(widget, QComboBox)
            assert [widget.itemData(i) for i in range(widget.count())] == list(setting.choices)
    # and nothing of the settings file is in the form beside the schema's rows
    file_keys = {s.form_key for s in FIELDS}
    shown = {key for key in [*view.edits, *view.combos] if key in file_keys}
    assert shown == {s.form_key for s in FORM_FIELDS}


@pytest.mark.parametrize(("key", "text", "accepted"),
                         [(key, text, ok) for key, samples in SAMPLES.items() for text, ok in samples])
def test_the_form_and_the_loader_refuse_and_accept_alike(view: SettingsView, key: str, text: str,
                                                         accepted: bool) -> None:
    assert _loader_accepts(BY_FORM_KEY[key].env, text) is accepted
    assert _form_accepts(view, key, text) is accepted
