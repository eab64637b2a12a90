"""Storage: the analysis cache, the dictionary tables, parallel workers, file writes.

``cache`` keeps analyses by content; ``tables`` indexes the libraries' data into SQLite
once per machine, and ``indexing`` builds those tables all at once on the first run;
``parallel`` forks the workers of a corpus build; ``fileio`` writes files atomically.
"""
