"""Card templates and styling of the note types (HTML with Anki's field syntax).

The templates only place fields; the fields arrive as finished HTML (tone
spans, ruby, highlighted terms) built in :mod:`flashcards.anki.deck`, so every Anki
client renders the same thing without add-ons or JavaScript. Speech is Anki's own tts
tags, in the templates only: switching it on or off changes template text, never a
field or template name, so collections follow on their next import.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

# Anki's own text-to-speech (manual: "Text to Speech"): the platform's voices read the
# field aloud; no audio file, nothing downloaded. ``voices=`` names preferred Mandarin
# voices as Anki's players list them (``{{tts-voices:}}`` on a card shows a device's):
# macOS/iOS, Windows, Android (Google). A voice the device lacks is skipped; with none
# of them, the platform's default zh_CN voice speaks. Anki strips the field's HTML
# before speaking, so the highlighted example is read as plain Chinese text.
VOICES = ("Apple_Tingting", "Microsoft_Huihui", "Microsoft_Yaoyao", "cmn-cn-x-ccc-local")
SPEECH = "{{tts zh_CN voices=" + ",".join(VOICES) + ":%s}}"

_META = (
    '<div class="meta">{{#Category}}<span>{{Category}}</span>{{/Category}}'
    "{{#HSK}}<span>HSK {{HSK}}</span>{{/HSK}}"
    "{{#Frequency}}<span title=\"word frequency, Zipf scale: 1 rare, 7 very common\">frequency {{Frequency}}/7</span>{{/Frequency}}"
    "{{#Measure Words}}<span>MW {{Measure Words}}</span>{{/Measure Words}}</div>"
)

# Templates as written with ``[say:Field]`` where the card speaks: :func:`card_templates`
# turns each into a tts tag, or into nothing for a silent deck (``build --no-speech``).
_VOCAB_DETAILS = (
    '<div class="english">{{English}}</div>'
    '{{#Context English}}<div class="context">here: {{Context English}}</div>{{/Context English}}'
    '{{#Glossary Note}}<div class="glossary-note">{{Glossary Note}}</div>{{/Glossary Note}}'
    + _META
    + '{{#Example}}<div class="example"><div class="zh">{{Example}}[say:Example]</div>'
    '<div class="example-pinyin">{{Example Pinyin}}</div>'
    '<div class="example-english">{{Example English}}</div></div>{{/Example}}'
    "{{#More Examples}}{{More Examples}}{{/More Examples}}"
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
    '{{#My Notes}}<div class="notes">{{My Notes}}</div>{{/My Notes}}'
)

RECOGNITION_FRONT = '<div class="hanzi">{{Hanzi}}</div>'
RECOGNITION_BACK = (
    "{{FrontSide}}"
    '{{#Traditional}}<div class="traditional">{{Traditional}}</div>{{/Traditional}}'
    '<hr id="answer"><div class="pinyin">{{Pinyin}}[say:Hanzi]</div>' + _VOCAB_DETAILS
)

RECALL_FRONT = (
    '{{#English}}<div class="english">{{English}}</div>'
    '{{#Context English}}<div class="context">here: {{Context English}}</div>{{/Context English}}'
    '{{#Category}}<div class="hint">topic: {{Category}}</div>{{/Category}}{{/English}}'
)
RECALL_BACK = (
    "{{FrontSide}}"
    '<hr id="answer"><div class="hanzi">{{Hanzi}}</div>'
    '{{#Traditional}}<div class="traditional">{{Traditional}}</div>{{/Traditional}}'
    '<div class="pinyin">{{Pinyin}}[say:Hanzi]</div>'
    + _META
    + '{{#Example}}<div class="example"><div class="zh">{{Example}}[say:Example]</div>'
    '<div class="example-english">{{Example English}}</div></div>{{/Example}}'
    '{{#My Notes}}<div class="notes">{{My Notes}}</div>{{/My Notes}}'
)

READING_FRONT = '<div class="sentence">{{Chinese}}</div>'
READING_BACK = (
    '<div class="sentence">{{Ruby}}</div>[say:Chinese]'
    '<hr id="answer"><div class="english translation">{{English}}</div>'
    '{{#Key Terms}}{{Key Terms}}{{/Key Terms}}'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
    '{{#My Notes}}<div class="notes">{{My Notes}}</div>{{/My Notes}}'
)

GAP_FRONT = (
    '{{#Gap}}<div class="sentence">{{Gap}}</div>'
    '<div class="english translation">{{English}}</div>'
    '<div class="hint">Which term fills the gap?</div>{{/Gap}}'
)
GAP_BACK = (
    '{{#Gap}}<div class="gap-answer">{{Gap Answer}}</div>[say:Chinese]'
    '<hr id="answer"><div class="english translation">{{English}}</div>'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
    '{{#My Notes}}<div class="notes">{{My Notes}}</div>{{/My Notes}}{{/Gap}}'
)

_SAY = re.compile(r"\[say:([^\]]+)\]")


def card_templates(speech: bool = True) -> dict[str, tuple[str, str]]:
    """Each template's (front, back) by name; with ``speech``, the cards read their
    Chinese aloud (headword and example on the vocabulary answers, the sentence on the
    sentence answers: never on a front, where hearing it would give the answer away)."""
    def say(text: str) -> str:
        return _SAY.sub(lambda m: SPEECH % m.group(1) if speech else "", text)

    written = {
        "Recognition": (RECOGNITION_FRONT, RECOGNITION_BACK),
        "Recall": (RECALL_FRONT, RECALL_BACK),
        "Reading": (READING_FRONT, READING_BACK),
        "Gap Fill": (GAP_FRONT, GAP_BACK),
    }
    return {name: (say(front), say(back)) for name, (front, back) in written.items()}


@functools.cache
def css() -> str:
    """The note types' stylesheet (``style.css`` beside this module)."""
    return resources.files("flashcards.anki").joinpath("style.css").read_text(encoding="utf-8")
