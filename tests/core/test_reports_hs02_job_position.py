"""HS02 item 30.3 prints the salary by job position (step, percentage, seniority allowance and its
start date) that the dossier holds, and blanks to write on when it holds none."""

from __future__ import annotations

import io
import re

import pytest

from app.reports.profile import render_profile
from tests.core.test_reports_profile import make_doc, module_database, pdf_text


@pytest.fixture(scope="module")
def doc(tmp_path_factory) -> dict:
    database = module_database(tmp_path_factory.mktemp("hs02_vtvl"))
    yield make_doc(database, cccd="048085000099", staff_type="vien_chuc")
    database.dispose()


def item_30_3(doc: dict) -> str:
    buffer = io.BytesIO()
    render_profile(doc, buffer)
    text = re.sub(r"\s+", " ", " ".join(pdf_text(buffer.getvalue())))
    start = text.index("30.3- Vị trí việc làm:")
    return text[start:text.index("31)", start)]


def test_the_job_position_salary_is_printed(doc) -> None:
    line = item_30_3(dict(doc, job_position="Chuyên viên tổ chức", job_position_code="VTVL.07", job_position_step=3,
                          salary_amount="12500000", salary_amount_since="2026-07-01", job_position_percent=85,
                          job_position_seniority_percent=6, job_position_seniority_since="2026-03-15"))
    assert "Bậc lương: 3," in line
    assert "Phần trăm hưởng: 85 %" in line
    assert "PCTNVK: 6 %" in line
    assert "Ngày hưởng PCTNVK: 15/03/2026" in line
    assert "Ngày hưởng: 01/07/2026" in line and "VTVL.07" in line


def test_an_empty_job_position_leaves_blanks(doc) -> None:
    line = item_30_3({k: v for k, v in doc.items() if not k.startswith("job_position")})
    assert re.search(r"Bậc lương: \W*, ", line) and "Ngày hưởng PCTNVK: " in line
    assert not re.search(r"PCTNVK: \d", line)
