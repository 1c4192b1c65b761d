"""Everything Qt: the desktop app over ``app.service.HoSoService``."""
