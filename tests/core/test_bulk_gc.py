"""``app.bulk.paused_gc``: the cyclic collector is off inside the bulk runs (import, quality checks)
and back to how it was after them, however the blocks nest or overlap across threads."""

from __future__ import annotations

import gc
import threading

import pytest

from app import quality
from app.bulk import paused_gc
from app.exchange import importer, reader, run
from tests.core.test_import_support import xlsx


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_restored_after_even_nested_and_on_error() -> None:
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()  # it was off before: left off


def test_overlapping_blocks_in_two_threads() -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with paused_gc():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    with paused_gc():
        thread.start()
        inside.wait(5)
    assert not gc.isenabled()  # the other block still runs
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_import_and_quality_checks_run_with_the_collector_paused(db, tmp_path, monkeypatch) -> None:
    seen: dict[str, bool] = {}

    def spy(name, real):
        def wrapper(*args, **kwargs):
            seen[name] = gc.isenabled()
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(reader, "_read_xlsx", spy("read", reader._read_xlsx))
    monkeypatch.setattr(run, "prepare_people", spy("import", run.prepare_people))
    monkeypatch.setattr(quality, "unit_names", spy("quality", quality.unit_names))
    path = xlsx(tmp_path / "a.xlsx", [["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"],
                                      ["Nguyễn Văn Bình", "12/03/1985", "Nam", "048085001234"]])
    source = importer.open_import(path)
    assert importer.run_import(db, source, source.mapping).imported == 1
    with db.session() as s:
        quality.quality_issues(s)
    assert seen == {"read": False, "import": False, "quality": False}
    assert gc.isenabled()
