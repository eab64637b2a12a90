"""flashcards: Anki decks and vocabulary lists from bilingual English/Chinese articles."""

__version__ = "0.1.0"
