"""How well each sentence is covered by a span of the other side, net of chance.

For one document (two sentence lists), every Chinese word is linked to the English
tokens it may translate (see :mod:`flashcards.align.lexicon`). A sentence's *coverage*
by a span of the other side is the share of its rarity-weighted words that the span
links to; its *excess* subtracts the coverage a random span of the same size would
give by chance. Scoring each sentence of a bead this way, rather than the bead as a
whole, keeps the aligner from merging sentences just because bigger beads share more.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import accumulate, chain
from typing import Sequence

from flashcards.align.lexicon import en_tokens, zh_tokens

SMALL_MASS = 8.0  # a sentence with this much linkable weight counts half
Links = dict[str, frozenset[str]]  # extra document-specific links: zh word -> en keys


class _Side:
    """One side's sentences: linkable tokens, their weights and chance probabilities."""

    def __init__(self, weights: list[list[float]], chance: list[list[float]], sizes: list[int]):
        self.weights = weights  # per sentence, per linkable token
        self.chance_of = chance  # per sentence, per token: P(a random token links to it)
        self.total = [sum(w) for w in weights]
        self.scale = [1.0] * len(weights)  # a clause counts for its share of its sentence
        self.confidence = [t / (t + SMALL_MASS) if t else 0.0 for t in self.total]
        self.sizes = sizes  # tokens per sentence, for span sizes
        self.masks: list[dict[int, int]] = [defaultdict(int) for _ in weights]
        self.memo: list[dict[int, float]] = [{} for _ in weights]  # per sentence: start << 20 | stop -> excess
        self._chance_memo: dict[tuple[int, int], float] = {}

    def covered(self, s: int, start: int, stop: int) -> float:
        """Weight of the words of sentence ``s`` that the other side's start..stop-1 translate."""
        row = self.masks[s]
        mask = 0
        for o in range(start, stop):
            mask |= row.get(o, 0)
        weights = self.weights[s]
        covered = 0.0
        while mask:
            low = mask & -mask
            covered += weights[low.bit_length() - 1]
            mask ^= low
        return covered

    def chance(self, s: int, span_size: int) -> float:
        """Weight of the words of sentence ``s`` that a random span of ``span_size`` tokens covers."""
        chance = self._chance_memo.get((s, span_size))
        if chance is None:
            chance = 0.0
            for w, p in zip(self.weights[s], self.chance_of[s]):
                chance += w * (1.0 - (1.0 - p) ** span_size)
            self._chance_memo[s, span_size] = chance
        return chance

    def excess(self, s: int, start: int, stop: int, span_size: int) -> float:
        """Share of sentence ``s`` covered by the other side's start..stop-1, minus chance."""
        memo = self.memo[s]
        memo_key = start << 20 | stop  # as bead_score looks it up
        found = memo.get(memo_key)
        if found is not None:
            return found
        total = self.total[s]
        value = 0.0
        if total:
            net = self.covered(s, start, stop) - self.chance(s, span_size)
            value = net / total * self.scale[s] * self.confidence[s]
        memo[memo_key] = value
        return value


