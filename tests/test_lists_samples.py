"""Hand-made vocabulary entries shared by the vocabulary-list tests.

They do not depend on the rest of the pipeline. Some fields hold commas, quotes,
tabs and line breaks on purpose, to prove each format escapes them.
"""

from __future__ import annotations

import re

from flashcards.model import Example, Metadata, VocabEntry

ARTICLE = "chinamil-2025-01-06-japan-europe-security"

METADATA = Metadata(
    title_en="What is Japan's intentions behind strengthening military security cooperation with Europe?",
    title_zh="日本持续推进对欧军事安全合作有何意图",
    source="China Military Online",
    editor="Li Jiayao",
    date="2025-01-06",
    author="Sun Wenzhu",
    author_zh="孙文竹",
)

SPA_EXAMPLE = Example(
    zh="今年1月1日,日本同欧盟签署的“战略伙伴关系协定”正式生效。",
    en="The strategic partnership agreement (SPA) between Japan and the EU took effect on January 1 this year.",
    article=ARTICLE,
)


def sample_entries() -> list[VocabEntry]:
    """A small list in order of appearance, several categories, tricky characters."""
    return [
        VocabEntry(
            hanzi="战略伙伴关系协定",
            pinyin="zhànlüè huǒbàn guānxi xiédìng",
            english=("strategic partnership agreement", "SPA"),
            source="both",
            category="diplomacy",
            traditional="戰略夥伴關係協定",
            context_english="strategic partnership agreement",
            frequency=1.5,
            count=1,
            examples=(SPA_EXAMPLE,),
            articles=(ARTICLE,),
        ),
        VocabEntry(
            hanzi="志同道合",
            pinyin="zhìtóng-dàohé",
            english=('like-minded, "sharing the same goals"',),
            source="both",
            category="diplomacy",
            traditional="志同道合",
            hsk=7,
            frequency=2.9,
            count=1,
            examples=(
                Example(
                    zh="双方作为志同道合的全球伙伴,将共同维护地区和平与安全。",
                    en='The two sides, as "like-minded global partners," will jointly maintain regional peace and security.',
                    article=ARTICLE,
                ),
            ),
            articles=(ARTICLE,),
        ),
        VocabEntry(
            hanzi="默许",
            pinyin="mòxǔ",
            english=("tacit approval", "to acquiesce\tin"),
            source="glossary",
            category="politics",
            traditional="默許",
            hsk=None,
            frequency=2.6,
            note="Often paired with 纵容,\nnot neutral.",
        ),
        VocabEntry(
            hanzi="直升机护卫舰",
            pinyin="zhíshēngjī hùwèijiàn",
            english=("helicopter destroyer", "helicopter frigate"),
            source="both",
            category="navy",
            traditional="直升機護衛艦",
            count=1,
            measure_words=("艘",),
            examples=(
                Example(
                    zh="日本海上自卫队派出“出云”号直升机护卫舰、新型潜艇等装备。",
                    en="The JMSDF deployed the helicopter carrier Izumo and new submarines.",
                    article=ARTICLE,
                ),
            ),
            articles=(ARTICLE,),
        ),
        VocabEntry(
            hanzi="北约",
            pinyin="Běiyuē",
            english=("NATO",),
            source="article",
            category=None,
            traditional="北約",
            frequency=3.8,
            is_name=True,
            count=2,
            articles=(ARTICLE,),
        ),
        VocabEntry(
            hanzi="合作",
            pinyin="hézuò",
            english=("cooperation", "to cooperate"),
            source="article",
            category=None,
            hsk=3,
            frequency=5.3,
            count=6,
            articles=(ARTICLE,),
        ),
        VocabEntry(
            hanzi="演习",
            pinyin="yǎnxí",
            english=("military exercise", "drill | manoeuvre"),
            source="glossary",
            category="navy",
            traditional="演習",
            hsk=6,
            frequency=3.9,
            examples=(Example(zh="举行联合演习,\t共同训练。", en='joint "exercises",\nand training', article=ARTICLE),),
        ),
    ]


def many_entries(n: int = 60) -> list[VocabEntry]:
    """Enough entries, each with an example, to fill several printed pages."""
    base = sample_entries()
    out = []
    for i in range(n):
        e = base[i % len(base)]
        out.append(
            VocabEntry(
                hanzi=e.hanzi,
                pinyin=e.pinyin,
                english=(f"ENTRY{i:03d} {e.english[0]}",),
                source=e.source,
                category=f"group {i // 12}",
                traditional=e.traditional,
                hsk=e.hsk,
                examples=(SPA_EXAMPLE,),
            )
        )
    return out


def test_samples_hold_the_characters_that_need_escaping():
    text = repr([e for e in sample_entries()])
    for needle in (",", '"', "\\t", "\\n", "|"):
        assert needle in text
    assert all(re.search(r"[\u4e00-\u9fff]", e.hanzi) for e in sample_entries())
