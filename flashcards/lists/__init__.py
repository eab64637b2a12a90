"""Vocabulary lists.

``text`` renders a list (``render``: table, markdown, csv, tsv, pleco, json, and html
through ``html``, whose printed layouts are ``sheet``, ``quiz``, ``worksheet`` and
``reader`` over ``page``; ``pdf`` prints a page with a browser already installed);
``entries`` holds what the formats share (an entry's English, categories, pinyin runs,
highlighting); ``select`` sorts and filters the entries.
"""
