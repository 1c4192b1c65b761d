"""Printing speed of the 2023 CV form (Thông tư 06/2023/TT-BNV).

1. One 5-page dossier: HoSo's ``render_cv`` (Person JSON → flowables → PDF) against bare reportlab
   drawing the same content on a canvas by hand (the same lines wrapped with ``simpleSplit``, the
   same ruled tables with their headers repeated on a new page, the same fonts) — the fastest way
   to put this content on paper with the same library; goal ≤ 1.3×. Medians of several runs.
2. A batch of 200 forms in one PDF (``render_cvs``: dossiers loaded 40 at a time) against 200 ×
   printing one (load the document, render one file).

Times are the process's CPU time (``time.process_time``): on a machine shared with other jobs the
wall clock of a 50 ms render varies several-fold, its CPU time by a few per cent. The minimum of
the runs is reported (the median too for the single form).

Run: ``HOSO_BENCH=1 pytest -s tests/benchmarks/test_cv2023_speed.py`` (HOSO_BENCH_RUNS, default 5).
Builds its own 220-person demo database in HOSO_BENCH_DIR (no 100,000-profile database needed).
"""

from __future__ import annotations

import io
import os
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from app.db import open_database
from app.fields import cv_items
from app.reports import fonts
from app.reports import layout as L
from app.reports import values as V
from app.reports.cv2023 import _ITEM_ORDER, _TRAINING, render_cv, render_cvs, value_of, yearly_rows
from app.reports.forms import family_rows
from app.reports.profile import profile_document
from models import Person
from tests.benchmarks.conftest import bench_dir, report

RUNS = int(os.environ.get("HOSO_BENCH_RUNS", "5"))
PEOPLE = 220
BATCH = 200


@pytest.fixture(scope="module")
def cv_db():
    from app import demo
    from tests.core.conftest import make_database

    folder = bench_dir() / f"cv2023-{PEOPLE}"
    if not (folder / "hoso.sqlite").exists():
        folder.mkdir(parents=True, exist_ok=True)
        db = make_database(folder)
        demo.generate(db, PEOPLE, seed=11)
        db.dispose()
    db = open_database(folder / "hoso.sqlite")
    yield db
    db.dispose()


def _times(fn: Callable[[], Any], runs: int = RUNS) -> tuple[float, float]:
    """(minimum, median) CPU seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times), statistics.median(times)


# --------------------------------------------------------------------------- bare reportlab


def _content(doc: Mapping[str, Any]) -> tuple[list[str], list[tuple[str, Sequence[str], list[Sequence[str]]]]]:
    """The form's text as plain lines and tables (what the baseline draws)."""
    lines = [f"Cơ quan quản lý cán bộ, công chức, viên chức: {doc.get('managing_unit_name') or ''}",
             f"Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức: {doc.get('unit_name') or ''}",
             f"Số hiệu: {doc.get('officer_number') or ''}", f"Mã số định danh: {doc.get('cccd') or ''}",
             "SƠ YẾU LÝ LỊCH"]
    for item in _ITEM_ORDER:
        specs = cv_items().get(item, ())
        lines.append(f"{item}) " + ", ".join(f"{s.cv[1] if s.cv else s.label}: {value_of(s, doc)}" for s in specs))
    tables: list[tuple[str, Sequence[str], list[Sequence[str]]]] = []

    def span(r: Mapping[str, Any]) -> tuple[str, str]:
        return V.month_year(r.get("start_date")), V.month_year(r.get("end_date"))

    training = V.chronological(doc, "training")
    for kinds, title, headers, cells, _parts in _TRAINING:
        tables.append((title, ("Từ", "Đến", *headers),
                       [(*span(r), *(V.text(c) for c in cells(r))) for r in training if r.get("kind") in kinds]))
    tables.append(("33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", ("Từ", "Đến", "Đơn vị công tác", "Chức danh/chức vụ"),
                   [(*span(r), V.text(r.get("unit_name")), V.text(r.get("position")))
                    for r in V.chronological(doc, "work_history")]))
    tables.append(("35.1- Thành tích thi đua, khen thưởng", ("Năm", "Xếp loại chuyên môn", "Xếp loại thi đua",
                                                             "Hình thức khen thưởng"),
                   [tuple(V.text(c) for c in row) for row in yearly_rows(doc)]))
    tables.append(("35.2- Kỷ luật", ("Từ", "Đến", "Hình thức", "Hành vi vi phạm chính", "Cơ quan quyết định"),
                   [(*span(r), V.text(r.get("form")), V.text(r.get("violation")), V.text(r.get("authority")))
                    for r in doc.get("discipline") or ()]))
    for side, title in (("self", "36.1- Về bản thân"), ("spouse", "36.2- Bên vợ hoặc chồng")):
        tables.append((title, ("Mối quan hệ", "Họ và tên", "Năm sinh", "Quê quán, nghề nghiệp …"),
                       family_rows(doc, side)))
    tables.append(("37.1- Quá trình lương của bản thân", ("Từ", "Đến", "Mã số", "Bậc lương", "Hệ số lương",
                                                          "Tiền lương theo vị trí việc làm"),
                   [(*span(r), V.text(r.get("grade_code")), V.text(r.get("salary_step")),
                     V.number(r.get("salary_coefficient")), V.money(r.get("salary_amount")))
                    for r in doc.get("salary_history") or ()]))
    tables.append(("37.2- Các loại phụ cấp khác", ("Từ", "Đến", "Loại phụ cấp", "Phần trăm hưởng", "Hệ số",
                                                   "Hình thức hưởng", "Giá trị (đồng)"),
                   [(*span(r), V.text(r.get("kind")), V.number(r.get("percent"), 0), V.number(r.get("coefficient")),
                     V.text(r.get("method")), V.money(r.get("amount"))) for r in doc.get("allowances") or ()]))
    lines += [f"- {s.cv[1] if s.cv else s.label}: {value_of(s, doc)}" for s in cv_items()["37.3"]]
    lines += ["38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG", V.text(doc.get("assessment")),
              "Người khai", "Tôi xin cam đoan những lời khai trên đây là đúng sự thật", "(Ký tên, ghi rõ họ tên)",
              "……, Ngày … tháng … năm 20……", "Xác nhận của cơ quan, đơn vị quản lý cán bộ, công chức, viên chức",
              "(Ký tên, đóng dấu)", V.text(doc.get("full_name"))]
    return lines, tables


