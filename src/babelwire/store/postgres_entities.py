"""PostgreSQL storage of entities, their spellings, mentions and dates written in articles.

The twin of :mod:`babelwire.store.sqlite_entities` (same tables, migration
``0002_entities``, ``0009_entity_merges`` and ``0010_entity_keys`` in
:mod:`babelwire.store.postgres_migrations`). Functions take
the connection; :class:`~babelwire.store.postgres.PostgresStore` wraps them in
its lock and transactions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import psycopg

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
from babelwire.store.postgres_rows import pg_text


def write_entities(db: psycopg.Connection, found: ArticleEntities) -> None:
    """Replace one article's mentions and dates; upsert entities; add variant counts.

    Run inside the caller's transaction.
    """
    with db.cursor() as cur:
        cur.executemany(
            "INSERT INTO entities (id, name, kind, canonical) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name",
            [(e.id, pg_text(e.name), e.kind, pg_text(e.canonical)) for e in found.entities])
        old = cur.execute("SELECT entity_id, text FROM entity_mentions WHERE article_id = %s",
                          (found.article_id,)).fetchall()
        if old:  # re-processing an article: take its earlier spellings back out of the counts
            lang_row = cur.execute("SELECT lang FROM articles WHERE id = %s",
                                   (found.article_id,)).fetchone()
            lang = lang_row[0] if lang_row else ""
            cur.executemany(
                "UPDATE entity_variants SET count = GREATEST(count - %s, 0) "
                "WHERE entity_id = %s AND text = %s AND lang = %s",
                [(n, eid, text, lang) for (eid, text), n in Counter(old).items()])
            cur.execute("DELETE FROM entity_mentions WHERE article_id = %s", (found.article_id,))
        cur.execute("DELETE FROM text_dates WHERE article_id = %s", (found.article_id,))
        cur.executemany(
            'INSERT INTO entity_mentions (article_id, entity_id, text, kind, start, "end", rule) '
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [(found.article_id, m.entity_id, pg_text(m.text), m.kind, m.start, m.end, m.rule)
             for m in found.mentions if m.entity_id is not None])
        counts = Counter((m.entity_id, pg_text(m.text), m.lang) for m in found.mentions
                         if m.entity_id is not None)
        cur.executemany(
            "INSERT INTO entity_variants (entity_id, text, lang, count) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (entity_id, text, lang) DO UPDATE "
            "SET count = entity_variants.count + excluded.count",
            [(eid, text, lang, n) for (eid, text, lang), n in counts.items()])
        cur.executemany(
            'INSERT INTO text_dates (article_id, text, start, "end", value, precision, relative) '
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [(found.article_id, pg_text(d.text), d.start, d.end, d.value, d.precision,
              d.relative) for d in found.dates])
    if found.keys:
        with db.cursor() as cur:
            cur.executemany("INSERT INTO entity_keys (key, entity_id) VALUES (%s, %s) "
                            "ON CONFLICT DO NOTHING",
                            [(pg_text(key), eid) for key, eid in found.keys])
    for kept, gone in found.merges:
        merge_entities(db, kept, gone)


def merge_entities(db: psycopg.Connection, kept: EntityRecord, gone: int) -> None:
    """Move entity ``gone``'s mentions and spellings to ``kept`` (name updated), delete it
    and record where it went (``entity_merges``). Run inside the caller's transaction."""
    if kept.id == gone:
        return
    db.execute("UPDATE entities SET name = %s WHERE id = %s", (pg_text(kept.name), kept.id))
    db.execute("UPDATE entity_mentions SET entity_id = %s WHERE entity_id = %s",
               (kept.id, gone))
    db.execute(
        "INSERT INTO entity_variants (entity_id, text, lang, count) "
        "SELECT %s, text, lang, count FROM entity_variants WHERE entity_id = %s "
        "ON CONFLICT (entity_id, text, lang) DO UPDATE "
        "SET count = entity_variants.count + excluded.count", (kept.id, gone))
    db.execute("DELETE FROM entity_variants WHERE entity_id = %s", (gone,))
    db.execute("DELETE FROM entities WHERE id = %s", (gone,))
    # links to the merged entity are followed: it, and any entity merged into it before,
    # now lead to ``kept``
    db.execute("UPDATE entity_merges SET kept = %s WHERE kept = %s", (kept.id, gone))
    db.execute("INSERT INTO entity_merges (gone, kept) VALUES (%s, %s) "
               "ON CONFLICT (gone) DO UPDATE SET kept = excluded.kept", (gone, kept.id))
    db.execute("INSERT INTO entity_keys (key, entity_id) "
               "SELECT key, %s FROM entity_keys WHERE entity_id = %s ON CONFLICT DO NOTHING",
               (kept.id, gone))
    db.execute("DELETE FROM entity_keys WHERE entity_id = %s", (gone,))


