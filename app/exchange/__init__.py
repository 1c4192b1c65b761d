"""Data exchange with other systems and old files (legacy Vietnamese encodings, imports, exports)."""
