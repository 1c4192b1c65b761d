"""Everything Qt: the desktop app over the services of ``app.services`` (``HoSo``)."""
