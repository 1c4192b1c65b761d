"""Printed reports, Qt-free (reportlab and openpyxl): the profile forms (Mẫu 2C-BNV/2008,
HS02-VC/BNV), single and by unit; list reports (PDF, xlsx); the quantity-and-quality statistics
(BM01 columns, PDF, xlsx); and the ``report`` subcommands of the command line."""
