"""The city database (PostgreSQL at the Department of Home Affairs) and delivery to it.

- ``init``: ``city init`` — mark a PostgreSQL database as the city database, load the catalogs,
  create the units' group role, its grants, the row-level security policies and the hand-over
  function; ``writable_unit_ids`` tells the sync what the connected role may write.
- ``roles``: one login role per unit (``city unit-role``), the units it may write
  (``city_unit_access``, the unit and all its sub-units), listing and removal.
- ``mode``: ``is_city_database`` — the app opened on the city database (records read-only).
- ``cli``: the ``city`` subcommands. The sync itself is ``sync``/``apply``/``sync_cli``.

docs/city.md is the administrator's page.
"""
