"""How the layers above the store run its functions (``Database.reading`` / ``Database.writing``):
the session opens and closes in the store, a change commits as one transaction or not at all, and
an error keeps its kind, so the window and the CLI never hold a session themselves."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oroshi_desktop.db.engine import is_connection_error, is_database_error, open_database, unreachable_reason
from oroshi_desktop.db.models import Preference
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.preferences import CHART_PAPER, get_preference, set_preference


def preference_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Preference)) or 0


def test_a_change_commits_and_a_query_reads_it(db) -> None:
    db.writing(set_preference, CHART_PAPER, "iso_b4")
    assert db.reading(get_preference, CHART_PAPER) == "iso_b4"


def test_a_failing_change_leaves_nothing_behind(db) -> None:
    before = db.reading(preference_count)

    def half_done(session: Session) -> None:
        set_preference(session, CHART_PAPER, "iso_b4")
        session.flush()  # written to the database, inside the transaction
        assert preference_count(session) == before + 1
        raise UserError("refused halfway", "途中で中止しました")

    with pytest.raises(UserError, match="refused halfway"):
        db.writing(half_done)
    assert db.reading(preference_count) == before
    assert db.reading(get_preference, CHART_PAPER) != "iso_b4"


def test_a_database_that_does_not_answer_is_told_apart_from_a_bug(tmp_path) -> None:
    gone = open_database(f"sqlite:///{tmp_path / 'missing' / 'nowhere' / 'x.sqlite3'}", create_folder=False)
    with pytest.raises(Exception) as raised:
        gone.reading(preference_count)
    err = raised.value
    assert is_connection_error(err) and is_database_error(err)
    assert unreachable_reason(err) and "\n" not in unreachable_reason(err)
    bug = ValueError("a bug")
    assert not is_connection_error(bug) and not is_database_error(bug) and unreachable_reason(bug) is None
    gone.dispose()
