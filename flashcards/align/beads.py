"""Sentence alignment of Chinese and English by dynamic programming over beads.

A bead groups consecutive sentences of both sides: ``((3,), (3, 4))`` says Chinese
sentence 3 translates English sentences 3 and 4. Every sentence of both sides lands
in exactly one bead, in order.

Beads are scored by length agreement (Gale-Church, with the document's own length
ratio), lexical evidence (:mod:`flashcards.align.evidence`: dictionary, names,
numbers and punctuation, per sentence net of chance), and whether quotes and
questions open and close together. A cheap pairwise pass finds a guide path; the
full scores are searched in a narrow band around it; then word links learned from
that alignment feed one more pass. Articles are aligned paragraph by paragraph, on
Chinese clauses (cut at ；) so one long Chinese sentence can pair with several
English ones.
"""

from __future__ import annotations

import functools
import math
import re
from itertools import accumulate
from typing import Sequence

from flashcards.model import Paragraph, SentencePair
from flashcards.align.sentences import split_en, split_zh, split_zh_clauses

Bead = tuple[tuple[int, ...], tuple[int, ...]]

# Bead shapes (zh count, en count) and their prior probabilities.
BEAD_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.62, (1, 2): 0.18, (2, 1): 0.06, (1, 3): 0.05, (2, 2): 0.02,
    (3, 1): 0.01, (1, 4): 0.02, (4, 1): 0.003, (1, 5): 0.003, (2, 3): 0.008, (3, 2): 0.004,
    (1, 0): 0.005, (0, 1): 0.005,
}
MERGE_COST = 0.5  # per sentence beyond the first on each side: lexical coverage favours big beads
_BEAD_COST = {(a, b): -math.log(p) + MERGE_COST * (max(a - 1, 0) + max(b - 1, 0)) for (a, b), p in BEAD_PRIORS.items()}
_VARIANCE = 6.0  # Gale-Church variance per character of the English side


def format_bead(bead: Bead) -> str:
    """``((3,), (3, 4))`` -> ``[3]:[3,4]``."""
    zh, en = bead
    return "[" + ",".join(map(str, zh)) + "]:[" + ",".join(map(str, en)) + "]"


def _length(text: str) -> int:
    return len("".join(text.split()))


@functools.lru_cache(maxsize=1 << 16)  # a search asks again for the same lengths
def _length_cost(lz: int, le: int, ratio: float) -> float:
    """-log probability that ``le`` English characters translate ``lz`` Chinese ones."""
    mean = (lz * ratio + le) / 2
    if mean == 0:
        return 0.0
    delta = abs(le - lz * ratio) / math.sqrt(_VARIANCE * mean)
    p = math.erfc(delta / math.sqrt(2))  # two-sided tail of the normal
    return -math.log(max(p, 1e-12))


def _diagonal(cz: list[int], ce: list[int]) -> list[int]:
    """For each Chinese boundary i, the English boundary at the same share of text."""
    n, m = len(cz) - 1, len(ce) - 1
    out, j = [], 0
    for i in range(n + 1):
        target = cz[i] / cz[n] * ce[m] if cz[n] else i * m / max(n, 1)
        while j < m and ce[j + 1] <= target:
            j += 1
        out.append(j)
    return out


# A bead's cost: its shape's prior + LENGTH_WEIGHT x length disagreement
# - LEXICAL_WEIGHT x lexical evidence + costs of edge disagreements (quotes, questions).
LEXICAL_WEIGHT = 9.0
LENGTH_WEIGHT = 0.5
EDGE_COST = 1.0  # per disagreement of a bead's last sentences: closing quote, question
OPEN_QUOTE_COST = 0.5  # weaker: Chinese quotes often open mid-sentence (他说：“...)
DELETION_COST = 2.0  # on top of the prior of a 1-0 or 0-1 bead
CLAUSE_CUT_COST = 1.0  # for a bead that takes part of a Chinese sentence (cut at ；)
GUIDE_WIDTH = 16  # sentences either side of the length diagonal for the guide path
EXTRA_PASSES = 1  # alignments again with word links learned from the previous one
_MAX_ZH = max(a for a, _ in BEAD_PRIORS)
_MAX_EN = max(b for _, b in BEAD_PRIORS)
_MAX_CLAUSES = 8  # Chinese units in one bead when they are clauses

