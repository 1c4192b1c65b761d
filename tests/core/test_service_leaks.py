"""No masked value and no out-of-scope dossier leaves the services, whatever the path.

``READS`` says how to call every read method of every area (a method declared without
``write=True``); ``test_every_read_method_is_exercised`` fails when an area gains a read method
that is not listed here. Each is called as each role — admin, clerk, head and viewer of DN.SNV,
and a clerk of DN.P.HAICHAU — and its whole output (the value returned, and the text of any file
it wrote: PDF, xlsx) is searched for the viewer's masked values (resources/rules/
sensitive_fields.json: the full CCCD and other identity numbers, ethnicity, religion, Party
dates, health, personal history, family notes, assets) and for the people outside the role's
units. A refusal (``UserError``) is a pass: nothing left.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

import app.services as services
from app import listing
from app.errors import UserError
from app.services.policy import declared
from tests.core.security_fixtures import CCCD_A, CCCD_B, World, fast_hashing, world, world_template  # noqa: F401

ROLES = ("admin", "clerk", "head", "viewer", "other_clerk")
AS_OF = dt.date(2026, 6, 1)

# what the viewer must never see of dossier A (made distinctive by ``_secrets``)
SECRET_TEXTS = {
    "cccd": CCCD_A, "social_insurance_number": "4808123456", "health_insurance_number": "DN4790123456789",
    "religion": "Phật giáo", "health_status": "Sức khoẻ mật XQ", "history_detention": "Giam giữ mật XQ",
    "income_other": "Thu nhập mật XQ", "party_position": "Chức vụ Đảng mật XQ",
    "personal_history": "Tình nguyện viên của tổ chức phi chính phủ",
    "family.details": "Làm ruộng, ở xã Điện Minh", "asset_declarations": "Nhà ở 80 m²",
    "party_join_date": ("03/02/2012", "2012-02-03"), "party_official_date": ("03/02/2013", "2013-02-03"),
}
NAME_A, NAME_B = "Nguyễn Văn Bình", "Trần Thị Lan"
# calls whose output names no real person (the import template's example row happens to be "Nguyễn Văn Bình")
NO_PEOPLE = {"exchange.write_import_template"}


def _found(secret: str | tuple[str, ...], text: str) -> bool:
    return any(form in text for form in ((secret,) if isinstance(secret, str) else secret))


def _refused(value: Any) -> bool:
    return isinstance(value, Refused) or (isinstance(value, list) and all(isinstance(v, Refused) for v in value))
OUT_OF_SCOPE = {"admin": (), "clerk": (NAME_B, CCCD_B), "head": (NAME_B, CCCD_B), "viewer": (NAME_B, CCCD_B),
                "other_clerk": (NAME_A, CCCD_A)}


def _reads() -> set[str]:
    out = set()
    for area in services.AREAS:
        cls = type(_probe_area(area))
        for name, p in declared(cls).items():
            if p is not None and not p.write:
                out.add(f"{area}.{name}")
    return out


def _probe_area(area: str) -> Any:
    probe = services.HoSo.__new__(services.HoSo)
    services.HoSo.__init__(probe, _Null())  # type: ignore[arg-type]
    return getattr(probe, area)


class _Null:
    url = "sqlite://"


def _spreadsheet(tmp: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị"])
    sheet.append(["Lê Văn Mới", "01/01/1990", "Nam", "048090009999", "DN.SNV"])
    path = tmp / "in.xlsx"
    book.save(path)
    return path


def _import_source(w: World, s: Any, tmp: Path) -> Any:
    return w.admin.exchange.open_import(str(_spreadsheet(tmp)))


_POSITION = {"code": "CV.TCBM", "name": "Chuyên viên về tổ chức bộ máy", "group": "Chuyên môn, nghiệp vụ",
             "grade_code": "01.003", "approved": 2}


def _placed(w: World, tmp: Path) -> World:
    """Positions in both units, A and B placed in them and scored for 2026 (once per world)."""
    from openpyxl import Workbook

    if w.admin.positions.positions("DN.SNV"):
        return w
    w.admin.positions.save_position("DN.SNV", _POSITION)
    w.admin.positions.save_position("DN.P.HAICHAU", dict(_POSITION, code="CV.P"))
    w.admin.positions.assign_position(w.a, "CV.TCBM", dt.date(2026, 1, 1), decision="1/QĐ")
    w.admin.positions.assign_position(w.b, "CV.P", dt.date(2026, 1, 1), decision="2/QĐ")
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Số CCCD", "Năm", "Kỳ", "Điểm tiêu chí chung", "Điểm kết quả nhiệm vụ", "Nghỉ"])
    for i, (cccd, month) in enumerate(((c, m) for c in (CCCD_A, CCCD_B) for m in range(1, 13)), 1):
        sheet.append([i, cccd, 2026, month, 28, 62, None])
    path = tmp / "diem.xlsx"
    book.save(path)
    w.admin.positions.import_scores(path)
    path.unlink()
    return w
def _issued(w: World, key: str, tmp: Path) -> Path:
    """A declaration file of ``key`` issued by the administrator (returned unchanged), kept outside
    the role's folder (the file itself is the administrator's, not the role's output)."""
    path = tmp.parent / f"ke-khai-{tmp.name}-{key}.xlsx"
    w.admin.declarations.issue(key, path)
    return path


