"""The command line's subcommands (CONTRACT.md), one module per area, registered explicitly by
``app.cli.build_parser``. Every handler acts through ``app.services`` with the command line's
principal (``HoSo.for_cli``): none reads the models or opens a session itself."""