Shapes = list[tuple[int, int, float]]  # (zh units, en sentences, prior cost) of beads ending at a row


def _clause_shapes(starts: Sequence[bool], costs: dict[tuple[int, int], float]) -> list[Shapes]:
    """Bead shapes ending at each Chinese boundary when the units are clauses.

    ``starts[k]`` says whether unit ``k`` begins a sentence. A bead of whole sentences
    costs its shape in sentences; a bead that cuts a sentence stays inside it, has an
    English side and pays :data:`CLAUSE_CUT_COST`.
    """
    n = len(starts)
    at_boundary = [True] + [k == n or starts[k] for k in range(1, n + 1)]
    out: list[Shapes] = []
    for i in range(n + 1):
        shapes: Shapes = [(0, 1, costs[0, 1])]
        for a in range(1, min(i, _MAX_CLAUSES) + 1):
            begin = i - a
            inner = sum(1 for k in range(begin + 1, i) if starts[k])
            whole = at_boundary[begin] and at_boundary[i]
            for b in range(0, _MAX_EN + 1):
                if whole and (inner + 1, b) in costs:
                    shapes.append((a, b, costs[inner + 1, b]))
                elif not whole and inner == 0 and b and (1, b) in costs:
                    shapes.append((a, b, costs[1, b] + CLAUSE_CUT_COST))
        out.append(shapes)
    return out


def _sentence_shapes(n: int, costs: dict[tuple[int, int], float]) -> list[Shapes]:
    flat = [(a, b, cost) for (a, b), cost in costs.items()]
    return [flat] * (n + 1)


_OPEN_QUOTES = "“「『\"'‘"
_CLOSE_QUOTES = "”」』\"'’"
_QUESTION = "?？"


def _edges(text: str) -> tuple[bool, bool, bool]:
    """Whether a sentence opens with a quote, closes with one, and asks a question."""
    t = text.strip()
    core = t.rstrip(_CLOSE_QUOTES + " ")
    return (t[:1] in _OPEN_QUOTES if t else False,
            t[-1:] in _CLOSE_QUOTES if t else False,
            core[-1:] in _QUESTION if core else False)


_OPEN_COSTS = (0.0, OPEN_QUOTE_COST)  # by whether a bead's first sentences disagree on opening a quote
_END_COSTS = tuple(EDGE_COST * bin(code).count("1") for code in range(4))  # by the XOR of its last ends


class _Edges:
    """Quote and question edges of both sides' sentences, as codes whose XOR is a disagreement.

    ``*_opens``: 1 when the sentence opens with a quote; ``*_ends``: bit 1 when it
    closes one, bit 2 when it asks a question. A bead pays ``_OPEN_COSTS`` for its
    first sentences and ``_END_COSTS`` for its last ones.
    """

    def __init__(self, zh: Sequence[str], en: Sequence[str]):
        ze = [_edges(s) for s in zh]
        ee = [_edges(s) for s in en]
        self.zh_opens = [int(opens) for opens, _, _ in ze]
        self.en_opens = [int(opens) for opens, _, _ in ee]
        self.zh_ends = [closes | asks << 1 for _, closes, asks in ze]
        self.en_ends = [closes | asks << 1 for _, closes, asks in ee]


