"""``glossary add`` keeps a hand-edited file byte-identical apart from the new entry;
``glossary list QUERY`` finds entries by hanzi, pinyin (with or without tones) or English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashcards.errors import InputError
from flashcards.glossary.load import check_glossary, load_glossary
from flashcards.glossary.edit import add_entry, search, suggest_pinyin

# Deliberately irregular, the way people edit by hand: comments everywhere, a
# trailing comment, quoted and unquoted values, flow and block lists, an
# entry-level comment, uneven blank lines, no blank line between two entries.
HAND_MADE = """\
# My glossary -- edited by hand, do not reformat!
terms:

  # ── forces ──
  - hanzi: 海军      # the navy
    pinyin: 'hǎijūn'
    english:
      - navy
      - naval force
    category: forces
  - hanzi: 空军
    pinyin: "kōngjūn"
    english: [air force]   # PLAAF when it is China's
    category: forces
    # checked against the 2024 white paper


  # ── diplomacy ──

  - hanzi: 北约
    pinyin: Běiyuē
    english: NATO
    category: diplomacy
    note: "abbreviation: 北大西洋公约组织"

# end of terms
"""


def write(tmp_path: Path, text: str = HAND_MADE) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_bytes(text.encode("utf-8"))
    return path


def added_lines(before: str, after: str) -> list[str]:
    """The one block of lines ``after`` inserts into ``before``; fails if it changes anything else."""
    old, new = before.split("\n"), after.split("\n")
    m = len(new) - len(old)
    assert m > 0
    k = next((k for k in range(len(old) + 1) if new[:k] + new[k + m:] == old), None)
    assert k is not None, "the rest of the file changed"
    return new[k:k + m]


def test_add_keeps_the_rest_of_the_file_byte_identical(tmp_path):
    path = write(tmp_path)
    entry = add_entry(path, "陆军", ["army", "ground force"], "forces", pinyin="lùjūn")
    after = path.read_bytes().decode("utf-8")
    block = ["  - hanzi: 陆军", "    pinyin: lùjūn", "    english: [army, ground force]", "    category: forces"]
    assert added_lines(HAND_MADE, after) == block  # the file puts no blank line between entries
    lines = after.split("\n")
    start = lines.index(block[0])
    assert "\n".join(lines[:start] + lines[start + len(block):]) == HAND_MADE
    assert entry.line == start + 1
    assert load_glossary(path).get("陆军") == entry


def test_add_goes_after_the_last_entry_of_its_category_and_its_comments(tmp_path):
    path = write(tmp_path)
    add_entry(path, "陆军", ["army"], "forces", pinyin="lùjūn")
    lines = path.read_text(encoding="utf-8").splitlines()
    comment = lines.index("    # checked against the 2024 white paper")
    assert lines[comment + 1].strip() in ("", "- hanzi: 陆军")
    assert lines.index("  - hanzi: 陆军") > comment
    assert lines.index("  - hanzi: 陆军") < lines.index("  # ── diplomacy ──")
    assert [e.hanzi for e in load_glossary(path).entries] == ["海军", "空军", "陆军", "北约"]


def test_add_to_a_new_category_makes_a_section_in_category_order(tmp_path):
    path = write(tmp_path)
    add_entry(path, "上将", ["general", "admiral"], "ranks", pinyin="shàngjiàng")
    after = path.read_text(encoding="utf-8")
    new = added_lines(HAND_MADE, after)
    assert any(line.strip().startswith("# ── ranks:") for line in new)
    assert [e.hanzi for e in load_glossary(path).entries] == ["海军", "空军", "上将", "北约"]
    add_entry(path, "核裁军", ["nuclear disarmament"], "arms_control", pinyin="hécáijūn")
    assert [e.hanzi for e in load_glossary(path).entries] == ["海军", "空军", "上将", "北约", "核裁军"]
    assert check_glossary(path) == []


def test_add_fills_pinyin_from_the_converter(tmp_path):
    path = write(tmp_path)
    entry = add_entry(path, "驱逐舰", ["destroyer"], "weapons")
    assert entry.pinyin == suggest_pinyin("驱逐舰") == "qūzhújiàn"
    assert entry.traditional == "驅逐艦"


def test_suggested_pinyin_puts_apostrophes_where_needed():
    assert suggest_pinyin("方案") == "fāng'àn"


@pytest.mark.parametrize(
    "hanzi, pinyin",
    [
        ("驱逐舰", "qūzhújiàn"),  # up to three characters: one word
        ("战略伙伴关系协定", "zhànlüè huǒbàn guānxì xiédìng"),  # dictionary words
        ("领土完整", "lǐngtǔ wánzhěng"),  # a four-character compound of two words
        ("志同道合", "zhìtóng-dàohé"),  # a four-character idiom
        ("反介入区域拒止", "fǎnjièrù qūyù jùzhǐ"),  # a lone prefix joins its word
        ("大规模杀伤性武器", "dàguīmó shāshāngxìng wǔqì"),  # a lone suffix joins its word
    ],
)
def test_suggested_pinyin_is_written_as_words(hanzi, pinyin):
    assert suggest_pinyin(hanzi) == pinyin


@pytest.mark.parametrize("hanzi", ["海军", "海軍", "北約"])
def test_add_refuses_duplicates_in_either_script(tmp_path, hanzi):
    path = write(tmp_path)
    with pytest.raises(InputError) as info:
        add_entry(path, hanzi, ["navy"], "forces", pinyin="hǎijūn" if "海" in hanzi else "Běiyuē")
    assert "already in the glossary" in info.value.message
    assert info.value.line in (5, 20)
    assert path.read_text(encoding="utf-8") == HAND_MADE


@pytest.mark.parametrize(
    "hanzi, english, category, pinyin, says",
    [
        ("陆军", ["army"], "land", None, "unknown category 'land'"),
        ("陆军", ["  "], "forces", None, "English rendering"),
        ("army", ["army"], "forces", None, "not a Chinese term"),
        ("陆军", ["army"], "forces", "lu4jun1", "tone numbers"),
        ("陆军", ["army"], "forces", "lù", "1 syllable for 2 characters"),
    ],
)
def test_add_refuses_bad_input_and_leaves_the_file_alone(tmp_path, hanzi, english, category, pinyin, says):
    path = write(tmp_path)
    with pytest.raises(InputError) as info:
        add_entry(path, hanzi, english, category, pinyin=pinyin)
    assert says in info.value.message
    assert path.read_text(encoding="utf-8") == HAND_MADE
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.yaml"]  # no temporary file left


def test_add_refuses_a_broken_glossary(tmp_path):
    path = write(tmp_path, HAND_MADE.replace("category: diplomacy", "category: talks"))
    with pytest.raises(InputError) as info:
        add_entry(path, "陆军", ["army"], "forces", pinyin="lùjūn")
    assert info.value.line == 23


def test_add_quotes_values_that_need_it(tmp_path):
    path = write(tmp_path)
    add_entry(path, "二加二", ["2+2 dialogue", "two-plus-two: ministers' talks", "yes"], "diplomacy", pinyin="èr jiā èr")
    entry = load_glossary(path).get("二加二")
    assert entry.english == ("2+2 dialogue", "two-plus-two: ministers' talks", "yes")


def test_add_keeps_crlf_line_endings_and_a_bom(tmp_path):
    original = b"\xef\xbb\xbf" + HAND_MADE.replace("\n", "\r\n").encode("utf-8")
    path = tmp_path / "glossary.yaml"
    path.write_bytes(original)
    add_entry(path, "陆军", ["army"], "forces", pinyin="lùjūn")
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in after.replace(b"\r\n", b"")
    new = added_lines(original[3:].decode().replace("\r\n", "\n"), after[3:].decode().replace("\r\n", "\n"))
    assert "  - hanzi: 陆军" in new


def test_add_to_an_empty_glossary(tmp_path):
    path = write(tmp_path, "# nothing yet\nterms: []\n")
    add_entry(path, "陆军", ["army"], "forces", pinyin="lùjūn")
    g = load_glossary(path)
    assert [e.hanzi for e in g.entries] == ["陆军"]
    assert path.read_text(encoding="utf-8").startswith("# nothing yet\nterms:\n")


def test_add_to_the_shipped_glossary_changes_only_the_new_lines(tmp_path):
    shipped = (Path(__file__).resolve().parents[1] / "glossary.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, shipped)
    entry = add_entry(path, "无人潜航器", ["unmanned underwater vehicle", "UUV"], "weapons")
    lines = path.read_text(encoding="utf-8").split("\n")
    start = entry.line - 1
    block = lines[start - 1:start + 4]  # the file keeps a blank line between entries
    assert block[0] == "" and block[1] == "  - hanzi: 无人潜航器" and block[4] == "    category: weapons"
    assert "\n".join(lines[:start - 1] + lines[start + 4:]) == shipped
    assert load_glossary(path).get("无人潜航器").category == "weapons"


# ── search ──────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def shipped():
    return load_glossary(Path(__file__).resolve().parents[1] / "glossary.yaml")


@pytest.mark.parametrize("query", ["北约", "北約", "Běiyuē", "beiyue", "bei3yue1", "bei3 yue1", "BEIYUE"])
def test_search_finds_by_hanzi_and_pinyin(shipped, query):
    assert search(shipped, query)[0].hanzi == "北约"


def test_search_with_tones_is_stricter_than_without(shipped):
    toneless = {e.hanzi for e in search(shipped, "zhanlue")}
    toned = {e.hanzi for e in search(shipped, "zhànlüè")}
    assert "战略" in toned and toned <= toneless
    assert not {e.hanzi for e in search(shipped, "zhānlüè")} & {"战略"}


def test_search_by_pinyin_matches_whole_syllables(shipped):
    hits = [e.hanzi for e in search(shipped, "zi wei dui")]
    assert hits[0] == "自卫队" and "航空自卫队" in hits
    assert all("自卫" in h for h in hits)


def test_search_by_english(shipped):
    hits = [e.hanzi for e in search(shipped, "aircraft carrier")]
    assert hits[0] == "航空母舰" and "航母" in hits
    assert "航空自卫队" not in hits
    assert [e.hanzi for e in search(shipped, "NATO")][:1] == ["北约"]
    assert search(shipped, "no such thing at all") == []


def test_search_by_part_of_a_term(shipped):
    hits = {e.hanzi for e in search(shipped, "自卫")}
    assert {"自卫队", "航空自卫队", "集体自卫权"} <= hits


def test_cli_add_then_list(run_cli, tmp_path):
    path = write(tmp_path)
    result = run_cli("glossary", "add", "陆军", "--english", "army", "--category", "forces", "--glossary", path)
    assert result.code == 0, result.err
    assert "陆军" in result.out
    result = run_cli("glossary", "list", "lujun", "--glossary", path)
    assert result.code == 0 and result.out.startswith("陆军\tlùjūn\tarmy\tforces")
    result = run_cli("glossary", "add", "陆军", "--english", "army", "--category", "forces", "--glossary", path)
    assert result.code == 1 and "already in the glossary" in result.err


# ── property: any hand layout survives an add byte for byte ────────────────────


_SHIPPED = load_glossary(Path(__file__).resolve().parents[1] / "glossary.yaml").entries
_GAPS = ["", "\n", "  # a comment between entries\n", "\n  # ── a header ──\n\n", "    # about the entry above\n",
         "\n\n", "# a comment at the margin\n"]


def _render(entry, quote: bool) -> str:
    pinyin = f'"{entry.pinyin}"' if quote else entry.pinyin
    return (f"  - hanzi: {entry.hanzi}\n    pinyin: {pinyin}\n"
            f"    english: {json.dumps(list(entry.english), ensure_ascii=False)}\n    category: {entry.category}\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    picks=st.lists(st.integers(0, len(_SHIPPED) - 1), min_size=1, max_size=8, unique=True),
    gaps=st.lists(st.sampled_from(_GAPS), min_size=9, max_size=9),
    quotes=st.lists(st.booleans(), min_size=8, max_size=8),
    new=st.integers(0, len(_SHIPPED) - 1),
)
def test_add_is_a_pure_insertion_whatever_the_layout(tmp_path_factory, picks, gaps, quotes, new):
    chosen = [_SHIPPED[i] for i in picks]
    added = _SHIPPED[new]
    if added in chosen:
        return
    text = "# hand-made\nterms:\n" + gaps[0] + "".join(
        _render(e, q) + gap for e, q, gap in zip(chosen, quotes, gaps[1:]))
    path = tmp_path_factory.mktemp("g") / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    add_entry(path, added.hanzi, list(added.english), added.category, pinyin=added.pinyin)
    after = path.read_text(encoding="utf-8")
    assert "  - hanzi: " + added.hanzi in added_lines(text, after)
    order = [e.hanzi for e in load_glossary(path).entries]
    same = [i for i, e in enumerate(chosen) if e.category == added.category]
    if same:
        assert order.index(added.hanzi) == same[-1] + 1
    assert check_glossary(path) == []