class DocumentEvidence:
    """Word links between all sentence pairs of a document that lie near the diagonal."""

    def __init__(self, zh: Sequence[str], en: Sequence[str], near: Sequence[range], extra: Links | None = None,
                 sentence_of: Sequence[int] | None = None):
        """``near[z]``: English sentences Chinese unit ``z`` may pair with; ``extra``:
        learned links; ``sentence_of[z]``: the sentence of unit ``z`` when units are clauses."""
        zt = [zh_tokens(s) for s in zh]
        et = [en_tokens(s) for s in en]
        extra = extra or {}
        zkeys = [[keys | extra[word] if word in extra else keys for word, keys, _ in toks] for toks in zt]
        # English key -> [(sentence, token)] and how many tokens of each side link where.
        index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for e, toks in enumerate(et):
            for p, (keys, _) in enumerate(toks):
                for key in keys:
                    index[key].append((e, p))
        zh_key_count = Counter(chain.from_iterable(chain.from_iterable(zkeys)))
        n_en = max(1, sum(len(t) for t in et))
        n_zh = max(1, sum(len(t) for t in zt))
        # Keep only tokens that link to something in the document.
        en_linked, zh_linked = set(index), set(zh_key_count)  # (sets: isdisjoint walks the smaller)
        zkeep = [[k for k, keys in enumerate(row) if not keys.isdisjoint(en_linked)] for row in zkeys]
        ekeep = [[p for p, (keys, _) in enumerate(toks) if not keys.isdisjoint(zh_linked)] for toks in et]
        self.zh = _Side(
            [[zt[z][k][2] for k in keep] for z, keep in enumerate(zkeep)],
            [[min(1.0, sum(len(index[key]) for key in zkeys[z][k] if key in index) / n_en) for k in keep]
             for z, keep in enumerate(zkeep)],
            [len(t) for t in zt],
        )
        self.en = _Side(
            [[et[e][p][1] for p in keep] for e, keep in enumerate(ekeep)],
            [[min(1.0, sum(zh_key_count.get(key, 0) for key in et[e][p][0]) / n_zh) for p in keep]
             for e, keep in enumerate(ekeep)],
            [len(t) for t in et],
        )
        if sentence_of is not None:
            mass: dict[int, float] = defaultdict(float)
            for z, sentence in enumerate(sentence_of):
                mass[sentence] += self.zh.total[z]
            self.zh.scale = [self.zh.total[z] / mass[sentence] if mass[sentence] else 1.0
                             for z, sentence in enumerate(sentence_of)]
        epos = [{p: i for i, p in enumerate(keep)} for keep in ekeep]
        en_masks = self.en.masks
        for z, keep in enumerate(zkeep):
            window = near[z]
            zmask = self.zh.masks[z]
            for bit, k in enumerate(keep):
                for key in zkeys[z][k]:
                    postings = index.get(key)
                    if not postings:
                        continue
                    # Postings are in document order: start at the window, stop after it.
                    for at in range(bisect_left(postings, (window.start,)), len(postings)):
                        e, p = postings[at]
                        if e >= window.stop:
                            break
                        zmask[e] |= 1 << bit
                        en_masks[e][z] |= 1 << epos[e][p]
        self._pairs: list[dict[int, float]] = [{} for _ in zh]
        self._zh_cum = list(accumulate(self.zh.sizes, initial=0))
        self._en_cum = list(accumulate(self.en.sizes, initial=0))
        self.zh_words = [[word for word, _, _ in toks] for toks in zt]
        self.en_keys = [[keys for keys, _ in toks] for toks in et]

    def bead_score(self, z0: int, z1: int, e0: int, e1: int) -> float:
        """Sum over the bead's sentences of their excess coverage by the other side."""
        # The search asks for the same sentence and span many times: look in the
        # memo of _Side.excess here, and call it only for what is not there yet.
        zh_memo, en_memo = self.zh.memo, self.en.memo
        en_span, zh_span = e0 << 20 | e1, z0 << 20 | z1
        total = 0.0
        for z in range(z0, z1):
            value = zh_memo[z].get(en_span)
            if value is None:
                value = self.zh.excess(z, e0, e1, self._en_cum[e1] - self._en_cum[e0])
            total += value
        for e in range(e0, e1):
            value = en_memo[e].get(zh_span)
            if value is None:
                value = self.en.excess(e, z0, z1, self._zh_cum[z1] - self._zh_cum[z0])
            total += value
        return total

    def zh_covered(self, z: int, e0: int, e1: int) -> float:
        """Weight of the words of Chinese unit ``z`` that English sentences e0..e1-1 translate."""
        return self.zh.covered(z, e0, e1)

    def en_covered(self, e: int, z0: int, z1: int) -> float:
        """Weight of the words of English sentence ``e`` that Chinese units z0..z1-1 translate."""
        return self.en.covered(e, z0, z1)

    def pair_score(self, z0: int, z1: int, e0: int, e1: int) -> float:
        """A cheap stand-in for :meth:`bead_score`: its sentence pairs scored one by one."""
        pairs = self._pairs
        total = 0.0
        for z in range(z0, z1):
            row = pairs[z]
            for e in range(e0, e1):
                value = row.get(e)
                if value is None:
                    value = row[e] = (self.zh.excess(z, e, e + 1, self.en.sizes[e])
                                      + self.en.excess(e, z, z + 1, self.zh.sizes[z]))
                total += value
        return total


LINK_MIN_COUNT = 2
LINK_MIN_DICE = 0.4


def learn_links(evidence: DocumentEvidence, beads: Sequence[tuple[Sequence[int], Sequence[int]]]) -> Links:
    """Word links of this document, learned from co-occurrence in first-pass beads.

    A Chinese word and an English key are linked when they share at least
    ``LINK_MIN_COUNT`` beads and their Dice coefficient over beads reaches ``LINK_MIN_DICE``
    (韦小宝 ~ Trinket, a name the dictionary cannot know).
    """
    zh_count: dict[str, int] = defaultdict(int)
    en_count: dict[str, int] = defaultdict(int)
    sides: list[tuple[set[str], set[str]]] = []  # words and keys of each bead with two sides
    for zs, es in beads:
        if not zs or not es:
            continue
        words = {w for z in zs for w in evidence.zh_words[z]}
        keys = {k for e in es for ks in evidence.en_keys[e] for k in ks}
        for w in words:
            zh_count[w] += 1
        for k in keys:
            en_count[k] += 1
        sides.append((words, keys))
    # A pair shares no more beads than either of its members is in: count only pairs
    # of words and keys that are in LINK_MIN_COUNT beads each.
    pair_count: dict[tuple[str, str], int] = defaultdict(int)
    for words, keys in sides:
        keys_often = [k for k in keys if en_count[k] >= LINK_MIN_COUNT]
        for w in words:
            if zh_count[w] >= LINK_MIN_COUNT:
                for k in keys_often:
                    pair_count[w, k] += 1
    links: dict[str, set[str]] = defaultdict(set)
    for (w, k), c in pair_count.items():
        if c >= LINK_MIN_COUNT and 2 * c / (zh_count[w] + en_count[k]) >= LINK_MIN_DICE:
            links[w].add(k)
    return {w: frozenset(ks) for w, ks in links.items()}
