"""Card templates and styling of the note types (HTML with Anki's field syntax).

The templates only place fields; the fields arrive as finished HTML (tone
spans, ruby, highlighted terms) built in :mod:`flashcards.anki.deck`, so every Anki
client renders the same thing without add-ons or JavaScript.
"""

from __future__ import annotations

import functools
from importlib import resources

_META = (
    '<div class="meta">{{#Category}}<span>{{Category}}</span>{{/Category}}'
    "{{#HSK}}<span>HSK {{HSK}}</span>{{/HSK}}"
    "{{#Frequency}}<span title=\"word frequency, Zipf scale: 1 rare, 7 very common\">frequency {{Frequency}}/7</span>{{/Frequency}}"
    "{{#Measure Words}}<span>MW {{Measure Words}}</span>{{/Measure Words}}</div>"
)

_VOCAB_DETAILS = (
    '<div class="english">{{English}}</div>'
    '{{#Context English}}<div class="context">here: {{Context English}}</div>{{/Context English}}'
    '{{#Glossary Note}}<div class="glossary-note">{{Glossary Note}}</div>{{/Glossary Note}}'
    + _META
    + '{{#Example}}<div class="example"><div class="zh">{{Example}}</div>'
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
    '<hr id="answer"><div class="pinyin">{{Pinyin}}</div>' + _VOCAB_DETAILS
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
    '<div class="pinyin">{{Pinyin}}</div>'
    + _META
    + '{{#Example}}<div class="example"><div class="zh">{{Example}}</div>'
    '<div class="example-english">{{Example English}}</div></div>{{/Example}}'
    '{{#My Notes}}<div class="notes">{{My Notes}}</div>{{/My Notes}}'
)

READING_FRONT = '<div class="sentence">{{Chinese}}</div>'
READING_BACK = (
    '<div class="sentence">{{Ruby}}</div>'
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
    '{{#Gap}}<div class="gap-answer">{{Gap Answer}}</div>'
    '<hr id="answer"><div class="english translation">{{English}}</div>'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
    '{{#My Notes}}<div class="notes">{{My Notes}}</div>{{/My Notes}}{{/Gap}}'
)


@functools.cache
def css() -> str:
    """The note types' stylesheet (``style.css`` beside this module)."""
    return resources.files("flashcards.anki").joinpath("style.css").read_text(encoding="utf-8")
