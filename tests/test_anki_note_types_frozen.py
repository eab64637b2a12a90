"""Guard: the note types' ids, field names and template names are frozen.

Anki recognises a note type by its id and compares field and template names; if
any of them changes, importing a new deck creates a second note type and every
learner's existing notes stop receiving updates. If this test fails, you are
about to break every collection that imported an earlier deck. Don't edit the
expected values below; revert the change (or introduce a new note type with a new
id, and a migration note for learners).
"""

from __future__ import annotations

from flashcards.anki import deck

FROZEN = {
    1736150401: (
        ("Hanzi", "Traditional", "Pinyin", "English", "Context English", "Category", "HSK", "Frequency",
         "Measure Words", "Example", "Example Pinyin", "Example English", "More Examples", "Source",
         "Glossary Note", "My Notes"),
        ("Recognition", "Recall"),
    ),
    1736150402: (
        ("Chinese", "Ruby", "Pinyin", "English", "Source", "Key Terms", "Gap", "Gap Answer", "My Notes"),
        ("Reading", "Gap Fill"),
    ),
}  # fmt: skip
FROZEN_DECKS = {
    1736150411: "Chinese Defence & Foreign Policy::Vocabulary",
    1736150412: "Chinese Defence & Foreign Policy::Sentences",
}


def test_note_type_ids_fields_and_templates_are_frozen():
    actual = {t.model_id: (t.fields, tuple(name for name, _, _ in t.templates)) for t in deck.note_types()}
    assert actual == FROZEN


def test_deck_ids_and_names_are_frozen():
    assert dict(deck.DECKS) == FROZEN_DECKS


def test_guids_are_frozen():
    # A GUID scheme change would make every note of a rebuilt deck a new note.
    assert deck.vocab_guid("军事") == deck.vocab_guid(" 军事 ")
    assert deck.vocab_guid("军事") == FROZEN_GUIDS["军事"]
    assert deck.sentence_guid("日本与北约加强军事合作。") == FROZEN_GUIDS["日本与北约加强军事合作。"]


def test_templates_use_only_existing_fields():
    import re

    for note_type in deck.note_types():
        for _, front, back in note_type.templates:
            names = set(re.findall(r"{{[#^/]?([^}:]+?)}}", front + back)) - {"FrontSide"}
            assert names <= set(note_type.fields), names - set(note_type.fields)


FROZEN_GUIDS = {
    "军事": "M*A6@l:z+V",
    "日本与北约加强军事合作。": "D5:r<|cO^a",
}