def _requested(w: World) -> World:
    """A data-subject request of A and of B (once per world)."""
    if not w.admin.declarations.request_list():
        for key in (w.a, w.b):
            w.admin.declarations.record_request(key, dt.date(2026, 1, 5), note="Yêu cầu")
    return w


# method → how to call it (world, the role's services, a temporary folder); None: not about people
READS: dict[str, Any] = {
    "people.overview": lambda w, s, t: s.people.overview(),
    "people.person_ids": lambda w, s, t: s.people.person_ids(listing.PersonFilter(statuses=())),
    "people.person_keys": lambda w, s, t: s.people.person_keys(listing.PersonFilter(statuses=())),
    "people.person_page": lambda w, s, t: [s.people.person_page(listing.PersonFilter(query=q, statuses=()))
                                           for q in ("", "0480", CCCD_A)],
    "people.person_count": lambda w, s, t: [s.people.person_count(listing.PersonFilter(query=q, statuses=()))
                                            for q in ("", "0480", CCCD_A)],
    "people.person_rows": lambda w, s, t: s.people.person_rows([w.a, w.b]),
    "people.search": lambda w, s, t: [s.people.search(q) for q in ("", "0480", "048085", CCCD_A, CCCD_B, "Lan")],
    "people.person": lambda w, s, t: [_try(s.people.person, k) for k in (w.a, w.b, CCCD_A, CCCD_B)],
    "people.history": lambda w, s, t: [_try(s.people.history, k) for k in (w.a, w.b)],
    "people.cccd_owner": lambda w, s, t: [s.people.cccd_owner(c) for c in (CCCD_A, CCCD_B)],
    "people.common_values": lambda w, s, t: [_try(s.people.common_values, c) for c in ("DN.SNV", "DN.P.HAICHAU")],
    "people.photo": lambda w, s, t: [_try(s.people.photo, k) for k in (w.a, w.b)],
    "people.attachment_content": lambda w, s, t: _try(s.people.attachment_content, uuid.uuid4()),
    "people.filters_allowed": lambda w, s, t: s.people.filters_allowed(),
    "people.refresh_units": lambda w, s, t: s.people.refresh_units(),
    "units.list_units": lambda w, s, t: s.units.list_units(),
    "units.catalog": None,  # reference lists (ethnicities, religions…): no person in them
    "units.grades": lambda w, s, t: s.units.grades(),
    "reports.render_profile_pdf": lambda w, s, t: [_try(s.reports.render_profile_pdf, k, t / f"p{i}.pdf")
                                                   for i, k in enumerate((w.a, w.b))],
    "reports.render_unit_profiles": lambda w, s, t: [_try(s.reports.render_unit_profiles, c, t / f"u{i}.pdf")
                                                     for i, c in enumerate(("DN", "DN.SNV", "DN.P.HAICHAU"))],
    "reports.default_forms": None,  # the form chosen per staff type: no person in it
    "reports.render_list": lambda w, s, t: [
        _try(s.reports.render_list, listing.PersonFilter(statuses=()), None,
             ["full_name", "cccd", "party_join_date"], t / "l.xlsx"),
        _try(s.reports.render_list, None, [uuid.UUID(w.a), uuid.UUID(w.b)], ["full_name", "cccd"], t / "l2.pdf")],
    "reports.render_list_report": lambda w, s, t: [
        _try(s.reports.render_list_report, t / "r.xlsx", columns="stt,ho_ten,cccd,dan_toc,ton_giao,ngay_vao_dang",
             include_inactive=True)],
    "reports.render_stats": lambda w, s, t: [_try(s.reports.render_stats, c, AS_OF, t / f"s{i}.xlsx")
                                             for i, c in enumerate((None, "DN.SNV"))],
    "exchange.open_import": lambda w, s, t: _try(s.exchange.open_import, str(_spreadsheet(t))),
    "exchange.preview_import": lambda w, s, t: _try(s.exchange.preview_import, _import_source(w, s, t),
                                                    _import_source(w, s, t).mapping, "DN.SNV"),
    "exchange.import_samples": lambda w, s, t: _try(s.exchange.import_samples, _import_source(w, s, t)),
    "exchange.write_import_report": lambda w, s, t: _try(
        s.exchange.write_import_report, _import_source(w, s, t),
        w.admin.exchange.run_import(_import_source(w, s, t), _import_source(w, s, t).mapping, dry_run=True),
        t / "report.xlsx"),
    "exchange.write_import_template": lambda w, s, t: _try(s.exchange.write_import_template, t / "tpl.xlsx"),
    "exchange.export_people": lambda w, s, t: _try(s.exchange.export_people, t / "e.xlsx",
                                                   listing.PersonFilter(statuses=()), ["full_name", "cccd",
                                                                                        "religion_code"]),
    "exchange.export_selection": lambda w, s, t: _try(s.exchange.export_selection, t / "e2.xlsx", columns="all",
                                                      with_sections=True),
    "alerts.alerts": lambda w, s, t: s.alerts.alerts(AS_OF, 600, overdue_months=600),
    "alerts.export_alerts": lambda w, s, t: _try(s.alerts.export_alerts,
                                                 w.admin.alerts.alerts(AS_OF, 600, overdue_months=600), t / "a.xlsx"),
    "alerts.unit_completeness": lambda w, s, t: [_try(s.alerts.unit_completeness, c) for c in (None, "DN.SNV")],
    "alerts.person_missing": lambda w, s, t: [_try(s.alerts.person_missing, k) for k in (w.a, w.b)],
    "alerts.quality_issues": lambda w, s, t: [_try(s.alerts.quality_issues, c, AS_OF) for c in (None, "DN.SNV")],
    "accounts.needs_first_admin": lambda w, s, t: s.accounts.needs_first_admin(),
    "accounts.desktop_principal": lambda w, s, t: s.accounts.desktop_principal(),
    "accounts.can": lambda w, s, t: [s.accounts.can(a, c) for a in ("view", "edit") for c in (None, "DN.SNV")],
    "accounts.users": lambda w, s, t: _try(s.accounts.users),
    "accounts.pending_reviews": lambda w, s, t: [s.accounts.pending_reviews(st) for st in (("submitted",),
                                                                                          ("returned",))],
    "accounts.review_history": lambda w, s, t: [_try(s.accounts.review_history, k) for k in (w.a, w.b)],
    "accounts.approved_at": lambda w, s, t: [_try(s.accounts.approved_at, k) for k in (w.a, w.b)],
    "audit.audit_log": lambda w, s, t: _try(s.audit.audit_log, None, 0, None),
    "audit.export_audit": lambda w, s, t: _try(s.audit.export_audit, None, t / "audit.xlsx"),
    "audit.person_audit": lambda w, s, t: [_try(s.audit.person_audit, k) for k in (w.a, w.b)],
    "audit.verify": lambda w, s, t: _try(s.audit.verify),
    "delivery.sync_state": lambda w, s, t: _try(s.delivery.sync_state),
    "delivery.pending_changes": lambda w, s, t: _try(s.delivery.pending_changes),
    "delivery.identity_conflicts": lambda w, s, t: _try(s.delivery.identity_conflicts),  # the city's list
    "delivery.default_signer": lambda w, s, t: _try(s.delivery.default_signer),
    "delivery.public_key": lambda w, s, t: _try(s.delivery.public_key, "DN.SNV"),
    "delivery.key_file": lambda w, s, t: _try(s.delivery.key_file, "DN.SNV"),
    "delivery.write_public_key": None,  # writes a unit's public key (no person)
    "delivery.save_public_key": None,  # idem
    "delivery.read_public_key": None,  # reads a key file
    "delivery.read_key_candidate": None,  # idem
    "delivery.own_unit": lambda w, s, t: _try(s.delivery.own_unit),
    "delivery.export_package": lambda w, s, t: _try(s.delivery.export_package, t / "p.zip", "DN.SNV"),
    "delivery.inspect_package": None,  # needs a package signed by a trusted key: tests/core/test_package.py
    "delivery.trusted_keys": lambda w, s, t: _try(s.delivery.trusted_keys),
    "declarations.declarations": lambda w, s, t: [_try(s.declarations.declarations, k) for k in (w.a, w.b)],
    "declarations.first_declaration": lambda w, s, t: [_try(s.declarations.first_declaration, k)
                                                       for k in (w.a, w.b)],
    "declarations.requests": lambda w, s, t: [_try(s.declarations.requests, k) for k in (w.a, w.b)],
    "declarations.request_list": lambda w, s, t: [_try(s.declarations.request_list, c, open_only=o)
                                                  for c in (None, "DN", "DN.SNV", "DN.P.HAICHAU")
                                                  for o in (False, True) if _requested(w)],
    "declarations.review": lambda w, s, t: [_try(s.declarations.review, _issued(w, k, t)) for k in (w.a, w.b)],
    "backup.database_file": lambda w, s, t: _try(s.backup.database_file),
    "backup.backup_name": lambda w, s, t: s.backup.backup_name(dt.datetime(2026, 1, 1)),
    "backup.backup_now": lambda w, s, t: _try(s.backup.backup_now, t / "copy.sqlite"),
    "backup.inspect": lambda w, s, t: _try(s.backup.inspect, w.db.url.removeprefix("sqlite:///")),
    "backup.is_local": lambda w, s, t: s.backup.is_local(),
    "backup.change_marker": lambda w, s, t: s.backup.change_marker(),
    "positions.positions": lambda w, s, t: [_try(s.positions.positions, c, include_retired=True)
                                            for c in (None, "DN", "DN.SNV", "DN.P.HAICHAU") if _placed(w, t)],
    "positions.position_history": lambda w, s, t: [_try(s.positions.position_history, k)
                                                   for k in (w.a, w.b, CCCD_A, CCCD_B) if _placed(w, t)],
    "positions.placement_dashboard": lambda w, s, t: [_try(s.positions.placement_dashboard, c, AS_OF)
                                                      for c in ("DN", "DN.SNV", "DN.P.HAICHAU") if _placed(w, t)],
    "positions.placement_proposals": lambda w, s, t: [_try(s.positions.placement_proposals, c, AS_OF)
                                                      for c in ("DN", "DN.SNV", "DN.P.HAICHAU") if _placed(w, t)],
    "positions.terms_ending": lambda w, s, t: [_try(s.positions.terms_ending, dt.date(2000, 1, 1),
                                                    dt.date(2100, 1, 1), c)
                                               for c in (None, "DN", "DN.SNV", "DN.P.HAICHAU") if _placed(w, t)],
    "positions.rating_years": lambda w, s, t: [_try(s.positions.rating_years, k)
                                               for k in (w.a, w.b, CCCD_A, CCCD_B) if _placed(w, t)],
    "positions.rating_petitions": lambda w, s, t: [_try(s.positions.rating_petitions, k)
                                                   for k in (w.a, w.b) if _placed(w, t)],
    "positions.rating_check": lambda w, s, t: [_try(s.positions.rating_check, c, 2026)
                                               for c in (None, "DN", "DN.SNV", "DN.P.HAICHAU") if _placed(w, t)],
    "positions.render_rating_sheet": lambda w, s, t: [_try(s.positions.render_rating_sheet, c, 2026, t / f"r{i}.{e}")
                                                      for i, c in enumerate(("DN", "DN.SNV", "DN.P.HAICHAU"))
                                                      for e in ("pdf", "xlsx") if _placed(w, t)],
    "positions.rating_people": lambda w, s, t: [_try(s.positions.rating_people, c)
                                                for c in (None, "DN", "DN.SNV", "DN.P.HAICHAU") if _placed(w, t)],
    "positions.period_scores": lambda w, s, t: [_try(s.positions.period_scores, k, 2026)
                                                for k in (w.a, w.b, CCCD_A, CCCD_B) if _placed(w, t)],
    "positions.planning_list": lambda w, s, t: [_try(s.positions.planning_list, c, as_of=AS_OF, include_ended=True)
                                                for c in (None, "DN", "DN.SNV", "DN.P.HAICHAU") if _placed(w, t)],
    "positions.render_planning_list": lambda w, s, t: [
        _try(s.positions.render_planning_list, t / f"q{i}.{e}", c, as_of=AS_OF, include_ended=True)
        for i, c in enumerate((None, "DN", "DN.SNV", "DN.P.HAICHAU")) for e in ("pdf", "xlsx") if _placed(w, t)],
}
# who may get an answer at all from the methods that hand out whole files of dossiers
ADMIN_ONLY = {"delivery.export_package", "delivery.identity_conflicts", "backup.backup_now", "audit.audit_log", "audit.export_audit",
              "audit.person_audit", "audit.verify", "backup.database_file", "backup.inspect"}


