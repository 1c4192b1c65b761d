"""The cost of the policy layer (app/services: @policy — permission, scope, masking, access log)
on the list of 100,000 keys and on a save, against the same calls made straight on app.listing /
app.people in one session (the best raw approach). Goal: ≤ 1.1×. On demand: python3 dev.py bench."""

from __future__ import annotations

import statistics
import time

import pytest
from sqlalchemy import select

from app import listing, people
from app.db import open_database
from app.security.principal import Principal
from app.services import HoSo
from models import Person, Unit
from tests.benchmarks.conftest import BENCH_COUNT, ratio_spread, record, report

pytestmark = pytest.mark.benchmark
RUNS = 7


def _medians(first, second, runs: int = RUNS) -> tuple[float, float, str]:
    """Both calls' median time, measured alternately (a busy machine slows both alike), and the
    spread of the per-round ratios (second / first)."""
    first(), second()  # warm caches
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(runs * 2):
        call, out = (first, times[0]) if n % 2 == 0 else (second, times[1])
        started = time.perf_counter()
        call()
        out.append(time.perf_counter() - started)
    spread = ratio_spread(list(zip(times[1], times[0], strict=True)))
    return statistics.median(times[0]), statistics.median(times[1]), spread


def test_policy_overhead_on_the_list_and_a_save(big_db_path, tmp_path) -> None:
    import shutil

    copy = tmp_path / "bench.sqlite"
    shutil.copyfile(big_db_path, copy)
    db = open_database(copy)
    try:
        flt = listing.PersonFilter()
        admin = HoSo(db)
        with db.session() as s:
            top = s.scalar(select(Unit.id).where(Unit.parent_id.is_(None)))
            key = str(s.scalar(select(Person.id).where(Person.deleted_at.is_(None)).limit(1)))
        scoped = HoSo(db, principal=Principal("bench", "head", frozenset(), unit_roots=frozenset({top})))
        scoped.people.refresh_units()

        def raw_list(f=flt):
            with db.session() as s:
                return listing.list_keys(s, f)

        raw, through, list_spread = _medians(raw_list, lambda: admin.people.person_keys(flt))
        units = scoped.principal.unit_ids
        raw_scoped, through_scoped, scoped_spread = _medians(lambda: raw_list(listing.PersonFilter(unit_scope=units)),
                                              lambda: scoped.people.person_keys(flt))
        count = len(admin.people.person_keys(flt))
        assert count == len(raw_list()) and count > BENCH_COUNT * 0.5

        values = iter(range(10_000))

        def raw_save():
            with db.session("bench", write=True) as s:
                people.update_person(s, key, {"position": f"Chuyên viên {next(values)}"})

        def policy_save():
            admin.people.update_person(key, {"position": f"Chuyên viên {next(values)}"})

        save_raw, save_through, save_spread = _medians(raw_save, policy_save, 25)
    finally:
        db.dispose()
    lines = [
        f"policy layer, list of {count} keys (admin): raw {raw * 1000:.0f} ms, services {through * 1000:.0f} ms, "
        f"× {through / raw:.2f}",
        f"policy layer, list of {count} keys (head of every unit, scoped): raw {raw_scoped * 1000:.0f} ms, "
        f"services {through_scoped * 1000:.0f} ms, × {through_scoped / raw_scoped:.2f}",
        f"policy layer, one save (update_person): raw {save_raw * 1000:.1f} ms, services {save_through * 1000:.1f} ms, "
        f"× {save_through / save_raw:.2f}",
    ]
    for line in lines:
        report(line)
    baseline = "the same call on app.listing / app.people"
    record(f"policy layer, list of {count} keys (admin), median of {RUNS}", through * 1000, raw * 1000, "ms", baseline,
           1.1, list_spread)
    record(f"policy layer, list of {count} keys (scoped), median of {RUNS}", through_scoped * 1000, raw_scoped * 1000,
           "ms", baseline, 1.1, scoped_spread)
    record("policy layer, one save (update_person), median of 25", save_through * 1000, save_raw * 1000, "ms", baseline,
           1.1, save_spread)
