"""The one exception hierarchy of newsevents.

::

    NewseventsError
    ├── InputError                 bad input: the message names it and says what to do
    │   ├── MissingInputError      the file does not exist
    │   ├── EmptyInputError        nothing left to code after normalisation
    │   ├── BinaryInputError       the bytes are not text
    │   ├── DecodingError          the bytes are not in an encoding we read
    │   ├── InputTooLargeError     over the configured size limit
    │   └── UnsupportedLanguageError  not English (detected, reported, not coded)
    ├── ModelError                 the spaCy pipeline is missing or broken
    ├── DataError                  one of our data files (KB, lexicon) is malformed
    ├── SchemaError                an output does not validate against newsevents/1
    ├── StoreError                 the database failed
    └── EngineError                a parallel or cluster engine failed

Foreign exceptions (spaCy, DuckDB, jsonschema, ...) are translated into these at the
boundary, raised ``from`` the original, so callers need to catch only ``NewseventsError``.
"""

from __future__ import annotations


class NewseventsError(Exception):
    """Base class of every error newsevents raises on purpose."""


class InputError(NewseventsError):
    """The input cannot be coded; the message says why and what to do."""


class MissingInputError(InputError):
    """The input file does not exist."""


class EmptyInputError(InputError):
    """The input holds no text to code."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class DecodingError(InputError):
    """The input bytes could not be decoded."""


class InputTooLargeError(InputError):
    """The input is over the configured size limit."""


class UnsupportedLanguageError(InputError):
    """The input is not in a language we code (English)."""

    def __init__(self, message: str, language: str) -> None:
        super().__init__(message)
        self.language = language


class ModelError(NewseventsError):
    """The spaCy pipeline is missing or cannot be loaded."""


class DataError(NewseventsError):
    """A data file (knowledge base, lexicon) is malformed."""


class SchemaError(NewseventsError):
    """An output does not validate against the newsevents/1 schema."""


class StoreError(NewseventsError):
    """The store (DuckDB or PostgreSQL) failed."""


class EngineError(NewseventsError):
    """A parallel or cluster engine failed."""
