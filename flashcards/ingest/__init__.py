"""Reading a file into an :class:`~flashcards.model.Article`.

``article`` reads a file (or two) and is the stage's entry point (``read_article``,
``read_separate``, ``read_text``); ``textnorm`` decodes and tidies text; ``text`` parses
the layouts of a text file, with ``lines`` (what one line is) and ``pairing`` (English
and Chinese paragraphs put together); ``html`` takes an article out of a saved web page.

Submodules are imported by name, so that using one does not load the others.
"""