def bare_reportlab(doc: Mapping[str, Any]) -> bytes:
    """The same content drawn by hand on a canvas: wrapped lines, ruled tables, page breaks."""
    fonts.register_fonts()
    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4)
    top, right, bottom, left = L.MARGINS
    width = A4[0] - left - right
    y = A4[1] - top
    size, lead, cell, cell_lead = 13, 13 * 1.3, 11, 11 * 1.2

    def need(h: float) -> None:
        nonlocal y
        if y - h < bottom:
            canv.showPage()
            y = A4[1] - top

    def text(line: str, font: str = fonts.REGULAR, dots: bool = False) -> None:
        nonlocal y
        parts = simpleSplit(line, font, size, width) or [""]
        for part in parts:
            need(lead)
            canv.setFont(font, size)
            canv.drawString(left, y - size, part)
            y -= lead
        if dots:  # the form line's dotted leader, as HoSo draws it
            L.draw_dots(canv, left + canv.stringWidth(parts[-1], font, size) + 3, left + width, y + lead - size)

    lines, tables = _content(doc)
    canv.rect(left, y - 6 * 28.35, 4 * 28.35, 6 * 28.35)  # the 4 x 6 photo box
    for line in lines[:-10]:
        text(line, dots=True)
    for title, headers, rows in tables:
        text(title, fonts.BOLD)
        col = width / len(headers)

        def row_out(cells: Sequence[str], font: str, col: float = col) -> None:
            nonlocal y
            wrapped = [simpleSplit(c or "", font, cell, col - 6) for c in cells]
            h = max(len(w) for w in wrapped) * cell_lead + 5
            for i, parts in enumerate(wrapped):
                x = left + i * col
                canv.setFont(font, cell)
                for k, part in enumerate(parts):
                    canv.drawString(x + 3, y - 2 - cell - k * cell_lead, part)
                canv.rect(x, y - h, col, h)
            y -= h

        head_h = max(len(simpleSplit(t, fonts.BOLD, cell, col - 6)) for t in headers) * cell_lead + 5
        need(head_h)
        row_out(headers, fonts.BOLD)
        for r in rows or [("",) * len(headers)] * 2:
            h = max(len(simpleSplit(c or "", fonts.REGULAR, cell, width / len(r) - 6)) for c in r) * cell_lead + 5
            if y - h < bottom:
                canv.showPage()
                y = A4[1] - top
                row_out(headers, fonts.BOLD)  # the header repeated
            row_out(r, fonts.REGULAR)
    for line in lines[-10:]:
        text(line)
    canv.showPage()
    canv.save()
    return out.getvalue()


# --------------------------------------------------------------------------- the benchmarks


def _five_page_person(db) -> Any:
    with db.session() as s:
        ids = list(s.scalars(select(Person.id).where(Person.status == "working").order_by(Person.sort_key)))
        for pid in ids:
            doc = profile_document(s, pid)
            if render_cv(doc, io.BytesIO()) == 5:
                return pid, doc
    pytest.skip("no 5-page dossier in the demo database")


def test_one_form_against_bare_reportlab(cv_db) -> None:
    pid, doc = _five_page_person(cv_db)
    bare_reportlab(doc)  # warm both (fonts, caches)
    render_cv(doc, io.BytesIO())

    def hoso() -> None:
        with cv_db.session() as s:
            render_cv(profile_document(s, pid), io.BytesIO())

    def bare() -> None:
        with cv_db.session() as s:
            bare_reportlab(profile_document(s, pid))

    (ours, ours_median), (raw, raw_median) = _times(hoso, RUNS * 3), _times(bare, RUNS * 3)
    report(f"cv2023 one 5-page form (CPU, load + render): HoSo {ours * 1000:.0f} ms (median "
           f"{ours_median * 1000:.0f}), bare reportlab {raw * 1000:.0f} ms (median {raw_median * 1000:.0f}), "
           f"ratio {ours / raw:.2f} (goal ≤ 1.3)")
    assert ours > 0 and raw > 0


def test_batch_of_200_against_200_single_prints(cv_db, tmp_path) -> None:
    with cv_db.session() as s:
        ids = list(s.scalars(select(Person.id).order_by(Person.sort_key).limit(BATCH)))
    start = time.process_time()
    pages = render_cvs(cv_db, ids, tmp_path / "batch.pdf")
    batch = time.process_time() - start
    start = time.process_time()
    singles = 0
    for i, pid in enumerate(ids):
        with cv_db.session() as s:
            doc = profile_document(s, pid)
        singles += render_cv(doc, tmp_path / f"one-{i}.pdf")
    one_by_one = time.process_time() - start
    assert singles == pages
    report(f"cv2023 batch of {len(ids)} ({pages} pages, CPU): one PDF {batch:.1f} s, {len(ids)} × one {one_by_one:.1f} s, "
           f"ratio {batch / one_by_one:.2f}")
