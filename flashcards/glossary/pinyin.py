"""Strict reading of written pinyin, for checking the glossary's ``pinyin`` fields.

Unlike the lenient splitter used for display (``pinyin_style.split_syllables``),
this one refuses anything that is not standard tone-marked, word-joined pinyin and
says why: tone numbers, lookalike accents (ă for ǎ), a tone mark on the wrong
vowel, two marks in one syllable, a capital inside a word, letters that spell no
syllable. Syllables come back numbered (``"bei3"``, neutral ``5``, ü kept as ü).
"""

from __future__ import annotations

import functools
import re

from flashcards.store import cache
from flashcards.reading.style import from_numbers

# Toneless Mandarin syllables (ü written as ü).
SYLLABLES = frozenset(
    """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
    ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong
    chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da
    dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui
    dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei
    gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen
    heng hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie
    jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku
    kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang
    liao lie lin ling liu lo long lou lu luan lun luo lü lüe m ma mai man mang mao me
    mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei
    nen neng ng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nü nüe o ou
    pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
    qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong
    rou ru ruan rui run ruo sa sai san sang sao se sei sen seng sha shai shan shang shao
    she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou
    su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou
    tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin
    xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan
    yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen
    zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan
    zui zun zuo""".split()
)
_MARKS = {
    "ā": ("a", 1), "á": ("a", 2), "ǎ": ("a", 3), "à": ("a", 4),
    "ē": ("e", 1), "é": ("e", 2), "ě": ("e", 3), "è": ("e", 4),
    "ī": ("i", 1), "í": ("i", 2), "ǐ": ("i", 3), "ì": ("i", 4),
    "ō": ("o", 1), "ó": ("o", 2), "ǒ": ("o", 3), "ò": ("o", 4),
    "ū": ("u", 1), "ú": ("u", 2), "ǔ": ("u", 3), "ù": ("u", 4),
    "ǖ": ("ü", 1), "ǘ": ("ü", 2), "ǚ": ("ü", 3), "ǜ": ("ü", 4),
}
_LOOKALIKES = {"ă": "ǎ", "ĕ": "ě", "ĭ": "ǐ", "ŏ": "ǒ", "ŭ": "ǔ", "â": "ā", "ê": "ē", "î": "ī",
               "ô": "ō", "û": "ū", "ã": "ǎ", "õ": "ǒ", "ä": "a", "v": "ü"}
_PINYIN_CHARS = re.compile(r"[a-zA-ZüÜ" + "".join(_MARKS) + "".join(_MARKS).upper() + r"'’\- ]")


@cache.persistent()
def pinyin_syllables(pinyin: str) -> tuple[str, ...]:
    """Numbered syllables of tone-marked pinyin: ``"Běiyuē"`` -> ``("bei3", "yue1")``.

    Neutral tone is 5, ü stays ü. Raises :class:`ValueError` with a readable reason
    when the text is not valid tone-marked pinyin.
    """
    for ch in pinyin:
        if ch.isdigit():
            raise ValueError(f"tone numbers are not allowed in {pinyin!r}; write tone marks (zhōng, not zhong1)")
        if ch.lower() in _LOOKALIKES and ch.lower() != "v":
            raise ValueError(f"{ch!r} is not a pinyin tone mark; use {_LOOKALIKES[ch.lower()]!r}")
        if not _PINYIN_CHARS.fullmatch(ch):
            raise ValueError(f"character {ch!r} (U+{ord(ch):04X}) does not belong in pinyin")
    out: list[str] = []
    for word in re.split(r"[\s\-]+", pinyin.strip()):
        if not word:
            continue
        if any(c.isupper() for c in word[1:]):
            raise ValueError(f"capital letter inside the word {word!r}; capitalise only a word's first letter")
        for i, chunk in enumerate(re.split(r"['’]", word.lower())):
            if not chunk:
                raise ValueError(f"misplaced apostrophe in {word!r}")
            syllables = _segment(chunk, first=(i == 0))
            if syllables is None:
                raise ValueError(f"{chunk!r} is not valid pinyin (in {word!r})")
            out.extend(syllables)
    return tuple(out)


def numbered_to_marked(syllable: str) -> str:
    """``"zhong1"`` -> ``"zhōng"``; ``"u:"``/``"v"`` read as ü; tone 5 or none is neutral."""
    return from_numbers(syllable.lower())


def _segment(chunk: str, first: bool) -> list[str] | None:
    """Split a lower-case apostrophe-free run into numbered syllables, or None."""

    @functools.lru_cache(maxsize=None)
    def rest(i: int) -> tuple[str, ...] | None:
        if i == len(chunk):
            return ()
        for j in range(min(len(chunk), i + 6), i, -1):
            piece = chunk[i:j]
            if i > 0 and piece[0] in "aoeāáǎàōóǒòēéěè":
                continue  # a syllable starting with a, o, e needs an apostrophe
            numbered = _syllable(piece)
            if numbered is None:
                continue
            tail = rest(j)
            if tail is not None:
                return (numbered, *tail)
        return None

    found = rest(0)
    return list(found) if found is not None else None


def _syllable(piece: str) -> str | None:
    tones = [(i, _MARKS[c]) for i, c in enumerate(piece) if c in _MARKS]
    if len(tones) > 1:
        return None
    base = "".join(_MARKS[c][0] if c in _MARKS else c for c in piece)
    if base not in SYLLABLES:
        return None
    if not tones:
        return base + "5"
    tone = tones[0][1][1]
    if piece != numbered_to_marked(base + str(tone)):
        return None  # the mark sits on the wrong vowel
    return base + str(tone)


def tone_problem(pinyin: str) -> str | None:
    """Explain a syllable whose tone mark is misplaced or doubled, for a clearer message."""
    for word in re.split(r"[\s\-'’]+", pinyin.lower()):
        base = "".join(_MARKS[c][0] if c in _MARKS else c for c in word)
        pieces = _segment(base, first=True)
        if not pieces:
            continue
        at = 0
        for numbered in pieces:
            size = len(numbered) - 1
            piece, at = word[at:at + size], at + size
            marks = [c for c in piece if c in _MARKS]
            if len(marks) > 1:
                return f"{piece!r} has {len(marks)} tone marks in one syllable"
            if marks:
                right = numbered_to_marked(numbered[:-1] + str(_MARKS[marks[0]][1]))
                if right != piece:
                    return f"tone mark on the wrong vowel in {piece!r}; write {right!r}"
    return None
