"""Key terms of an article.

``units`` cuts the sentences into units that may be terms (``unit``; ``name_units``
joins the names the segmenter cut up); ``extract`` finds and ranks
the key terms (``extract_terms``), with ``textrank`` for centrality; ``context_gloss``
finds the English that translates a term in its own aligned sentence (lemmatised by
``lemmas``) and the foreign names that characters transliterate; ``senses`` makes a
card's English from the dictionary's senses; ``known_words`` reads the words a learner
already knows.
"""
