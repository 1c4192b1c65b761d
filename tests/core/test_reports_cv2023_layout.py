"""The 2023 CV form follows the page-break rules of the 2C/HS02 printers: the signature blocks never
stand alone on the last page (work histories of 17–24 and 54–59 rows left them alone before)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from app.fields import cv_items
from app.reports import layout
from app.reports.cv2023 import render_cv, story
from tests.core.test_reports_print_layout import work_rows
from tests.core.test_reports_profile import make_doc, module_database, pdf_text


@pytest.fixture(scope="module")
def doc(tmp_path_factory) -> dict:
    database = module_database(tmp_path_factory.mktemp("cv2023_layout"))
    yield make_doc(database)
    database.dispose()


def pages(doc: dict[str, Any]) -> list[str]:
    buffer = io.BytesIO()
    render_cv(doc, buffer)
    return pdf_text(buffer.getvalue())


@pytest.mark.parametrize("rows", [0, 17, 20, 24, 56, 59])
def test_signatures_share_their_page_with_the_last_item(rows, doc) -> None:
    printed = pages(dict(doc, work_history=work_rows(rows)))
    signed = [p for p in printed if "Người khai" in p]
    assert len(signed) == 1 and signed[0] is printed[-1]
    assert "38) NHẬN XÉT, ĐÁNH GIÁ" in signed[0]
    assert "Ngày … tháng … năm 20……" in signed[0]


def test_a_long_assessment_still_ends_on_the_signature_page(doc) -> None:
    key = cv_items()["38"][0].name
    long = "\n".join(f"Dòng nhận xét số {i}: hoàn thành tốt nhiệm vụ được giao." for i in range(90))
    printed = pages(dict(doc, **{key: long}))
    signed = next(p for p in printed if "Người khai" in p)
    assert "Dòng nhận xét số 89" in signed


def test_the_story_is_bound_and_closes_with_the_signatures(doc) -> None:
    built = story(doc)
    assert isinstance(built[-1], layout.KeepTail)
    assert not any(getattr(f, "hoso_keep_with_previous", False) for f in built)  # bound into their groups
