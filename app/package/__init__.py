"""Signed export packages: how a unit without a network connection hands its records to the
Department of Home Affairs (Sở Nội vụ).

- ``keys``: the unit's Ed25519 signing key (a 0600 file in the data folder, never in the
  database), its public key file for the Department, and the Department's list of trusted keys.
- ``build``: ``export_package`` writes ``manifest.json`` (counts, the SHA-256 and size of every
  member), ``persons/<id>.json`` (the approved Person JSON, tombstones for deleted persons),
  ``attachments/<sha256>``, ``manifest.sig`` and ``signer.json``.
- ``verify``: reads a package defensively and checks everything before anything is written.
- ``importer``: ``inspect_package`` (what the dialog shows before importing) and
  ``import_package`` (one transaction through ``app.city.apply.apply_documents``).
- ``trust``: the Department's trusted keys for the dialog (list, read a key file, trust, untrust).
- ``cli``: ``package key | own-unit | export | trust | keys | untrust | import``.

Every entry point that writes or reads a whole unit takes an optional ``principal``
(``app.security.principal.Principal``): when given, it must hold the right ``package``
(administrators); without one the caller is the local file's administrator (tests, scripts).
"""

from __future__ import annotations

from typing import Any

FORMAT = "hoso-package/1"
KEY_FORMAT = "hoso-key/1"


def authorize(principal: Any, session: Any = None) -> None:
    """Refuse (``UserError``, Vietnamese) unless ``principal`` may make or import packages."""
    if principal is None:
        return
    from app.security.permissions import require

    require(principal, "package", session=session)
