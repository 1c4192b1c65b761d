"""Printing speed: one Mẫu 2C by HoSo against the way offices make it today (a Word template filled
in and turned into PDF: docxtpl + LibreOffice headless), both timed in the same run, median of
several runs; then a batch of 1,000 profiles in one PDF, HoSo against LibreOffice converting the
filled templates in one process (per-profile time, extrapolated to 1,000).

Run: ``HOSO_BENCH=1 pytest -s tests/benchmarks/test_report_speed.py`` (HOSO_BENCH_COUNT for a
smaller demo database, HOSO_BENCH_RUNS for the number of timed runs, default 5).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db import open_database
from app.reports import values as V
from app.reports.profile import profile_document, render_profile, render_profiles
from models import Person, WorkHistory
from tests.benchmarks.conftest import BENCH_COUNT, bench_dir, record, report

RUNS = int(os.environ.get("HOSO_BENCH_RUNS", "5"))
BATCH = 1000
_NO_OFFICE = "no baseline: LibreOffice (soffice) is not installed"
LO_BATCH = 20  # filled templates converted by one LibreOffice process


@pytest.fixture(scope="module")
def bench_db(big_db_path):
    db = open_database(big_db_path)
    yield db
    db.dispose()


def _typical_person(db) -> Any:
    """A working công chức with a longer than usual career (the profile most offices print)."""
    with db.session() as s:
        counts = (select(WorkHistory.person_id, func.count().label("n")).group_by(WorkHistory.person_id)
                  .subquery())
        return s.scalars(select(Person.id).join(counts, counts.c.person_id == Person.id)
                         .where(Person.staff_type == "cong_chuc", Person.status == "working")
                         .order_by(counts.c.n.desc(), Person.sort_key).limit(1)).one()


# --------------------------------------------------------------------------- the office way


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _template(path: Path) -> Path:
    """A Word 2C template as offices keep it: the items as lines with merge fields, the tables
    with one templated row (docxtpl's ``{%tr for %}``)."""
    import docx

    document = docx.Document()
    document.add_paragraph("Cơ quan, đơn vị có thẩm quyền quản lý CBCC: {{ managing }}\tMẫu 2C-BNV/2008")
    document.add_paragraph("Cơ quan, đơn vị sử dụng CBCC: {{ unit }}")
    document.add_heading("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", level=1)
    for line in _ITEM_LINES:
        document.add_paragraph(line)
    for title, headers, loop, cells in _TABLES:
        document.add_paragraph(title)
        table = document.add_table(rows=4, cols=len(headers))
        table.style = "Table Grid"
        for i, header in enumerate(headers):
            table.cell(0, i).text = header
        table.cell(1, 0).text = "{%tr for r in " + loop + " %}"
        for i, cell in enumerate(cells):
            table.cell(2, i).text = "{{ r." + cell + " }}"
        table.cell(3, 0).text = "{%tr endfor %}"
    document.add_paragraph("32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC")
    document.add_paragraph("{{ assessment }}")
    document.add_paragraph("Người khai\t\t……, Ngày … tháng … năm …")
    document.save(path)
    return path


_ITEM_LINES = (
    "1) Họ và tên khai sinh (viết chữ in hoa): {{ name }}", "2) Tên gọi khác: {{ other }}",
    "3) Sinh ngày: {{ born }}, Giới tính (nam, nữ): {{ sex }}", "4) Nơi sinh: {{ birthplace }}",
    "5) Quê quán: {{ hometown }}", "6) Dân tộc: {{ ethnicity }}, 7) Tôn giáo: {{ religion }}",
    "8) Nơi đăng ký hộ khẩu thường trú: {{ permanent }}", "9) Nơi ở hiện nay: {{ current }}",
    "10) Nghề nghiệp khi được tuyển dụng: {{ occupation }}", "11) Ngày tuyển dụng: {{ recruited }}",
    "12) Chức vụ (chức danh) hiện tại: {{ position }}", "13) Công việc chính được giao: {{ duties }}",
    "14) Ngạch công chức: {{ grade }}, Mã ngạch: {{ code }}, Bậc lương: {{ step }}, Hệ số: {{ coef }}",
    "15.1- Trình độ giáo dục phổ thông: {{ edu }}", "15.2- Trình độ chuyên môn cao nhất: {{ prof }}",
    "15.3- Lý luận chính trị: {{ pol }}", "15.4- Quản lý nhà nước: {{ qlnn }}", "15.5- Ngoại ngữ: {{ lang }}",
    "15.6- Tin học: {{ it }}", "16) Ngày vào Đảng Cộng sản Việt Nam: {{ party }}",
    "17) Ngày tham gia tổ chức chính trị - xã hội: {{ mass }}", "18) Ngày nhập ngũ: …, Ngày xuất ngũ: …",
    "19) Danh hiệu được phong tặng cao nhất: {{ honour }}", "20) Sở trường công tác: {{ strengths }}",
    "21) Khen thưởng: {{ reward }}, 22) Kỷ luật: {{ discipline }}", "23) Tình trạng sức khoẻ: {{ health }}",
    "24) Là thương binh hạng: …, Là con gia đình chính sách: …", "25) Số chứng minh nhân dân: {{ cccd }}",
    "26) Số sổ BHXH: {{ bhxh }}", "29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN: {{ history }}",
)
_TABLES = (
    ("27) ĐÀO TẠO, BỒI DƯỠNG", ("Tên trường", "Chuyên ngành", "Từ - đến", "Hình thức", "Văn bằng"), "training",
     ("school", "major", "period", "form", "degree")),
    ("28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", ("Từ tháng, năm đến tháng, năm", "Chức danh, chức vụ, đơn vị công tác"),
     "work", ("period", "text")),
    ("30) QUAN HỆ GIA ĐÌNH", ("Mối quan hệ", "Họ và tên", "Năm sinh", "Quê quán, nghề nghiệp…"), "family",
     ("relation", "name", "year", "details")),
    ("31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG", ("Tháng/năm", "Mã ngạch/bậc", "Hệ số lương"), "salary",
     ("month", "grade", "coef")),
)


def _context(doc: dict) -> dict[str, Any]:
    """The same values HoSo prints, prepared for the Word template."""
    d = doc
    return {
        "managing": d.get("managing_unit_name"), "unit": d.get("unit_name"), "name": d["full_name"].upper(),
        "other": d.get("other_names"), "born": V.day(d["birth_date"]), "sex": d["sex"],
        "birthplace": d.get("birthplace_text"), "hometown": d.get("hometown_text"), "ethnicity": d.get("ethnicity"),
        "religion": d.get("religion"), "permanent": d.get("permanent_text"), "current": d.get("current_text"),
        "occupation": d.get("occupation_before"), "recruited": V.day(d.get("recruitment_date")),
        "position": d.get("position"), "duties": d.get("main_duties"),
        "grade": V.grade_name(d.get("grade_code")), "code": d.get("grade_code"), "step": d.get("salary_step"),
        "coef": V.number(d.get("salary_coefficient")), "edu": d.get("general_education"),
        "prof": V.professional_summary(d), "pol": V.political_summary(d), "qlnn": V.state_management_summary(d),
        "lang": V.language_summary(d), "it": V.it_summary(d), "party": V.day(d.get("party_join_date")),
        "mass": d.get("mass_org_text"), "honour": d.get("honorary_title"), "strengths": d.get("strengths"),
        "reward": V.reward_summary(d), "discipline": V.discipline_summary(d), "health": d.get("health_status"),
        "cccd": d["cccd"], "bhxh": d.get("social_insurance_number"), "history": d.get("history_detention"),
        "assessment": d.get("assessment"),
        "training": [{"school": r.get("institution"), "major": r.get("major"),
                      "period": V.period(r.get("start_date"), r.get("end_date")),
                      "form": V.catalog_name("training_form", r.get("form_code")), "degree": r.get("qualification")}
                     for r in d["training"]],
        "work": [{"period": V.period(r.get("start_date"), r.get("end_date")),
                  "text": V.joined((r.get("position"), r.get("unit_name")), ", ")} for r in d["work_history"]],
        "family": [{"relation": r["relation"], "name": r["full_name"], "year": r.get("birth_year"),
                    "details": r.get("details")} for r in d["family"]],
        "salary": [{"month": V.month_year(r["start_date"]), "grade": f"{r.get('grade_code')}/{r.get('salary_step')}",
                    "coef": V.number(r.get("salary_coefficient"))} for r in d["salary_history"]],
    }


def _fill(template: Path, doc: dict, out: Path) -> None:
    from docxtpl import DocxTemplate

    filled = DocxTemplate(str(template))
    filled.render(_context(doc))
    filled.save(str(out))


def _convert(soffice: str, profile: Path, folder: Path, *files: Path) -> None:
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, files)], check=True, capture_output=True, timeout=600)


