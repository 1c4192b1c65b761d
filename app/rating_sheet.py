"""The unit's yearly rating sheet (NĐ 335/2025): one row per rated person with the year's average
score and level, the counts per level and the quota line, as PDF (reportlab, Liberation Serif) or
.xlsx. No Số CCCD or other sensitive field is printed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.rating import UnitCheck
from app.reports.files import atomic, check_target
from app.rules import rating as rules


def _rows(check: UnitCheck) -> list[list[str]]:
    out = []
    for i, p in enumerate(check.people, 1):
        r = p.result
        score = f"{r.score:.2f}".replace(".", ",") if r.score is not None else ""
        out.append([str(i), p.full_name, score, rules.label(r.level) if r.level else "", r.forced or ""])
    return out


def _summary(check: UnitCheck) -> list[str]:
    pct = rules.table()["quota"]["xuat_sac_percent_of_tot"]
    lines = ["; ".join(f"{rules.label(level)}: {check.counts[level]}" for level in rules.LEVELS)]
    lines.append(f"Tỷ lệ xuất sắc (tối đa {pct}% số xếp loại tốt): " + ("đạt." if check.quota_ok else "VƯỢT. "
                                                                         + " ".join(check.warnings())))
    return lines


def write(check: UnitCheck, unit_name: str, out: Path, *, today: dt.date | None = None) -> Path:
    out = check_target(Path(out), (".pdf", ".xlsx"))
    if out.suffix.lower() == ".xlsx":
        atomic(out, lambda tmp: _xlsx(check, unit_name, tmp))
    else:
        atomic(out, lambda tmp: _pdf(check, unit_name, tmp, today or dt.date.today()))
    return out


HEADERS = ["STT", "Họ và tên", "Điểm bình quân", "Xếp loại", "Ghi chú"]


def _title(check: UnitCheck) -> str:
    return f"BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC NĂM {check.year}"


def _xlsx(check: UnitCheck, unit_name: str, path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = f"Xếp loại {check.year}"
    ws.append([_title(check)])
    ws["A1"].font = Font(bold=True)
    ws.append([unit_name])
    ws.append([])
    ws.append(HEADERS)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in _rows(check):
        score = row[2]
        ws.append([int(row[0]), row[1], float(score.replace(",", ".")) if score else None, row[3], row[4]])
    ws.append([])
    for line in _summary(check):
        ws.append([line])
    for col, width in zip("ABCDE", (6, 32, 14, 30, 40), strict=True):
        ws.column_dimensions[col].width = width
    book.save(path)


def _pdf(check: UnitCheck, unit_name: str, path: str, today: dt.date) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from app.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

    register_fonts()
    normal = ParagraphStyle("n", fontName=REGULAR, fontSize=11, leading=14)
    title = ParagraphStyle("t", parent=normal, fontName=BOLD, fontSize=13, alignment=1, leading=17)
    center = ParagraphStyle("c", parent=normal, alignment=1)
    italic = ParagraphStyle("i", parent=normal, fontName=ITALIC, alignment=2)
    cell = ParagraphStyle("cell", parent=normal, fontSize=10, leading=12)
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=_title(check), author="HoSo")
    data = [[Paragraph(f"<b>{h}</b>", cell) for h in HEADERS]]
    data += [[Paragraph(v, cell) for v in row] for row in _rows(check)]
    table = Table(data, colWidths=[12 * mm, 55 * mm, 24 * mm, 48 * mm, 36 * mm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph(unit_name.upper(), center), Spacer(1, 4 * mm), Paragraph(_title(check), title),
             Paragraph("(theo Nghị định số 335/2025/NĐ-CP)", center), Spacer(1, 6 * mm), table, Spacer(1, 4 * mm)]
    story += [Paragraph(line, normal) for line in _summary(check)]
    story += [Spacer(1, 6 * mm), Paragraph(f"Ngày {today:%d} tháng {today:%m} năm {today:%Y}", italic),
              Paragraph("<b>THỦ TRƯỞNG ĐƠN VỊ</b>", ParagraphStyle("s", parent=normal, alignment=2))]
    doc.build(story)
