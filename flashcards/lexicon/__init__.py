"""What general references say about a word.

``cedict`` loads CC-CEDICT (every reading of a headword kept); ``dictionary`` answers
look-ups (readings, glosses, HSK level, measure words); ``frequency`` gives word
frequencies; ``script`` converts between Simplified and Traditional characters.
"""
