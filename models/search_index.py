"""The name of the search index's tables (an FTS5 table and its shadow tables, made by migration
0010 and app.search_index, not by the models) and the filter that keeps Alembic's comparison of
the models with a database from reporting them. In models so that the migrations' env needs
nothing of app."""

from __future__ import annotations

TABLE = "persons_fts"
# PostgreSQL's trigram indexes (migration 0015, app.search_pg): GIN, made by the migration, not the models
PG_TRIGRAM_INDEXES = ("ix_persons_name_trgm", "ix_persons_cccd_trgm")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:  # noqa: ARG001
    """For Alembic's comparison: every table but the index's own; every index but PostgreSQL's trigram ones."""
    if type_ == "index" and name in PG_TRIGRAM_INDEXES:
        return False
    return not (type_ == "table" and name is not None and name.startswith(TABLE))
