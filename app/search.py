"""Find anyone among 100,000 dossiers as you type.

Accent- and case-insensitive (both sides folded with ``app.text.fold``, đ→d) over the name, the
CCCD and the unit (name or code). Ranking: exact name or CCCD > the given name itself > a prefix
(of the name, of any word of it, of the CCCD) > contained anywhere > found only through the unit
(a word of its name, or its code, begins with the query); ties in Vietnamese name order. Several
words must all be found, in any order ("hoa nguyen" finds "Nguyễn Thị Hoa").

Speed: the persons table is wide, so every column the search filters, ranks and orders on is in
one covering index (``ix_persons_listing``); units are matched first in Python (a few hundred rows)
and enter the query as ``unit_id IN (…)``, so the query never joins while it scans. When the
result is narrowed, ordering uses an expression so the database sorts the few matching rows
instead of walking the name index and visiting every row.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, case, false, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.util import ClauseAdapter

from app.text import fold
from app.units import subtree_ids
from models import Person, Unit


@dataclass(frozen=True)
class SearchHit:
    id: uuid.UUID
    cccd: str
    full_name: str
    birth_date: dt.date
    sex: str
    unit_code: str | None
    unit_name: str | None
    rank: int


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(column: ColumnElement[str], pattern: str) -> ColumnElement[bool]:
    return column.like(pattern, escape="\\")


_UNITS_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine → (signature, units)
# built once: a statement made anew at every keystroke costs more to build than to run
_UNITS_SIGNATURE = select(func.count(), func.coalesce(func.sum(Unit.version), 0), func.max(Unit.updated_at))
_UNITS_LIVE = select(Unit.id, Unit.name_fold, Unit.code).where(Unit.deleted_at.is_(None))


def _unit_texts(session: Session) -> list[tuple[uuid.UUID, str]]:
    """Every live unit with its searchable text, read again only when the units changed (every
    change to a unit bumps its ``version``; count and sum catch additions and deletions): typing
    must not re-read and re-parse the whole unit table at each keystroke."""
    bind = session.get_bind()
    conn = session.connection()  # Core: the ORM's execution path costs more than this tiny query
    signature = tuple(conn.execute(_UNITS_SIGNATURE).one())
    cached = _UNITS_CACHE.get(bind)
    if cached is not None and cached[0] == signature:
        return cached[1]
    units = [(uid, f" {name} {code.lower()}".replace(".", " ")) for uid, name, code in conn.execute(_UNITS_LIVE)]
    _UNITS_CACHE[bind] = (signature, units)
    return units


def _units_matching(session: Session, words: Iterable[str]) -> dict[str, list[uuid.UUID]]:
    """For each folded word: the units one of whose name words, or whose code, begins with it."""
    units = _unit_texts(session)
    return {w: [uid for uid, text in units if f" {w}" in text] for w in words}


def search_condition(session: Session, query: str, *, exact_cccd_only: bool = False
                     ) -> tuple[ColumnElement[bool] | None, ColumnElement[int]]:
    """The WHERE condition and the rank expression for ``query`` (None = everyone).

    ``exact_cccd_only`` (a role that sees CCCDs masked): the CCCD matches only when the query is the
    complete 12-digit number, never a part of it."""
    q = fold(query)
    if not q:
        return None, literal(0)
    e = _escape(q)
    digits = q.replace(" ", "")
    words = q.split(" ")
    unit_ids = _units_matching(session, words)

    def word_found(word: str) -> ColumnElement[bool]:
        in_name = _like(Person.name_fold, f"%{_escape(word)}%")
        return or_(in_name, Person.unit_id.in_(unit_ids[word])) if unit_ids[word] else in_name

    name_all_words = and_(*[_like(Person.name_fold, f"%{_escape(w)}%") for w in words])
    if exact_cccd_only:
        cccd_contains = Person.cccd == digits if _full_cccd(digits) else false()
        cccd_prefix: ColumnElement[bool] = false()
    else:
        cccd_contains = _like(Person.cccd, f"%{_escape(digits)}%") if digits.isdigit() else false()
        cccd_prefix = _like(Person.cccd, f"{_escape(digits)}%")
    rank = case(
        (or_(Person.name_fold == q, Person.cccd == digits), 0),
        (_like(Person.name_fold, f"% {e}"), 1),  # the given name itself
        (or_(_like(Person.name_fold, f"{e}%"), _like(Person.name_fold, f"% {e}%"),
             cccd_prefix), 2),
        (or_(name_all_words, cccd_contains), 3),
        else_=4,
    )
    condition = and_(*[word_found(w) for w in words])
    return (or_(condition, cccd_contains) if digits.isdigit() else condition), rank


def name_order(narrowed: bool) -> list[ColumnElement]:
    """Vietnamese name order. ``narrowed``: sort the matching rows (an expression, so the planner
    does not walk the name index over every row); else walk the index."""
    if narrowed:
        return [func.coalesce(Person.sort_key, ""), Person.birth_date]
    return [Person.sort_key, Person.birth_date]


def _full_cccd(digits: str) -> bool:
    return len(digits) == 12 and digits.isdigit()


def search_statement(session: Session, query: str, *, limit: int | None = 50, unit_code: str | None = None,
                     include_subunits: bool = True, include_inactive: bool = True,
                     exact_cccd_only: bool = False) -> Select | None:
    """The SELECT of the ranked ids behind ``search`` (None when ``unit_code`` names no unit).

    It selects only columns of the covering index (id, rank), so the database scans the narrow
    index, never the wide rows; ``search`` then reads the few rows it shows."""
    condition, rank = search_condition(session, query, exact_cccd_only=exact_cccd_only)
    stmt = select(Person.id, rank.label("rank")).where(Person.deleted_at.is_(None))
    if condition is not None:
        stmt = stmt.where(condition)
    if not include_inactive:
        stmt = stmt.where(Person.status == "working")
    if unit_code:
        unit = session.scalars(select(Unit).where(Unit.code == unit_code.strip())).one_or_none()
        if unit is None:
            return None
        ids = subtree_ids(session, unit.id) if include_subunits else [unit.id]
        stmt = stmt.where(Person.unit_id.in_(ids))
    stmt = stmt.order_by(rank, *name_order(condition is not None or bool(unit_code)))
    return stmt.limit(limit) if limit is not None else stmt


def first_page(session: Session, query: str, limit: int, *, where: ColumnElement[bool] | None = None,
               exact_cccd_only: bool = False) -> list[str] | None:
    """The hex ids of the first ``limit`` people matching ``query`` and the condition ``where`` (on
    ``persons``), best first, as ``search`` orders them; None where only the general statement
    can answer (not SQLite, or an empty query)."""
    q = fold(query)
    if session.get_bind().dialect.name != "sqlite" or not q:
        return None
    tiered = _Tiered(session, q, None, True, exact_cccd_only, where)
    return [pid.hex for pid, _rank in tiered.run(limit)]


def search(session: Session, query: str, *, limit: int | None = 50, unit_code: str | None = None,
           include_subunits: bool = True, include_inactive: bool = True,
           exact_cccd_only: bool = False) -> list[SearchHit]:
    """The first ``limit`` people matching ``query``, best first (see the module's docstring)."""
    if limit is not None and session.get_bind().dialect.name == "postgresql" and fold(query):
        return _search_postgresql(session, query, limit=limit, unit_code=unit_code, include_subunits=include_subunits,
                                  include_inactive=include_inactive, exact_cccd_only=exact_cccd_only)
    if limit is not None and session.get_bind().dialect.name == "sqlite" and fold(query):
        unit_ids: list[uuid.UUID] | None = None
        if unit_code:
            unit = session.scalars(select(Unit).where(Unit.code == unit_code.strip())).one_or_none()
            if unit is None:
                return []
            unit_ids = subtree_ids(session, unit.id) if include_subunits else [unit.id]
        ranked = _Tiered(session, fold(query), unit_ids, include_inactive, exact_cccd_only).run(limit)
    else:
        stmt = search_statement(session, query, limit=limit, unit_code=unit_code, include_subunits=include_subunits,
                                include_inactive=include_inactive, exact_cccd_only=exact_cccd_only)
        if stmt is None:
            return []
        ranked = [(r.id, r.rank) for r in session.execute(stmt)]
    details = {}
    for chunk in range(0, len(ranked), 500):
        ids = [r[0] for r in ranked[chunk:chunk + 500]]
        details.update({row.id: row for row in session.execute(
            select(Person.id, Person.cccd, Person.full_name, Person.birth_date, Person.sex, Unit.code, Unit.name)
            .outerjoin(Unit, Person.unit_id == Unit.id).where(Person.id.in_(ids)))})
    return [SearchHit(*details[pid], rank=rank) for pid, rank in ranked]


# --- PostgreSQL: the same statement over pg_trgm's indexes (app.search_pg, migration 0015) -------
def _search_postgresql(session: Session, query: str, *, limit: int, unit_code: str | None, include_subunits: bool,
                       include_inactive: bool, exact_cccd_only: bool) -> list[SearchHit]:
    """``search_statement`` as it is — its ``LIKE '%word%'`` conditions are what the trigram GIN
    indexes answer — with the shown columns in the same single query (one round trip to the
    server) and ties broken by id, as the SQLite tiers break them."""
    stmt = search_statement(session, query, limit=limit, unit_code=unit_code, include_subunits=include_subunits,
                            include_inactive=include_inactive, exact_cccd_only=exact_cccd_only)
    if stmt is None:
        return []
    stmt = (stmt.add_columns(Person.cccd, Person.full_name, Person.birth_date, Person.sex, Unit.code, Unit.name)
            .outerjoin_from(Person, Unit, Person.unit_id == Unit.id).order_by(Person.id))
    return [SearchHit(pid, cccd, name, born, sex, code, unit_name, rank=rank)
            for pid, rank, cccd, name, born, sex, code, unit_name in session.execute(stmt)]


# --- SQLite: tiers over the full-text index ---------------------------------------------------
# The ranking puts every exact match before every given-name match before every prefix … so the
# first page is found tier by tier, each in name order, stopping when the page is full. Each tier
# asks the trigram index (app.search_index) for a superset of its rows: when that is small, the
# database looks those rows up by rowid and sorts them; when it is large, the tier is common, so
# walking the name-ordered index (ix_persons_name_walk) fills the page after a few rows. Either
# way the rows are tested with exactly the condition and rank of ``search_condition``, so the
# index only ever decides how fast, never what is found.
# The most candidates a tier looks up and sorts itself; more, and it walks the name order. Looking a
# row up costs ~30 times testing one on the walk, so with precise candidates (a tier's rows, or
# nearly) walking wins beyond a few hundred; with a loose superset (short words, units) the true
# rows may be few and a walk would read all 100,000, so the tier looks up more before it walks.
SPARSE = 500
LOOSE = 3000
WIDE = 30000  # rowids read from an index to intersect (cheap: no row is visited)


_TRIGRAMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine → (time, counts, total)


def _trigram_counts(session: Session) -> tuple[dict[str, int], int]:
    """How many people have each trigram (read once per database and process, from the index's
    own vocabulary): only to choose which trigrams to ask for, so an outdated count can make a
    search slower, never different."""
    bind = session.get_bind()
    if bind not in _TRIGRAMS or time.monotonic() - _TRIGRAMS[bind][0] > 600:
        conn = session.connection()
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS temp.persons_fts_terms "
                             "USING fts5vocab(main, persons_fts, row)")
        counts = dict(conn.exec_driver_sql("SELECT term, doc FROM temp.persons_fts_terms").all())
        total = conn.exec_driver_sql("SELECT count(*) FROM persons").scalar() or 0
        _TRIGRAMS[bind] = (time.monotonic(), counts, total)
    return _TRIGRAMS[bind][1:]


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


