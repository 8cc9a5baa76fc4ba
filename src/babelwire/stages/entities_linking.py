"""Merges mentions into entities across articles, languages, scripts and case forms.

Within an article, mentions are first grouped (:mod:`entities_groups`: one stem,
one group; a lone surname or first name joins the person named in full). Each
group is then linked to a known entity, or becomes a new one:

1. a canonical key (gazetteer place or organisation, cited document) decides;
2. the same spelling or the same stem (``Шольц``/``Шольца``) in the same kind;
3. a matching skeleton key (``Scholz`` = ``Шольц`` = ``شولتس`` = ``Schulz``)
   proposes candidates, which must be confirmed: string similarity of the Latin
   transliterations (rapidfuzz) *and* context: the candidate's co-mentioned
   entities and stories against this article's. ``Olaf Schulz`` in an unrelated
   article shares no context with ``Olaf Scholz`` and stays apart.

The linker keeps its indexes in memory. Without a store it holds every entity it has
seen (and :meth:`EntityLinker.load` reads a store's back in full); backed by a store
(``source``, see :mod:`entities_resident`), it holds only the entities the articles
it links can reach, loads them by key as it goes, and drops them past a limit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.fuzz import ratio as _ratio

from babelwire.stages.entities_given_names import is_given_name
from babelwire.stages.entities_groups import (
    PATRONYMIC_SURNAME,
    Group,
    first_names,
    first_names_agree,
    group_mentions,
    is_acronym,
    surname_key,
    words_of,
)
from babelwire.stages.entities_index import KeyIndex, index_keys
from babelwire.stages.entities_keys import (
    fold,
    latin,
    latin_forms,
    possessive_bases,
    script_of,
    short_stem_key,
    skeleton,
    stem_key,
    stem_word,
    writing_script,
)
from babelwire.stages.entities_records import EntityRecord, Mention, StoredVariant
from babelwire.stages.entities_resident import EntitySource, Resident

_CONTEXT_CAP = 400
_WEAK_RULES = frozenset({"shape", "stream", "document"})
_PER_ARTICLE_CAP = 40
_MERGE_FORMS = 24
_KIND_OF_KEY = {"place": "place", "org": "organisation", "doc": "document", "event": "event",
                "product": "product"}


@dataclass(frozen=True, slots=True)
class LinkParams:
    """Thresholds for accepting a candidate found by skeleton key (similarity 0-1)."""

    close_similarity: float = 0.85
    close_context: float = 0.5
    far_similarity: float = 0.5
    far_context: float = 0.75
    script_context: float = 0.25
    """Context enough for a full name whose every word matches a spelling in another script."""
    script_similarity: float = 0.95
    """...or, without context, the similarity of such a full name's Latin forms enough
    (``Яцек Чапутович`` and ``Jacek Czaputowicz``: 1.0; ``Олаф Шольц`` and ``Olaf Schulz``:
    0.73)."""
    story_weight: float = 1.0
    place_weight: float = 0.25
    other_weight: float = 0.5
    keyed_similarity: float = 0.7
    """An entity with a canonical key takes a skeleton candidate only at this similarity."""
    merge_similarity: float = 0.6
    """After the fact: two entities with one skeleton merge at this similarity of their
    Latin forms..."""
    merge_context: float = 1.0
    """...when they share this much context (stories, co-mentioned entities) and were never
    named in one article."""
    merge_bucket: int = 12
    """Skeleton buckets with more entities than this are too common to judge: skipped."""


@dataclass
class _Entity:
    record: EntityRecord
    variants: Counter[tuple[str, str]] = field(default_factory=Counter)
    latin_forms: set[str] = field(default_factory=set)
    context: Counter[int] = field(default_factory=Counter)
    # the three below start as one shared empty frozenset and are replaced when written
    # (most entities never gain a lemma or a first name): an empty set costs 216 bytes
    stories: set[int] | frozenset[int] = frozenset()
    lemmas: frozenset[str] = frozenset()
    firsts: frozenset[tuple[str, str, str]] = frozenset()
    """First names of its full-name spellings (see :func:`first_names`)."""



class EntityLinker:
    """In-memory entity index: link an article's mentions, learn from them."""

    def __init__(self, *, params: LinkParams | None = None, first_id: int = 1,
                 names: Callable[[str], str | None] | None = None,
                 source: EntitySource | None = None, resident_limit: int = 0) -> None:
        self.params = params or LinkParams()
        self.next_id = first_id
        self.names = names or (lambda canonical: None)
        self.entities: dict[int, _Entity] = {}
        self.by_canonical: dict[str, int] = {}
        self.by_form = KeyIndex("form")
        """(kind, folded spelling) -> entities; the others are keyed the same way:"""
        self.by_stem = KeyIndex("stem")
        self.by_skeleton = KeyIndex("skeleton")
        self.by_surname = KeyIndex("surname")
        self.by_stem_any = KeyIndex("any")
        """Stem -> entities of any kind: weakly typed mentions may join another kind's entity."""
        self.indexes = {i.name: i for i in (self.by_form, self.by_stem, self.by_skeleton,
                                             self.by_surname, self.by_stem_any)}
        self.merged_into: dict[int, int] = {}
        """Entity id -> the id it was merged into by :meth:`merge_pass`."""
        self._dirty: set[int] = set()
        """Entities that gained spellings or context since the last merge pass."""
        self.new_keys: list[tuple[str, Hashable, int]] = []
        """(index, key, entity) filed since :meth:`take_new_keys`, for the store (only when
        backed by one)."""
        self.resident: Resident | None = None
        if source is not None:
            self.resident = Resident(self, source, limit=resident_limit)

    def kind_of(self, eid: int) -> str | None:
        """An entity's kind, held or not (None for an id never seen)."""
        entity = self.entities.get(eid)
        if entity is not None:
            return entity.record.kind
        return self.resident.kind_of(eid) if self.resident is not None else None

    def forget_pending(self) -> None:
        """Drop what waits for the store: changed entities, merges, new keys."""
        self._dirty.clear()
        self.merged_into.clear()
        self.new_keys.clear()

    def take_new_keys(self) -> list[tuple[str, Hashable, int]]:
        keys, self.new_keys = self.new_keys, []
        return keys

    # -- memory ------------------------------------------------------------
    def load(self, variants: Iterable[StoredVariant],
             articles: Iterable[tuple[Sequence[int], int | None]] = ()) -> None:
        """Rebuild from stored variants and, per article, (entity ids, story id)."""
        self.load_variants(variants)
        for ids, story in articles:
            self._learn_context(list(ids), story)

    def load_variants(self, variants: Iterable[StoredVariant]) -> None:
        """File stored spellings: a person's one-word spellings after the others, so that
        a lone first name finds its full name (see _remember); only those rows wait."""
        later: list[StoredVariant] = []
        for row in variants:
            if row.entity.kind == "person" and len(words_of(row.text)) == 1:
                later.append(row)
            else:
                self._load_variant(row)
        for row in later:
            self._load_variant(row)

    def _load_variant(self, row: StoredVariant) -> None:
        entity = self.entities.get(row.entity.id)
        if entity is None:
            entity = self._new(row.entity)
        self._remember(entity, row.text, row.lang, row.count)
        self.next_id = max(self.next_id, row.entity.id + 1)

    def _new(self, record: EntityRecord) -> _Entity:
        entity = _Entity(record)
        self.entities[record.id] = entity
        if record.canonical:
            self.by_canonical.setdefault(record.canonical, record.id)
        if self.resident is not None:
            self.resident.note_kind(record.id, record.kind)
        return entity

    def _remember(self, entity: _Entity, text: str, lang: str, count: int = 1,
                  lemma: str | None = None) -> None:
        first_time = (text, lang) not in entity.variants
        entity.variants[(text, lang)] += count
        if first_time and not self._lone_first_name(entity, text):
            self._index(entity, text)
            new_firsts = first_names([(text, lang)])
            if not new_firsts <= entity.firsts:
                entity.firsts = entity.firsts | new_firsts
        if lemma and lemma != text and lemma not in entity.lemmas:
            entity.lemmas = entity.lemmas | {lemma}
            self._index(entity, lemma)

    def refile(self, entity: _Entity) -> None:
        """File a held entity's spellings and lemmas again (after the indexes were emptied)."""
        for text, _lang in entity.variants:
            if not self._lone_first_name(entity, text):
                self._index(entity, text)
        for lemma in entity.lemmas:
            self._index(entity, lemma)

    @staticmethod
    def _lone_first_name(entity: _Entity, text: str) -> bool:
        """Whether ``text`` is a person's first name alone (``Бориса`` of ``Борис Джонсон``):
        kept as a spelling but never indexed, since it names many people."""
        words = words_of(text)
        if entity.record.kind != "person" or len(words) != 1:
            return False
        stem = stem_word(words[0])
        return any(len(w) > 1 and stem_word(w[0]) == stem
                   for w in (words_of(t) for t, _lang in entity.variants))

    def _index(self, entity: _Entity, text: str) -> None:
        kind, eid = entity.record.kind, entity.record.id
        emit = self.resident is not None and not self.resident.loading
        for name, key in index_keys(kind, text):
            self.indexes[name].add(key, eid)
            if emit:
                self.new_keys.append((name, key, eid))
        if kind != "document":
            entity.latin_forms.update(latin_forms(stem_key(text)))

    def _learn_context(self, ids: list[int], story: int | None) -> None:
        ids = list(dict.fromkeys(ids))[:_PER_ARTICLE_CAP]
        for eid in ids:
            entity = self.entities.get(eid)
            if entity is None:
                continue
            if story is not None:
                if isinstance(entity.stories, set):
                    entity.stories.add(story)
                else:
                    entity.stories = {story}
            if len(entity.context) < _CONTEXT_CAP:
                entity.context.update(other for other in ids if other != eid)

    # -- linking -----------------------------------------------------------
    def link(self, mentions: Sequence[Mention],
             story_id: int | None = None) -> tuple[list[Mention], list[EntityRecord]]:
        """Set ``entity_id`` on every mention; return them and the entities created or renamed."""
        groups = group_mentions(mentions)
        groups.sort(key=lambda g: (g.canonical is None, -len(g.mentions)))
        if self.resident is not None:  # the entities these names may be, in few queries
            self.resident.prefetch(groups)
        context: set[int] = set()
        changed: dict[int, EntityRecord] = {}
        linked: dict[int, int] = {}
        for group in groups:
            eid = self._resolve(group, context, story_id)
            if eid is not None and eid not in self.entities and self.resident is not None:
                self.resident.load({eid})  # known by its canonical key, not held
                eid = eid if eid in self.entities else None
            if eid is None:
                eid = self._create(group)
                changed[eid] = self.entities[eid].record
            entity = self.entities[eid]
            if self.resident is not None:
                self.resident.touch(eid)
            renamed = self._maybe_rename(entity, group)
            if renamed is not None:
                changed[eid] = renamed
            for m in group.mentions:
                self._remember(entity, m.text, m.lang, lemma=m.lemma)
                linked[id(m)] = eid
            context.add(eid)
            if entity.record.canonical is None:
                self._dirty.add(eid)
        self._learn_context(list(context), story_id)
        out = [replace(m, entity_id=linked[id(m)], kind=self._kind_of(m, linked[id(m)]))
               for m in mentions]
        return out, list(changed.values())

    # -- merging after the fact -------------------------------------------
    def resolve(self, eid: int) -> int:
        """The id ``eid`` lives on as after merges."""
        while eid in self.merged_into:
            eid = self.merged_into[eid]
        return eid

    def _index_keys(self, entity: _Entity, text: str) -> list[tuple[KeyIndex, Hashable]]:
        """The (index, key) pairs :meth:`_index` files ``text`` of ``entity`` under."""
        return [(self.indexes[name], key) for name, key in index_keys(entity.record.kind, text)]

    def _skeletons(self, entity: _Entity) -> set[str]:
        out = set()
        for text, _lang in entity.variants:
            stem = stem_key(text)
            out |= {k for k in (skeleton(stem), skeleton(text)) if k}
        return out

    def _shared_context(self, a: _Entity, b: _Entity) -> float:
        p = self.params
        score = p.story_weight * len(a.stories & b.stories)
        for other in a.context.keys() & b.context.keys():
            kind = self.kind_of(other)
            if kind is not None:
                score += p.place_weight if kind == "place" else p.other_weight
        return score

    def _mergeable(self, a: _Entity, b: _Entity) -> bool:
        """Same kind, no canonical key, not named together (people: never, as Bill and Hillary
        Clinton are; others: in fewer than three articles, as Gazprom and Gazprombank are
        more), Latin forms alike, and enough shared context."""
        p = self.params
        together = max(a.context.get(b.record.id, 0), b.context.get(a.record.id, 0))
        if (a.record.kind != b.record.kind or a.record.canonical or b.record.canonical
                or together >= (1 if a.record.kind == "person" else 3)):
            return False
        # at most _MERGE_FORMS forms a side: a pass stays cheap for entities with many spellings
        sim = max((_ratio(x, y) for x in sorted(a.latin_forms)[:_MERGE_FORMS]
                   for y in sorted(b.latin_forms)[:_MERGE_FORMS]), default=0.0)
        if sim / 100.0 < p.merge_similarity:
            return False
        if a.record.kind == "person" and not self._persons_agree(a, b):
            return False
        if a.record.kind == "person" and any(  # Бориса (Boris) is not Борисов
                len(words_of(text)) == 1 and self._named_after(other.record.id, text)
                for one, other in ((a, b), (b, a)) for text, _lang in one.variants):
            return False
        if is_acronym(a.record.name) or is_acronym(b.record.name):
            return False
        return self._shared_context(a, b) >= p.merge_context

    @staticmethod
    def _persons_agree(a: _Entity, b: _Entity) -> bool:
        """Two people's full names must not differ in a first name (Joe and Jill Biden)."""
        return first_names_agree(a.firsts, b.firsts)

    @property
    def dirty(self) -> bool:
        """Whether entities changed since the last merge pass."""
        return bool(self._dirty)

    def mark_all_changed(self) -> None:
        """Make the next :meth:`merge_pass` look at every entity (after a reload, say)."""
        self._dirty = {eid for eid, e in self.entities.items() if e.record.canonical is None}

    def merge_pass(self) -> list[tuple[int, int]]:
        """Merge entities that turned out to be one: the same skeleton key, alike Latin forms
        and shared context (the first article in a new script may have started a second
        entity before there was context to link it). Looks at entities that changed since
        the last pass; returns (kept, merged) id pairs, oldest kept."""
        dirty, self._dirty = self._dirty, set()
        merges: list[tuple[int, int]] = []
        if self.resident is not None:  # the candidates, in one query
            self.resident.ask(("skeleton", (e.record.kind, skel)) for e in
                              (self.entities.get(self.resolve(i)) for i in dirty)
                              if e is not None and not e.record.canonical
                              for skel in self._skeletons(e))
        for eid in sorted(dirty):
            eid = self.resolve(eid)
            entity = self.entities.get(eid)
            if entity is None or entity.record.canonical:
                continue
            for skel in sorted(self._skeletons(entity)):
                bucket = self.by_skeleton.get((entity.record.kind, skel))
                if len(bucket) > self.params.merge_bucket:
                    continue
                for other_id in sorted(bucket - {eid}):
                    other = self.entities.get(other_id)
                    if other is None or not self._mergeable(entity, other):
                        continue
                    keep, gone = sorted((eid, other_id))
                    self._merge(keep, gone)
                    merges.append((keep, gone))
                    eid = keep
                    entity = self.entities[keep]
        return merges

    def _merge(self, keep: int, gone: int) -> None:
        target, source = self.entities[keep], self.entities.pop(gone)
        for (text, _lang) in source.variants:
            for index, key in self._index_keys(source, text):
                index.discard(key, gone)
        for lemma in source.lemmas:
            for index, key in self._index_keys(source, lemma):
                index.discard(key, gone)
        for (text, lang), count in source.variants.items():
            self._remember(target, text, lang, count)
        for lemma in source.lemmas - target.lemmas:
            target.lemmas = target.lemmas | {lemma}
            self._index(target, lemma)
        target.context.update(source.context)
        target.context.pop(keep, None)
        target.context.pop(gone, None)
        target.stories = set(target.stories) | source.stories
        for other in source.context:  # who was co-mentioned with ``gone`` was with ``keep``
            entity = self.entities.get(other)
            if entity is not None and gone in entity.context:
                entity.context[keep] += entity.context.pop(gone)
        if len(source.record.name.split()) > len(target.record.name.split()):
            target.record = replace(target.record, name=source.record.name)
        self.merged_into[gone] = keep
        if self.resident is not None:
            self.resident.note_kind(gone, None)

    def _kind_of(self, mention: Mention, eid: int) -> str:
        """A mention typed by shape alone takes its entity's kind; a strongly typed one keeps
        its own (``Brytyjczycy``, people, name the place ``place:GB``)."""
        if mention.rule in _WEAK_RULES or not mention.canonical:
            return self.entities[eid].record.kind
        return mention.kind

    def _create(self, group: Group) -> int:
        eid = self.next_id if self.resident is None else self.resident.new_id()
        self.next_id = max(self.next_id, eid) + 1
        name = (self.names(group.canonical) if group.canonical else None) or group.longest
        # a canonical key says what the entity is: the Britons (people) name place:GB
        kind = _KIND_OF_KEY.get((group.canonical or "").split(":")[0], group.kind)
        self._new(EntityRecord(id=eid, name=name, kind=kind, canonical=group.canonical))
        return eid

    def _maybe_rename(self, entity: _Entity, group: Group) -> EntityRecord | None:
        """A person first seen by surname takes the full name when one turns up."""
        record = entity.record
        if record.kind != "person" or record.canonical:
            return None
        new, old = group.longest, record.name
        fuller = len(old.split()) == 1 and len(new.split()) > 1
        # Karla Nováka -> Karel Novák: of two spellings with as many words in one script,
        # the shorter is usually the nominative
        plainer = (len(new.split()) == len(old.split()) > 1 and len(new) < len(old)
                   and script_of(new) == script_of(old) and stem_key(new)[:3] == stem_key(old)[:3])
        if fuller or plainer:
            entity.record = replace(record, name=new)
            return entity.record
        return None

    def _context_score(self, entity: _Entity, context: set[int], story: int | None) -> float:
        p = self.params
        score = p.story_weight if story is not None and story in entity.stories else 0.0
        for other in context:
            if other in entity.context:
                score += p.place_weight if self.kind_of(other) == "place" else p.other_weight
        return score

    def _best(self, ids: set[int], context: set[int], story: int | None) -> tuple[int, float]:
        scored = [(self._context_score(self.entities[i], context, story), -i) for i in ids]
        score, neg = max(scored)
        return -neg, score

    def _similarity(self, entity: _Entity, text: str) -> float:
        return max((_ratio(probe, form) for probe in latin_forms(text)
                    for form in entity.latin_forms), default=0.0) / 100.0

    def _resolve(self, group: Group, context: set[int], story: int | None) -> int | None:
        kind = group.kind
        if group.canonical:
            eid = self.by_canonical.get(group.canonical)
            if eid is None and self.resident is not None:
                eid = self.resident.canonical(group.canonical)
            if eid is None and group.canonical.startswith("doc:") and "|?|" in group.canonical:
                family, _, number = group.canonical[4:].split("|")
                known = [e for c, e in self.by_canonical.items()
                         if c.startswith(f"doc:{family}|") and c.endswith(f"|{number}")]
                eid = known[0] if len(known) == 1 else None
            return eid
        if kind == "document":
            hits = set().union(*(self.by_form.get((kind, fold(m.text)))
                                 for m in group.mentions))
            return self._best(hits, context, story)[0] if hits else None
        texts = group.forms
        exact: set[int] = set()
        for text in texts:
            exact |= self.by_form.get((kind, fold(text)))
            exact |= self.by_stem.get((kind, stem_key(text)))
            exact |= self.by_stem.get((kind, short_stem_key(text)))
        if exact and kind == "person" and len(words_of(group.longest)) == 1:
            exact = {eid for eid in exact if not self._named_after(eid, group.longest)}
        if exact:
            return self._best(exact, context, story)[0]
        if all(m.rule in _WEAK_RULES for m in group.mentions):
            # typed by shape alone: the same stem known as another kind is more likely right
            other: set[int] = set()
            for text in texts:  # Quang Ngai (shape: person) = Quảng Ngãi (gazetteer: place)
                other |= self.by_stem_any.get(stem_key(text))
                other |= self.by_stem_any.get(latin(text))
            if other:
                return self._best(other, context, story)[0]
        longest = group.longest
        words = words_of(longest)
        if is_acronym(longest):
            return None  # ACS, CSU, EESC: letters alike are no evidence for an acronym
        if kind == "person" and len(words) == 1:
            return self._resolve_surname(words[0], longest, context, story)
        stem = stem_key(longest)
        candidates: set[int] = set()
        for skel in {skeleton(stem), skeleton(longest)}:
            candidates |= self.by_skeleton.get((kind, skel)) if skel else set()
        if kind == "person" and len(words) > 1:
            last = skeleton(stem_word(words[-1]))
            if last:
                candidates |= self.by_surname.get((kind, "~" + last))
        return self._confirm(candidates, stem, context, story)

    def _resolve_surname(self, word: str, text: str, context: set[int],
                         story: int | None) -> int | None:
        same_script = self.by_surname.get(("person", surname_key(word)))
        for base in () if same_script else possessive_bases(word):
            same_script = self.by_surname.get(("person", surname_key(base)))
            if same_script:  # Barnierova: Barnier's
                word = base
                break
        same_script = {eid for eid in same_script if not self._named_after(eid, word)}
        given = word
        word = stem_word(word)
        if same_script:
            eid, score = self._best(same_script, context, story)
            if len(same_script) == 1 or score > 0:
                return eid
        last = skeleton(word)
        candidates = {eid for eid in self.by_surname.get(("person", "~" + last))
                      if not self._named_after(eid, given)} if last else set()
        return self._confirm(candidates, word, context, story, surname=True)

    def _named_after(self, eid: int, word: str) -> bool:
        """Whether ``eid``'s surname is a patronymic surname made from the given name
        ``word`` is a case form of (``Бориса`` is Boris, not Борисов; ``Ивана`` not Иванов)."""
        if not is_given_name(word):
            return False
        given = stem_word(fold(word))
        return any(
            (last := words_of(text)[-1]) != given and last.startswith(given)
            and PATRONYMIC_SURNAME.search(last) is not None and len(last) - len(given) <= 2
            for text, _lang in self.entities[eid].variants if len(words_of(text)) > 1)

    def _same_name_other_script(self, entity: _Entity, text: str) -> bool:
        """Every word's skeleton equal to a spelling of ``entity`` in another script: Джо
        Байдън and Joe Biden. (Olaf Schulz and Olaf Scholz share a script: no.)"""
        skel, script = skeleton(text), writing_script(text)
        return len(skel.split()) > 1 and any(
            writing_script(other) != script and skeleton(other) == skel
            for other, _lang in entity.variants)

    def _confirm(self, candidates: set[int], text: str, context: set[int], story: int | None,
                 surname: bool = False) -> int | None:
        p = self.params
        best: tuple[float, int] | None = None
        for eid in candidates:
            entity = self.entities[eid]
            if surname:
                sim = max((_ratio(probe, f.split()[-1]) / 100.0 for probe in latin_forms(text)
                           for f in entity.latin_forms if f), default=0.0)
            else:
                sim = self._similarity(entity, text)
            if (not surname and entity.record.kind == "person"
                    and not first_names_agree(first_names([(text, "")]), entity.firsts)):
                continue  # Gary Johnson is not Boris Johnson, however alike the context
            ctx = self._context_score(entity, context, story)
            if entity.record.canonical and sim < p.keyed_similarity:
                continue  # a skeleton and context alone would let Аризона into Russia (россиян)
            ok = ((sim >= p.close_similarity and ctx >= p.close_context)
                  or (sim >= p.far_similarity and ctx >= p.far_context)
                  or (ctx >= 2 * p.far_context)
                  or ((ctx >= p.script_context or sim >= p.script_similarity)
                      and not surname and self._same_name_other_script(entity, text)))
            if ok and (best is None or sim + ctx > best[0]):
                best = (sim + ctx, eid)
        return None if best is None else best[1]


__all__ = ["EntityLinker", "LinkParams", "group_mentions"]
