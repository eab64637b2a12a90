"""Key terms of an article.

``extract`` finds and ranks the candidates (``extract_terms``), with ``textrank`` for
centrality; ``context_gloss`` finds the English that translates a term in its own
aligned sentence, lemmatised by ``lemmas``; ``known_words`` reads the words a learner
already knows.
"""
