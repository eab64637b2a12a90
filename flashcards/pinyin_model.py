"""The g2pM polyphone model (a small bi-LSTM whose weights ship in g2pM's wheel), run
in batches with numpy and asked only about the characters that need it.

The converter (``flashcards.pinyin``) decides which characters those are; this module
only reads them: for each, the character's own candidate readings and the
probability the model gives its choice.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from flashcards.pinyin_style import from_numbers

_BREAK_AFTER = re.compile(r"(?<=[。！？；!?;\n])")


class PolyphoneModel:
    """g2pM's bi-LSTM polyphone classifier (weights from its wheel), with a batched
    forward pass and the answer restricted to the character's own readings."""

    def __init__(self, weights, char_ids: dict[str, int], classes: dict[str, int], readings: dict[str, list[str]]):
        import numpy as np

        # weight matrices stored transposed and contiguous, so that every product below is
        # a plain row-major one (several times faster for these small matrices)
        self._w = {k: np.ascontiguousarray(np.asarray(v, dtype=np.float32).T) for k, v in weights.items()}
        embedding = np.asarray(weights["embedding.weight"], dtype=np.float32)
        # Per direction, what each character puts into the gates (its embedding times the
        # input weights, plus both biases), worked out once for the whole alphabet: a step
        # then only adds a looked-up row. The input, forget and output gates' columns are
        # halved (as are their recurrent weights), so that one tanh over all four gates
        # gives the cell candidate and, as (1 + tanh(x/2)) / 2, the three sigmoids.
        size = self._w["lstm.weight_hh_l0"].shape[0]
        half = np.full(4 * size, 0.5, dtype=np.float32)
        half[2 * size : 3 * size] = 1.0
        self._steps = {}
        for suffix in ("", "_reverse"):
            w = self._w
            bias = w["lstm.bias_ih_l0" + suffix] + w["lstm.bias_hh_l0" + suffix]
            projected = (embedding @ w["lstm.weight_ih_l0" + suffix] + bias) * half
            self._steps[suffix] = (projected, np.ascontiguousarray(w["lstm.weight_hh_l0" + suffix] * half))
        self._ids = char_ids
        self._unk, self._bos, self._eos = char_ids["<UNK>"], char_ids["\uc2dc"], char_ids["\ub05d"]
        # a character's candidate readings: (class indices, tone-marked syllables)
        self._choices: dict[str, tuple[list[int], list[str]]] = {}
        for char, numbered in readings.items():
            known = [r for r in numbered if r in classes]
            if len(known) > 1 and char in char_ids:
                self._choices[char] = ([classes[r] for r in known], [from_numbers(r) for r in known])

    @classmethod
    def load(cls) -> PolyphoneModel:
        import pickle
        from importlib import resources

        folder = resources.files("g2pM")

        def unpickle(name):
            with folder.joinpath(name).open("rb") as fh:
                return pickle.load(fh)

        return cls(unpickle("np_ckpt.pkl"), unpickle("char2idx.pkl"), unpickle("class2idx.pkl"), unpickle("digest_cedict.pkl"))

    def knows_polyphone(self, char: str) -> bool:
        return char in self._choices

    def read(
        self, requests: Sequence[tuple[str, Sequence[int]]], max_context: int, batch: int
    ) -> list[dict[int, tuple[str, float]]]:
        """For each (text, positions): the model's reading of the character at each position,
        with its probability among that character's readings."""
        pieces = []  # (request index, offset, piece text, positions inside the piece)
        for n, (text, positions) in enumerate(requests):
            for start, piece in context_pieces(text, max_context):
                inside = [p - start for p in positions if start <= p < start + len(piece)]
                if inside:
                    pieces.append((n, start, piece, inside))
        pieces.sort(key=lambda item: len(item[2]))
        answers: list[dict[int, tuple[str, float]]] = [{} for _ in requests]
        for b in range(0, len(pieces), batch):
            group = pieces[b : b + batch]
            fw, bw = self._hidden([piece for _, _, piece, _ in group])
            for row, (n, start, piece, inside) in enumerate(group):
                for p in inside:
                    answers[n][start + p] = self._choose(piece[p], fw[row, p + 1], bw[row, p + 1])
        return answers

    def _hidden(self, texts: Sequence[str]):
        """Forward and backward LSTM states, [batch, 1 + length + 1, hidden], BOS at 0."""
        import numpy as np

        seqs = [[self._bos] + [self._ids.get(ch, self._unk) for ch in t] + [self._eos] for t in texts]
        lengths = [len(s) for s in seqs]
        width = max(lengths)
        fw_ids = np.zeros((len(seqs), width), dtype=np.int64)
        bw_ids = np.zeros_like(fw_ids)
        for i, s in enumerate(seqs):
            fw_ids[i, : len(s)] = s
            bw_ids[i, : len(s)] = s[::-1]
        fw = self._lstm(fw_ids, "")
        bw_rev = self._lstm(bw_ids, "_reverse")
        bw = np.zeros_like(bw_rev)
        for i, n in enumerate(lengths):
            bw[i, :n] = bw_rev[i, :n][::-1]
        return fw, bw

    def _lstm(self, ids, suffix: str):
        import numpy as np

        projected, w_hh = self._steps[suffix]
        inputs = projected[ids]  # [batch, length, 4 * hidden]
        size = w_hh.shape[0]
        h = np.zeros((ids.shape[0], size), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.empty((ids.shape[0], ids.shape[1], size), dtype=np.float32)
        # one small product per step rather than one large one up front: a large product
        # wakes the BLAS worker threads, whose spinning then slows every small step
        for t in range(ids.shape[1]):
            g = np.tanh(inputs[:, t] + h @ w_hh)
            gates = g * 0.5
            gates += 0.5  # the input, forget and output gates (the cell part unused)
            c = gates[:, size : 2 * size] * c
            c += gates[:, :size] * g[:, 2 * size : 3 * size]
            h = gates[:, 3 * size :] * np.tanh(c)
            out[:, t] = h
        return out

    def _choose(self, char: str, fw, bw) -> tuple[str, float]:
        import numpy as np

        w = self._w
        hidden = np.maximum(np.concatenate([fw, bw]) @ w["logit_layer.0.weight"] + w["logit_layer.0.bias"], 0)
        indices, syllables = self._choices[char]
        logits = hidden @ w["logit_layer.2.weight"][:, indices] + w["logit_layer.2.bias"][indices]
        best = int(np.argmax(logits))
        return syllables[best], float(1.0 / np.exp(logits - logits[best]).sum())


def context_pieces(text: str, max_context: int) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pairs the model reads one at a time: the whole text
    when short, else its sentences, and windows of ``max_context`` characters within
    any sentence longer than that."""
    if len(text) <= max_context:
        return [(0, text)]
    out = []
    start = 0
    for sentence in _BREAK_AFTER.split(text):
        for k in range(0, len(sentence), max_context):
            out.append((start + k, sentence[k : k + max_context]))
        start += len(sentence)
    return [(s, p) for s, p in out if p]


@functools.cache
def model() -> PolyphoneModel:
    return PolyphoneModel.load()