def _search(lz, le, ratio, score, lo, hi, shapes: list[Shapes], edges: _Edges):
    """Best bead path through the band ``lo[i] <= j <= hi[i]``; returns beads and whether it hit an edge.

    A bead costs its shape's prior, plus its length disagreement, minus its lexical
    evidence ``score(z0, z1, e0, e1)``, plus ``edges`` for quote/question edges.
    """
    n, m = len(lz), len(le)
    cz, ce = list(accumulate(lz, initial=0)), list(accumulate(le, initial=0))
    inf = float("inf")
    cost: list[dict[int, float]] = [dict() for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [dict() for _ in range(n + 1)]
    cost[0][0] = 0.0
    deletion, length_weight, lexical_weight = DELETION_COST, LENGTH_WEIGHT, LEXICAL_WEIGHT
    length_cost = _length_cost
    open_cost, end_cost = _OPEN_COSTS, _END_COSTS
    en_opens, en_ends = edges.en_opens, edges.en_ends
    for i in range(n + 1):
        row_cost, row_back = cost[i], back[i]
        # Per shape that fits this row, what does not depend on j: (a, b, prior, row of
        # the bead's start, whether it is a deletion, Chinese length, Chinese edge codes).
        row_shapes = [(a, b, prior, cost[i - a], a == 0 or b == 0, cz[i] - cz[i - a],
                       edges.zh_opens[i - a] if a else 0, edges.zh_ends[i - 1] if a else 0)
                      for a, b, prior in shapes[i] if a <= i]
        for j in range(lo[i], hi[i] + 1):
            best, arg = inf, None
            cej = ce[j]
            for a, b, prior, prev_row, deleted, zh_length, zh_open, zh_end in row_shapes:
                prev = prev_row.get(j - b)
                if prev is None:
                    continue
                c = prev + prior
                if deleted:
                    c += deletion
                else:
                    j0 = j - b
                    c += (length_weight * length_cost(zh_length, cej - ce[j0], ratio)
                          - lexical_weight * score(i - a, i, j0, j)
                          + (open_cost[zh_open ^ en_opens[j0]] + end_cost[zh_end ^ en_ends[j - 1]]))
                if c < best:
                    best, arg = c, (a, b)
            if arg is not None:
                row_cost[j] = best
                row_back[j] = arg
    beads: list[Bead] = []
    edge = False
    i, j = n, m
    while i or j:
        if (j == lo[i] and j > 0) or (j == hi[i] and j < m):
            edge = True
        a, b = back[i][j]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads, edge


def _monotone(lo: list[int], hi: list[int], m: int) -> tuple[list[int], list[int]]:
    """Make a band every cell of which is reachable, ending at (n, m)."""
    n = len(lo) - 1
    hi = [min(m, x) for x in hi]
    hi[n] = m
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    lo = [max(0, x) for x in lo]
    lo[0] = 0
    for i in range(n - 1, -1, -1):
        lo[i] = min(lo[i], lo[i + 1])
    for i in range(1, n + 1):
        lo[i] = min(lo[i], hi[i - 1], hi[i])
    return lo, hi


def _band(diag: list[int], m: int, width: int) -> tuple[list[int], list[int]]:
    return _monotone([d - width for d in diag], [d + width for d in diag], m)


def _near(lo: list[int], hi: list[int], reach: int) -> list[range]:
    """English sentences each Chinese unit may share a bead with, given the band."""
    n, m = len(lo) - 1, hi[-1]
    return [range(max(0, lo[i] - _MAX_EN), min(m, hi[min(n, i + reach)]) + 1) for i in range(n)]


def _path_band(beads: list[Bead], n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """A band of ``width`` English sentences either side of an alignment path."""
    lo, hi = [m] * (n + 1), [0] * (n + 1)
    i = j = 0
    for zs, es in beads:
        for step in range(len(zs) + 1):
            lo[i + step] = min(lo[i + step], j)
            hi[i + step] = max(hi[i + step], j + len(es))
        i, j = i + len(zs), j + len(es)
    lo[n], hi[n] = min(lo[n], m), m
    return _monotone([x - width for x in lo], [x + width for x in hi], m)


def _align_units(zh: Sequence[str], en: Sequence[str], starts: Sequence[bool] | None = None):
    """Align Chinese units (sentences, or clauses when ``starts`` marks sentence starts) to English sentences.

    Returns the beads and the evidence of the last pass (``None`` when a side is empty).
    """
    from flashcards.align.evidence import DocumentEvidence, learn_links

    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)], None
    shapes = _sentence_shapes(n, _BEAD_COST) if starts is None else _clause_shapes(starts, _BEAD_COST)
    reach = _MAX_ZH if starts is None else _MAX_CLAUSES
    sentence_of = None
    if starts is not None:
        sentence_of = [sum(1 for k in range(i + 1) if starts[k]) for i in range(n)]
    lz = [_length(s) for s in zh]
    le = [_length(s) for s in en]
    ratio = (sum(le) / sum(lz)) if sum(lz) and sum(le) else 1.0
    diag = _diagonal(list(accumulate(lz, initial=0)), list(accumulate(le, initial=0)))
    edges = _Edges(zh, en)
    # A guide path from pairwise sentence scores in a band around the length diagonal,
    # cheap to search; then the full bead scores in a narrow band around the guide.
    guide_shapes = [[(a, b, c) for a, b, c in row if a <= 3 and b <= 3 and a * b <= 3] for row in shapes]
    lo, hi = _band(diag, m, GUIDE_WIDTH)
    evidence = DocumentEvidence(zh, en, _near(lo, hi, reach), sentence_of=sentence_of)
    width = GUIDE_WIDTH
    for attempt in range(8):
        guide, edge = _search(lz, le, ratio, evidence.pair_score, lo, hi, guide_shapes, edges)
        if not edge or (width >= m and width >= n):
            break
        # The band held the path back: move it over the path found, wider after a few tries.
        width = width * 2 if attempt >= 1 else width
        lo, hi = _path_band(guide, n, m, width)
        evidence = DocumentEvidence(zh, en, _near(lo, hi, reach), sentence_of=sentence_of)
    beads = _refine(lz, le, ratio, evidence, guide, shapes, edges)
    # Further passes: document-specific word links, in a narrow band around the last path.
    for _ in range(EXTRA_PASSES):
        links = learn_links(evidence, beads)
        if not links:
            break
        lo, hi = _path_band(beads, n, m, 6)
        evidence = DocumentEvidence(zh, en, _near(lo, hi, reach), links, sentence_of=sentence_of)
        beads = _refine(lz, le, ratio, evidence, beads, shapes, edges)
    return beads, evidence


