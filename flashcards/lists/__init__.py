"""Vocabulary lists.

``text`` renders a list (``render``: table, markdown, csv, tsv, pleco, json, and html
through ``html``); ``entries`` holds what the formats share (an entry's English,
categories, pinyin runs, highlighting); ``select`` sorts and filters the entries.
"""
