"""Schema migrations for the PostgreSQL store: named scripts applied once each, in order.

The names match the SQLite migrations in :mod:`babelwire.store.migrations` so
that one name means one schema change on both backends. Applied names are
recorded in ``schema_migrations``; each script runs in one transaction under
an advisory lock, so two processes opening a fresh database at once apply it
once. Never edit or reorder a migration that has shipped: append a new pair.

Times are ``timestamptz`` (UTC, whole seconds, as SQLite stores them; the
monitor's keep microseconds, as on SQLite), JSON is ``json`` (key order kept),
vectors and MinHash signatures are ``bytea`` (the same bytes SQLite keeps).
Word search uses a ``tsvector`` column kept by a trigger with the
``simple`` configuration over ``babelwire_fold(text)``: lower case (ICU's, for
every script, when the server has ICU), and accents removed when the
``unaccent`` extension can be installed. Chinese and
Japanese use substring matching, with a ``pg_trgm`` index when that extension
can be installed.
"""

from __future__ import annotations

from babelwire.store.migrations import CURRENT_ZONE_NAMES

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_articles_stories", """
    DO $setup$
    DECLARE
        where_unaccent text;
        folded text := 't';
    BEGIN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'unaccent is not available: word search keeps accents';
        END;
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'pg_trgm is not available: CJK search scans articles';
        END;
        SELECT n.nspname INTO where_unaccent FROM pg_extension e
            JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent';
        IF where_unaccent IS NOT NULL THEN
            folded := format('%I.unaccent(%L::regdictionary, t)',
                             where_unaccent, where_unaccent || '.unaccent');
        END IF;
        -- ICU lower-cases every script whatever the database's locale; without
        -- ICU, lower() follows LC_CTYPE (ASCII only under the C locale).
        IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN
            folded := format('lower((%s) COLLATE "und-x-icu")', folded);
        ELSE
            folded := format('lower(%s)', folded);
        END IF;
        EXECUTE format('CREATE FUNCTION babelwire_fold(t text) RETURNS text LANGUAGE sql '
                       'IMMUTABLE PARALLEL SAFE AS %L', 'SELECT ' || folded);
    END
    $setup$;
    CREATE TABLE stories (
        id BIGSERIAL PRIMARY KEY,
        title TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        first_seen TIMESTAMPTZ,
        last_seen TIMESTAMPTZ,
        merged_into BIGINT REFERENCES stories(id)
    );
    CREATE TABLE articles (
        id BIGSERIAL PRIMARY KEY,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        author TEXT,
        site TEXT,
        lang TEXT NOT NULL,
        lang_confidence DOUBLE PRECISION NOT NULL,
        published TIMESTAMPTZ,
        fetched_at TIMESTAMPTZ NOT NULL,
        location TEXT,
        doc_id TEXT,
        content_hash TEXT NOT NULL,
        minhash BYTEA,
        duplicate_of BIGINT REFERENCES articles(id),
        dup_reason TEXT,
        dup_similarity DOUBLE PRECISION,
        story_id BIGINT REFERENCES stories(id),
        story_score DOUBLE PRECISION,
        story_evidence JSONB,
        embedding BYTEA,
        metadata JSONB NOT NULL DEFAULT '{}',
        fts TSVECTOR
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_lang ON articles(lang);
    CREATE INDEX articles_fts ON articles USING gin(fts);
    CREATE TABLE http_validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        updated_at TIMESTAMPTZ NOT NULL
    );
    CREATE FUNCTION babelwire_articles_fts() RETURNS trigger LANGUAGE plpgsql AS $fts$
    BEGIN
        NEW.fts := to_tsvector('simple', babelwire_fold(NEW.title))
                   || to_tsvector('simple', babelwire_fold(NEW.text));
        RETURN NEW;
    END
    $fts$;
    CREATE TRIGGER articles_fts BEFORE INSERT OR UPDATE OF title, text ON articles
        FOR EACH ROW EXECUTE FUNCTION babelwire_articles_fts();
    DO $trgm$
    BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            CREATE INDEX articles_trigram ON articles
                USING gin ((title || ' ' || text) gin_trgm_ops);
        END IF;
    END
    $trgm$;
    """),
    ("0003_web_sources_tokens", """
    CREATE TABLE sources (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL UNIQUE,
        created_at TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE api_tokens (
        name TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        can_write BOOLEAN NOT NULL DEFAULT FALSE,
        created_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX articles_source ON articles(source, story_id);
    CREATE INDEX articles_lang_story ON articles(lang, story_id);
    CREATE INDEX articles_time ON articles((COALESCE(published, fetched_at)), id);
    CREATE INDEX articles_story_activity ON articles(
        story_id, published, fetched_at, duplicate_of, lang, source);
    """),
    ("0002_entities", """
    CREATE TABLE entities (
        id BIGINT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        canonical TEXT
    );
    CREATE INDEX entities_kind ON entities(kind);
    CREATE UNIQUE INDEX entities_canonical ON entities(canonical) WHERE canonical IS NOT NULL;
    CREATE TABLE entity_variants (
        entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        lang TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_id, text, lang)
    );
    CREATE TABLE entity_mentions (
        id BIGSERIAL PRIMARY KEY,
        article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        rule TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
    CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, article_id);
    CREATE TABLE text_dates (
        id BIGSERIAL PRIMARY KEY,
        article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value DATE NOT NULL,
        precision TEXT NOT NULL,
        relative BOOLEAN NOT NULL DEFAULT FALSE
    );
    CREATE INDEX text_dates_article ON text_dates(article_id);
    CREATE INDEX text_dates_value ON text_dates(value);
    """),
    ("0004_monitor_source_state", """
    CREATE TABLE source_state (
        source_id BIGINT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        kind TEXT,
        last_fetch TIMESTAMPTZ,
        last_success TIMESTAMPTZ,
        last_new TIMESTAMPTZ,
        last_error TEXT,
        last_error_at TIMESTAMPTZ,
        consecutive_failures BIGINT NOT NULL DEFAULT 0,
        next_poll TIMESTAMPTZ,
        interval_seconds DOUBLE PRECISION,
        mean_gap_seconds DOUBLE PRECISION,
        polls BIGINT NOT NULL DEFAULT 0,
        new_items BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE source_arrivals (
        source_id BIGINT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        at TIMESTAMPTZ NOT NULL,
        articles BIGINT NOT NULL
    );
    CREATE INDEX source_arrivals_at ON source_arrivals(at, source_id);
    CREATE INDEX source_arrivals_source ON source_arrivals(source_id);
    CREATE INDEX articles_fetched_lang ON articles(fetched_at, lang);
    """),
    ("0005_web_entity_index", """
    CREATE INDEX entity_mentions_article_entity ON entity_mentions(article_id, entity_id);
    -- The entity list's name filter folds case as SQLite's bw_fold (Python's casefold)
    -- does, accents kept: lower case in every script through ICU when the server has
    -- it (else by LC_CTYPE), with the two foldings lower() lacks that news text meets
    -- (German sharp s to ss, Greek final sigma to sigma; code points, so that this
    -- script stays ASCII).
    DO $casefold$
    DECLARE
        folded text := 'lower(t)';
    BEGIN
        IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN
            folded := 'lower(t COLLATE "und-x-icu")';
        END IF;
        IF current_setting('server_encoding') = 'UTF8' THEN
            folded := format('replace(translate(%s, %L, %L), %L, %L)',
                             folded, chr(962), chr(963), chr(223), 'ss');
        END IF;
        EXECUTE format('CREATE FUNCTION babelwire_casefold(t text) RETURNS text LANGUAGE sql '
                       'IMMUTABLE PARALLEL SAFE AS %L', 'SELECT ' || folded);
    END
    $casefold$;
    """),
    ("0006_alerts", """
    CREATE TABLE watchlists (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL,
        languages JSON NOT NULL DEFAULT '[]',
        sources JSON NOT NULL DEFAULT '[]',
        aliases JSON NOT NULL DEFAULT '{}',
        webhook_url TEXT,
        webhook_secret TEXT,
        email TEXT,
        mode TEXT NOT NULL DEFAULT 'immediate',
        digest_minutes BIGINT NOT NULL DEFAULT 60,
        start_after BIGINT NOT NULL DEFAULT 0,
        reasons JSON NOT NULL DEFAULT '["match", "breaking", "new_language"]',
        created_at TIMESTAMPTZ NOT NULL,
        last_digest_at TIMESTAMPTZ
    );
    CREATE TABLE alerts (
        id BIGSERIAL PRIMARY KEY,
        watch_id BIGINT NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
        story_id BIGINT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        created_at TIMESTAMPTZ NOT NULL,
        payload JSON NOT NULL,
        batched_at TIMESTAMPTZ,
        UNIQUE (watch_id, story_id, reason, detail)
    );
    CREATE INDEX alerts_pending ON alerts(watch_id, batched_at);
    CREATE TABLE alert_deliveries (
        id BIGSERIAL PRIMARY KEY,
        watch_id BIGINT NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        target TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts BIGINT NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ NOT NULL,
        last_error TEXT,
        created_at TIMESTAMPTZ NOT NULL,
        sent_at TIMESTAMPTZ
    );
    CREATE INDEX alert_deliveries_due ON alert_deliveries(status, next_attempt_at);
    CREATE INDEX alert_deliveries_watch ON alert_deliveries(watch_id);
    CREATE TABLE alert_delivery_items (
        delivery_id BIGINT NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
        alert_id BIGINT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        PRIMARY KEY (delivery_id, alert_id)
    );
    CREATE INDEX alert_delivery_items_alert ON alert_delivery_items(alert_id);
    CREATE TABLE alert_attempts (
        id BIGSERIAL PRIMARY KEY,
        delivery_id BIGINT NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
        at TIMESTAMPTZ NOT NULL,
        ok BOOLEAN NOT NULL,
        error TEXT
    );
    CREATE INDEX alert_attempts_delivery ON alert_attempts(delivery_id, id);
    CREATE TABLE alert_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """),
    ("0007_entity_page_index", """
    -- The entity page's counts read an article's time, language, story and address
    -- from here (an index-only scan once the table is vacuumed).
    CREATE INDEX articles_entity_page ON articles(id)
        INCLUDE (published, fetched_at, lang, story_id, url);
    """),
    ("0008_current_zone_names", CURRENT_ZONE_NAMES),
    ("0009_entity_merges", """
    -- Where each merged-away entity went (chains flattened: kept always exists), so a
    -- link to /entities/<old id> is followed, and an old id is never handed out again.
    CREATE TABLE entity_merges (
        gone BIGINT PRIMARY KEY,
        kept BIGINT NOT NULL
    );
    CREATE INDEX entity_merges_kept ON entity_merges(kept);
    """),
    ("0010_entity_keys", """
    -- The keys the linker files each spelling under (form, stems, skeletons, surname),
    -- so a process finds an entity by key instead of reading every spelling at start;
    -- entity_key_state holds the fingerprint of the code that computed them.
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        entity_id BIGINT NOT NULL,
        PRIMARY KEY (key, entity_id)
    );
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
        documents BIGINT NOT NULL
    );
    """),
)