def _refine(lz, le, ratio, evidence, path: list[Bead], shapes, edges) -> list[Bead]:
    """Full bead scores in a narrow band around ``path``, widened while the best path hits its edge."""
    n, m = len(lz), len(le)
    width = 6
    while True:
        lo, hi = _path_band(path, n, m, width)
        beads, edge = _search(lz, le, ratio, evidence.bead_score, lo, hi, shapes, edges)
        if not edge or (width >= m and width >= n):
            return beads
        width *= 2


def align(zh: Sequence[str], en: Sequence[str]) -> list[Bead]:
    """Align two sentence lists; every index of both lists lands in exactly one bead, in order."""
    return _align_units(zh, en)[0]


def _pairs(zh: list[str], en: list[str], beads: list[Bead], paragraph: list[int]) -> list[SentencePair]:
    """Sentence pairs of the beads with words on both sides (not punctuation only);
    ``paragraph[k]`` is where Chinese unit k came from."""
    pairs = [
        SentencePair(zh="".join(zh[i] for i in zi), en=" ".join(en[j] for j in ei), paragraph=paragraph[zi[0]])
        for zi, ei in beads
        if zi and ei
    ]
    return [p for p in pairs if any(c.isalnum() for c in p.zh) and any(c.isalnum() for c in p.en)]


def _units(texts: Sequence[str]) -> tuple[list[str], list[bool]]:
    """Chinese clauses of some paragraphs, and whether each begins a sentence."""
    units: list[str] = []
    starts: list[bool] = []
    for text in texts:
        for sentence in split_zh(text):
            clauses = split_zh_clauses(sentence)
            units.extend(clauses)
            starts.extend([True] + [False] * (len(clauses) - 1))
    return units, starts


