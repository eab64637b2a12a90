"""Every reading of the shipped glossary agrees with CC-CEDICT and the pinyin converter,
or says why it does not (``pinyin_differs``)."""

from __future__ import annotations

import re
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.lexicon import cedict
from flashcards.errors import InputError
from flashcards.glossary.load import CATEGORIES, check_glossary, han_count, load_glossary, numbered_to_marked, pinyin_syllables
from flashcards.glossary.edit import converter_syllables, converter_syllables_many
from flashcards.glossary.pinyin import SYLLABLES
from flashcards.reading.style import from_numbers, word_pinyin

GLOSSARY = Path(__file__).resolve().parents[1] / "glossary.yaml"


def _cedict_readings(word: str) -> list[tuple[str, ...]]:
    return [tuple(r.replace("u:", "ü").split()) for r in cedict.readings(word)]


def disagreements(hanzi: str, pinyin: str, theirs: tuple[str, ...] | None = None) -> list[str]:
    """Where the entry's reading differs from the converter (``theirs``, read when not
    given) or from CC-CEDICT."""
    mine = pinyin_syllables(pinyin)
    han = "".join(ch for ch in hanzi if han_count(ch))
    found = []
    if theirs is None:
        theirs = converter_syllables(han)
    if tuple(theirs) != mine:
        found.append(f"converter reads {' '.join(theirs)}, glossary {' '.join(mine)}")
    whole = _cedict_readings(han)
    if whole:
        if mine not in whole:
            found.append(f"CC-CEDICT reads {han} as {' / '.join(' '.join(r) for r in whole)}")
        return found
    # A phrase CC-CEDICT lacks: check each of its pinyin words that CC-CEDICT has.
    start = 0
    for word in re.split(r"[\s\-]+", pinyin.strip()):
        n = len(pinyin_syllables(word))
        piece, syllables = han[start:start + n], mine[start:start + n]
        start += n
        readings = _cedict_readings(piece)
        if readings and syllables not in readings:
            found.append(f"CC-CEDICT reads {piece} as {' / '.join(' '.join(r) for r in readings)}")
    return found


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY)


def test_glossary_has_at_least_500_entries(glossary):
    assert len(glossary.entries) >= 500


def test_every_reading_agrees_with_cedict_and_converter_or_says_why(glossary):
    silent, stale = [], []
    readings = converter_syllables_many([e.hanzi for e in glossary.entries])
    for entry, theirs in zip(glossary.entries, readings):
        found = disagreements(entry.hanzi, entry.pinyin, theirs)
        explained = entry.hanzi in glossary.pinyin_differs
        if found and not explained:
            silent.append(f"line {entry.line}: {entry.hanzi} {entry.pinyin}: {'; '.join(found)}")
        if explained and not found:
            stale.append(f"line {entry.line}: {entry.hanzi} {entry.pinyin}: pinyin_differs but nothing differs")
    assert not silent, "readings that differ without a pinyin_differs reason:\n" + "\n".join(silent)
    if stale:  # the converter has caught up: the reason is out of date, the reading still right
        warnings.warn("remove these pinyin_differs lines:\n" + "\n".join(stale), stacklevel=1)


