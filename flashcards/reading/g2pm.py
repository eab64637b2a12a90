"""The g2pM polyphone model (a small bi-LSTM whose weights ship in g2pM's wheel), run
in batches with numpy and asked only about the characters that need it.

The converter (``flashcards.reading.pinyin``) decides which characters those are; this module
only reads them: for each, the character's own candidate readings and the
probability the model gives its choice.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from flashcards.reading.style import from_numbers

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
        # The two directions run side by side, stacked on a first axis of two: each step is
        # then one product and one set of element-wise operations for both.
        projected, recurrent = [], []
        for suffix in ("", "_reverse"):
            w = self._w
            bias = w["lstm.bias_ih_l0" + suffix] + w["lstm.bias_hh_l0" + suffix]
            projected.append((embedding @ w["lstm.weight_ih_l0" + suffix] + bias) * half)
            recurrent.append(w["lstm.weight_hh_l0" + suffix] * half)
        self._projected = projected  # [alphabet, 4 * hidden] per direction
        self._recurrent = np.ascontiguousarray(np.stack(recurrent))  # [2, hidden, 4 * hidden]
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
            where, chars, rows, steps = [], [], [], []  # each asked character: (request, position), ...
            for row, (n, start, piece, inside) in enumerate(group):
                for p in inside:
                    where.append((n, start + p))
                    chars.append(piece[p])
                    rows.append(row)
                    steps.append(p + 1)  # the states after BOS
            for (n, at), choice in zip(where, self._choose(chars, fw[rows, steps], bw[rows, steps])):
                answers[n][at] = choice
        return answers

    def _hidden(self, texts: Sequence[str]):
        """Forward and backward LSTM states, [batch, 1 + length + 1, hidden], BOS at 0."""
        import numpy as np

        seqs = [[self._bos] + [self._ids.get(ch, self._unk) for ch in t] + [self._eos] for t in texts]
        lengths = [len(s) for s in seqs]
        ids = np.zeros((2, len(seqs), max(lengths)), dtype=np.int64)  # forward, backward
        for i, s in enumerate(seqs):
            ids[0, i, : len(s)] = s
            ids[1, i, : len(s)] = s[::-1]
        fw, bw_rev = self._lstm(ids)
        bw = np.zeros_like(bw_rev)
        for i, n in enumerate(lengths):
            bw[i, :n] = bw_rev[i, :n][::-1]
        return fw, bw

    def _lstm(self, ids):
        """Hidden states [2, batch, length, hidden] of both directions over ``ids``
        [2, batch, length] (the backward direction's sequences given reversed)."""
        import numpy as np

        inputs = np.stack([self._projected[0][ids[0]], self._projected[1][ids[1]]])  # [2, batch, length, 4 * hidden]
        w_hh = self._recurrent
        size = w_hh.shape[1]
        h = np.zeros((2, ids.shape[1], size), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.empty((2, ids.shape[1], ids.shape[2], size), dtype=np.float32)
        # one small product per step rather than one large one up front: a large product
        # wakes the BLAS worker threads, whose spinning then slows every small step
        for t in range(ids.shape[2]):
            g = np.tanh(inputs[:, :, t] + h @ w_hh)
            gates = g * 0.5
            gates += 0.5  # the input, forget and output gates (the cell part unused)
            c = gates[..., size : 2 * size] * c
            c += gates[..., :size] * g[..., 2 * size : 3 * size]
            h = gates[..., 3 * size :] * np.tanh(c)
            out[:, :, t] = h
        return out

    def _choose(self, chars: Sequence[str], fw, bw) -> list[tuple[str, float]]:
        """For each character, given its forward and backward states (rows of ``fw`` and
        ``bw``): its likeliest reading and that reading's probability among its readings."""
        import numpy as np

        w = self._w
        hidden = np.maximum(np.concatenate([fw, bw], axis=1) @ w["logit_layer.0.weight"] + w["logit_layer.0.bias"], 0)
        every = hidden @ w["logit_layer.2.weight"] + w["logit_layer.2.bias"]  # [chars, all classes]
        out = []
        for char, logits in zip(chars, every):
            indices, syllables = self._choices[char]
            logits = logits[indices]
            best = int(np.argmax(logits))
            out.append((syllables[best], float(1.0 / np.exp(logits - logits[best]).sum())))
        return out


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
