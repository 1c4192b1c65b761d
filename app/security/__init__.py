"""Trust: who may use a database, what each role may touch, what is masked, what was done.

- ``passwords``: argon2id hashing.
- ``principal``: ``Principal`` — the signed-in user (role, units with their sub-units, city mode);
  ``local_admin`` / ``for_cli``: the command line on a local file acts as its administrator.
- ``permissions``: the actions × roles table and ``require`` (Vietnamese refusal).
- ``sensitive``: the sensitive fields (resources/rules/sensitive_fields.json) and their masking.
- ``users``: accounts — first run, sign-in with lock-out, passwords, roles, units, deactivation.
- ``access``: the access log (views, prints, exports of sensitive data, sign-ins) and the merged
  audit browser (change log + access log) with its Excel export.
- ``review``: the approval flow (submitted → approved / returned) and approved snapshots.
- the ``user``, ``audit`` and ``review`` subcommands are in app/commands/security.py.

app/services (``HoSo``, one ``@policy`` per action) enforces all of it for every interface; docs/users-and-roles.md
is the administrator's page.
"""