def test_a_stale_reason_is_reported(glossary, tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("terms:\n  - hanzi: 北约\n    pinyin: Běiyuē\n    english: NATO\n    category: organisations\n"
                    "    pinyin_differs: no longer true\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="line 2: 北约 Běiyuē: pinyin_differs but nothing differs"):
        test_every_reading_agrees_with_cedict_and_converter_or_says_why(load_glossary(path))


def test_disagreement_detector_catches_a_wrong_tone():
    assert disagreements("北约", "Běiyuē") == []
    assert disagreements("北约", "Bēiyuē")
    assert disagreements("关系", "guānxì")  # CC-CEDICT has guan1 xi5


def test_phrases_are_checked_word_by_word_against_cedict():
    # 战略伙伴关系协定 is not a CC-CEDICT headword, but its words are.
    found = disagreements("战略伙伴关系协定", "zhànlüè huǒbàn guānxì xiédìng")
    assert any("关系" in f for f in found)
    assert not any("战略" in f for f in found)


# ── loading and checking: every kind of mistake, with its line ────────────────


GOOD = """\
# a hand-made glossary
terms:
  - hanzi: 北约
    pinyin: Běiyuē
    english: NATO
    category: organisations
"""


def write(tmp_path, text: str, name: str = "glossary.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def entry(hanzi="海军", pinyin="hǎijūn", english="navy", category="forces", **extra) -> str:
    lines = [f"  - hanzi: {hanzi}", f"    pinyin: {pinyin}", f"    english: {english}", f"    category: {category}"]
    lines += [f"    {k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def problems(tmp_path, text: str) -> list[tuple[int | None, str]]:
    path = write(tmp_path, text)
    found = check_glossary(path)
    assert all(p.path == str(path) for p in found)
    return [(p.line, p.message) for p in found]


def only(tmp_path, text: str) -> tuple[int | None, str]:
    found = problems(tmp_path, text)
    assert len(found) == 1, found
    return found[0]


def test_a_valid_glossary_loads_with_lines_and_derived_traditional(tmp_path):
    g = load_glossary(write(tmp_path, GOOD + entry(english="[navy, naval force]", see="北约")))
    assert [e.hanzi for e in g.entries] == ["北约", "海军"]
    nato, navy = g.entries
    assert (nato.line, navy.line) == (3, 7)
    assert nato.traditional == "北約" and navy.traditional == "海軍"
    assert navy.english == ("navy", "naval force") and navy.see == ("北约",)
    assert g.get("北約") is nato and g.get("海军") is navy and g.get("陆军") is None


def test_explicit_traditional_wins_over_conversion(tmp_path):
    g = load_glossary(write(tmp_path, GOOD + entry("台湾", "Táiwān", "Taiwan", "politics", traditional="台灣")))
    assert g.get("台湾").traditional == "台灣"
    assert g.get("台灣") is g.get("台湾")


def test_missing_field_points_at_the_entry(tmp_path):
    line, message = only(tmp_path, GOOD + "  - hanzi: 海军\n    pinyin: hǎijūn\n    category: forces\n")
    assert line == 7 and "missing 'english'" in message


def test_unknown_field_is_a_typo(tmp_path):
    line, message = only(tmp_path, GOOD + entry(notes="x"))
    assert line == 11 and "unknown field 'notes'" in message


def test_wrong_shapes(tmp_path):
    assert only(tmp_path, GOOD + entry(english="{a: b}"))[0] == 9
    assert "must be a list" in only(tmp_path, "terms: {北约: 1}\n")[1]
    line, message = only(tmp_path, "- hanzi: 北约\n")
    assert line == 1 and "mapping" in message
    assert problems(tmp_path, "words:\n" + entry()) == [
        (1, "unknown top-level key 'words'; the glossary holds only 'terms:'"),
        (1, "missing 'terms:' (the list of entries)"),
    ]
    assert only(tmp_path, "terms:\n  - plain text\n") == (2, "an entry must be a mapping ('- hanzi: ...' with its fields below)")


def test_duplicate_entry(tmp_path):
    line, message = only(tmp_path, GOOD + entry() + entry(english="naval force"))
    assert line == 11 and "duplicate entry 海军" in message and "line 7" in message


def test_simplified_traditional_twins_are_duplicates(tmp_path):
    found = problems(tmp_path, GOOD + entry("北約", "Běiyuē", "NATO", "organisations"))
    assert sorted(found) == [
        (7, "'hanzi' must be simplified: write 北约 (and 北約 as 'traditional' if the conversion gets it wrong)"),
        (7, "duplicate entry 北約 (simplified/traditional twin of 北约); first at line 3"),
    ]


def test_traditional_must_match_hanzi(tmp_path):
    line, message = only(tmp_path, GOOD + entry(traditional="陸軍"))
    assert line == 11 and "'traditional' 陸軍 is not 海军 in traditional characters" in message


def test_duplicate_key_inside_an_entry(tmp_path):
    line, message = only(tmp_path, GOOD + entry() + "    category: forces\n")
    assert line == 11 and "duplicate key 'category'" in message and "line 10" in message


def test_unknown_category(tmp_path):
    line, message = only(tmp_path, GOOD + entry(category="navy"))
    assert line == 10 and "unknown category 'navy'" in message
    assert all(key in message for key in CATEGORIES)


@pytest.mark.parametrize("pinyin, words", [("hǎi", "1 syllable for 2"), ("hǎijūnduì", "3 syllables for 2")])
def test_syllable_count_must_match_characters(tmp_path, pinyin, words):
    line, message = only(tmp_path, GOOD + entry(pinyin=pinyin))
    assert line == 8 and words in message


@pytest.mark.parametrize(
    "pinyin, says",
    [
        ("hăijūn", "'ă' is not a pinyin tone mark; use 'ǎ'"),  # breve, a common lookalike
        ("hai3jun1", "tone numbers are not allowed"),
        ("hǎijūń", "does not belong in pinyin"),
        ("haǐjūn", "tone mark on the wrong vowel in 'haǐ'; write 'hǎi'"),
        ("gúijūn", "tone mark on the wrong vowel in 'gúi'; write 'guí'"),
        ("hǎǐjūn", "'hǎǐ' has 2 tone marks in one syllable"),
        ("hǎiJūn", "capital letter inside the word"),
        ("hxjūn", "not valid pinyin"),
    ],
)
def test_invalid_tones_and_spellings(tmp_path, pinyin, says):
    line, message = only(tmp_path, GOOD + entry(pinyin=pinyin))
    assert line == 8 and says in message, message


@pytest.mark.parametrize("value", ['""', '"   "', "", "~"])
def test_empty_or_whitespace_only_fields(tmp_path, value):
    line, message = only(tmp_path, GOOD + entry(note=value))
    assert line == 11 and "'note' is empty" in message


def test_empty_english_list(tmp_path):
    line, message = only(tmp_path, GOOD + entry(english="[]"))
    assert line == 9 and "empty list" in message


def test_tabs_are_reported_on_their_line(tmp_path):
    found = problems(tmp_path, GOOD + entry(note="a\tb"))
    assert found[0] == (11, "tab character; indent with spaces")


def test_tab_indentation_is_reported_with_the_yaml_error(tmp_path):
    found = problems(tmp_path, GOOD + "\t- hanzi: 海军\n")
    assert (7, "tab character; indent with spaces") in found
    assert all(line == 7 for line, _ in found)


def test_yaml_syntax_error_has_its_line(tmp_path):
    line, message = only(tmp_path, GOOD + entry(english="[navy, unclosed"))
    assert line in (9, 10) and message.startswith("YAML error")


def test_alias_bomb_is_refused_quickly(tmp_path):
    levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = write(tmp_path, "\n".join(levels) + "\nterms: *a9\n")
    start = time.perf_counter()
    found = check_glossary(path)
    assert time.perf_counter() - start < 2
    assert found[0].line == 1 and "anchor '&a0'" in found[0].message
    assert any("alias '*a0'" in p.message and p.line == 2 for p in found)
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert info.value.line == 1


def test_arbitrary_tag_payload_is_refused_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    text = GOOD + f"  - !!python/object/apply:os.system ['touch {marker}']\n"
    line, message = only(tmp_path, text)
    assert line == 7 and "tag" in message and "python/object/apply:os.system" in message
    assert not marker.exists()


def test_custom_tags_are_refused_too(tmp_path):
    line, message = only(tmp_path, GOOD + entry(note="!secret x"))
    assert line == 11 and "tag '!secret'" in message


def test_see_and_abbreviation_must_name_entries(tmp_path):
    found = problems(tmp_path, GOOD + entry(see="[北约, 陆军]", abbreviation_of="海上军队"))
    assert found == [(11, "see: '陆军' is not an entry of the glossary"),
                     (12, "abbreviation_of: '海上军队' is not an entry of the glossary")]


def test_hanzi_must_be_chinese(tmp_path):
    line, message = only(tmp_path, GOOD + entry(hanzi="NATO"))
    assert line == 7 and "Chinese characters only" in message


def test_every_problem_is_reported_and_load_raises_the_first(tmp_path):
    text = GOOD + entry(pinyin="hǎi") + entry("空军", "kōngjūn", "air force", "sky")
    path = write(tmp_path, text)
    assert [p.line for p in check_glossary(path)] == [8, 14]
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert str(info.value).startswith(f"{path}:8: ")


def test_unreadable_files(tmp_path):
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(GOOD.encode() + "  # caf\xe9\n".encode("latin-1"))
    assert [(p.line, p.message) for p in check_glossary(bad)] == [(7, "not UTF-8 text; save the glossary as UTF-8")]
    assert check_glossary(tmp_path / "missing.yaml")[0].message == "glossary not found"
    assert "empty" in check_glossary(write(tmp_path, "# nothing yet\n"))[0].message


def test_pinyin_syllables_reads_word_joined_pinyin():
    assert pinyin_syllables("Zhōngguó Rénmín Jiěfàngjūn") == ("zhong1", "guo2", "ren2", "min2", "jie3", "fang4", "jun1")
    assert pinyin_syllables("Xī'ān") == ("xi1", "an1")
    assert pinyin_syllables("xiān") == ("xian1",)
    assert pinyin_syllables("zhìtóng-dàohé") == ("zhi4", "tong2", "dao4", "he2")
    assert pinyin_syllables("lǜsè") == ("lü4", "se4")
    assert pinyin_syllables("guānxi") == ("guan1", "xi5")
    assert pinyin_syllables("fangan") == ("fan5", "gan5")  # fāng'àn needs its apostrophe
    assert pinyin_syllables("fāng'àn") == ("fang1", "an4")
    with pytest.raises(ValueError):
        pinyin_syllables("Xī''ān")


def test_numbered_to_marked():
    assert [numbered_to_marked(s) for s in ("zhong1", "lu:4", "lve4", "de5", "gou3", "gui4")] == ["zhōng", "lǜ", "lüè", "de", "gǒu", "guì"]


def test_shipped_glossary_is_clean():
    assert check_glossary(GLOSSARY) == []


def test_shipped_glossary_covers_the_sample_articles_terms(glossary):
    for term in ("默许", "准同盟", "反击能力", "直升机护卫舰", "孤立主义", "战略伙伴关系协定", "志同道合",
                 "自卫队", "航空自卫队", "海上自卫队", "陆上自卫队", "北约", "机制化", "联合演习", "威慑",
                 "联合演训", "军种", "扩武", "对标", "战后体制", "和平国家", "能战国家", "对冲", "阵营对抗",
                 "安全关切", "外相", "防卫预算", "进攻性武器", "新一代战斗机", "军备竞赛", "战后国际秩序"):
        assert glossary.get(term) is not None, term
    assert glossary.get("北约").abbreviation_of == "北大西洋公约组织"
    assert {e.category for e in glossary.entries} == set(CATEGORIES)


def test_cli_check_prints_path_line_message(run_cli, tmp_path):
    path = write(tmp_path, GOOD + entry(category="navy"))
    result = run_cli("glossary", "check", "--glossary", path)
    assert result.code == 1
    assert result.err.strip().splitlines() == [f"{path}:10: unknown category 'navy'; use one of {', '.join(CATEGORIES)}"]


# ── properties ──────────────────────────────────────────────────────────────────


_VOCALIC = sorted(SYLLABLES - {"m", "n", "ng", "hm", "hng"})
_SYLLABLE = st.tuples(st.sampled_from(_VOCALIC), st.integers(1, 5)).map(lambda p: f"{p[0]}{p[1]}")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_SYLLABLE, min_size=1, max_size=4), min_size=1, max_size=3), st.booleans())
def test_written_words_read_back_as_their_syllables(words, proper):
    text = " ".join(word_pinyin([from_numbers(s) for s in word], proper=proper) for word in words)
    assert pinyin_syllables(text) == tuple(s for word in words for s in word)


_REPO_GLOSSARY = load_glossary(Path(__file__).resolve().parents[1] / "glossary.yaml")
_PIECES = sorted({e.hanzi for e in _REPO_GLOSSARY.entries} | {e.traditional for e in _REPO_GLOSSARY.entries})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet="的了在和是与日本欧洲盟安全 ,。", max_size=6)), max_size=30))
def test_entries_in_a_text_are_those_whose_term_it_contains(parts):
    """Glossary.entries_in (found by first characters) equals testing every entry."""
    text = "".join(parts)
    every = tuple(e for e in _REPO_GLOSSARY.entries if e.hanzi in text or (e.traditional and e.traditional in text))
    assert _REPO_GLOSSARY.entries_in(text) == every
    if any(p in _PIECES for p in parts):
        assert every  # a glossary term put in the text is found


