"""Sentence alignment: English and Chinese paragraphs into sentence pairs.

``sentences`` splits text into sentences and clauses; ``beads`` aligns them (``align``,
a dynamic program over beads) with scores from ``evidence`` (dictionary, names, numbers,
the document's own word links), whose word lists come from ``lexicon``; ``score`` reads
and scores bead files against a gold alignment.
"""