def _try(function: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return function(*args, **kwargs)
    except UserError as exc:
        return Refused(str(exc))


@dataclasses.dataclass
class Refused:
    message: str


def _text(value: Any, folder: Path) -> str:
    """Everything the call handed out: its value and the text of every file under ``folder``."""
    parts = [json.dumps(value, default=_plain, ensure_ascii=False)]
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".pdf":
            parts.extend(page.extract_text() or "" for page in PdfReader(path).pages)
        elif path.suffix == ".xlsx":
            book = load_workbook(path, read_only=True)
            parts.extend(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
                         if c is not None)
        elif path.suffix in (".zip", ".sqlite"):
            parts.append(f"<{path.suffix} file>")
    return "\n".join(parts)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date | dt.datetime):
        return [value.isoformat(), f"{value:%d/%m/%Y}"]
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def _secrets(w: World) -> None:
    w.admin.people.update_person(w.a, {
        "health_status": SECRET_TEXTS["health_status"], "history_detention": SECRET_TEXTS["history_detention"],
        "income_other": SECRET_TEXTS["income_other"], "party_position": SECRET_TEXTS["party_position"]})


def test_every_read_method_is_exercised() -> None:
    assert set(READS) == _reads(), f"read methods without a case here: {sorted(_reads() - set(READS))}"


