"""What the entity stage learns from the stream of articles itself, without labels.

* :class:`StreamNames`: names the stream has typed with a strong cue (a gazetteer entry,
  a title, an organisation head), remembered for later articles where the cue is absent.
* :class:`StreamWords`: how often each word is written in lower case. A word the stream
  writes in lower case (``morza`` "of the sea", ``parlamencie``, ``медия``) is a common
  word: a run made of such words is no person by its shape alone (``Morza Bałtyckiego``),
  and such a word opening a sentence is no name (``Zdaniem Kowalskiego``).

Both are bounded: past their limit they keep what they have and learn no new keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babelwire.stages.entities_keys import fold, stem_key

STREAM_MIN_SEEN = 2
"""A name is typed from the stream once it was typed this way at least this often, and more
often than any other way (one ``министър по Брекзит`` must not make Brexit a person)."""
COMMON_MIN = 3
"""A word written in lower case at least this often in the stream is a common word."""


@dataclass
class StreamNames:
    """Names the stream has typed with a strong cue, remembered for later articles."""

    kinds: dict[str, dict[str, int]] = field(default_factory=dict)
    limit: int = 200_000

    def learn(self, text: str, kind: str) -> None:
        key = stem_key(text)
        if len(key) < 2 or (len(self.kinds) >= self.limit and key not in self.kinds):
            return
        counts = self.kinds.setdefault(key, {})
        counts[kind] = counts.get(kind, 0) + 1

    def kind_of(self, text: str) -> str | None:
        counts = self.kinds.get(stem_key(text))
        if not counts:
            return None
        kind, n = max(counts.items(), key=lambda kv: kv[1])
        return kind if n >= STREAM_MIN_SEEN and 2 * n > sum(counts.values()) else None


@dataclass
class StreamWords:
    """Counts of the words the stream writes in lower case (folded forms)."""

    counts: dict[str, int] = field(default_factory=dict)
    limit: int = 100_000
    """Words kept per language (about 10 MB): the common ones turn up long before it fills."""

    def read(self, words: list[str]) -> None:
        """Count the lower-case words among ``words`` (one document's tokens)."""
        counts = self.counts
        for word in words:
            if word[:1].islower():
                key = fold(word)
                if key in counts:
                    counts[key] += 1
                elif len(counts) < self.limit:
                    counts[key] = 1

    def __contains__(self, word: object) -> bool:
        """Whether the (folded) ``word`` is common: seen in lower case ``COMMON_MIN`` times."""
        return isinstance(word, str) and self.counts.get(word, 0) >= COMMON_MIN


__all__ = ["COMMON_MIN", "STREAM_MIN_SEEN", "StreamNames", "StreamWords"]
