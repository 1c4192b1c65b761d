"""app.sync_outcome: a run's outcome, its problems by cause, the cause of a failed run, the address."""

from __future__ import annotations

import pytest

from app import sync_outcome as so
from app.city.api_sql import COLLISION
from app.city.sync import SyncSummary, connect
from tests.city.conftest import pg_url  # noqa: F401 - the PostgreSQL fixture


def _problem(message: str, i: int = 0, kind: str = "rejected") -> dict:
    return {"id": f"id-{i}", "cccd": f"0480850{i:05d}", "full_name": f"Nguyễn Văn Số {i}", "kind": kind,
            "message": message}


def test_outcome_never_calls_all_refused_a_success() -> None:
    assert so.outcome({"inserted": 3}) == so.SUCCESS
    assert so.outcome({"unchanged": 2, "deleted": 1}) == so.SUCCESS
    assert so.outcome({}) == so.NOTHING
    assert so.outcome({"inserted": 1, "rejected": 2}) == so.PARTIAL
    assert so.outcome({"updated": 1, "conflicts": 1}) == so.PARTIAL
    assert so.outcome({"rejected": 1998, "conflicts": 5}, "done") == so.FAILED  # "done" in the log, still a failure
    assert so.outcome({"inserted": 3}, "failed") == so.FAILED
    assert so.outcome({"inserted": 3}, "running") == so.FAILED  # cut off
    assert so.outcome({"inserted": 3}, "cancelled") == so.CANCELLED


def test_two_thousand_near_identical_refusals_are_one_cause() -> None:
    unit = ("Đơn vị mã 'DN.X{0}' chưa có ở CSDL thành phố; quản trị viên cần thêm đơn vị này trước khi gửi hồ sơ")
    placement = ("Đơn vị mã 'DN.CU' (quá trình công tác tại đơn vị) chưa có ở CSDL thành phố; quản trị viên cần "
                 "thêm đơn vị này trước khi gửi hồ sơ")
    problems = [_problem(unit.format(i % 3), i) for i in range(1990)] + [_problem(placement, 2000 + i) for i in range(8)]
    problems += [_problem(COLLISION, 3000), _problem("Số CCCD 048085003001 đã thuộc một hồ sơ khác ở cơ sở dữ liệu "
                                                     "đích", 3001)]
    problems += [_problem("Hồ sơ đã được sửa ở CSDL thành phố sau lần gửi trước; không ghi đè, cần đối chiếu",
                          4000 + i, "conflict") for i in range(2)]
    problems += [_problem("CSDL thành phố từ chối ghi hồ sơ: value too long for type character varying(12)", 5000),
                 _problem("Thiếu nội dung tệp đính kèm 'qd-12.pdf'", 5001),
                 _problem("Không có quyền ghi hồ sơ vào đơn vị 'DN.KHAC' ở CSDL thành phố", 5002),
                 _problem("Hồ sơ không ghi đơn vị (unit_code)", 5003),
                 _problem("Một lý do chưa biết", 5004)]
    # 12 dossiers held back before sending (their units missing at the city), said once by the sync
    problems.append({"id": None, "cccd": None, "full_name": None, "kind": "missing_units",
                     "message": "CSDL thành phố chưa có 1 đơn vị: DN.MOI; 12 hồ sơ thuộc các đơn vị này chưa được gửi."})
    refused_one_by_one = sum(p["kind"] == "rejected" for p in problems)
    summary = SyncSummary(rejected=refused_one_by_one + 12, conflicts=2, problems=problems,
                          missing_units=["DN.MOI"]).as_json()
    groups = {g.cause: g for g in so.group_problems(summary)}
    assert [g.cause for g in so.group_problems(summary)] == [
        so.UNIT_MISSING, so.IDENTITY, so.NOT_YOURS, so.NO_UNIT, so.FILE, so.CONFLICT, so.REFUSED_BY_DB, so.OTHER]
    missing = groups[so.UNIT_MISSING]
    assert missing.count == 1990 + 8 + 12
    assert missing.values == ["DN.X0", "DN.X1", "DN.X2", "DN.CU", "DN.MOI"]
    assert len(missing.examples) == so.EXAMPLES and missing.examples[0]["full_name"] == "Nguyễn Văn Số 0"
    assert groups[so.IDENTITY].count == 2 and groups[so.IDENTITY].values == ["048085003001"]
    assert groups[so.CONFLICT].count == 2 and groups[so.CONFLICT].conflict
    assert groups[so.REFUSED_BY_DB].details == ["value too long for type character varying(12)"]
    assert groups[so.FILE].values == ["qd-12.pdf"] and groups[so.NOT_YOURS].values == ["DN.KHAC"]
    assert groups[so.OTHER].details == ["Một lý do chưa biết"]
    assert sum(g.count for g in groups.values()) == summary["rejected"] + summary["conflicts"]


