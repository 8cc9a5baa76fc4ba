"""Scores the entity stage on SlavicNER (BSNLP): recognition per language and type, and linking.

Data (``--data``, read in place, never copied): ``raw/<topic>/<lang>/<doc>.txt``
(title line, blank line, body) and ``ner/<topic>/<lang>/<doc>.tsv`` (start, end,
mention, lemma, category, cross-lingual id), and the official split lists.

Recognition, scored per document and case-insensitively as in the BSNLP tasks
(a form counts once per document):

* **exact** — the units are a document's distinct (form, type) pairs; a system
  pair is right when the gold has the same form with the same type.
* **relaxed** — the units are a document's gold *entities*: one is found when a
  system mention of its type overlaps any of its mentions; a system form is right
  when one of its mentions overlaps a gold mention of the same type.

Types: person -> PER, place -> LOC, organisation -> ORG, document -> PRO, and the
kinds learned from training data (event -> EVT, product -> PRO).

Linking is LEA (Moosavi and Strube 2016, the BSNLP entity-matching measure)
over (document, form) units, across all documents and languages, with the
corpus's cross-lingual ids as the key: end to end (the stage's own mentions),
and on the gold mentions (the linker alone).

Three configurations of the stage are scored on the test documents: rules only
(gazetteers from CLDR/pycountry, triggers, shapes); rules plus a gazetteer learned
from the split's *training* documents (forms labelled in at least a fifth of their
occurrences in all of them, with type and lemma, and the words they write in lower
case); and the headline one, that gazetteer with the training corpus's entity ids
as link keys (a knowledge base learned from the training documents: a form takes
its id's key, the built-in canonical key most forms of the id find, else one key
per id). Never anything from the test documents.
"""

from __future__ import annotations

import copy
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babelwire.errors import BabelwireError
from babelwire.evaluation.report import EvalResult, Row, Table
from babelwire.stages.entities import EntityStage
from babelwire.stages.entities_gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from babelwire.stages.entities_keys import fold, stem_key
from babelwire.stages.entities_linking import EntityLinker
from babelwire.stages.entities_records import Mention

TYPE_OF_KIND = {"person": "PER", "place": "LOC", "organisation": "ORG", "document": "PRO",
                "event": "EVT", "product": "PRO"}
KIND_OF_TYPE = {"PER": "person", "LOC": "place", "ORG": "organisation", "EVT": "event",
                "PRO": "product"}
TYPES = ("PER", "LOC", "ORG", "EVT", "PRO")
SPLITS = ("cross-topic", "single_out_topic")
COMMON_MIN = 3
"""A word written in lower case this often in the training documents is a common word."""


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    text: str
    category: str
    entity: str
    lemma: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    lang: str
    text: str
    gold: tuple[GoldMention, ...]


def _read_gold(path: Path) -> tuple[GoldMention, ...]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 6 and parts[0].isdigit() and parts[1].isdigit():
            out.append(GoldMention(int(parts[0]), int(parts[1]), parts[2], parts[4], parts[5],
                                   parts[3]))
    return tuple(out)


def load_documents(data_dir: Path, paths: Iterable[str]) -> Iterator[Document]:
    """Documents named by split-list paths (``raw/<topic>/<lang>/<file>.txt``)."""
    for rel in paths:
        raw = data_dir / rel
        ner = data_dir / ("ner" + rel[3:-4] + ".tsv")
        if not raw.is_file() or not ner.is_file():
            continue
        yield Document(rel, rel.split("/")[2], raw.read_text(encoding="utf-8"), _read_gold(ner))


def split_paths(data_dir: Path, split: str) -> tuple[list[str], list[str]]:
    """(train, test) paths of an official split; without split lists, all documents are test."""
    def read(name: str) -> list[str]:
        f = data_dir / f"SPLIT_{split}_{name}.txt"
        return [ln.strip() for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]

    if (data_dir / f"SPLIT_{split}_test.txt").is_file():
        return read("train"), read("test")
    every = sorted(str(p.relative_to(data_dir)) for p in (data_dir / "raw").glob("*/*/*.txt"))
    return [], every


_WORD = re.compile(r"[^\W_]+")


