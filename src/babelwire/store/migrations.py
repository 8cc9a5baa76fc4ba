"""Schema migrations for the SQLite store: named scripts applied once each, in order.

The names applied are recorded in the ``schema_migrations`` table, and
``PRAGMA user_version`` holds their count. Never edit or reorder a migration
that has shipped: append a new ``(name, script)`` pair.
"""

from __future__ import annotations

_ZONE_MOVES_0008 = (
    ("Europe/Kiev", "Europe/Kyiv"), ("Asia/Calcutta", "Asia/Kolkata"),
    ("Asia/Rangoon", "Asia/Yangon"), ("Asia/Katmandu", "Asia/Kathmandu"),
    ("Asia/Saigon", "Asia/Ho_Chi_Minh"), ("America/Godthab", "America/Nuuk"),
)
"""The zone renames migration 0008 applies, frozen with it (the gazetteer's own table is
``stages.entities_gazetteer._ZONE_RENAMES``; a later rename needs a new migration)."""

CURRENT_ZONE_NAMES = "".join(
    f"UPDATE entities SET canonical = 'place:city:{new}' "
    f"WHERE canonical = 'place:city:{old}' "
    f"AND NOT EXISTS (SELECT 1 FROM entities WHERE canonical = 'place:city:{new}');\n"
    for old, new in _ZONE_MOVES_0008)
"""Migration 0008, the same SQL on both backends: city keys written by an older Babel
(``place:city:Europe/Kiev``) move to the current IANA name unless an entity holds it, so
an upgraded database keeps one entity per city."""

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_articles_stories", """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        merged_into INTEGER REFERENCES stories(id)
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        author TEXT,
        site TEXT,
        lang TEXT NOT NULL,
        lang_confidence REAL NOT NULL,
        published TEXT,
        fetched_at TEXT NOT NULL,
        location TEXT,
        doc_id TEXT,
        content_hash TEXT NOT NULL,
        minhash BLOB,
        duplicate_of INTEGER REFERENCES articles(id),
        dup_reason TEXT,
        dup_similarity REAL,
        story_id INTEGER REFERENCES stories(id),
        story_score REAL,
        story_evidence TEXT,
        embedding BLOB,
        metadata TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_lang ON articles(lang);
    CREATE TABLE http_validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE articles_trigram USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='trigram'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        INSERT INTO articles_trigram(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_trigram(articles_trigram, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_trigram(articles_trigram, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        INSERT INTO articles_trigram(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    """),
    ("0003_web_sources_tokens", """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE TABLE api_tokens (
        name TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        can_write INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE INDEX articles_source ON articles(source, story_id);
    CREATE INDEX articles_lang_story ON articles(lang, story_id);
    CREATE INDEX articles_time ON articles(COALESCE(published, fetched_at), id);
    CREATE INDEX articles_story_activity ON articles(
        story_id, published, fetched_at, duplicate_of, lang, source);
    """),
    ("0002_entities", """
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        canonical TEXT
    );
    CREATE INDEX entities_kind ON entities(kind);
    CREATE UNIQUE INDEX entities_canonical ON entities(canonical) WHERE canonical IS NOT NULL;
    CREATE TABLE entity_variants (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        lang TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_id, text, lang)
    );
    CREATE TABLE entity_mentions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        rule TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
    CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, article_id);
    CREATE TABLE text_dates (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value TEXT NOT NULL,
        precision TEXT NOT NULL,
        relative INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX text_dates_article ON text_dates(article_id);
    CREATE INDEX text_dates_value ON text_dates(value);
    """),
    ("0004_monitor_source_state", """
    CREATE TABLE source_state (
        source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        kind TEXT,
        last_fetch TEXT,
        last_success TEXT,
        last_new TEXT,
        last_error TEXT,
        last_error_at TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_poll TEXT,
        interval_seconds REAL,
        mean_gap_seconds REAL,
        polls INTEGER NOT NULL DEFAULT 0,
        new_items INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE source_arrivals (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        articles INTEGER NOT NULL
    );
    CREATE INDEX source_arrivals_at ON source_arrivals(at, source_id);
    CREATE INDEX articles_fetched_lang ON articles(fetched_at, lang);
    """),
    ("0005_web_entity_index", """
    CREATE INDEX entity_mentions_article_entity ON entity_mentions(article_id, entity_id);
    """),
    ("0006_alerts", """
    CREATE TABLE watchlists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL,
        languages TEXT NOT NULL DEFAULT '[]',
        sources TEXT NOT NULL DEFAULT '[]',
        aliases TEXT NOT NULL DEFAULT '{}',
        webhook_url TEXT,
        webhook_secret TEXT,
        email TEXT,
        mode TEXT NOT NULL DEFAULT 'immediate',
        digest_minutes INTEGER NOT NULL DEFAULT 60,
        start_after INTEGER NOT NULL DEFAULT 0,
        reasons TEXT NOT NULL DEFAULT '["match", "breaking", "new_language"]',
        created_at TEXT NOT NULL,
        last_digest_at TEXT
    );
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        watch_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        payload TEXT NOT NULL,
        batched_at TEXT,
        UNIQUE (watch_id, story_id, reason, detail)
    );
    CREATE INDEX alerts_pending ON alerts(watch_id, batched_at);
    CREATE TABLE alert_deliveries (
        id INTEGER PRIMARY KEY,
        watch_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        target TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX alert_deliveries_due ON alert_deliveries(status, next_attempt_at);
    CREATE TABLE alert_delivery_items (
        delivery_id INTEGER NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        PRIMARY KEY (delivery_id, alert_id)
    );
    CREATE INDEX alert_delivery_items_alert ON alert_delivery_items(alert_id);
    CREATE TABLE alert_attempts (
        id INTEGER PRIMARY KEY,
        delivery_id INTEGER NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        ok INTEGER NOT NULL,
        error TEXT
    );
    CREATE TABLE alert_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """),
    ("0007_entity_page_index", """
    CREATE INDEX articles_entity_page ON articles(
        id, published, fetched_at, lang, story_id, url);
    """),
    ("0008_current_zone_names", CURRENT_ZONE_NAMES),
    ("0009_entity_merges", """
    -- Where each merged-away entity went (chains flattened: kept always exists), so a
    -- link to /entities/<old id> is followed, and an old id is never handed out again.
    CREATE TABLE entity_merges (
        gone INTEGER PRIMARY KEY,
        kept INTEGER NOT NULL
    );
    CREATE INDEX entity_merges_kept ON entity_merges(kept);
    """),
    ("0010_entity_keys", """
    -- The keys the linker files each spelling under (form, stems, skeletons, surname),
    -- so a process finds an entity by key instead of reading every spelling at start;
    -- entity_key_state holds the fingerprint of the code that computed them.
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        PRIMARY KEY (key, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
    CREATE TABLE entity_key_state (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """),
    ("0011_lexical_frequencies", """
    -- The story clusterer's 4-gram document frequencies (stages/lexical.py): per hash
    -- bucket, the original articles whose sketch has it; bucket -1 holds the number of
    -- articles counted. Writers add what each batch counted.
    CREATE TABLE lexical_frequencies (
        bucket INTEGER PRIMARY KEY,
        documents INTEGER NOT NULL
    ) WITHOUT ROWID;
    """),
)
