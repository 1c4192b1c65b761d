"""Printing speed of the 2023 CV form (Thông tư 06/2023/TT-BNV).

1. One 5-page dossier: HoSo's ``render_cv`` (Person JSON → flowables → PDF) against bare reportlab
   drawing the same content on a canvas by hand — the best raw approach with the same library:
   the same fonts and faces (labels regular, values bold, the signer's lines italic), label lines
   wrapped greedily with their dotted leaders, items 1–5 beside the photo box, the headings and
   their spacing, the ruled tables at the form's column widths ("Tháng/năm" over "Từ | Đến", the
   header repeated on a new page), "Trang n/N" on every page; it lays the form out on as many
   pages. Both sides load the dossier the same way (``profile_document``). Each run prints a
   different dossier both ways, interleaved in alternating order, after the caches of earlier
   dossiers are dropped (a dossier printed twice would be measured warm); goal ≤ 1.3×, reported
   as the ratio of medians with the per-run ratios' median and range. The service's path (policy,
   masking, the file, the access log) is reported beside it.
2. A batch of 200 forms in one PDF (``render_cvs``: dossiers loaded 40 at a time) against 200 ×
   printing one (load the document, render one file), each side from cold caches.

Times are the process's CPU time (``time.process_time``): on a machine shared with other jobs the
wall clock of a 50 ms render varies several-fold, its CPU time by a few per cent.

Run: ``HOSO_BENCH=1 pytest -s tests/benchmarks/test_cv2023_speed.py`` (HOSO_BENCH_RUNS, default 5:
15 dossiers). Builds its own 220-person demo database in HOSO_BENCH_DIR once per generator version
(no 100,000-profile database needed).
"""

from __future__ import annotations

import io
import os
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from app.db import open_database
from app.fields import cv_items
from app.reports import drawn, fonts
from app.reports import layout as L
from app.reports import values as V
from app.reports.cv2023 import (
    _ITEM_ORDER,
    _TRAINING,
    FAMILY_HEADERS,
    render_cv,
    render_cvs,
    value_of,
    yearly_rows,
)
from app.reports.forms import family_rows
from app.reports.profile import profile_document
from app.services import HoSoService
from models import Person
from tests.benchmarks.conftest import bench_dir, generator_version, record, report

RUNS = int(os.environ.get("HOSO_BENCH_RUNS", "5"))
PEOPLE = 220
BATCH = 200


@pytest.fixture(scope="module")
def cv_db():
    from app import demo
    from tests.core.conftest import make_database

    folder = bench_dir() / f"cv2023-{PEOPLE}-{generator_version()}"  # rebuilt when the generator or schema changes
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

Run = tuple[str, str]  # (text, font)
CM = 28.3465


def _item_runs(item: str, doc: Mapping[str, Any]) -> list[Run]:
    """An item line as the form prints it: labels regular, values bold."""
    specs = cv_items().get(item, ())
    runs: list[Run] = [(f"{item}- " if item in ("30.1", "30.2", "30.3") else f"{item}) ", fonts.REGULAR)]
    for i, spec in enumerate(specs):
        runs.append(((", " if i else "") + f"{spec.cv[1] if spec.cv else spec.label}: ", fonts.REGULAR))
        value = value_of(spec, doc)
        runs.append((value or ("" if i == len(specs) - 1 else V.BLANK), fonts.BOLD if value else fonts.REGULAR))
    return runs