_ALIAS = Person.__table__.alias("p")  # made once: an alias learns its columns slowly (wide table)


class _Tiered:
    def __init__(self, session: Session, q: str, unit_ids: list[uuid.UUID] | None, include_inactive: bool,
                 exact_cccd_only: bool, extra: ColumnElement[bool] | None = None) -> None:
        self.conn = session.connection()
        # the driver's own connection for the tiers' queries (same transaction): thousands of
        # candidate rowids cost ~20 times less through it than through SQLAlchemy's result rows
        self.raw = self.conn.connection.dbapi_connection
        self.q = q
        words = q.split(" ")
        digits = q.replace(" ", "")
        units = _units_matching(session, words)
        base, params = ["p.deleted_at IS NULL"], []
        if extra is not None:  # the list's other filters (app.listing), on the alias p
            adapted = ClauseAdapter(_ALIAS).traverse(extra)
            base.append(str(adapted.compile(dialect=self.conn.dialect, compile_kwargs={"literal_binds": True})))
        if not include_inactive:
            base.append("p.status = 'working'")
        if unit_ids is not None:
            base.append(f"p.unit_id IN ({','.join('?' * len(unit_ids))})" if unit_ids else "0")
            params += [u.hex for u in unit_ids]
        like = "LIKE ? ESCAPE '\\'"
        found = []
        for w in words:
            found.append(f"p.name_fold {like}")
            params.append(f"%{_escape(w)}%")
            if units[w]:
                found[-1] = f"({found[-1]} OR +p.unit_id IN ({','.join('?' * len(units[w]))}))"
                params += [u.hex for u in units[w]]
        condition = " AND ".join(found)
        cccd_contains, cccd_params = "0", []
        if exact_cccd_only:
            if _full_cccd(digits):
                cccd_contains, cccd_params = "p.cccd = ?", [digits]
        elif digits.isdigit():
            cccd_contains, cccd_params = f"p.cccd {like}", [f"%{_escape(digits)}%"]
        if digits.isdigit():
            condition = f"(({condition}) OR {cccd_contains})"
            params += cccd_params
        e = _escape(q)
        cccd_prefix, prefix_params = ("0", []) if exact_cccd_only else (f"p.cccd {like}", [f"{_escape(digits)}%"])
        all_words = " AND ".join(f"p.name_fold {like}" for _ in words)
        self.rank = (f"CASE WHEN p.name_fold = ? OR p.cccd = ? THEN 0 WHEN p.name_fold {like} THEN 1 "
                     f"WHEN p.name_fold {like} OR p.name_fold {like} OR {cccd_prefix} THEN 2 "
                     f"WHEN ({all_words}) OR {cccd_contains} THEN 3 ELSE 4 END")
        self.rank_params = [q, digits, f"% {e}", f"{e}%", f"% {e}%", *prefix_params,
                            *[f"%{_escape(w)}%" for w in words], *cccd_params]
        self.where = " AND ".join([*base, condition])
        self.params = params
        # the trigram index's superset of each tier (None: no usable index, walk)
        self.freq = _trigram_counts(session)
        long_words = [w for w in words if len(w) >= 3]
        tier2 = [self._needs("name", "^" + q), self._needs("name", " " + q)]
        if not exact_cccd_only:
            tier2.append(self._needs("cccd", "^" + digits))
        tier3 = " AND ".join(self._needs("name", w, most=2) for w in long_words) if long_words else None
        if cccd_params and tier3 is not None:
            cccd_text = "^" + digits if exact_cccd_only else digits
            tier3 = f"({tier3}) OR {self._needs('cccd', cccd_text)}" if len(cccd_text) >= 3 else None
        self.fts: dict[int, str | None] = {
            1: self._needs("name", " " + q + "$"),
            2: " OR ".join(f"({t})" for t in tier2) if min(len(t) for t in (q, digits)) >= 2 else None,
            3: tier3,
        }
        # the same, precise (every trigram, in place): dearer for long texts, asked when the rare
        # trigrams alone leave too many rows
        exact2 = [_phrase("^" + q), _phrase(" " + q)]
        exact2 = [f"name : {t}" for t in exact2] + ([] if exact_cccd_only else [f"cccd : {_phrase('^' + digits)}"])
        exact3 = " AND ".join(f"name : {_phrase(w)}" for w in long_words) if long_words else None
        if cccd_params and exact3 is not None:
            exact3 = f"({exact3}) OR cccd : {_phrase(cccd_text)}" if len(cccd_text) >= 3 else None
        self.exact: dict[int, str | None] = {1: f"name : {_phrase(' ' + q + '$')}",
                                             2: " OR ".join(exact2) if self.fts[2] else None, 3: exact3}
        self.cap = {1: SPARSE, 2: SPARSE, 4: LOOSE,
                    3: SPARSE if len(long_words) == len(words) and (not cccd_params or len(digits) >= 3) else LOOSE}
        self.unit_only = sorted({u.hex for w in words for u in units[w]})
        # found only through a unit: the words no unit matches must still be in the name
        in_name = [w for w in words if not units[w] and len(w) >= 3]
        self.fts[4] = " AND ".join(self._needs("name", w, most=2) for w in in_name) if in_name else None
        self.exact[4] = " AND ".join(f"name : {_phrase(w)}" for w in in_name) if in_name else None
        # what a row of each tier must satisfy, tested first while walking (one LIKE rejects most rows)
        self.first = {1: (f"p.name_fold {like}", [f"% {e}"]),
                      2: (f"(p.name_fold {like} OR p.name_fold {like} OR {cccd_prefix})",
                          [f"{e}%", f"% {e}%", *prefix_params]),
                      3: (f"(({all_words}) OR {cccd_contains})", [f"%{_escape(w)}%" for w in words] + cccd_params)}

    def _needs(self, column: str, text: str, most: int = 4) -> str:
        """An FTS5 query every row containing ``text`` in ``column`` satisfies: the rarest few of
        its trigrams (spread out, so they say more together), not all of them — a long phrase's
        common trigrams ("ngu", " th") would cost more to intersect than they narrow."""
        freq, total = self.freq
        total = max(total, 1)
        grams = sorted((freq.get(text[i:i + 3], 0), i) for i in range(len(text) - 2))
        chosen: list[int] = []
        estimate = float(total)
        for spread in (True, False):
            for count, i in grams:
                if chosen and (estimate < 20 or len(chosen) >= most):
                    break
                if i in chosen or (spread and any(abs(i - j) < 3 for j in chosen)):
                    continue
                chosen.append(i)
                estimate *= count / total
        return " AND ".join(f"{column} : {_phrase(text[i:i + 3])}" for i in sorted(chosen))

    def run(self, limit: int) -> list[tuple[uuid.UUID, int]]:
        hits: list[tuple[str, int]] = []
        for tier in range(5):
            if len(hits) >= limit:
                break
            hits += [(key, tier) for key in self._tier(tier, limit - len(hits))]
        return [(uuid.UUID(key), rank) for key, rank in hits]

    def _select(self, tier: int, extra: str, extra_params: list, order: str, limit: int) -> list[str]:
        # the way is chosen here, not left to the planner (which, without statistics, would take a
        # filter's index such as the status's and read every working person): rowids given → look
        # them up (NOT INDEXED still allows rowid lookups); else walk the name-ordered index
        way = "NOT INDEXED" if extra.startswith("p.rowid IN") else "INDEXED BY ix_persons_name_walk"
        sql = (f"SELECT p.id FROM persons p {way} WHERE {extra} AND {self.where} AND ({self.rank}) = ? "
               f"ORDER BY {order} LIMIT ?")
        return [r[0] for r in self._rows(sql, (*extra_params, *self.params, *self.rank_params, tier, limit))]

    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        cursor = self.raw.cursor()
        try:
            return cursor.execute(sql, params).fetchall()
        finally:
            cursor.close()

    def _tier(self, tier: int, limit: int) -> list[str]:
        by_name = "coalesce(p.sort_key, ''), p.birth_date, p.id"
        walk = "p.sort_key, p.birth_date, p.id"
        if tier == 0:  # the exact name and the CCCD are indexed
            rowids = [r[0] for r in self._rows(
                "SELECT rowid FROM persons WHERE name_fold = ? UNION SELECT rowid FROM persons WHERE cccd = ?",
                (self.q, self.q.replace(" ", "")))]
            return self._select(0, f"p.rowid IN ({','.join(map(str, rowids))})", [], by_name, limit) if rowids else []
        if tier == 4:  # found only through a unit: those units' people (their index holds the rowids)
            if not self.unit_only:
                return []
            marks = ",".join("?" * len(self.unit_only))
            rowids = {r[0] for r in self._rows(
                f"SELECT rowid FROM persons WHERE unit_id IN ({marks}) LIMIT {WIDE + 1}", tuple(self.unit_only))}
            if self.fts[4] is not None:
                named = {r[0] for r in self._rows(
                    f"SELECT rowid FROM persons_fts WHERE persons_fts MATCH ? LIMIT {WIDE + 1}", (self.exact[4],))}
                if len(named) <= WIDE:
                    rowids = rowids & named if len(rowids) <= WIDE else named
            if len(rowids) <= LOOSE:
                return self._select(4, f"p.rowid IN ({','.join(map(str, sorted(rowids)))})", [], by_name,
                                    limit) if rowids else []
            return self._select(4, "1", [], walk, limit)
        match = self.fts[tier]
        if match is not None:
            rowids = self._candidates(tier)
            if not rowids:
                return []
            if len(rowids) <= self.cap[tier]:
                return self._select(tier, f"p.rowid IN ({','.join(map(str, rowids))})", [], by_name, limit)
        return self._select(tier, *self.first[tier], walk, limit)

    def _candidates(self, tier: int) -> list[int]:
        """The rowids the index gives for ``tier`` (at most its cap + 1): the rare trigrams first,
        every trigram if they leave too many."""
        rowids: list[int] = []
        cap = self.cap[tier]
        for match in dict.fromkeys(m for m in (self.fts[tier], self.exact.get(tier)) if m):
            rowids = [r[0] for r in self._rows(
                f"SELECT rowid FROM persons_fts WHERE persons_fts MATCH ? LIMIT {cap + 1}", (match,))]
            if len(rowids) <= cap:
                break
        return rowids
