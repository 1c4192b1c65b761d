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
- ``cli``: ``package key | trust | keys | export | import``.
"""

from __future__ import annotations

FORMAT = "hoso-package/1"
KEY_FORMAT = "hoso-key/1"
