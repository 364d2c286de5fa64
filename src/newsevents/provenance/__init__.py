"""Provenance: which articles are copies of others, of what kind, and which came first.

``find_links`` (``links.py``) runs the whole thing over a list of articles: fingerprints
(``fingerprint.py``: what survives a paraphrase), candidates from a capped inverted index
(``index.py``), a monotone sentence alignment (``align.py``) and the verdict
(``detect.py``). ``docs/provenance.md`` explains it, with examples. The coder never
imports this package.
"""

from __future__ import annotations

from .detect import KINDS, Dated, Verdict, verdict
from .fingerprint import Coded, Fingerprint, fingerprint
from .index import ProvenanceIndex
from .links import LinkStats, ProvenanceDoc, find_links

__all__ = [
    "KINDS",
    "Coded",
    "Dated",
    "Fingerprint",
    "LinkStats",
    "ProvenanceDoc",
    "ProvenanceIndex",
    "Verdict",
    "find_links",
    "fingerprint",
    "verdict",
]