# --------------------------------------------------------------------------- the benchmarks


def test_one_profile_hoso_against_word_template_and_libreoffice(bench_db, tmp_path) -> None:
    pid = _typical_person(bench_db)
    hoso, render_only = [], []
    for _ in range(RUNS + 1):  # the first run warms caches and is not counted
        started = time.perf_counter()
        with bench_db.session() as s:
            doc = profile_document(s, pid)
        loaded = time.perf_counter()
        pages = render_profile(doc, tmp_path / "hoso.pdf")
        done = time.perf_counter()
        hoso.append(done - started)
        render_only.append(done - loaded)
    hoso, render_only = hoso[1:], render_only[1:]
    h_med = statistics.median(hoso)
    report(f"2C, one profile ({len(doc['work_history'])} work rows, {pages} pages), median of {RUNS}: HoSo "
           f"{h_med * 1000:.0f} ms (read {statistics.median(hoso) * 1000 - statistics.median(render_only) * 1000:.0f} ms"
           f" + layout {statistics.median(render_only) * 1000:.0f} ms)")
    soffice = _soffice()
    if soffice is None:
        report("2C via docxtpl + LibreOffice: skipped — soffice not found (apt-get install libreoffice-writer-nogui)")
        record(f"2C one profile, median of {RUNS}", h_med * 1000, None, "ms", "", None, _NO_OFFICE)
        pytest.skip("LibreOffice is not installed")
    template = _template(tmp_path / "2c-template.docx")
    profile = bench_dir() / "lo-profile"
    _fill(template, doc, tmp_path / "warm.docx")
    _convert(soffice, profile, tmp_path, tmp_path / "warm.docx")  # creates the LibreOffice profile
    office, fill = [], []
    for i in range(RUNS):
        started = time.perf_counter()
        _fill(template, doc, tmp_path / f"office{i}.docx")
        filled = time.perf_counter()
        _convert(soffice, profile, tmp_path, tmp_path / f"office{i}.docx")
        office.append(time.perf_counter() - started)
        fill.append(filled - started)
        assert (tmp_path / f"office{i}.pdf").stat().st_size > 0
    o_med = statistics.median(office)
    report(f"2C, one profile via docxtpl + LibreOffice headless, median of {RUNS}: {o_med * 1000:.0f} ms (fill "
           f"{statistics.median(fill) * 1000:.0f} ms + convert); office way / HoSo = {o_med / h_med:.1f}×")
    record(f"2C one profile, median of {RUNS}", h_med * 1000, o_med * 1000, "ms",
           "docxtpl + LibreOffice headless (the office way)", None,
           f"HoSo {min(hoso) * 1000:.0f}–{max(hoso) * 1000:.0f} ms, the office way "
           f"{min(office) * 1000:.0f}–{max(office) * 1000:.0f} ms over {RUNS} runs each")