def _occurrences(text: str, form: str) -> int:
    """How often ``form`` stands as whole words in ``text`` (``Байден`` not in ``Байдена``)."""
    return len(re.findall(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text))


def _is_lower_word(form: str) -> bool:
    return form[:1].islower() and " " not in form and len(form) > 3


def _count_unlabelled(train: list[Document], labelled: Counter[str], seen: Counter[str]) -> None:
    """Add to ``seen`` each form's whole-word occurrences in the training documents that do not
    label it at all (``СМИ`` is labelled in three documents and written in a hundred more)."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for form in labelled:
        first = _WORD.search(form)
        if first is not None:
            by_first[first.group(0)].append(form)
    for doc in train:
        own = {m.text for m in doc.gold}
        for word in set(_WORD.findall(doc.text)):
            for form in by_first.get(word, ()):
                if form not in own and form in doc.text:
                    seen[form] += _occurrences(doc.text, form)


def _id_canonicals(base: Gazetteer, forms_of: dict[str, Counter[str]],
                   lemmas: dict[str, Counter[str]], with_ids: bool) -> dict[str, str]:
    """Training entity id -> canonical key: the built-in gazetteer's key that most of the id's
    forms (or their lemmas) find (``Brytyjczycy``, ``Wielkiej Brytanii`` -> ``place:GB``), else,
    with ``with_ids``, a key of its own (``learned:<id>``) shared by all its forms."""
    out: dict[str, str] = {}
    for entity, forms in forms_of.items():
        votes: Counter[str] = Counter()
        for form, n in forms.items():
            for text in (form, *lemmas[form]):
                known = base.lookup(text)
                if known is not None and known.canonical:
                    votes[known.canonical] += n
                    break
        if votes:
            out[entity] = votes.most_common(1)[0][0]
        elif with_ids:
            out[entity] = "learned:" + entity
    return out


def learn_gazetteer(base: Gazetteer, train: Iterable[Document], min_ratio: float = 0.2,
                    *, link_ids: bool = False) -> tuple[Gazetteer, int]:
    """``base`` plus the forms labelled in the training documents (majority type and lemma),
    kept when labelled in at least ``min_ratio`` of their whole-word occurrences in all those
    documents (``СМИ``, labelled in 3 of 170, is not kept). A form whose lemma ``base`` knows
    takes its canonical key (``Německu`` -> ``place:DE``). The result is marked ``learned``
    and knows the words the documents write in lower case at least ``COMMON_MIN`` times.

    With ``link_ids`` the training corpus's entity ids link forms too, as a knowledge base
    learned from the training documents would: the forms of one id take the canonical key
    that the built-in gazetteer gives most of them (``Brytyjczycy`` -> ``place:GB``), or one
    key of their own (``Brexit``, ``Brexitu``, ``Брекзит``); a form's id outranks the key
    the built-in gazetteer has for the form itself (``Ameryka`` of the USA's id is
    ``place:US``, not the Americas)."""
    labelled: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    ids: dict[str, Counter[str]] = defaultdict(Counter)
    lower_labelled: Counter[str] = Counter()
    lower_seen: Counter[str] = Counter()
    common: Counter[str] = Counter()
    train = list(train)
    for doc in train:
        forms = Counter(m.text for m in doc.gold)
        for form, n in forms.items():
            labelled[form] += n
            found = doc.text.count(form)
            seen[form] += max(n, found if found <= n else _occurrences(doc.text, form))
            if _is_lower_word(form):
                lower_labelled[stem_key(form)] += n
        # a lower-case form is looked up by stem: count every lower-case word with its stem
        for word in _WORD.findall(doc.text):
            if word[:1].islower():
                common[word] += 1
                if len(word) > 3:
                    lower_seen[stem_key(word)] += 1
        for m in doc.gold:
            votes[m.text][m.category] += 1
            ids[m.text][m.entity] += 1
            if m.lemma:
                lemmas[m.text][m.lemma] += 1
    _count_unlabelled(train, labelled, seen)
    by_id: dict[str, Counter[str]] = defaultdict(Counter)
    for form, counter in ids.items():
        by_id[counter.most_common(1)[0][0]][form] += labelled[form]
    id_keys = _id_canonicals(base, by_id, lemmas, True) if link_ids else {}
    gaz = copy.deepcopy(base)
    gaz.learned = True
    gaz.common_words = frozenset(w for w, n in common.items() if n >= COMMON_MIN)
    added = 0
    for form, n in labelled.items():
        if n / seen[form] < min_ratio or len(form) < 2:
            continue
        if _is_lower_word(form):
            stem = stem_key(form)
            if lower_labelled[stem] < min_ratio * max(lower_seen[stem], 1):
                continue
        category = votes[form].most_common(1)[0][0]
        current = gaz.exact.get(fold(form))
        kind = KIND_OF_TYPE[category]
        # the training id's key outranks the built-in one (Asia of Asia Bibi is no continent)
        id_key = id_keys.get(ids[form].most_common(1)[0][0], "")
        if (current is not None and current.kind == kind
                and (current.canonical == id_key if id_key else current.canonical or not link_ids)):
            continue
        lemma = lemmas[form].most_common(1)[0][0] if lemmas[form] else form
        known = base.lookup(lemma)  # Německu -> Německo -> place:DE
        canonical = id_key or (known.canonical if known is not None and known.kind == kind
                               else "")
        name = base.names.get(canonical) or (known.name if canonical and known else lemma)
        gaz.add(form, GazetteerEntry(kind, canonical, name,
                                     lemma=lemma if lemma != form else None), replace=True)
        added += 1
    return gaz, added


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1 and the counts behind them."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


class _Counts:
    def __init__(self) -> None:
        self.c: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)

    def add(self, mode: str, lang: str, typ: str, field: str, n: int = 1) -> None:
        for key in ((mode, lang, typ), (mode, lang, "*"), (mode, "*", typ), (mode, "*", "*")):
            self.c[key][field] += n

    def prf(self, mode: str, lang: str, typ: str) -> dict[str, float]:
        got = self.c[(mode, lang, typ)]
        return {**_prf(got["tp"], got["fp"], got["fn"]), "gold_entities": got["gold"]}


def _score_document(doc: Document, mentions: list[Mention], counts: _Counts) -> None:
    lang = doc.lang
    system = [(m, TYPE_OF_KIND.get(m.kind, "PRO")) for m in mentions]
    gold_units = {(fold(g.text), g.category) for g in doc.gold}
    sys_units = {(fold(m.text), t) for m, t in system}
    for unit in sys_units:
        counts.add("exact", lang, unit[1], "tp" if unit in gold_units else "fp")
    for unit in gold_units - sys_units:
        counts.add("exact", lang, unit[1], "fn")

    def overlaps(m: Mention, typ: str, g: GoldMention) -> bool:
        return g.category == typ and m.start < g.end and g.start < m.end

    right_forms: dict[tuple[str, str], bool] = {}
    for m, typ in system:
        key = (fold(m.text), typ)
        right_forms[key] = right_forms.get(key, False) or any(overlaps(m, typ, g) for g in doc.gold)
    for (_form, typ), ok in right_forms.items():
        counts.add("relaxed", lang, typ, "tp" if ok else "fp")
    entities: dict[str, list[GoldMention]] = defaultdict(list)
    for g in doc.gold:
        entities[g.entity + "\t" + g.category].append(g)
    for mentions_of in entities.values():
        typ = mentions_of[0].category
        counts.add("relaxed", lang, typ, "gold")
        found = any(overlaps(m, t, g) for g in mentions_of for m, t in system)
        if not found:
            counts.add("relaxed", lang, typ, "fn")
        # a found entity's tp is counted on the system side above


def lea(key: dict[Any, str], response: dict[Any, int]) -> dict[str, float]:
    """LEA precision, recall and F1 of ``response`` clusters against ``key`` clusters."""
    def score(a: dict[Any, Any], b: dict[Any, Any]) -> float:
        clusters: dict[Any, list[Any]] = defaultdict(list)
        for mention, cluster in a.items():
            clusters[cluster].append(mention)
        sizes_b = Counter(b.values())
        num = den = 0.0
        for members in clusters.values():
            size = len(members)
            den += size
            if size == 1:
                other = b.get(members[0])
                num += 1.0 if other is not None and sizes_b[other] == 1 else 0.0
                continue
            overlap = Counter(b[m] for m in members if m in b)
            links = sum(n * (n - 1) / 2 for n in overlap.values())
            num += size * links / (size * (size - 1) / 2)
        return num / den if den else 0.0

    recall = score(key, response)
    precision = score(response, key)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _split_title(raw: str) -> tuple[str, str]:
    title, sep, body = raw.partition("\n\n")
    if sep and "\n" not in title:
        return title, body
    return "", raw


def _run(stage: EntityStage, docs: list[Document]) -> tuple[_Counts, dict[str, Any]]:
    counts = _Counts()
    key: dict[tuple[str, str], str] = {}
    response: dict[tuple[str, str], int] = {}
    started = time.perf_counter()
    for index, doc in enumerate(docs):
        title, body = _split_title(doc.text)
        found = stage.analyse(index + 1, title, body, doc.lang, None, story_id=None)
        mentions = list(found.mentions)
        _score_document(doc, mentions, counts)
        for g in doc.gold:
            key.setdefault((doc.path, fold(g.text)), g.entity)
        for m in mentions:
            if m.entity_id is not None:
                response.setdefault((doc.path, fold(m.text)), m.entity_id)
    stage.merge_now()
    response = {unit: stage.linker.resolve(eid) for unit, eid in response.items()}
    seconds = time.perf_counter() - started
    lang_of = {doc.path: doc.lang for doc in docs}
    per_language: dict[str, dict[str, float]] = {}
    for lang in sorted(set(lang_of.values())):  # links among one language's documents
        per_language[lang] = lea({u: g for u, g in key.items() if lang_of[u[0]] == lang},
                                 {u: r for u, r in response.items() if lang_of[u[0]] == lang})
    return counts, {"linking": {**lea(key, response), "per_language": per_language},
                    "seconds": round(seconds, 2),
                    "docs_per_second": round(len(docs) / seconds, 1) if seconds else 0.0}


def _gold_linking(gazetteer: Gazetteer, docs: list[Document],
                  merge_every: int = 50) -> dict[str, float]:
    """The linker alone, fed the gold mentions (typed, with gazetteer keys where known)."""
    linker = EntityLinker(names=gazetteer.names.get)
    key: dict[tuple[str, str], str] = {}
    response: dict[tuple[str, str], int] = {}
    for number, doc in enumerate(docs, 1):
        mentions = []
        for g in doc.gold:
            entry = gazetteer.lookup(g.text)
            canonical = entry.canonical or None if entry else None
            mentions.append(Mention(text=g.text, kind=KIND_OF_TYPE[g.category], start=g.start,
                                    end=g.end, lang=doc.lang, canonical=canonical))
            key.setdefault((doc.path, fold(g.text)), g.entity)
        linked, _ = linker.link(mentions)
        for m in linked:
            if m.entity_id is not None:
                response.setdefault((doc.path, fold(m.text)), m.entity_id)
        if merge_every and number % merge_every == 0:
            linker.merge_pass()
    if merge_every:
        linker.merge_pass()
    return lea(key, {unit: linker.resolve(eid) for unit, eid in response.items()})


def _table(counts: _Counts, langs: list[str]) -> dict[str, Any]:
    return {
        "per_language": {lang: {"relaxed": counts.prf("relaxed", lang, "*"),
                                "exact": counts.prf("exact", lang, "*"),
                                "types": {t: counts.prf("relaxed", lang, t)["f1"] for t in TYPES}}
                         for lang in langs},
        "per_type": {t: {"relaxed": counts.prf("relaxed", "*", t),
                         "exact": counts.prf("exact", "*", t)} for t in TYPES},
        "relaxed": counts.prf("relaxed", "*", "*"),
        "exact": counts.prf("exact", "*", "*"),
    }


def run_entities_eval(data_dir: Path, *, split: str = "cross-topic",
                      limit: int | None = None) -> dict[str, Any]:
    """Score the entity stage on SlavicNER's test documents of ``split``.

    Top-level ``ner_f1`` (relaxed, rules plus the gazetteer learned from the
    training documents) and ``linking_f1`` (LEA, end to end, same configuration);
    the rules-only and gold-mention figures sit beside them.
    """
    data_dir = Path(data_dir)
    if not (data_dir / "raw").is_dir() or not (data_dir / "ner").is_dir():
        raise BabelwireError(f"{data_dir} is not a SlavicNER folder (raw/ and ner/ expected)")
    if split not in SPLITS:
        raise BabelwireError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    train_paths, test_paths = split_paths(data_dir, split)
    test = list(load_documents(data_dir, sorted(test_paths)))
    if limit is not None:
        test = test[:limit]
    if not test:
        raise BabelwireError(f"no test documents found under {data_dir}")
    langs = sorted({d.lang for d in test})
    base = default_gazetteer()
    rules_counts, rules_extra = _run(EntityStage(None, gazetteer=base, backend="none"), test)
    train = list(load_documents(data_dir, train_paths))
    typed, _ = learn_gazetteer(base, train)
    typed_counts, typed_extra = _run(EntityStage(None, gazetteer=typed, backend="none"), test)
    learned, added = learn_gazetteer(base, train, link_ids=True)
    counts, extra = _run(EntityStage(None, gazetteer=learned, backend="none"), test)
    main = _table(counts, langs)
    rules = _table(rules_counts, langs)
    no_ids = _table(typed_counts, langs)
    return {
        "task": "entities", "data": str(data_dir), "split": split, "documents": len(test),
        "train_documents": len(train_paths), "learned_forms": added,
        "ner_f1": main["relaxed"]["f1"], "ner_f1_exact": main["exact"]["f1"],
        "linking_f1": extra["linking"]["f1"],
        "ner_f1_rules_only": rules["relaxed"]["f1"],
        "ner_f1_exact_rules_only": rules["exact"]["f1"],
        "linking_f1_rules_only": rules_extra["linking"]["f1"],
        "ner_f1_learned_types_only": no_ids["relaxed"]["f1"],
        "linking_f1_learned_types_only": typed_extra["linking"]["f1"],
        "linking_f1_gold_mentions": _gold_linking(base, test)["f1"],
        "linking_f1_gold_mentions_no_merge": _gold_linking(base, test, merge_every=0)["f1"],
        "with_learned_gazetteer": {**main, "linking": extra["linking"],
                                   "docs_per_second": extra["docs_per_second"]},
        "rules_only": {**rules, "linking": rules_extra["linking"],
                       "docs_per_second": rules_extra["docs_per_second"]},
    }


def _per_language_linking(result: dict[str, Any]) -> str:
    per = result["with_learned_gazetteer"]["linking"].get("per_language", {})
    return "  ".join(f"{lang} {row['f1']:.3f}" for lang, row in per.items())


def format_entities_table(result: dict[str, Any]) -> str:
    """A plain-text report: headline figures, then P/R/F1 per language and per type."""
    lines = [f"SlavicNER {result['split']} test: {result['documents']} documents "
             f"({result['learned_forms']} forms learned from {result['train_documents']} "
             "training documents)",
             f"  NER F1 relaxed {result['ner_f1']:.3f}  exact {result['ner_f1_exact']:.3f}   "
             f"(rules only: {result['ner_f1_rules_only']:.3f} / "
             f"{result['ner_f1_exact_rules_only']:.3f})",
             f"  linking F1 (LEA) end to end {result['linking_f1']:.3f}   learned types only "
             f"{result['linking_f1_learned_types_only']:.3f}   rules only "
             f"{result['linking_f1_rules_only']:.3f}   on gold mentions "
             f"{result['linking_f1_gold_mentions']:.3f} (no merge pass "
             f"{result['linking_f1_gold_mentions_no_merge']:.3f})",
             "  linking F1 within each language: " + _per_language_linking(result), ""]
    for name in ("with_learned_gazetteer", "rules_only"):
        block = result[name]
        lines.append(f"{name.replace('_', ' ')} ({block['docs_per_second']} docs/s)")
        lines.append(f"  {'lang':<5} {'relaxed P':>9} {'R':>6} {'F1':>6}   {'exact P':>7} "
                     f"{'R':>6} {'F1':>6}   " + " ".join(f"{t:>5}" for t in TYPES))
        rows = [*block["per_language"].items(), ("all", {**block, "types": {
            t: block["per_type"][t]["relaxed"]["f1"] for t in TYPES}})]
        for lang, row in rows:
            rel, ex = row["relaxed"], row["exact"]
            lines.append(f"  {lang:<5} {rel['precision']:>9.3f} {rel['recall']:>6.3f} "
                         f"{rel['f1']:>6.3f}   {ex['precision']:>7.3f} {ex['recall']:>6.3f} "
                         f"{ex['f1']:>6.3f}   " + " ".join(f"{row['types'][t]:>5.2f}"
                                                           for t in TYPES))
        lines.append("")
    return "\n".join(lines)


def resolve_data_dir(data: str | Path | None) -> Path:
    """The SlavicNER folder: ``data`` itself, ``data/slavicner``, or under $BABELWIRE_BENCH_DIR."""
    import os

    base = data if data is not None else os.environ.get("BABELWIRE_BENCH_DIR")
    if base is None:
        raise BabelwireError("no data folder: pass --data (the slavicner folder or the bench "
                             "root) or set BABELWIRE_BENCH_DIR")
    root = Path(base).expanduser()
    for candidate in (root, root / "slavicner"):
        if (candidate / "raw").is_dir() and (candidate / "ner").is_dir():
            return candidate
    raise BabelwireError(f"SlavicNER not found under {root} (expected raw/ and ner/ there or in "
                         f"{root / 'slavicner'})")


def evaluate_entities(data: str | Path | None = None, *, limit: int | None = None) -> EvalResult:
    """:func:`run_entities_eval` as an :class:`EvalResult` for ``babelwire eval entities``."""
    folder = resolve_data_dir(data)
    started = time.perf_counter()
    result = run_entities_eval(folder, limit=limit)
    tables = []
    for name, title in (("with_learned_gazetteer", "rules + gazetteer learned from train"),
                        ("rules_only", "rules only")):
        block = result[name]
        rows = [Row(key=lang, n=int(row["relaxed"]["gold_entities"]), values={
            "relaxed_p": row["relaxed"]["precision"], "relaxed_r": row["relaxed"]["recall"],
            "relaxed_f1": row["relaxed"]["f1"], "exact_f1": row["exact"]["f1"],
            **{t: row["types"][t] for t in TYPES}}) for lang, row in block["per_language"].items()]
        rows.append(Row(key="all", n=int(block["relaxed"]["gold_entities"]), values={
            "relaxed_p": block["relaxed"]["precision"], "relaxed_r": block["relaxed"]["recall"],
            "relaxed_f1": block["relaxed"]["f1"], "exact_f1": block["exact"]["f1"],
            **{t: block["per_type"][t]["relaxed"]["f1"] for t in TYPES}}))
        tables.append(Table(name=name, title=f"NER per language, {title}", key_label="lang",
                            columns=("relaxed_p", "relaxed_r", "relaxed_f1", "exact_f1", *TYPES),
                            rows=tuple(rows)))
    headline = {k: result[k] for k in (
        "ner_f1", "linking_f1", "ner_f1_exact", "ner_f1_rules_only", "linking_f1_rules_only",
        "ner_f1_learned_types_only", "linking_f1_learned_types_only",
        "linking_f1_gold_mentions", "linking_f1_gold_mentions_no_merge")}
    return EvalResult(
        task="entities", data=str(folder), headline=headline, items=result["documents"],
        tables=tuple(tables),
        published={"BSNLP 2019/2021 shared tasks": {"ner_f1": 0.90},
                   "BSNLP 2023 entity linking, per language": "0.72-0.80 F1"},
        notes=(f"split {result['split']}: {result['documents']} test documents; "
               f"{result['learned_forms']} forms learned from {result['train_documents']} "
               "training documents",
               "headline: rules + gazetteer learned from train with its entity ids as link "
               "keys; 'learned_types_only' without the ids",
               "linking F1 within each language (LEA over that language's documents): "
               + _per_language_linking(result),
               "ner_f1 is relaxed (overlap, per document); linking is LEA over "
               "(document, form) units"),
        details={k: result[k] for k in ("with_learned_gazetteer", "rules_only")},
        seconds=time.perf_counter() - started)


def print_entities_table(result: dict[str, Any],
                         echo: Callable[[str], object] = print) -> None:
    echo(format_entities_table(result))


__all__ = ["evaluate_entities", "format_entities_table", "lea", "learn_gazetteer",
           "print_entities_table", "resolve_data_dir", "run_entities_eval"]
