"""The pinyin converter: readings in context, neutral tones, curated phrases, robustness."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from flashcards.reading.pinyin import PinyinConverter, syllables
from flashcards.reading.style import is_han, to_numbers

ROOT = Path(__file__).resolve().parents[1]


def read(text: str) -> str:
    """Numbered readings of the Han characters of ``text``, space-separated."""
    return " ".join(to_numbers(s) for s in syllables(text) if s)


def reading_of(sentence: str, word: str) -> str:
    """Numbered readings of ``word`` where it first occurs in ``sentence``."""
    start = sentence.index(word)
    return " ".join(to_numbers(s) for s in syllables(sentence)[start : start + len(word)])


# Sentences written for these tests (not taken from any evaluation set).
@pytest.mark.parametrize(
    "sentence, word, expected",
    [
        ("他晋升为海军中将后调往北京。", "中将", "zhong1 jiang4"),
        ("这位军长曾参加过边境作战。", "军长", "jun1 zhang3"),
        ("国际社会给予难民人道援助。", "给予", "ji3 yu3"),
        ("双方决定重启军事热线。", "重启", "chong2 qi3"),
        ("该国试射了一枚洲际弹道导弹。", "弹道导弹", "dan4 dao4 dao3 dan4"),
        ("敌军正在边境附近调兵。", "调兵", "diao4 bing1"),
        ("处长主持召开了工作会议。", "处长", "chu4 zhang3"),
        ("载人飞船成功对接空间站。", "载人", "zai4 ren2"),
        # ranks and posts
        ("他被授予少将军衔。", "少将", "shao4 jiang4"),
        ("上将视察了驻岛部队。", "上将", "shang4 jiang4"),
        ("参谋长向司令员汇报情况。", "参谋长", "can1 mou2 zhang3"),
        ("舰长下令全速前进。", "舰长", "jian4 zhang3"),
        ("将军们在地图前研究方案。", "将军", "jiang1 jun1"),
        # weapons and forces
        ("士兵们搬运炮弹和子弹。", "炮弹", "pao4 dan4"),
        ("空军和海军举行联合演习。", "空军", "kong1 jun1"),
        ("导弹命中了目标。", "命中", "ming4 zhong4"),
        ("部队的补给线很长。", "补给", "bu3 ji3"),
        ("舰载机从航母上起飞。", "舰载", "jian4 zai4"),
        ("敌军宣布投降。", "投降", "tou2 xiang2"),
        ("伞兵在夜间空降。", "空降", "kong1 jiang4"),
        # diplomacy
        ("两国外长举行了会谈。", "举行", "ju3 xing2"),
        ("外交部发言人强调了中方立场。", "强调", "qiang2 diao4"),
        ("各方应当通过协调解决分歧。", "协调", "xie2 tiao2"),
        ("双方同意妥善处理争端。", "处理", "chu3 li3"),
        ("我们需要了解对方的意图。", "了解", "liao3 jie3"),
        ("银行行长出席了会议。", "银行行长", "yin2 hang2 hang2 zhang3"),
        ("两国关系不断发展。", "关系", "guan1 xi4"),
        ("条约的履行需要各方努力。", "履行", "lv3 xing2"),
        ("各国都应遵守国际法。", "都", "dou1"),
        ("我们坚持走和平发展道路,尊重各国主权和领土完整,在国际事务中慎重行事。", "尊重", "zun1 zhong4"),
        ("中方愿为地区和平作出贡献。", "为", "wei4"),
        ("会议以维护稳定为目标。", "为", "wei2"),
        ("中方坚定地支持这一倡议。", "地", "de5"),
        ("部队迅速地占领了阵地。", "地", "de5"),
        ("会议在该地举行。", "地", "di4"),
        # 地 kept inside a token the segmenter made: the particle after an adverbial,
        # the noun in CC-CEDICT's words and where no verb follows
        ("普京默默地坐在他旁边。", "默默地", "mo4 mo4 de5"),
        ("她冷冷地说道：不行。", "冷冷地", "leng3 leng3 de5"),
        ("他慢慢地说。", "地说", "de5 shuo1"),
        ("盐硷地变成农田。", "盐硷地", "yan2 jian3 di4"),
        ("他们在基地工作。", "基地", "ji1 di4"),
        # 更 alone is the adverb gèng; the verb gēng is bound in words
        ("气球事件更擦亮了美国的眼睛。", "更", "geng4"),
        ("系统需要更新。", "更新", "geng1 xin1"),
        ("这片土地属于中国。", "土地", "tu3 di4"),
        # a phrase only pypinyin knows stands unless the model is sure; a word only
        # CC-CEDICT reads gives way to a model that is sure
        ("战线拉得过长，兵力分散。", "过长", "guo4 chang2"),
        ("孩子们在混行的车流中穿行。", "混行", "hun4 xing2"),
        # 尽 before an aspect particle is the verb jìn; the adverb jǐn in words stays
        ("各级指挥员都尽了最大责任。", "尽", "jin4"),
        ("请各单位尽快上报伤亡情况。", "尽快", "jin3 kuai4"),
        # words jieba knows that no reading dictionary lists, read by place in the word
        ("国防部长率团访问东南亚三国。", "率团", "shuai4 tuan2"),
        ("司令员亲自率部出征。", "率部", "shuai4 bu4"),
        # 长 cut off after a head noun (国外/长) is the title suffix; 长期 stays a word
        ("两国外长将于下周在日内瓦会晤。", "长", "zhang3"),
        ("该国外长期奉行中立政策。", "长期", "chang2 qi1"),
        # 率 standing alone before its object is the verb shuài
        ("副主席率代表团抵达莫斯科。", "率", "shuai4"),
        ("将军率一个师驻守要塞。", "率", "shuai4"),
        ("国务委员率中国代表团出席峰会。", "率", "shuai4"),
        # ... but after a verb or adjective it is the rate suffix lǜ
        ("今年导弹拦截率达到百分之九十。", "率", "lv4"),
        ("今年目标摧毁率达到百分之九十。", "率", "lv4"),
        ("系统可用率有待提高。", "率", "lv4"),
        ("艇长下令紧急下潜。", "艇长", "ting3 zhang3"),
        # ... but a sure model keeps its reading: 翼长 "wingspan"
        ("舰载机的翼长约十五米。", "翼长", "yi4 chang2"),
        ("导弹的命中率大幅提高。", "命中率", "ming4 zhong4 lv4"),
    ],
)
def test_domain_words_in_context(sentence, word, expected):
    assert reading_of(sentence, word) == expected


def test_place_readings_come_from_the_dictionary_words():
    from flashcards.reading import grammar, pinyin

    # 率 opens CC-CEDICT's words as shuài (率领, 率先) and closes them mostly as lǜ (效率)
    assert pinyin._place_reading("率", 0, 2) == ("shuài", pinyin._SURE)
    assert pinyin._place_reading("率", 1, 2) == ("lǜ", pinyin._UNSURE)
    # 长 closing a word is zhǎng in a majority only: it counts only where the model is unsure
    assert pinyin._place_reading("长", 1, 2) == ("zhǎng", pinyin._UNSURE)
    assert pinyin._place_reading("长", 0, 2) == ("cháng", pinyin._UNSURE)
    # only words jieba knows and neither reading dictionary lists are read by place
    assert pinyin._unread_word("旅长") and pinyin._unread_word("率团")
    assert not pinyin._unread_word("率领") and not pinyin._unread_word("长")
    # head nouns come from CC-CEDICT's X长 words read zhǎng only (外长, 部长), not 全长 or 所长
    assert all(grammar._head_noun(ch) for ch in "外部处师团营连")
    assert not any(grammar._head_noun(ch) for ch in "全波所身")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("他们来了", "ta1 men5 lai2 le5"),
        ("我的孩子", "wo3 de5 hai2 zi5"),
        ("看着地图", "kan4 zhe5 di4 tu2"),
        ("跑得很快", "pao3 de5 hen3 kuai4"),
        # CC-CEDICT's common word, not its name: 孙子 "grandson" sūnzi, Sun Tzu Sūnzǐ
        ("先知的孙子", "xian1 zhi1 de5 sun1 zi5"),
    ],
)
def test_neutral_tones(text, expected):
    assert read(text) == expected


def test_citation_tones_without_sandhi():
    assert read("一个不要") == "yi1 ge4 bu4 yao4"
    assert read("你好") == "ni3 hao3"


def test_u_umlaut_is_written_with_the_umlaut():
    assert syllables("战略绿色") == ["zhàn", "lüè", "lǜ", "sè"]


def test_non_chinese_passes_through_as_none():
    text = "F-35A，2025年 NATO😀"
    out = syllables(text)
    assert len(out) == len(text)
    assert [s for ch, s in zip(text, out) if not is_han(ch)] == [None] * sum(not is_han(ch) for ch in text)
    assert out[text.index("年")] == "nián"


@pytest.mark.parametrize("text", ["", " ", "abc", "123", "。，！", "😀😀", "\n\t"])
def test_texts_without_han(text):
    assert syllables(text) == [None] * len(text)


def test_traditional_characters_are_read():
    assert syllables("國防部長") == ["guó", "fáng", "bù", "zhǎng"]


def test_rare_characters_outside_the_model_still_get_a_reading():
    out = syllables("𠀀龘")
    assert all(out)


def test_very_long_line():
    text = "中方愿意为和平解决争端发挥建设性作用，" * 300 + "abc" * 100
    out = syllables(text)
    assert len(out) == len(text)
    assert out[:4] == ["zhōng", "fāng", "yuàn", "yì"]
    assert out[-301] is None


def test_curated_phrases_override_everything():
    conv = PinyinConverter(phrases={"行长": ["hang2", "zhang3"], "长臂管辖": ["cháng", "bì", "guǎn", "xiá"]})
    assert conv.syllables("行长") == ["háng", "zhǎng"]
    out = conv.syllables("美国实施长臂管辖")
    assert out[-4:] == ["cháng", "bì", "guǎn", "xiá"]


def test_curated_reading_is_never_reread_even_when_unusual():
    conv = PinyinConverter(phrases={"中将": ["zhòng", "jiāng"]})  # deliberately odd
    assert conv.syllables("海军中将")[2:] == ["zhòng", "jiāng"]
    assert PinyinConverter().syllables("海军中将")[2:] == ["zhōng", "jiàng"]


def test_curated_reading_must_have_one_syllable_per_character():
    with pytest.raises(ValueError):
        PinyinConverter(phrases={"中将": ["zhōng"]})


def test_batched_equals_one_by_one():
    texts = ["双方重申将继续合作。", "", "他还没有还钱。", "abc", "部队调动频繁，调解失败。"]
    conv = PinyinConverter()
    assert conv.syllables_many(texts) == [conv.syllables(t) for t in texts]


def test_model_is_asked_only_where_dictionaries_leave_a_choice():
    conv = PinyinConverter()
    assert conv.model_positions("我们国家") == []  # no polyphone at all
    assert conv.model_positions("海军中将") == []  # 中将: two dictionaries agree
    assert conv.model_positions("部队还击") == []  # 还击: likewise
    text = "他们还在开会"
    assert conv.model_positions(text) == [text.index("还")]  # 还 alone: the model decides
    text = "他还是走了"
    assert conv.model_positions(text) == [text.index("了")]
    # CC-CEDICT's neutral second syllable (模糊 mo2 hu5) agrees with pypinyin's hú: no model
    assert conv.model_positions("这个界限很模糊。") == []


@pytest.mark.parametrize("sentence", ["这个界限很模糊。", "他的记忆变得模糊了。", "照片上的字迹很模糊。"])
def test_a_neutral_tone_in_cc_cedict_agrees_with_the_full_tone_of_the_same_syllable(sentence):
    assert reading_of(sentence, "模糊") == "mo2 hu2"  # not hù, the model's guess


# Sentences written for these tests.
@pytest.mark.parametrize(
    "sentence, word, expected",
    [
        ("那个小伙子每天都来帮忙。", "小伙子", "xiao3 huo3 zi5"),  # pypinyin: zǐ; CC-CEDICT: zi5
        ("他穿着一件旧褂子。", "褂子", "gua4 zi5"),
        ("这件事说来话长。", "话长", "hua4 chang2"),  # no unstressed syllable: unchanged
        ("你到这儿来。", "这儿", "zhe4 r5"),  # erhua: zhèr, not zhè ér
        ("她一个劲儿地说。", "一个劲儿", "yi1 ge4 jin4 r5"),
        ("他的女儿很可爱。", "女儿", "nv3 er2"),  # a syllable of its own
        ("这个理由站不住脚。", "站不住脚", "zhan4 bu5 zhu4 jiao3"),  # a potential complement's 不
        ("他看不起别人。", "看不起", "kan4 bu5 qi3"),
        ("他恨不得马上回家。", "恨不得", "hen4 bu5 de5"),  # the word's entry, not 不得 bùdé inside it
        ("我不同意。", "不同意", "bu4 tong2 yi4"),  # 不 of a word CC-CEDICT reads bu4
    ],
)
def test_a_suffix_cc_cedict_reads_unstressed_keeps_its_neutral_tone(sentence, word, expected):
    assert reading_of(sentence, word) == expected


def test_a_particle_s_character_in_a_name_is_no_particle():
    """的 of 的黎波里 (Tripoli), a word CC-CEDICT has as a name only, is no unstressed de."""
    assert reading_of("利比亚的黎波里的官员说。", "的黎波里") == "di4 li2 bo1 li3"


# Sentences written for these tests.
@pytest.mark.parametrize(
    "sentence, word, expected",
    [
        ("我爸爸在工厂上班。", "爸爸", "ba4 ba5"),  # pypinyin: bà bà
        ("他舅舅昨天来了。", "舅舅", "jiu4 jiu5"),
        ("她是我舅舅家的孩子。", "舅舅", "jiu4 jiu5"),  # inside the token 舅舅家
        ("我们再看看吧。", "看看", "kan4 kan5"),  # pypinyin's phrase: kàn kàn
        ("谢谢你的帮助。", "谢谢", "xie4 xie5"),
        ("他刚刚离开会场。", "刚刚", "gang1 gang1"),  # an adverb keeps both tones
        ("他常常加班。", "常常", "chang2 chang2"),  # CC-CEDICT reads both full
        ("他一向老老实实做事。", "老老实实", "lao3 lao3 shi2 shi2"),  # AABB: not 老老 "granny"
    ],
)
def test_a_repeated_syllable_cc_cedict_reads_unstressed_is_unstressed(sentence, word, expected):
    assert reading_of(sentence, word) == expected


@pytest.mark.parametrize(
    "sentence, word, expected",
    [
        ("孩子们吓得逃走了。", "得", "de5"),  # after a verb: the complement particle
        ("雨点打得很急。", "得", "de5"),
        ("他这几天吃得下，也睡得着。", "吃得下", "chi1 de5 xia4"),  # inside a token, in no word
        ("他这几天吃得下，也睡得着。", "睡得着", "shui4 de5 zhao2"),
        ("他获得了一等奖。", "获得", "huo4 de2"),  # a word: unchanged
        ("你总得去一趟。", "得", "dei3"),  # after an adverb: "must", not the particle
        ("他们每天都来。", "都", "dou1"),  # the adverb; 都 "capital" is bound in words
        ("北京是中国的首都。", "首都", "shou3 du1"),
        ("那天晚上他睡得着吗？", "着", "zhao2"),  # V得着: the complement zháo
        ("他正看着地图。", "着", "zhe5"),
    ],
)
def test_grammar_reads_de_dou_and_zhao_standing_alone(sentence, word, expected):
    assert reading_of(sentence, word) == expected


_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
        st.sampled_from(list("中将长行重调处载弹给了的着得为数难应当相间")),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from(list("，。！？、；：“”（）😀 \n")),
    ),
    max_size=60,
)


def _has_a_reading(char: str) -> bool:
    """Whether pypinyin knows the character (a few, like 兙 "shíkè", have no one-syllable reading)."""
    from pypinyin.constants import PINYIN_DICT

    return ord(char) in PINYIN_DICT


@settings(max_examples=60, deadline=None)
@given(_TEXT)
def test_one_entry_per_character_syllable_exactly_for_han(text):
    out = syllables(text)
    assert len(out) == len(text)
    for ch, syl in zip(text, out):
        if is_han(ch) and _has_a_reading(ch):
            assert syl and syl == syl.lower() and syl.isalpha()
        elif not is_han(ch):
            assert syl is None



@settings(max_examples=40, deadline=None)
@given(_TEXT, _TEXT)
@example("以和平为目标，坚定地支持。", "他们为商船护航，该地很远。")
@example("银行行长", "他们行动一致。")
def test_a_word_read_before_is_read_as_if_new(earlier, text):
    """Each token's reading is remembered (a text repeats its words), never its context:
    a text reads the same after other texts used its words as it does first."""
    from flashcards.reading import pinyin

    pinyin._TOKEN_READINGS.clear()
    first = syllables(text)
    pinyin._TOKEN_READINGS.clear()
    syllables(earlier)
    assert syllables(text) == first


def _domain_set():
    spec = importlib.util.spec_from_file_location("pinyin_bench", ROOT / "benchmarks" / "pinyin_cpp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.read_domain(ROOT / "tests" / "data" / "pinyin_domain.tsv")


def test_in_domain_set_is_well_formed_and_large_enough():
    items = _domain_set()
    targets = [(text, pos) for text, gold in items for pos in gold]
    assert len(targets) >= 200
    assert all(is_han(text[pos]) for text, pos in targets)


def test_in_domain_accuracy_does_not_regress():
    """Regression floor at the measured figure (see benchmarks/pinyin_cpp.py)."""
    items = _domain_set()
    out = PinyinConverter().syllables_many([t for t, _ in items])
    right = total = 0
    for (text, gold), row in zip(items, out):
        for pos, reading in gold.items():
            total += 1
            right += to_numbers(row[pos]) == reading
    assert right / total >= 0.99


def test_a_word_curated_terms_all_end_with_is_read_as_they_read_it_alone():
    # 分子 is fēnzǐ "molecule" or fènzǐ "member of a group": the glossary's 恐怖分子, 极端分子 ...
    # all say which one a policy text means, also in 分裂主义|分子
    terms = {"恐怖分子": ["kǒng", "bù", "fèn", "zǐ"], "极端分子": ["jí", "duān", "fèn", "zǐ"]}
    sentence = "政府军消灭了分裂主义分子"
    assert PinyinConverter(phrases=terms).syllables(sentence)[-2:] == ["fèn", "zǐ"]
    # terms that disagree say nothing, nor does one term alone
    for phrases in ({**terms, "高分子": ["gāo", "fēn", "zǐ"]}, {"恐怖分子": terms["恐怖分子"]}):
        assert PinyinConverter(phrases=phrases).syllables(sentence)[-2:] == PinyinConverter().syllables(sentence)[-2:]
    # nor do terms where the word differs only by stress (地方 dìfāng "local", dìfang "place")
    local = {"地方政府": ["dì", "fāng", "zhèng", "fǔ"], "地方官员": ["dì", "fāng", "guān", "yuán"]}
    place = "这个地方很安静"
    assert PinyinConverter(phrases=local).syllables(place)[2:4] == PinyinConverter().syllables(place)[2:4]


def test_a_word_inside_a_longer_dictionary_word_does_not_outvote_it():
    # CC-CEDICT reads 知识分子 zhīshi fènzǐ; its 分子 alone is also fēnzǐ, which is no reason
    # to doubt pypinyin and CC-CEDICT agreeing on the whole word
    assert reading_of("他是一位知识分子。", "分子") == "fen4 zi3"
