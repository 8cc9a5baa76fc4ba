"""The alert rules, run over new articles: match, breaking, new language.

For every article above the watermark (``alert_state['rules.article_id']``) and every
watch that began before it (``Watch.start_after``):

* **match**: the article matches the watch's query and filters, and the watch has no
  alert for the article's story yet;
* **new_language**: the article is the first of its story in its language, in a story
  the watch already follows (one it matched), after the watch matched it;
* **breaking**: a story the watch follows got new articles and the burst test
  (:mod:`babelwire.alerts.breaking`) says it breaks.

Alerts are unique on (watch, story, reason, detail) in the store, and the watermark
moves only after a batch is done, so a crash repeats work but never an alert.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from babelwire.alerts.breaking import BurstAssessment, BurstParams, assess_story
from babelwire.alerts.payload import alert_payload
from babelwire.alerts.query import (
    ArticleView,
    Matcher,
    Node,
    PreparedText,
    entity_names,
    entity_resolver,
    parse_watch_query,
    prepare,
)
from babelwire.alerts.records import NewAlert, TimelinePoint, Watch
from babelwire.errors import BabelwireError
from babelwire.records import StoredArticle
from babelwire.store.base import Store

log = logging.getLogger(__name__)
WATERMARK = "rules.article_id"


@dataclass(frozen=True, slots=True)
class CompiledWatch:
    watch: Watch
    node: Node
    languages: frozenset[str]
    sources: frozenset[str]

    def admits(self, article: StoredArticle) -> bool:
        if self.languages and article.lang not in self.languages:
            return False
        return not self.sources or article.source.casefold() in self.sources


def compile_watch(watch: Watch) -> CompiledWatch:
    return CompiledWatch(watch=watch, node=parse_watch_query(watch.query, watch.aliases),
                         languages=frozenset(watch.languages),
                         sources=frozenset(s.casefold() for s in watch.sources))


def view(article: StoredArticle, entity_ids: set[int] | None) -> ArticleView:
    return ArticleView(title=article.title, text=article.text, lang=article.lang,
                       source=article.source, entity_ids=frozenset(entity_ids or ()))


class WatchMatcher:
    """Matches articles against compiled watches, resolving entity names once per use."""

    def __init__(self, store: Store, watches: list[CompiledWatch]) -> None:
        self.store = store
        self.watches = watches
        self._resolve: Callable[[str], frozenset[int]] | None = None
        self.uses_entities = any(entity_names(w.node) for w in watches)
        self._prepared: dict[int, PreparedText] = {}

    def resolver(self) -> Callable[[str], frozenset[int]]:
        if self._resolve is None:
            self._resolve = entity_resolver(self.store.entity_spellings())
        return self._resolve

    def entity_ids(self, articles: list[StoredArticle]) -> dict[int, set[int]]:
        if not self.uses_entities:
            return {}
        return self.store.entity_ids_by_article([a.id for a in articles])

    def matches(self, compiled: CompiledWatch, article: StoredArticle,
                entity_ids: set[int] | None) -> list[str]:
        if not compiled.admits(article):
            return []
        resolve = self.resolver() if self.uses_entities else (lambda _name: frozenset())
        prepared = self._prepared.get(article.id)
        if prepared is None:
            if len(self._prepared) >= 2048:  # one batch's worth; keep memory bounded
                self._prepared.clear()
            prepared = self._prepared[article.id] = prepare(article.title, article.text)
        return Matcher(compiled.node, resolve).matches(view(article, entity_ids), prepared)


class AlertRules:
    """Turns new articles into alerts in the store (delivery is another hook's job)."""

    def __init__(self, store: Store, params: BurstParams, *, batch: int = 500) -> None:
        self.store = store
        self.params = params
        self.batch = batch

    def run(self, now: datetime) -> int:
        """Process every article above the watermark; return the number of new alerts."""
        made = 0
        while True:
            mark = int(self.store.alert_state(WATERMARK) or 0)
            articles = self.store.articles_after(mark, limit=self.batch)
            if not articles:
                return made
            made += self._batch(articles, now)
            self.store.set_alert_state(WATERMARK, str(articles[-1].id))

    def _compiled(self) -> list[CompiledWatch]:
        out = []
        for watch in self.store.watches():
            try:
                out.append(compile_watch(watch))
            except BabelwireError as exc:  # stored before a rule changed: skip, say why
                log.warning("watch %r skipped: %s", watch.name, exc)
        return out

    def _batch(self, articles: list[StoredArticle], now: datetime) -> int:
        compiled = self._compiled()
        if not compiled:
            return 0
        matcher = WatchMatcher(self.store, compiled)
        entity_ids = matcher.entity_ids(articles)
        timelines: dict[int, list[TimelinePoint]] = {}
        bursts: dict[int, BurstAssessment] = {}
        made = 0
        for c in compiled:
            made += self._watch_batch(c, articles, entity_ids, matcher, timelines, bursts, now)
        return made

    def _timeline(self, story_id: int, cache: dict[int, list[TimelinePoint]]
                  ) -> list[TimelinePoint]:
        if story_id not in cache:
            cache[story_id] = self.store.story_timeline(story_id)
        return cache[story_id]

    def _alert(self, watch: Watch, story_id: int, reason: str, detail: str, now: datetime,
               terms: list[str], breaking: BurstAssessment | None = None) -> int:
        story = self.store.story(story_id)
        if story is None:
            return 0
        payload = alert_payload(watch=watch, story=story, reason=reason, detail=detail, at=now,
                                matched_terms=terms,
                                breaking=None if breaking is None else breaking.signals())
        made = self.store.add_alert(NewAlert(watch_id=watch.id, story_id=story_id,
                                             reason=reason, detail=detail, created_at=now,
                                             payload=payload))
        return 0 if made is None else 1

    def _watch_batch(self, c: CompiledWatch, articles: list[StoredArticle],
                     entity_ids: dict[int, set[int]], matcher: WatchMatcher,
                     timelines: dict[int, list[TimelinePoint]],
                     bursts: dict[int, BurstAssessment], now: datetime) -> int:
        watch = c.watch
        followed = self.store.alerted_stories(watch.id)
        first_match: dict[int, int] = {}
        terms: dict[int, list[str]] = defaultdict(list)
        touched: set[int] = set()
        made = 0
        for article in articles:
            if article.id <= watch.start_after or article.story_id is None:
                continue
            story_id = article.story_id
            hits = matcher.matches(c, article, entity_ids.get(article.id))
            if hits and story_id not in followed and story_id not in first_match:
                first_match[story_id] = article.id
                terms[story_id] = hits
                made += self._alert(watch, story_id, "match", "", now, hits)
            if story_id in followed or story_id in first_match:
                touched.add(story_id)
                if story_id in first_match and article.id <= first_match[story_id]:
                    continue
                made += self._new_language(c, article, timelines, now)
        for story_id in sorted(touched):
            if story_id not in bursts:
                bursts[story_id] = assess_story(self.store, story_id, now, self.params)
            if bursts[story_id].breaking:
                made += self._alert(watch, story_id, "breaking", "", now, terms[story_id],
                                    bursts[story_id])
        return made

    def _new_language(self, c: CompiledWatch, article: StoredArticle,
                      timelines: dict[int, list[TimelinePoint]], now: datetime) -> int:
        if article.lang == "und" or (c.languages and article.lang not in c.languages):
            return 0
        assert article.story_id is not None
        earlier = {p.lang for p in self._timeline(article.story_id, timelines)
                   if p.article_id < article.id}
        if not earlier or article.lang in earlier:
            return 0
        return self._alert(c.watch, article.story_id, "new_language", article.lang, now, [])