@pytest.fixture
def prepared(world: World) -> World:  # noqa: F811 - the shared fixture
    _secrets(world)
    return world


@pytest.mark.parametrize("method", sorted(m for m, call in READS.items() if call is not None))
def test_no_masked_value_and_no_stranger_leaves(prepared: World, method: str, tmp_path: Path) -> None:
    for role in ROLES:
        folder = tmp_path / role
        folder.mkdir()
        service = prepared.as_role(role)
        try:
            value = READS[method](prepared, service, folder)
        except UserError as exc:
            value = Refused(str(exc))
        text = _text(value, folder)
        if method in ADMIN_ONLY and role != "admin":
            assert _refused(value), f"{method} answered {role}"
        if role == "viewer":
            shown = [k for k, secret in SECRET_TEXTS.items() if _found(secret, text)]
            assert shown == [], f"{method} showed the viewer {shown}"
        strangers = [s for s in OUT_OF_SCOPE[role] if s in text and method not in NO_PEOPLE]
        assert strangers == [], f"{method} showed {role} the dossier outside its units: {strangers}"


def test_the_check_would_see_a_leak(prepared: World, tmp_path: Path) -> None:
    """The admin sees everything, so the same search finds every secret in the admin's answers."""
    text = _text([READS["people.person"](prepared, prepared.admin, tmp_path),
                  READS["people.history"](prepared, prepared.admin, tmp_path)], tmp_path)
    assert [k for k, secret in SECRET_TEXTS.items() if not _found(secret, text)] == []
    assert NAME_B in text and CCCD_B in text