def _content(doc: Mapping[str, Any]) -> tuple[list[list[Run]], list[list[Run]],
                                              list[tuple[str, Sequence[str], Sequence[float], list[Sequence[str]]]]]:
    """The form's text: the header and items 1–5 (beside the photo), items 6–31, and the tables
    (title, headers, relative widths, rows)."""
    top = [[("Cơ quan quản lý cán bộ, công chức, viên chức: ", fonts.REGULAR),
            (V.text(doc.get("managing_unit_name")), fonts.BOLD)],
           [("Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức: ", fonts.REGULAR),
            (V.text(doc.get("unit_name")), fonts.BOLD)],
           [("Số hiệu: ", fonts.REGULAR), (V.text(doc.get("officer_number")), fonts.BOLD)],
           [("Mã số định danh: ", fonts.REGULAR), (V.text(doc.get("cccd")), fonts.BOLD)]]
    top += [_item_runs(item, doc) for item in _ITEM_ORDER[:5]]
    items = [_item_runs(item, doc) for item in _ITEM_ORDER[5:]]
    tables: list[tuple[str, Sequence[str], Sequence[float], list[Sequence[str]]]] = []

    def span(r: Mapping[str, Any]) -> tuple[str, str]:
        return V.month_year(r.get("start_date")), V.month_year(r.get("end_date"))

    training = V.chronological(doc, "training")
    for kinds, title, headers, cells, parts in _TRAINING:
        tables.append((title, ("Từ", "Đến", *headers), (parts[0], *parts),
                       [(*span(r), *(V.text(c) for c in cells(r))) for r in training if r.get("kind") in kinds]))
    tables.append(("33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", ("Từ", "Đến", "Đơn vị công tác (đảng, chính quyền, đoàn thể, "
                                                      "tổ chức xã hội)", "Chức danh/chức vụ"), (14, 14, 42, 30),
                   [(*span(r), V.text(r.get("unit_name") or r.get("description")), V.text(r.get("position")))
                    for r in V.chronological(doc, "work_history")]))
    for title, kind in (("34.2- Bản thân có làm việc cho chế độ cũ", "old_regime"),
                        ("34.3- Tham gia hoặc có quan hệ với các tổ chức ở nước ngoài", "foreign_org")):
        tables.append((title, ("Từ", "Đến", "Chức danh, chức vụ, đơn vị, địa điểm đã làm việc"), (14, 14, 72),
                       [(*span(r), V.text(r.get("content"))) for r in V.rows(doc, "personal_history", kind=kind)]))
    tables.append(("35.1- Thành tích thi đua, khen thưởng", ("Năm", "Xếp loại chuyên môn", "Xếp loại thi đua",
                                                             "Hình thức khen thưởng"), (10, 25, 22, 43),
                   [tuple(V.text(c) for c in row) for row in yearly_rows(doc)]))
    tables.append(("35.2- Kỷ luật", ("Từ", "Đến", "Hình thức", "Hành vi vi phạm chính", "Cơ quan quyết định"),
                   (14, 14, 18, 30, 24),
                   [(*span(r), V.text(r.get("form")), V.text(r.get("violation")), V.text(r.get("authority")))
                    for r in doc.get("discipline") or ()]))
    for side, title in (("self", "36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột"),
                        ("spouse", "36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)")):
        tables.append((title, FAMILY_HEADERS, (14, 22, 10, 54), family_rows(doc, side)))
    tables.append(("37.1- Quá trình lương của bản thân", ("Từ", "Đến", "Mã số", "Bậc lương", "Hệ số lương",
                                                          "Tiền lương theo vị trí việc làm"), (14, 14, 18, 12, 14, 28),
                   [(*span(r), V.text(r.get("grade_code")), V.text(r.get("salary_step")),
                     V.number(r.get("salary_coefficient")), V.money(r.get("salary_amount")))
                    for r in doc.get("salary_history") or ()]))
    tables.append(("37.2- Các loại phụ cấp khác", ("Từ", "Đến", "Loại phụ cấp", "Phần trăm hưởng", "Hệ số",
                                                   "Hình thức hưởng", "Giá trị (đồng)"), (14, 14, 20, 11, 9, 16, 16),
                   [(*span(r), V.text(r.get("kind")), V.number(r.get("percent"), 0), V.number(r.get("coefficient")),
                     V.text(r.get("method")), V.money(r.get("amount"))) for r in doc.get("allowances") or ()]))
    return top, items, tables


def _words(runs: Sequence[Run]) -> list[list[Run]]:
    """Words (split at spaces) of mixed-font runs; a word may change font ("BÌNH" bold, "," not)."""
    words: list[list[Run]] = [[]]
    for text, font in runs:
        for k, piece in enumerate(text.split(" ")):
            if k:
                words.append([])
            if piece:
                words[-1].append((piece, font))
    return [w for w in words if w]


