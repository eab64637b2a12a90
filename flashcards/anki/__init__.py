"""Anki packages.

``deck`` turns vocabulary entries and sentence pairs into notes and note types (fixed
ids, GUIDs, fields), with the card ``templates`` and ``style.css``; ``package`` writes
the ``.apkg``, and ``manifest`` remembers each note's content and modification time
between builds.
"""
