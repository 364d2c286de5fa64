"""The framing step: loaded terms, editorial sentences, hedges and persuasion techniques.

Issue 9. Each finding is a ``Frame`` in ``analysis.framing``:

- ``loaded_term``: a name-calling, dehumanising or loaded label, aimed at an actor
  (``loaded.py``, lexicon ``data/lexicons/loaded_terms.yaml``);
- ``editorial``: an evaluative or predictive sentence in the outlet's own voice
  (``editorial.py``, ``editorial.yaml``);
- ``hedge``: a word that lowers the certainty of what it scopes over; the events inside get
  a lower ``certainty`` (``hedges.py``, ``hedges.yaml``);
- ``technique``: a SemEval-2023 persuasion technique predicted for a paragraph
  (``techniques.py``, a model file we trained, ``data/models/``).
"""

from __future__ import annotations

from ..config import Config
from ..errors import NewseventsError
from ..model import Analysis, Frame
from .editorial import find_editorial
from .hedges import find_hedges, lower_certainty
from .lexicon import LexiconMatcher, load_lexicon
from .loaded import find_loaded_terms
from .techniques import TechniqueClassifier, find_techniques


class FramingStep:
    """Step `framing`: needs doc, statements, events; adds framing (and lowers certainty)."""

    name = "framing"
    needs: tuple[str, ...] = ("doc", "statements", "events")
    adds: tuple[str, ...] = ("framing",)

    def __init__(self, config: Config) -> None:
        self.config = config
        self.matcher = LexiconMatcher(
            {name: load_lexicon(name) for name in ("loaded_terms", "hedges", "editorial")}
        )
        self.classifier = TechniqueClassifier.load()  # a few MB of weights, once per step

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis with its framing frames added, in text order."""
        doc = analysis.doc
        if doc is None:
            raise NewseventsError("the framing step needs the parsed Doc (run the parse first)")
        matches = self.matcher(doc)
        loaded = find_loaded_terms(analysis, doc, matches["loaded_terms"])
        editorial = find_editorial(analysis, doc, matches["editorial"])
        hedges = find_hedges(analysis, doc, matches["hedges"])
        techniques = find_techniques(analysis, self.classifier)
        lower_certainty(analysis.events, hedges)
        frames: list[Frame] = [*loaded, *editorial, *(h.frame for h in hedges), *techniques]
        analysis.framing.extend(sorted(frames, key=lambda f: (f.start, -f.end, f.kind)))
        return analysis


def make_step(config: Config) -> FramingStep:
    """Return the framing step for ``config``."""
    return FramingStep(config)