def bare_reportlab(doc: Mapping[str, Any]) -> bytes:
    """The same content drawn by hand on a canvas with the same fonts and faces: label lines with
    bold values wrapped greedily and their dotted leaders, items 1–5 beside the 4 × 6 photo box,
    centred bold headings, ruled tables (bold centred headers, the form's column widths, cells
    wrapped with ``simpleSplit``, the header repeated on a new page), item 38 and the signature
    blocks (italic where the form is), "Trang n/N" on every page (N written once at the end into a
    form XObject, as HoSo does)."""
    fonts.register_fonts()
    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4, pageCompression=1)
    top, right, bottom, left = L.MARGINS
    full = A4[0] - left - right
    y = A4[1] - top
    size, lead, cell, cell_lead = 13, 13 * 1.3, 11, 11 * 1.2
    page = 1

    def new_page() -> None:
        nonlocal y, page
        canv.saveState()
        canv.setFont(fonts.REGULAR, 10)
        canv.drawRightString(A4[0] / 2, bottom / 2 - 3, f"Trang {page}/")
        canv.doForm("pages")
        canv.restoreState()
        canv.showPage()
        page += 1
        y = A4[1] - top

    def need(h: float) -> None:
        if y - h < bottom:
            new_page()

    def line_out(runs: Sequence[Run], x0: float = left, width: float = full, dots: bool = True) -> None:
        """Greedy wrapping of mixed-font words, then the dotted leader after the last line."""
        nonlocal y
        space = stringWidth(" ", fonts.REGULAR, size)
        lines: list[list[list[Run]]] = [[]]
        used = 0.0
        for word in _words(runs):
            w = sum(stringWidth(t, f, size) for t, f in word)
            if lines[-1] and used + space + w > width:
                lines.append([])
                used = 0.0
            used += (space if lines[-1] else 0) + w
            lines[-1].append(word)
        for words in lines:
            need(lead)
            runs_: list[list[str]] = []  # one textOut per change of font, the font set only then
            for k, word in enumerate(words):
                for j, (t, f) in enumerate(word):
                    piece = (" " if k and j == 0 else "") + t
                    if runs_ and runs_[-1][0] == f:
                        runs_[-1][1] += piece
                    else:
                        runs_.append([f, piece])
            text = canv.beginText(x0, y - size)
            for f, piece in runs_:
                text.setFont(f, size)
                text.textOut(piece)
            canv.drawText(text)
            y -= lead
        if dots:
            L.draw_dots(canv, x0 + used + 3, x0 + width, y + lead - size)
        y -= 2.5

    def centred(text: str, font: str, x0: float = left, width: float = full) -> None:
        nonlocal y
        for part in simpleSplit(text, font, size, width):
            need(lead)
            canv.setFont(font, size)
            canv.drawCentredString(x0 + width / 2, y - size, part)
            y -= lead

    def heading(text: str) -> None:  # the form's spacing around a heading
        nonlocal y
        need(150)
        y -= 10
        centred(text, fonts.BOLD)
        y -= 4

    def table(headers: Sequence[str], parts: Sequence[float], rows: list[Sequence[str]]) -> None:
        nonlocal y
        widths = L.fractions(full, parts)
        xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]

        def wrapped(cells: Sequence[str], font: str) -> tuple[list[list[str]], float]:
            parts_ = [simpleSplit(c or "", font, cell, w - 6) for c, w in zip(cells, widths, strict=True)]
            return parts_, max(len(p) for p in parts_) * cell_lead + 5

        def row_out(parts_: list[list[str]], h: float, font: str, centre: bool) -> None:
            nonlocal y
            text = canv.beginText()
            text.setFont(font, cell)
            for i, lines in enumerate(parts_):
                for k, part in enumerate(lines):
                    x = xs[i] + (widths[i] - stringWidth(part, font, cell)) / 2 if centre else xs[i] + 3
                    text.setTextOrigin(x, y - 2 - cell - k * cell_lead)
                    text.textOut(part)
            canv.drawText(text)
            rules = canv.beginPath()  # the row's rules in one path
            rules.rect(xs[0], y - h, xs[-1] - xs[0], h)
            for x in xs[1:-1]:
                rules.moveTo(x, y)
                rules.lineTo(x, y - h)
            canv.drawPath(rules, stroke=1, fill=0)
            y -= h

        head, head_h = wrapped(headers, fonts.BOLD)
        dated = headers[:2] == ("Từ", "Đến")
        extra = cell_lead + 5 if dated else 0

        def header() -> None:
            nonlocal y
            if dated:  # "Tháng/năm" over "Từ | Đến"
                canv.rect(xs[0], y - extra, xs[2] - xs[0], extra)
                canv.setFont(fonts.BOLD, cell)
                canv.drawCentredString((xs[0] + xs[2]) / 2, y - 2 - cell, "Tháng/năm")
                y -= extra
            row_out(head, head_h, fonts.BOLD, True)

        need(extra + head_h)
        header()
        body = [wrapped(r, fonts.REGULAR) for r in rows] or [([[""]] * len(widths), cell_lead + 8)] * 2
        for parts_, h in body:
            if y - h < bottom:
                new_page()
                header()
            row_out(parts_, h, fonts.REGULAR, False)

    top_lines, items, tables = _content(doc)
    for runs in top_lines[:4]:
        line_out(runs)
    photo_top = y
    canv.rect(left, y - 6 * CM - 10, 4 * CM, 6 * CM)  # the 4 x 6 photo box and its caption
    canv.setFont(fonts.REGULAR, size)
    canv.drawCentredString(left + 2 * CM, y - 3 * CM - 10, "Ảnh màu")
    canv.drawCentredString(left + 2 * CM, y - 3 * CM - 10 - lead, "(4 x 6 cm)")
    beside = left + 4 * CM + 14
    y -= 6
    centred("SƠ YẾU LÝ LỊCH", fonts.BOLD, beside, full - 4 * CM - 14)
    for runs in top_lines[4:]:
        line_out(runs, beside, full - 4 * CM - 14)
    y = min(y, photo_top - 6 * CM - 10)
    for runs in items:
        line_out(runs)
    for title, headers, parts, rows in tables:
        if title.startswith("32.1"):
            heading("32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG")
        if title.startswith("35.1"):
            heading("35) KHEN THƯỞNG, KỶ LUẬT")
        if title.startswith("36.1"):
            heading("36) QUAN HỆ GIA ĐÌNH")
        if title.startswith("37.1"):
            heading("37) HOÀN CẢNH KINH TẾ GIA ĐÌNH")
        need(110)
        y -= 4
        line_out([(title, fonts.REGULAR)], dots=False)
        y -= 3
        table(headers, parts, rows)
        if title.startswith("33)"):
            heading("34) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN")
            line_out([(f"34.1- {cv_items()['34.1'][0].cv[1]}: ", fonts.REGULAR),
                      (V.text(doc.get(cv_items()["34.1"][0].name)), fonts.BOLD)])
    for spec in cv_items()["37.3"]:
        line_out([(f"- {spec.cv[1] if spec.cv else spec.label}: ", fonts.REGULAR), (value_of(spec, doc), fonts.BOLD)])
    heading("38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG")
    assessment = V.text(doc.get(cv_items()["38"][0].name))
    if assessment:
        line_out([(assessment, fonts.REGULAR)], dots=False)
    else:
        for _ in range(6):
            need(20)
            L.draw_dots(canv, left, left + full, y - 16)
            y -= 20
    need(12 + 5 * lead + 56)
    y -= 12
    signature_top = y
    for text, font in (("Người khai", fonts.BOLD), ("Tôi xin cam đoan những lời khai trên đây là đúng sự thật",
                                                    fonts.REGULAR), ("(Ký tên, ghi rõ họ tên)", fonts.ITALIC)):
        centred(text, font, left, full * 0.47)
    y -= 56
    centred(V.text(doc.get("full_name")), fonts.BOLD, left, full * 0.47)
    y = signature_top
    for text, font in (("……, Ngày … tháng … năm 20……", fonts.ITALIC),
                       ("Xác nhận của cơ quan, đơn vị quản lý cán bộ, công chức, viên chức", fonts.BOLD),
                       ("(Ký tên, đóng dấu)", fonts.ITALIC)):
        centred(text, font, left + full * 0.47, full * 0.53)
    total = page
    new_page()
    canv.beginForm("pages")
    canv.setFont(fonts.REGULAR, 10)
    canv.drawString(A4[0] / 2, bottom / 2 - 3, str(total))
    canv.endForm()
    canv.save()
    return out.getvalue()


