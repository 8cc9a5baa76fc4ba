"""SQLite storage of entities, their spellings, mentions and dates written in articles.

Tables (migration ``0002_entities`` in :mod:`babelwire.store.migrations`):

* ``entities`` (id, name, kind, canonical) — one row per real-world entity;
* ``entity_variants`` (entity_id, text, lang, count) — every spelling, per language;
* ``entity_mentions`` (article_id, entity_id, text, kind, start, end, rule);
* ``text_dates`` (article_id, text, start, end, value, precision, relative);
* ``entity_merges`` (gone, kept) — where each merged-away entity went (migration
  ``0009_entity_merges``), so links to it are followed;
* ``entity_keys`` (key, entity_id) and ``entity_key_state`` (name, value) — the keys a
  store-backed linker finds entities by (migration ``0010_entity_keys``; see
  :mod:`babelwire.store.entity_keys`).

Functions here take the connection; :class:`~babelwire.store.sqlite.SQLiteStore`
wraps them in its lock and transactions. Entity ids are given by the linker
(one writer), so an article's rows go in with one round of inserts.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from babelwire.stages.entities_records import (
    ArticleEntities,
    EntityContext,
    EntityRecord,
    EntitySummary,
    Mention,
    StoredVariant,
    TextDate,
    VariantCount,
)
from babelwire.store.entity_keys import (
    ENTITY_DIRECTORY_SQL,
    ENTITY_TABLES,
    KEY_STATE,
    NEXT_ENTITY_ID_SQL,
    NEXT_ID,
    chunks,
    co_mentions_sql,
    context,
    directory,
    next_id,
    stories_sql,
    successor_sql,
)


def write_entities(db: sqlite3.Connection, found: ArticleEntities) -> None:
    """Replace one article's mentions and dates; upsert entities; add variant counts.

    Run inside the caller's transaction.
    """
    for entity in found.entities:
        db.execute(
            "INSERT INTO entities (id, name, kind, canonical) VALUES (?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET name=excluded.name",
            (entity.id, entity.name, entity.kind, entity.canonical))
    old = db.execute("SELECT entity_id, text, kind FROM entity_mentions WHERE article_id=?",
                     (found.article_id,)).fetchall()
    if old:  # re-processing an article: take its earlier spellings back out of the counts
        langs = dict(db.execute("SELECT id, lang FROM articles WHERE id=?", (found.article_id,)))
        lang = langs.get(found.article_id, "")
        for (eid, text), n in Counter((r[0], r[1]) for r in old).items():
            db.execute("UPDATE entity_variants SET count = MAX(count - ?, 0) "
                       "WHERE entity_id=? AND text=? AND lang=?", (n, eid, text, lang))
        db.execute("DELETE FROM entity_mentions WHERE article_id=?", (found.article_id,))
    db.execute("DELETE FROM text_dates WHERE article_id=?", (found.article_id,))
    rows = [(found.article_id, m.entity_id, m.text, m.kind, m.start, m.end, m.rule)
            for m in found.mentions if m.entity_id is not None]
    db.executemany('INSERT INTO entity_mentions (article_id, entity_id, text, kind, start, "end", '
                   "rule) VALUES (?,?,?,?,?,?,?)", rows)
    counts = Counter((m.entity_id, m.text, m.lang) for m in found.mentions
                     if m.entity_id is not None)
    db.executemany(
        "INSERT INTO entity_variants (entity_id, text, lang, count) VALUES (?,?,?,?) "
        "ON CONFLICT(entity_id, text, lang) DO UPDATE SET count = count + excluded.count",
        [(eid, text, lang, n) for (eid, text, lang), n in counts.items()])
    db.executemany(
        'INSERT INTO text_dates (article_id, text, start, "end", value, precision, relative) '
        "VALUES (?,?,?,?,?,?,?)",
        [(found.article_id, d.text, d.start, d.end, d.value.isoformat(), d.precision,
          int(d.relative)) for d in found.dates])
    if found.keys:
        db.executemany("INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)",
                       found.keys)
    for kept, gone in found.merges:
        merge_entities(db, kept, gone)


def merge_entities(db: sqlite3.Connection, kept: EntityRecord, gone: int) -> None:
    """Move entity ``gone``'s mentions and spellings to ``kept`` (name updated), delete it
    and record where it went (``entity_merges``). Run inside the caller's transaction."""
    if kept.id == gone:
        return
    db.execute("UPDATE entities SET name=? WHERE id=?", (kept.name, kept.id))
    db.execute("UPDATE entity_mentions SET entity_id=? WHERE entity_id=?", (kept.id, gone))
    db.execute(
        "INSERT INTO entity_variants (entity_id, text, lang, count) "
        "SELECT ?, text, lang, count FROM entity_variants WHERE entity_id=? AND true "
        "ON CONFLICT(entity_id, text, lang) DO UPDATE SET count = count + excluded.count",
        (kept.id, gone))
    db.execute("DELETE FROM entity_variants WHERE entity_id=?", (gone,))
    db.execute("DELETE FROM entities WHERE id=?", (gone,))
    # links to the merged entity are followed: it, and any entity merged into it before,
    # now lead to ``kept``
    db.execute("UPDATE entity_merges SET kept = ? WHERE kept = ?", (kept.id, gone))
    db.execute("INSERT INTO entity_merges (gone, kept) VALUES (?, ?) "
               "ON CONFLICT (gone) DO UPDATE SET kept = excluded.kept", (gone, kept.id))
    db.execute("INSERT OR IGNORE INTO entity_keys (key, entity_id) "
               "SELECT key, ? FROM entity_keys WHERE entity_id = ?", (kept.id, gone))
    db.execute("DELETE FROM entity_keys WHERE entity_id = ?", (gone,))


