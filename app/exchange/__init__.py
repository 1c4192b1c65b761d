"""Data exchange with other systems and old files: spreadsheets in and out, legacy encodings.

Import, in stages (``importer``): ``open_import`` → ``preview`` → ``run_import``; then
``report.write_result_report``. Modules: ``reader`` (xlsx/xls/csv → cells with font names),
``vocabulary`` (headers, sheet names, choice words; data in resources/import/synonyms.json),
``mapping`` (header row, column mapping, remembered mappings), ``values`` (cell parsers, legacy
repair per column), ``records`` (rows → plain records), ``run`` and ``sections`` (compare and
save through ``app.people``), ``columns`` and ``export`` (the list to Excel), ``report`` (result
report, template), ``legacy`` (TCVN3/VNI), ``cli`` (import, export, import-template).
Rules and decisions: resources/import/README.md.
"""