# --------------------------------------------------------------------------- the benchmarks


def _five_page_people(db, count: int) -> list[Any]:
    found = []
    with db.session() as s:
        for pid in s.scalars(select(Person.id).where(Person.status == "working").order_by(Person.sort_key)):
            if render_cv(profile_document(s, pid), io.BytesIO()) == 5:
                found.append(pid)
                if len(found) == count:
                    break
    if len(found) < 3:
        pytest.skip("too few 5-page dossiers in the demo database")
    return found


def _cold_caches() -> None:
    """Forget what printing earlier dossiers cached (parsed lines, word widths): each side starts
    the same way, and a dossier printed twice is not measured warm."""
    drawn._parse.cache_clear()
    drawn.width.cache_clear()
    drawn._header_lines.cache_clear()
    L._parsed.cache_clear()


def test_one_form_against_bare_reportlab(cv_db, tmp_path) -> None:
    """Each run prints a different 5-page dossier both ways (interleaved, the order alternating), so
    neither side prints a dossier it has printed before; the per-run ratios give the spread."""
    people = _five_page_people(cv_db, RUNS * 3 + 1)
    with cv_db.session() as s:  # warm both (fonts, styles, the form's labels) on a dossier not measured
        warm = profile_document(s, people.pop())
    _cold_caches()
    render_cv(warm, io.BytesIO())
    bare_reportlab(warm)
    bare_pages = len(PdfReader(io.BytesIO(bare_reportlab(warm))).pages)
    assert bare_pages >= 4  # the baseline lays the form out on as many pages (it is not a shortened form)

    def hoso(pid: Any) -> None:
        with cv_db.session() as s:
            render_cv(profile_document(s, pid), io.BytesIO())

    def bare(pid: Any) -> None:
        with cv_db.session() as s:
            bare_reportlab(profile_document(s, pid))

    ours: list[float] = []
    raw: list[float] = []
    for i, pid in enumerate(people):
        for side in ((hoso, ours), (bare, raw)) if i % 2 == 0 else ((bare, raw), (hoso, ours)):
            start = time.process_time()
            side[0](pid)
            side[1].append(time.process_time() - start)
    ratios = sorted(a / b for a, b in zip(ours, raw, strict=True))
    spread = (f"{len(ratios)} dossiers; per-run ratio median {statistics.median(ratios):.2f}, "
              f"range {ratios[0]:.2f}–{ratios[-1]:.2f}; a form HoSo prints on 5 pages takes the baseline {bare_pages}")
    record("cv2023 one 5-page form (CPU ms, load + render)", statistics.median(ours) * 1000,
           statistics.median(raw) * 1000, "ms", "bare reportlab canvas", 1.3, spread)

    # the desktop's path: the service (policy, masking, the access log) writing the file
    service = HoSoService(cv_db, user="bench")
    via: list[float] = []
    for i, pid in enumerate(people[:5]):
        start = time.process_time()
        service.reports.render_profile_pdf(pid, tmp_path / f"via-{i}.pdf", form="cv2023")
        via.append(time.process_time() - start)
    report(f"cv2023 through the service (render_profile_pdf, file written, access logged): median "
           f"{statistics.median(via) * 1000:.0f} ms CPU")


def test_batch_of_200_against_200_single_prints(cv_db, tmp_path) -> None:
    with cv_db.session() as s:
        ids = list(s.scalars(select(Person.id).order_by(Person.sort_key).limit(BATCH)))
    render_cv({"full_name": "Khởi động"}, io.BytesIO())  # fonts registered before either side
    _cold_caches()
    start = time.process_time()
    pages = render_cvs(cv_db, ids, tmp_path / "batch.pdf")
    batch = time.process_time() - start
    _cold_caches()
    start = time.process_time()
    singles = 0
    for i, pid in enumerate(ids):
        with cv_db.session() as s:
            doc = profile_document(s, pid)
        singles += render_cv(doc, tmp_path / f"one-{i}.pdf")
    one_by_one = time.process_time() - start
    assert singles == pages
    record(f"cv2023 batch of {len(ids)} ({pages} pages, CPU s)", batch, one_by_one, "s",
           f"{len(ids)} × one", None)
