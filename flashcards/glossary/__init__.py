"""The curated glossary.

``load`` reads and checks ``glossary.yaml`` (``load_glossary``, ``check_glossary``),
with ``safe_yaml`` (line-numbered nodes; no aliases, anchors or tags) and ``pinyin``
(the readings' checks); ``edit`` adds entries (keeping the file's comments) and
searches; ``merge`` merges the glossary with an article's key terms into vocabulary
entries.
"""