def _align_block(paragraphs: Sequence[Paragraph], first: int) -> list[SentencePair]:
    """Align the sentences of some paragraphs as one text; pairs name their paragraph."""
    zh: list[str] = []
    starts: list[bool] = []
    where: list[int] = []
    en: list[str] = []
    for k, para in enumerate(paragraphs, first):
        units, unit_starts = _units([para.zh])
        zh.extend(units)
        starts.extend(unit_starts)
        where.extend([k] * len(units))
        en.extend(split_en(para.en))
    beads, evidence = _align_units(zh, en, starts)
    if evidence is not None:
        beads = _trim_untranslated(beads, evidence, zh, en, paired=len(beads) == 1 and len(paragraphs) == 1)
    return _pairs(zh, en, beads, where)


UNTRANSLATED_HAN = 8  # a Chinese unit this long whose bead translates almost none of its words is untranslated
UNTRANSLATED_WORDS = 6  # likewise an English sentence of this many words
UNTRANSLATED_MASS = 2.0  # "almost none": less word weight than one uncommon word
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")


def _trim_untranslated(beads: list[Bead], evidence, zh: Sequence[str], en: Sequence[str], *,
                       paired: bool = False) -> list[Bead]:
    """Split off the edge sentences of a bead that its other side does not translate.

    Lexical evidence cannot tell an untranslated sentence from its neighbour's run-on,
    so the search glues it to a neighbour; a long sentence of which the other side of its
    bead translates almost nothing is taken out again and makes no card. What is left of
    a ``paired`` bead (the one bead of a paragraph whose layout paired its two sides) is
    kept even where the dictionary finds no word of it translated: the layout says more
    than the dictionary ("So what broke the logjam here?").
    """
    out: list[Bead] = []
    for zs, es in beads:
        before: list[Bead] = []
        after: list[Bead] = []
        zs_, es_ = list(zs), list(es)

        def lone_zh(z: int) -> bool:
            return (len(_HAN_CHAR.findall(zh[z])) >= UNTRANSLATED_HAN
                    and evidence.zh_covered(z, es_[0], es_[-1] + 1) < UNTRANSLATED_MASS)

        def lone_en(e: int) -> bool:
            return (len(en[e].split()) >= UNTRANSLATED_WORDS
                    and evidence.en_covered(e, zs_[0], zs_[-1] + 1) < UNTRANSLATED_MASS)

        while len(zs_) > 1 and es_ and lone_zh(zs_[0]):
            before.append(((zs_.pop(0),), ()))
        while len(zs_) > 1 and es_ and lone_zh(zs_[-1]):
            after.insert(0, ((zs_.pop(),), ()))
        while len(es_) > 1 and zs_ and lone_en(es_[0]):
            before.append(((), (es_.pop(0),)))
        while len(es_) > 1 and zs_ and lone_en(es_[-1]):
            after.insert(0, ((), (es_.pop(),)))
        if zs_ and es_ and not paired and all(map(lone_zh, zs_)) and all(map(lone_en, es_)):
            middle = [((z,), ()) for z in zs_] + [((), (e,)) for e in es_]  # nothing translates
        else:
            middle = [(tuple(zs_), tuple(es_))]
        out.extend(before + middle + after)
    return out


def align_paragraphs(paragraphs: Sequence[Paragraph]) -> list[SentencePair]:
    """Sentence pairs of an article, in document order.

    A paragraph that has both sides is aligned on its own. A run of one-sided
    paragraphs (the two versions did not pair up paragraph by paragraph) is aligned
    as one text. Untranslated sentences make no pair.
    """
    pairs: list[SentencePair] = []
    k = 0
    while k < len(paragraphs):
        para = paragraphs[k]
        if para.zh.strip() and para.en.strip():
            pairs.extend(_align_block([para], k))
            k += 1
            continue
        end = k
        while end < len(paragraphs) and not (paragraphs[end].zh.strip() and paragraphs[end].en.strip()):
            end += 1
        pairs.extend(_align_block(paragraphs[k:end], k))
        k = end
    return pairs
