"""HoSo's Qt-free core: services, rules, reports, import/export, sync and the command line."""