def clear_entities(db: sqlite3.Connection) -> None:
    """Delete every entity, variant, mention and text date (before re-indexing)."""
    for table in ENTITY_TABLES:
        db.execute(f"DELETE FROM {table}")


def entity_successor(db: sqlite3.Connection, entity_id: int) -> int | None:
    row = db.execute(successor_sql("?"), (entity_id,)).fetchone()
    return None if row is None else int(row[0])


def next_entity_id(db: sqlite3.Connection) -> int:
    return next_id(db.execute(NEXT_ENTITY_ID_SQL).fetchone())


def entity_directory(db: sqlite3.Connection) -> Iterator[tuple[int, str, str | None]]:
    return directory(db.execute(ENTITY_DIRECTORY_SQL).fetchall())


def entity_ids_for_keys(db: sqlite3.Connection, keys: Sequence[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for part in chunks(keys):
        for key, eid in db.execute("SELECT key, entity_id FROM entity_keys WHERE key IN "
                                   f"({','.join('?' * len(part))})", list(part)):
            found.setdefault(key, []).append(int(eid))
    return found


def entity_rows(db: sqlite3.Connection,
                ids: Sequence[int]) -> tuple[list[EntityRecord], list[StoredVariant]]:
    records: list[EntityRecord] = []
    variants: list[StoredVariant] = []
    for part in chunks(ids):
        marks = ",".join("?" * len(part))
        found = {int(r[0]): EntityRecord(id=int(r[0]), name=r[1], kind=r[2], canonical=r[3])
                 for r in db.execute("SELECT id, name, kind, canonical FROM entities "
                                     f"WHERE id IN ({marks})", list(part))}
        records += found.values()
        variants += [StoredVariant(entity=found[int(eid)], text=text, lang=lang, count=int(n))
                     for eid, text, lang, n in db.execute(
                         "SELECT entity_id, text, lang, count FROM entity_variants "
                         f"WHERE entity_id IN ({marks}) AND count > 0 "
                         "ORDER BY entity_id, text, lang", list(part))]
    return records, variants


def entity_contexts(db: sqlite3.Connection, ids: Sequence[int], *,
                    articles: int) -> dict[int, EntityContext]:
    out: dict[int, EntityContext] = {}
    for eid in ids:
        found = context(eid, db.execute(co_mentions_sql("?"), (eid, articles, eid)),
                        db.execute(stories_sql("?"), (eid, articles)))
        if found is not None:
            out[eid] = found
    return out


def entity_keys_state(db: sqlite3.Connection) -> str | None:
    row = db.execute("SELECT value FROM entity_key_state WHERE name = ?", (KEY_STATE,)).fetchone()
    return None if row is None else str(row[0])


def replace_entity_keys(db: sqlite3.Connection, rows: Iterable[tuple[str, int]],
                        state: str) -> None:
    """Every key anew (run inside the caller's transaction)."""
    db.execute("DELETE FROM entity_keys")
    db.executemany("INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)", rows)
    db.execute("INSERT INTO entity_key_state (name, value) VALUES (?, ?) "
               "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (KEY_STATE, state))


def entity_for_canonical(db: sqlite3.Connection, canonical: str) -> int | None:
    row = db.execute("SELECT id FROM entities WHERE canonical = ?", (canonical,)).fetchone()
    return None if row is None else int(row[0])


def reserve_entity_ids(db: sqlite3.Connection, count: int) -> int:
    """The first of ``count`` ids no process has had (run inside the caller's
    transaction, which holds SQLite's write lock)."""
    floor = next_entity_id(db)
    db.execute("INSERT INTO entity_key_state (name, value) VALUES (?, ?) "
               "ON CONFLICT (name) DO NOTHING", (NEXT_ID, str(floor)))
    (value,) = db.execute(
        "UPDATE entity_key_state SET value = CAST(MAX(CAST(value AS INTEGER), ?) + ? AS TEXT) "
        "WHERE name = ? RETURNING value", (floor, count, NEXT_ID)).fetchone()
    return int(value) - count


def iter_entity_variants(db: sqlite3.Connection) -> Iterator[StoredVariant]:
    rows = db.execute(
        "SELECT e.id, e.name, e.kind, e.canonical, v.text, v.lang, v.count FROM entity_variants v "
        "JOIN entities e ON e.id = v.entity_id WHERE v.count > 0 ORDER BY e.id").fetchall()
    for eid, name, kind, canonical, text, lang, count in rows:
        yield StoredVariant(entity=EntityRecord(id=eid, name=name, kind=kind, canonical=canonical),
                            text=text, lang=lang, count=int(count))


def iter_article_entities(db: sqlite3.Connection) -> Iterator[tuple[tuple[int, ...], int | None]]:
    """Per article: the entities it mentions and its story (for the linker's context)."""
    rows = db.execute(
        "SELECT m.article_id, a.story_id, GROUP_CONCAT(DISTINCT m.entity_id) "
        "FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
        "GROUP BY m.article_id ORDER BY m.article_id")
    for _aid, story, ids in rows:
        yield tuple(int(x) for x in (ids or "").split(",") if x), story


def entities(db: sqlite3.Connection, *, kind: str | None = None, limit: int | None = None,
             min_articles: int = 1) -> list[EntitySummary]:
    """Entities with their spellings and articles, most-mentioned first."""
    where, params = ("WHERE e.kind = ?", [kind]) if kind else ("", [])
    head = db.execute(
        "SELECT e.id, e.name, e.kind, e.canonical, COUNT(DISTINCT m.article_id) AS n "
        f"FROM entities e JOIN entity_mentions m ON m.entity_id = e.id {where} "
        "GROUP BY e.id HAVING n >= ? ORDER BY n DESC, e.id LIMIT ?",
        [*params, min_articles, -1 if limit is None else limit]).fetchall()
    out = []
    for eid, name, ekind, canonical, _n in head:
        variants = tuple(
            VariantCount(text=t, lang=lang, count=int(c)) for t, lang, c in db.execute(
                "SELECT text, lang, count FROM entity_variants WHERE entity_id=? AND count > 0 "
                "ORDER BY count DESC, lang, text", (eid,)))
        urls = tuple(r[0] for r in db.execute(
            "SELECT DISTINCT a.url FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.entity_id=? ORDER BY a.id", (eid,)))
        out.append(EntitySummary(id=eid, name=name, kind=ekind, canonical=canonical,
                                 variants=variants, article_urls=urls))
    return out


def article_mentions(db: sqlite3.Connection, article_id: int) -> list[Mention]:
    rows = db.execute(
        'SELECT m.text, m.kind, m.start, m."end", a.lang, m.rule, e.canonical, m.entity_id '
        "FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
        'JOIN entities e ON e.id = m.entity_id WHERE m.article_id=? ORDER BY m.start',
        (article_id,))
    return [Mention(text=t, kind=k, start=s, end=e, lang=lang, rule=rule, canonical=canonical,
                    entity_id=eid) for t, k, s, e, lang, rule, canonical, eid in rows]


def article_dates(db: sqlite3.Connection, article_id: int) -> list[TextDate]:
    rows = db.execute(
        'SELECT text, start, "end", value, precision, relative FROM text_dates '
        "WHERE article_id=? ORDER BY start", (article_id,))
    return [TextDate(text=t, start=s, end=e, value=date.fromisoformat(v), precision=p,
                     relative=bool(r)) for t, s, e, v, p, r in rows]


__all__ = [
    "article_dates", "article_mentions", "clear_entities", "entities", "entity_contexts",
    "entity_directory", "entity_for_canonical", "entity_ids_for_keys", "entity_keys_state",
    "entity_rows",
    "entity_successor", "iter_article_entities", "iter_entity_variants", "merge_entities",
    "next_entity_id", "replace_entity_keys", "reserve_entity_ids", "write_entities",
]
