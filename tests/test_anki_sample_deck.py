"""The README's main job, checked through the real Anki backend: `flashcards build` on
the sample article, imported into a fresh collection, every card rendered."""

from __future__ import annotations

import html
import json
import re

import pytest

anki_collection = pytest.importorskip("anki.collection")

TAG = re.compile(r"<[^>]+>")


def visible(card_html: str) -> str:
    """What a learner reads: tags and styles gone, entities decoded."""
    card_html = re.sub(r"<style.*?</style>|<script.*?</script>", "", card_html, flags=re.S)
    return html.unescape(TAG.sub("", card_html))


@pytest.mark.slow
def test_built_sample_deck_imports_and_every_card_shows_the_article(run_cli, sample_article, repo_glossary, tmp_path):
    out = tmp_path / "decks"
    result = run_cli("build", sample_article, "--glossary", repo_glossary, "--out", out)
    assert result.code == 0, result.err
    (package,) = out.glob("*.apkg")
    pairs = json.loads(run_cli("sentences", sample_article, "--format", "json", "--glossary", repo_glossary).out)

    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        request = anki_collection.ImportAnkiPackageRequest(
            package_path=str(package), options=anki_collection.ImportAnkiPackageOptions()
        )
        log = col.import_anki_package(request).log
        assert len(log.new) > 50 and not log.conflicting
        fronts, backs = [], []
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            question, answer = card.question(), card.answer()
            assert visible(question).strip(), f"empty front on card {cid}"
            assert "{{" not in question + answer
            fronts.append(visible(question))
            backs.append(visible(answer))
        shown = "\n".join(fronts + backs)
        # every aligned sentence pair of the article is on a card, both sides
        for pair in pairs:
            assert pair["zh"] in shown
            assert pair["en"] in shown
        # the article's terms with their pinyin and English
        for hanzi, pinyin, english in [("准同盟", "zhǔntóngméng", "quasi-alliance"), ("默许", "mòxǔ", "tacit")]:
            card_text = [b for b in backs if hanzi in b and english in b]
            assert card_text and any(pinyin in re.sub(r"\s+", "", b) for b in card_text), hanzi
        # sentence pinyin is on the reading cards as ruby over the characters
        reading = [col.get_card(cid).answer() for cid in col.find_cards("card:Reading")]
        missing = [visible(a)[:300] for a in reading if "<ruby>" not in a or "<rt" not in a]
        assert reading and not missing, missing
    finally:
        col.close()
