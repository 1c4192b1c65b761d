"""The city database (PostgreSQL at the Department of Home Affairs) and delivery to it.

- ``init``: ``city init`` — mark a PostgreSQL database as the city database, load the catalogs,
  create the units' group role (no table privilege), the row-level security policies and the
  function API (``api_sql``: the SQL; ``api``: its client, what the sync calls).
- ``roles``: one login role per unit (``city unit-role``), the units it may write
  (``city_unit_access``, the unit and all its sub-units), listing and removal.
- ``mode``: ``is_city_database`` — the app opened on the city database (records read-only).
- ``conflicts``: the Department's list of identity conflicts.
- ``cli``: the ``city`` subcommands. The sync itself is ``sync``/``api``/``sync_cli``;
  ``apply`` is the Department-side writer of package import.

docs/city.md is the administrator's page.
"""