def clear_entities(db: psycopg.Connection) -> None:
    """Delete every entity, variant, mention and text date (before re-indexing)."""
    for table in ENTITY_TABLES:
        db.execute(f"DELETE FROM {table}".encode())


def entity_successor(db: psycopg.Connection, entity_id: int) -> int | None:
    row = db.execute(successor_sql("%s"), (entity_id,)).fetchone()
    return None if row is None else int(row[0])


def next_entity_id(db: psycopg.Connection) -> int:
    return next_id(db.execute(NEXT_ENTITY_ID_SQL).fetchone())


def entity_directory(db: psycopg.Connection) -> Iterator[tuple[int, str, str | None]]:
    return directory(db.execute(ENTITY_DIRECTORY_SQL).fetchall())


def entity_ids_for_keys(db: psycopg.Connection, keys: Sequence[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for part in chunks([pg_text(k) for k in keys]):
        for key, eid in db.execute("SELECT key, entity_id FROM entity_keys WHERE key = ANY(%s)",
                                   (list(part),)).fetchall():
            found.setdefault(key, []).append(int(eid))
    return found


def entity_rows(db: psycopg.Connection,
                ids: Sequence[int]) -> tuple[list[EntityRecord], list[StoredVariant]]:
    records: list[EntityRecord] = []
    variants: list[StoredVariant] = []
    for part in chunks(ids):
        found = {int(r[0]): EntityRecord(id=int(r[0]), name=r[1], kind=r[2], canonical=r[3])
                 for r in db.execute("SELECT id, name, kind, canonical FROM entities "
                                     "WHERE id = ANY(%s)", (list(part),)).fetchall()}
        records += found.values()
        variants += [StoredVariant(entity=found[int(eid)], text=text, lang=lang, count=int(n))
                     for eid, text, lang, n in db.execute(
                         "SELECT entity_id, text, lang, count FROM entity_variants "
                         "WHERE entity_id = ANY(%s) AND count > 0 "
                         "ORDER BY entity_id, text, lang", (list(part),)).fetchall()]
    return records, variants


def entity_contexts(db: psycopg.Connection, ids: Sequence[int], *,
                    articles: int) -> dict[int, EntityContext]:
    out: dict[int, EntityContext] = {}
    for eid in ids:
        found = context(eid, db.execute(co_mentions_sql("%s"), (eid, articles, eid)).fetchall(),
                        db.execute(stories_sql("%s"), (eid, articles)).fetchall())
        if found is not None:
            out[eid] = found
    return out


def entity_keys_state(db: psycopg.Connection) -> str | None:
    row = db.execute("SELECT value FROM entity_key_state WHERE name = %s",
                     (KEY_STATE,)).fetchone()
    return None if row is None else str(row[0])


def replace_entity_keys(db: psycopg.Connection, rows: Iterable[tuple[str, int]],
                        state: str) -> None:
    """Every key anew (run inside the caller's transaction)."""
    db.execute("DELETE FROM entity_keys")
    with db.cursor() as cur:
        cur.executemany("INSERT INTO entity_keys (key, entity_id) VALUES (%s, %s) "
                        "ON CONFLICT DO NOTHING", [(pg_text(k), eid) for k, eid in rows])
    db.execute("INSERT INTO entity_key_state (name, value) VALUES (%s, %s) "
               "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (KEY_STATE, state))


def entity_for_canonical(db: psycopg.Connection, canonical: str) -> int | None:
    row = db.execute("SELECT id FROM entities WHERE canonical = %s",
                     (pg_text(canonical),)).fetchone()
    return None if row is None else int(row[0])


def reserve_entity_ids(db: psycopg.Connection, count: int) -> int:
    """The first of ``count`` ids no process has had (run inside the caller's
    transaction: the counter's row lock makes two processes wait on each other)."""
    floor = next_entity_id(db)
    db.execute("INSERT INTO entity_key_state (name, value) VALUES (%s, %s) "
               "ON CONFLICT (name) DO NOTHING", (NEXT_ID, str(floor)))
    row = db.execute(
        "UPDATE entity_key_state SET value = (GREATEST(value::bigint, %s) + %s)::text "
        "WHERE name = %s RETURNING value", (floor, count, NEXT_ID)).fetchone()
    assert row is not None
    return int(row[0]) - count


def iter_entity_variants(db: psycopg.Connection) -> Iterator[StoredVariant]:
    rows = db.execute(
        "SELECT e.id, e.name, e.kind, e.canonical, v.text, v.lang, v.count "
        "FROM entity_variants v JOIN entities e ON e.id = v.entity_id WHERE v.count > 0 "
        "ORDER BY e.id").fetchall()
    return iter([StoredVariant(entity=EntityRecord(id=int(eid), name=name, kind=kind,
                                                   canonical=canonical),
                               text=text, lang=lang, count=int(count))
                 for eid, name, kind, canonical, text, lang, count in rows])


def iter_article_entities(db: psycopg.Connection) -> Iterator[tuple[tuple[int, ...], int | None]]:
    """Per article: the entities it mentions and its story (for the linker's context)."""
    rows = db.execute(
        "SELECT m.article_id, a.story_id, array_agg(DISTINCT m.entity_id) "
        "FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
        "GROUP BY m.article_id, a.story_id ORDER BY m.article_id").fetchall()
    return iter([(tuple(int(x) for x in ids), None if story is None else int(story))
                 for _aid, story, ids in rows])


def entities(db: psycopg.Connection, *, kind: str | None = None, limit: int | None = None,
             min_articles: int = 1) -> list[EntitySummary]:
    """Entities with their spellings and articles, most-mentioned first."""
    where, params = ("WHERE e.kind = %s", [kind]) if kind else ("", [])
    head = db.execute(
        "SELECT e.id, e.name, e.kind, e.canonical, COUNT(DISTINCT m.article_id) AS n "
        f"FROM entities e JOIN entity_mentions m ON m.entity_id = e.id {where} "
        "GROUP BY e.id HAVING COUNT(DISTINCT m.article_id) >= %s ORDER BY n DESC, e.id "
        "LIMIT %s".encode(), [*params, min_articles, limit]).fetchall()
    out = []
    for eid, name, ekind, canonical, _n in head:
        variants = tuple(
            VariantCount(text=t, lang=lang, count=int(c)) for t, lang, c in db.execute(
                "SELECT text, lang, count FROM entity_variants WHERE entity_id = %s "
                'AND count > 0 ORDER BY count DESC, lang COLLATE "C", text COLLATE "C"',
                (eid,)))
        urls = tuple(r[0] for r in db.execute(
            "SELECT a.url FROM articles a WHERE a.id IN "
            "(SELECT article_id FROM entity_mentions WHERE entity_id = %s) ORDER BY a.id",
            (eid,)))
        out.append(EntitySummary(id=int(eid), name=name, kind=ekind, canonical=canonical,
                                 variants=variants, article_urls=tuple(dict.fromkeys(urls))))
    return out


def article_mentions(db: psycopg.Connection, article_id: int) -> list[Mention]:
    rows = db.execute(
        'SELECT m.text, m.kind, m.start, m."end", a.lang, m.rule, e.canonical, m.entity_id '
        "FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
        "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = %s ORDER BY m.start, m.id",
        (article_id,))
    return [Mention(text=t, kind=k, start=s, end=e, lang=lang, rule=rule, canonical=canonical,
                    entity_id=int(eid)) for t, k, s, e, lang, rule, canonical, eid in rows]


def article_dates(db: psycopg.Connection, article_id: int) -> list[TextDate]:
    rows = db.execute(
        'SELECT text, start, "end", value, precision, relative FROM text_dates '
        "WHERE article_id = %s ORDER BY start, id", (article_id,))
    return [TextDate(text=t, start=s, end=e, value=v, precision=p, relative=bool(r))
            for t, s, e, v, p, r in rows]


__all__ = [
    "article_dates", "article_mentions", "clear_entities", "entities", "entity_contexts",
    "entity_directory", "entity_for_canonical", "entity_ids_for_keys", "entity_keys_state",
    "entity_rows",
    "entity_successor", "iter_article_entities", "iter_entity_variants", "merge_entities",
    "next_entity_id", "replace_entity_keys", "reserve_entity_ids", "write_entities",
]
