"""`flashcards sentences` on each small article: the right pairs, no furniture, no metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "articles"

# Page furniture and metadata that must never reach a sentence pair.
NEVER = (
    "Related", "Copyright", "rights reserved", "Share", "Views", "Facebook", "WeChat", "微信", "Editor", "Source",
    "Updated", "责任编辑", "返回顶部", "来源", "发布时间", "Air force pilots", "空军飞行员", "color:", "pageViews",
    "About us", "Example Military Online", "China Daily", "2025-", "By ", "Time:",
)

CASES = {
    "en-first-naval-rescue-drill.txt": {
        "pairs": [("Naval vessels from five countries", "来自五个国家的海军舰艇"), ("Medical teams", "医疗队")],
        "metadata": ["Navies of five nations", "五国海军在海上开始联合救援演练", "Chen Liwei", "陈立伟", "Wang Fang"],
    },
    "zh-first-defense-qa.txt": {
        "pairs": [("Which units will China send", "中方将派哪些部队"), ("That claim is not consistent", "这一说法不符合事实")],
        "metadata": ["Excerpts from the regular", "国防部例行记者会答问摘要", "国防部网", "刘洋"],
    },
    "separate-versions-border-talks.txt": {
        "pairs": [("hotline would help prevent", "热线将有助于避免"), ("next round of talks", "下一轮会谈")],
        "metadata": ["Border talks end", "边境会谈结束"],
    },
    "saved-page-militaries-dialogue.html": {
        "pairs": [("keep channels of communication open", "沟通渠道畅通"), ("video call on Monday", "视频通话")],
        "metadata": ["Defense chiefs hold", "两国防长视频通话讨论危机沟通", "Zhou Min", "Huang Jie", "Navy commissions"],
    },
    "gbk-crlf-peacekeeping-roads.txt": {
        "pairs": [("Local residents said", "当地居民说"), ("more than twenty days", "二十多天")],
        "metadata": ["Peacekeepers finish road", "维和部队完成雨季道路抢修任务", "Li Haiyan", "李海燕"],
    },
    "traditional-utf16-strait-transit.txt": {
        "pairs": [("high alert", "高度戒備"), ("stop its provocations", "停止挑釁")],
        "metadata": ["Defense ministry responds", "國防部回應外國軍艦過航海峽"],
    },
    "missing-translation-cyber-forum.txt": {
        "pairs": [("autonomous weapons", "自主武器"), ("human beings must remain responsible", "必须由人类负责")],
        "metadata": ["Security forum calls", "安全论坛呼吁制定人工智能军事应用规则"],
    },
}


def sentences(run_cli, tmp_path, *args):
    # an empty folder as working directory: no glossary.yaml found there
    result = run_cli("sentences", *args, "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert rows
    return rows


def check(rows, case):
    for en, zh in case["pairs"]:
        assert any(en in row["en"] and zh in row["zh"] for row in rows), (en, zh)
    for row in rows:
        for text in NEVER + tuple(case["metadata"]):
            assert text not in row["en"] and text not in row["zh"], (text, row)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_sentences_of_each_layout(run_cli, tmp_path, name):
    rows = sentences(run_cli, tmp_path, DATA / name)
    check(rows, CASES[name])
    if name.startswith("missing-translation"):
        # the untranslated paragraph's sentence gets no Chinese partner, the note no English one
        assert all(not row["zh"] for row in rows if "first held in 2019" in row["en"])
        assert all(not row["en"] for row in rows if "本文根据论坛发言整理" in row["zh"])


@pytest.mark.slow
def test_sentences_of_two_files(run_cli, tmp_path):
    rows = sentences(run_cli, tmp_path, "--en", DATA / "two-files-carrier-en.txt", "--zh", DATA / "two-files-carrier-zh.txt")
    check(rows, {
        "pairs": [("Crew members practised", "舰员们演练"), ("The commander said", "指挥员表示")],
        "metadata": ["Carrier group returns", "航母编队结束十周远海训练返港", "Zhao Ming", "赵明"],
    })


def test_english_only_file_is_one_clear_error_line(run_cli, tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("A title\n\nThe navy held a drill on Monday.\n", encoding="utf-8")
    result = run_cli("sentences", path, "--format", "json", cwd=tmp_path)
    assert result.code == 1
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err
    assert f"{path}: no Chinese text found in english.txt" in lines[0]
