"""The 200 realistic search queries (benchmark and regression test) and the search of the old
release kept as the reference the new one must match result for result, rank for rank."""

from __future__ import annotations

import random

from sqlalchemy import and_, case, false, func, literal, or_, select
from sqlalchemy.orm import Session

from app.text import fold
from models import Person, Unit


def realistic_queries(session: Session, n: int = 200, seed: int = 7) -> list[str]:
    """What clerks type: given names, full names with accents, family + given without accents,
    the first letters as they are typed, a CCCD, its start or digits inside it, a unit's name or
    code, words in any order, and a few that find nobody."""
    rng = random.Random(seed)
    sample = session.execute(select(Person.full_name, Person.cccd).order_by(Person.cccd).limit(5000)).all()
    units = session.execute(select(Unit.name, Unit.code).order_by(Unit.code)).all()
    queries: list[str] = []
    for i in range(n):
        name, cccd = rng.choice(sample)
        words = name.split()
        kind = i % 16
        if kind in (0, 1):
            queries.append(fold(words[-1]))  # "hoa"
        elif kind == 2:
            queries.append(name)  # "Nguyễn Thị Hoa"
        elif kind == 3:
            queries.append(fold(f"{words[0]} {words[-1]}"))  # "nguyen hoa"
        elif kind == 4:
            queries.append(fold(words[-1])[:3])  # "ngu"
        elif kind == 5:
            queries.append(cccd if rng.random() < 0.5 else cccd[: rng.randint(6, 9)])
        elif kind == 6:
            queries.append(fold(" ".join(rng.choice(units)[0].split()[-2:])))  # "hai chau"
        elif kind == 7:
            queries.append(fold(" ".join(words[1:])))  # "thi hoa"
        elif kind == 8:
            queries.append(fold(name)[: rng.randint(1, 2)])  # the first keystrokes: "n", "ng"
        elif kind == 9:
            queries.append(cccd[rng.randint(2, 6):][: rng.randint(4, 6)])  # digits inside a CCCD
        elif kind == 10:
            queries.append(fold(f"{words[-1]} {words[0]}"))  # any order: "hoa nguyen"
        elif kind == 11:
            queries.append(rng.choice(units)[1].split(".")[-1].lower())  # a unit's code: "haichau"
        elif kind == 12:
            queries.append(name.upper())  # "NGUYỄN THỊ HOA"
        elif kind == 13:
            queries.append(fold(f"{words[-1]} {rng.choice(units)[0].split()[-1]}"))  # "hoa chau"
        elif kind == 14:
            queries.append(fold(words[-1])[:-1] + "qx")  # nobody
        else:
            queries.append(fold(words[0])[:4] + " " + fold(words[-1])[:2])  # "nguy ho"
    return queries


# --- the search of release 0.x (LIKE over the covering index), the reference ------------------
# Copied, not imported: the test compares the new search with this, never with itself. Ties in
# (rank, name order, birth date) are broken by id so both sides are deterministic.
def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(column, pattern: str):  # noqa: ANN001, ANN202
    return column.like(pattern, escape="\\")


def reference_search(session: Session, query: str, *, limit: int | None = 50, unit_ids=None,  # noqa: ANN001
                     include_inactive: bool = True, exact_cccd_only: bool = False) -> list[tuple[str, int]]:
    q = fold(query)
    stmt_rank = literal(0)
    stmt = None
    if q:
        digits = q.replace(" ", "")
        words = q.split(" ")
        units = [(uid, f" {name} {code.lower()}".replace(".", " ")) for uid, name, code in
                 session.execute(select(Unit.id, Unit.name_fold, Unit.code).where(Unit.deleted_at.is_(None)))]
        unit_ids_of = {w: [uid for uid, text in units if f" {w}" in text] for w in words}

        def word_found(word: str):  # noqa: ANN202
            in_name = _like(Person.name_fold, f"%{_escape(word)}%")
            return or_(in_name, Person.unit_id.in_(unit_ids_of[word])) if unit_ids_of[word] else in_name

        e = _escape(q)
        name_all_words = and_(*[_like(Person.name_fold, f"%{_escape(w)}%") for w in words])
        if exact_cccd_only:
            full = len(digits) == 12 and digits.isdigit()
            cccd_contains = Person.cccd == digits if full else false()
            cccd_prefix = false()
        else:
            cccd_contains = _like(Person.cccd, f"%{_escape(digits)}%") if digits.isdigit() else false()
            cccd_prefix = _like(Person.cccd, f"{_escape(digits)}%")
        stmt_rank = case(
            (or_(Person.name_fold == q, Person.cccd == digits), 0),
            (_like(Person.name_fold, f"% {e}"), 1),
            (or_(_like(Person.name_fold, f"{e}%"), _like(Person.name_fold, f"% {e}%"), cccd_prefix), 2),
            (or_(name_all_words, cccd_contains), 3),
            else_=4,
        )
        condition = and_(*[word_found(w) for w in words])
        stmt = or_(condition, cccd_contains) if digits.isdigit() else condition
    sel = select(Person.id, stmt_rank.label("rank")).where(Person.deleted_at.is_(None))
    if stmt is not None:
        sel = sel.where(stmt)
    if not include_inactive:
        sel = sel.where(Person.status == "working")
    if unit_ids is not None:
        sel = sel.where(Person.unit_id.in_(unit_ids))
    sel = sel.order_by(stmt_rank, func.coalesce(Person.sort_key, ""), Person.birth_date, Person.id)
    if limit is not None:
        sel = sel.limit(limit)
    return [(r.id.hex, r.rank) for r in session.execute(sel)]