# --- the issue's leaks, one by one ------------------------------------------------------------------

def test_a_masked_cccd_cannot_be_recovered_by_prefix_searches(prepared: World) -> None:
    viewer = prepared.viewer
    for prefix in ("0", "04", "048085", CCCD_A[:11], CCCD_A[2:]):
        assert CCCD_A not in json.dumps([h.cccd for h in viewer.people.search(prefix)])
        assert viewer.people.person_keys(listing.PersonFilter(query=prefix, statuses=())) == []
        assert viewer.people.person_page(listing.PersonFilter(query=prefix, statuses=())).keys == []
        assert viewer.people.person_count(listing.PersonFilter(query=prefix, statuses=())) == 0  # no count channel
    assert [h.full_name for h in viewer.people.search(CCCD_A)] == [NAME_A]  # the whole number still finds
    assert len(viewer.people.person_keys(listing.PersonFilter(query=CCCD_A, statuses=()))) == 1
    assert len(prepared.clerk.people.person_keys(listing.PersonFilter(query="048085", statuses=()))) == 1


def test_sensitive_filters_and_sorts_are_refused_for_the_viewer(prepared: World) -> None:
    viewer = prepared.viewer
    for call in (lambda: viewer.people.person_keys(listing.PersonFilter(party_member=True)),
                 lambda: viewer.people.person_keys(listing.PersonFilter(), "party_join_date"),
                 lambda: viewer.people.person_ids(listing.PersonFilter(), "cccd", True)):
        with pytest.raises(UserError, match="nhạy cảm"):
            call()
    assert viewer.people.filters_allowed() == {"party_member": False, "cccd": False, "party_join_date": False}
    assert len(prepared.head.people.person_keys(listing.PersonFilter(party_member=True), "party_join_date")) == 1


def test_alerts_mask_the_cccd_for_the_viewer(prepared: World, tmp_path: Path) -> None:
    shown = prepared.viewer.alerts.alerts(AS_OF, 600, overdue_months=600)
    assert shown and {a.cccd for a in shown} == {"0480******34"}
    assert all(a.as_json()["cccd"] == "0480******34" for a in shown)
    assert {a.cccd for a in prepared.head.alerts.alerts(AS_OF, 600, overdue_months=600)} == {CCCD_A}


def test_the_positions_cases_see_data(prepared: World, tmp_path: Path) -> None:
    """The positions reads above run on real placements and scores: the admin's answers name A and B."""
    text = _text([READS[m](prepared, prepared.admin, tmp_path) for m in (
        "positions.placement_dashboard", "positions.rating_check", "positions.position_history",
        "positions.rating_years", "positions.render_rating_sheet")], tmp_path)
    assert NAME_A in text and NAME_B in text and CCCD_A in text and "CV.TCBM" in text and "CV.P" in text
    assert not any(isinstance(v, Refused) for v in READS["positions.rating_check"](prepared, prepared.admin, tmp_path))