def test_entries_that_passed_before_are_not_checked_again_and_load_the_same(tmp_path, monkeypatch):
    """A rebuild after editing one entry checks that entry only; what it loads (entries,
    lines, reasons, problems of the other entries) is what checking all of them gives."""
    from flashcards.store import cache
    from flashcards.glossary import load as glossary

    monkeypatch.setattr(cache._Settings, "directory", tmp_path / "cache")
    repo = (Path(__file__).resolve().parents[1] / "glossary.yaml").read_text(encoding="utf-8")
    edited = repo.replace("    english: quasi-alliance\n", "    english: near-alliance\n", 1)
    broken = edited.replace("- hanzi: 准同盟", "- hanzi: 準同盟", 1) + "  - hanzi: 北约\n    pinyin: Běiyuē\n    english: NATO\n    category: orgs\n"
    assert edited != repo and broken != edited
    checked = []
    real = glossary._entry
    monkeypatch.setattr(glossary, "_entry", lambda item, *a: checked.append(item) or real(item, *a))

    def load(text: str, use_cache: bool):
        monkeypatch.setattr(cache._Settings, "enabled", use_cache)
        path = tmp_path / "glossary.yaml"
        path.write_text(text, encoding="utf-8")
        g, problems = glossary._load(path)
        return g.entries, g.pinyin_differs, [str(p) for p in problems]

    first = load(repo, True)
    assert len(checked) == len(first[0]) > 500  # nothing kept yet: every entry checked
    for text in (repo, edited, broken):
        checked.clear()
        again = load(text, True)
        fresh_count = len(checked)
        assert again == load(text, False)  # the same as checking every entry afresh
        assert fresh_count <= 2  # the edited entry, and the one added
    assert any("simplified" in p for p in load(broken, True)[2])
    assert any("duplicate entry 北约" in p for p in load(broken, True)[2])


def test_the_shipped_glossary_s_checks_outlive_the_analysis_cache(tmp_path, monkeypatch):
    """The shipped glossary is no user's data: its checks are kept with the machine's
    resources, so clearing the analysis cache (everything but resources/) does not check
    it all again; a personal glossary's checks go with the analysis cache."""
    import shutil

    from flashcards.store import cache
    from flashcards.glossary import load as glossary

    monkeypatch.setattr(cache._Settings, "directory", tmp_path / "cache")
    monkeypatch.setattr(cache._Settings, "enabled", True)
    path = tmp_path / "glossary.yaml"
    path.write_text((Path(__file__).resolve().parents[1] / "glossary.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    checked = []
    real = glossary._entry
    monkeypatch.setattr(glossary, "_entry", lambda item, *a: checked.append(item) or real(item, *a))

    def checks_after_clearing(shipped: bool) -> int:
        glossary.load_glossary(path, shipped=shipped)
        for folder in (tmp_path / "cache").iterdir():
            if folder.name != "resources":
                shutil.rmtree(folder)
        checked.clear()
        glossary.load_glossary(path, shipped=shipped)
        return len(checked)

    assert checks_after_clearing(shipped=True) == 0
    assert checks_after_clearing(shipped=False) > 500
