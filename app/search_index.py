"""The database's own search index on SQLite (FTS5 trigram), made and kept in step by the database.

``persons_fts`` is a contentless FTS5 table with the trigram tokenizer whose rowid is the person's
rowid. It indexes the folded name framed by ``^`` and ``$`` (so "the given name is …" and "the name
begins with …" are substring queries too) and the CCCD framed by ``^``. Triggers on ``persons`` keep
it in step on every insert, update and delete, whatever path writes (ORM, raw SQL, sync, packages):
no code has to remember to.

``rebuild`` (re)creates the table and its triggers from the rows: migration 0010 calls it, and
``app.db.migrate`` calls it after every schema upgrade, because a later migration that recreates the
``persons`` table (SQLite's batch mode) drops its triggers and may renumber its rowids.
"""

from __future__ import annotations

from models.search_index import TABLE, include_name  # noqa: F401 - include_name: tests and env

TRIGGERS = ("persons_fts_insert", "persons_fts_delete", "persons_fts_update")


def _name(p: str) -> str:
    return f"'^' || {p}.name_fold || '$'"


def _cccd(p: str) -> str:
    return f"'^' || {p}.cccd"


def statements() -> list[str]:
    remove = f"INSERT INTO {TABLE}({TABLE}, rowid, name, cccd) VALUES ('delete', old.rowid, {_name('old')}, {_cccd('old')})"
    add = f"INSERT INTO {TABLE}(rowid, name, cccd) VALUES (new.rowid, {_name('new')}, {_cccd('new')})"
    return [
        *(f"DROP TRIGGER IF EXISTS {t}" for t in TRIGGERS),
        f"DROP TABLE IF EXISTS {TABLE}",
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(name, cccd, content='', tokenize='trigram')",
        f"INSERT INTO {TABLE}(rowid, name, cccd) SELECT rowid, {_name('persons')}, {_cccd('persons')} FROM persons",
        f"CREATE TRIGGER persons_fts_insert AFTER INSERT ON persons BEGIN {add}; END",
        f"CREATE TRIGGER persons_fts_delete AFTER DELETE ON persons BEGIN {remove}; END",
        f"CREATE TRIGGER persons_fts_update AFTER UPDATE OF name_fold, cccd ON persons BEGIN {remove}; {add}; END",
    ]


def rebuild(connection) -> None:  # noqa: ANN001 - a SQLAlchemy Connection on SQLite
    for statement in statements():
        connection.exec_driver_sql(statement)


def drop(connection) -> None:  # noqa: ANN001
    for statement in statements()[:len(TRIGGERS) + 1]:
        connection.exec_driver_sql(statement)