def test_the_messages_grouped_are_the_ones_the_city_sends() -> None:
    """The patterns follow the texts of hoso_api.push and app.city.apply: a reworded message there
    must fail here, not fall silently into "other"."""
    import inspect

    from app.city import api_sql, apply

    sql, local = inspect.getsource(api_sql), inspect.getsource(apply)
    for fragment in ("chưa có ở CSDL thành phố; quản trị viên cần thêm đơn vị này", "Hồ sơ không ghi đơn vị",
                     "Không có quyền ghi hồ sơ vào đơn vị", "Thiếu nội dung tệp đính kèm",
                     "CSDL thành phố từ chối ghi hồ sơ: ", "(quá trình công tác tại đơn vị) chưa có ở CSDL thành phố"):
        assert fragment in sql, fragment
    for fragment in ("chưa có ở cơ sở dữ liệu đích", "đã thuộc một hồ sơ khác ở cơ sở dữ liệu đích",
                     "Cơ sở dữ liệu đích từ chối ghi hồ sơ: "):
        assert fragment in local, fragment


@pytest.mark.parametrize("url, cause", [
    ("postgresql+psycopg://127.0.0.1:1/hoso_thanhpho", so.UNREACHABLE),
    ("postgresql+psycopg://postgres@khong-co-may-nay.invalid:5432/hoso", so.UNKNOWN_HOST),
    ("mysql://127.0.0.1/hoso", so.BAD_ADDRESS),
])
def test_the_cause_of_a_failed_connection_without_a_server(url: str, cause: str) -> None:
    with pytest.raises(Exception) as caught:
        connect(url)
    failure = so.connection_failure(caught.value)
    assert failure.cause == cause, caught.value
    if cause == so.UNREACHABLE:
        assert failure.server == "127.0.0.1:1/hoso_thanhpho" and "Connection refused" in failure.detail
        assert not failure.detail.startswith("Không kết nối")  # the driver's words only


def test_the_cause_of_a_failed_connection_at_a_real_server(pg_url) -> None:  # noqa: F811
    host = pg_url.split("@", 1)[1].rsplit("/", 1)[0]
    cases = {f"postgresql+psycopg://postgres@{host}/khong_co_csdl_nay": so.NO_DATABASE,
             f"postgresql+psycopg://khong_co_vai_tro@{host}/postgres": so.AUTH,
             f"postgresql+psycopg://postgres@{host}/postgres": so.NOT_PREPARED}
    for url, cause in cases.items():
        with pytest.raises(Exception) as caught:
            connect(url)
        assert so.connection_failure(caught.value).cause == cause, caught.value


def test_other_failures() -> None:
    assert so.connection_failure("Mất kết nối tới cơ sở dữ liệu thành phố tại h:5432/db: server closed the "
                                 "connection unexpectedly — phần đã gửi được giữ nguyên; chạy lại để gửi tiếp.") == \
        so.Failure(so.LOST, "h:5432/db", "server closed the connection unexpectedly", True)
    assert so.connection_failure("Cơ sở dữ liệu thành phố tại h:5432/db ở phiên bản 0012, HoSo này cần 0013; cần "
                                 "nâng cấp").cause == so.VERSION
    assert so.connection_failure("Tài khoản nv (vai trò Nhân viên) không được đồng bộ.").cause == so.PERMISSION
    assert so.connection_failure("password authentication failed for user \"donvi\"").cause == so.AUTH
    assert so.connection_failure("connection timeout expired").cause == so.TIMEOUT
    assert so.connection_failure("điều gì đó lạ").cause == so.FAILURE_OTHER


def test_the_address_from_its_parts_and_back() -> None:
    url = so.city_url(" csdl.sonoivu.vn ", "", "hoso_thanhpho")
    assert url == "postgresql+psycopg://csdl.sonoivu.vn:5432/hoso_thanhpho"
    assert so.url_parts(url) == so.UrlParts("csdl.sonoivu.vn", 5432, "hoso_thanhpho", "", ())
    saved = "postgresql+psycopg://donvi@10.0.0.5:6543/hoso_tp?sslmode=require"
    parts = so.url_parts(saved)
    assert (parts.server, parts.port, parts.database_name, parts.user) == ("10.0.0.5", 6543, "hoso_tp", "donvi")
    assert so.city_url(parts.server, parts.port, parts.database_name, parts.query) == \
        "postgresql+psycopg://10.0.0.5:6543/hoso_tp?sslmode=require"
    six = so.url_parts("postgresql+psycopg://[::1]:5433/x")
    assert so.city_url(six.server, six.port, six.database_name) == "postgresql+psycopg://[::1]:5433/x"
    assert so.url_parts(None) == so.UrlParts()


@pytest.mark.parametrize("server, port, database, field", [
    ("", 5432, "hoso", "server"), ("may chu", 5432, "hoso", "server"), ("h:5432", 5432, "hoso", "server"),
    ("h/x", 5432, "hoso", "server"), ("h", "0", "hoso", "port"), ("h", "70000", "hoso", "port"),
    ("h", "abc", "hoso", "port"), ("h", 5432, "", "database"), ("h", 5432, "a b", "database"),
    ("h", 5432, "a/b", "database"),
])
def test_a_bad_part_is_refused_naming_its_field(server, port, database, field) -> None:
    with pytest.raises(so.AddressError) as caught:
        so.city_url(server, port, database)
    assert caught.value.field == field
    assert str(caught.value).startswith({"server": "Máy chủ", "port": "Cổng", "database": "Cơ sở dữ liệu"}[field])
