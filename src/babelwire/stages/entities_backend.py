"""An optional stronger NER backend (GLiNER or spaCy), used only when it is installed locally.

Nothing is downloaded: GLiNER needs ``BABELWIRE_GLINER_MODEL`` to name a local
model folder; spaCy needs an installed multilingual pipeline package
(``xx_ent_wiki_sm``). When neither is there, :func:`load_backend` returns
``None``, logs why once, and the rules work alone.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path
from typing import Any, Protocol

from babelwire.stages.entities_records import Mention

log = logging.getLogger(__name__)

_LABELS = {"PER": "person", "PERSON": "person", "person": "person", "LOC": "place",
           "GPE": "place", "location": "place", "ORG": "organisation",
           "organization": "organisation", "organisation": "organisation"}


class NerBackend(Protocol):
    name: str

    def find(self, doc: str, lang: str) -> list[Mention]: ...


class _SpacyBackend:
    def __init__(self, nlp: Any, package: str) -> None:
        self.nlp = nlp
        self.name = f"spacy:{package}"

    def find(self, doc: str, lang: str) -> list[Mention]:
        out = []
        for ent in self.nlp(doc).ents:
            kind = _LABELS.get(ent.label_)
            if kind:
                out.append(Mention(text=ent.text, kind=kind, start=ent.start_char,
                                   end=ent.end_char, lang=lang, rule=self.name))
        return out


class _GlinerBackend:
    def __init__(self, model: Any, path: str) -> None:
        self.model = model
        self.name = f"gliner:{Path(path).name}"

    def find(self, doc: str, lang: str) -> list[Mention]:
        out = []
        for ent in self.model.predict_entities(doc[:4000], ["person", "organization", "location"],
                                               threshold=0.5):
            kind = _LABELS.get(ent["label"])
            if kind:
                out.append(Mention(text=ent["text"], kind=kind, start=ent["start"],
                                   end=ent["end"], lang=lang, rule=self.name))
        return out


def load_backend(preference: str = "auto") -> NerBackend | None:
    """The first backend that is installed with local weights, or ``None`` (rules only)."""
    if preference == "none":
        return None
    model_dir = os.environ.get("BABELWIRE_GLINER_MODEL")
    if preference in {"auto", "gliner"} and model_dir and importlib.util.find_spec("gliner"):
        if Path(model_dir).is_dir():
            try:
                from gliner import GLiNER
                model = GLiNER.from_pretrained(model_dir, local_files_only=True)
                log.info("entities: GLiNER backend from %s", model_dir)
                return _GlinerBackend(model, model_dir)
            except Exception as exc:  # a broken local model must not stop ingest
                log.warning("entities: GLiNER model at %s did not load (%s); rules only",
                            model_dir, exc)
        else:
            log.info("entities: BABELWIRE_GLINER_MODEL=%s is not a folder; rules only", model_dir)
    if preference in {"auto", "spacy"} and importlib.util.find_spec("spacy"):
        for package in ("xx_ent_wiki_sm", "xx_sent_ud_sm"):
            if importlib.util.find_spec(package):
                try:
                    import spacy
                    log.info("entities: spaCy backend %s", package)
                    return _SpacyBackend(spacy.load(package), package)
                except Exception as exc:
                    log.warning("entities: spaCy package %s did not load (%s)", package, exc)
    log.info("entities: no NER backend installed (GLiNER with local weights, or spaCy "
             "xx_ent_wiki_sm); rules, gazetteers and triggers only")
    return None


__all__ = ["NerBackend", "load_backend"]