def test_batch_of_1000_profiles(bench_db, tmp_path) -> None:
    with bench_db.session() as s:
        ids = list(s.scalars(select(Person.id).where(Person.status == "working", Person.deleted_at.is_(None))
                             .order_by(Person.sort_key).limit(BATCH)))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    pages = render_profiles(bench_db, ids, tmp_path / "batch.pdf")
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = (tmp_path / "batch.pdf").stat().st_size / 1e6
    report(f"batch of {len(ids)} profiles (demo of {BENCH_COUNT}): HoSo {elapsed:.1f} s, {pages} pages, "
           f"{len(ids) / elapsed:.1f} profiles/s, {size:.1f} MB, peak RSS {peak / 1024:.0f} MB "
           f"(+{max(0, peak - before) / 1024:.0f} MB)")
    soffice = _soffice()
    if soffice is None:
        record(f"2C batch of {len(ids)} profiles in one PDF", elapsed, None, "s", "", None, _NO_OFFICE)
        pytest.skip("LibreOffice is not installed")
    template = _template(tmp_path / "2c-template.docx")
    with bench_db.session() as s:
        docs = [profile_document(s, pid) for pid in ids[:LO_BATCH]]
    started = time.perf_counter()
    filled = []
    for i, doc in enumerate(docs):
        filled.append(tmp_path / f"p{i}.docx")
        _fill(template, doc, filled[-1])
    _convert(soffice, bench_dir() / "lo-profile", tmp_path, *filled)
    per_profile = (time.perf_counter() - started) / len(docs)
    report(f"batch via docxtpl + one LibreOffice process ({len(docs)} profiles, {per_profile * 1000:.0f} ms each): "
           f"≈{per_profile * len(ids):.0f} s for {len(ids)} (then still {len(ids)} PDF files to merge); "
           f"office way / HoSo = {per_profile * len(ids) / elapsed:.1f}×")
    record(f"2C batch of {len(ids)} profiles in one PDF", elapsed, per_profile * len(ids), "s",
           f"docxtpl + one LibreOffice process ({len(docs)} profiles, × {len(ids) // len(docs)})", None)
