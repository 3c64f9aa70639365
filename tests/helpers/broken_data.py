"""Write data as another system with broken foreign keys would leave it: one statement with the
database's reference checks off for that connection only (SQLite ``foreign_keys``, PostgreSQL
``session_replication_role``), so the app's own reading of such data can be tested on every kind."""

from __future__ import annotations

from oroshi_desktop.db.engine import Database


def write_unchecked(db: Database, sql: str) -> None:
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        sqlite = db.engine.dialect.name == "sqlite"
        cursor.execute("PRAGMA foreign_keys=OFF" if sqlite else "SET session_replication_role = replica")
        cursor.execute(sql)
        raw.commit()
        cursor.execute("PRAGMA foreign_keys=ON" if sqlite else "SET session_replication_role = DEFAULT")
        raw.commit()
        cursor.close()
    finally:
        raw.close()
