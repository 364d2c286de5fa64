"""The statements step: who said what, by which cue (issue 4).

Rules over the dependency parse (``indirect``) find cues with their source and content;
quote marks (``quotes``) are matched to them (``attach``); each source is resolved to an
actor (``speaker``); a learned model draws each cue's boundaries (``spans``). See
``docs/statements.md``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..config import Config
from ..model import Analysis, Statement, StatementKind
from .attach import find_statements
from .cues import CueLexicon, load_cues
from .indirect import Found
from .learned import CueModel, load_cue_model
from .spans import SpanModel, load_span_model
from .speaker import resolve_speaker


class StatementsStep:
    """Step `statements`: needs doc, actors; adds statements."""

    name = "statements"
    needs: tuple[str, ...] = ("doc", "actors")
    adds: tuple[str, ...] = ("statements",)

    def __init__(self, config: Config) -> None:
        self.config = config
        self.lexicon: CueLexicon = load_cues()
        self.model: CueModel = load_cue_model()
        self.spans: SpanModel = load_span_model()

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis with its statements, ids "s1", "s2", ... in text order."""
        doc = analysis.doc
        if doc is None:
            return analysis
        found = find_statements(doc, self.lexicon, self.model, spans=self.spans)
        analysis.statements = to_statements(analysis, doc, found)
        return analysis


def to_statements(analysis: Analysis, doc: Doc, found: list[Found]) -> list[Statement]:
    """Return the Statements of ``found`` (already in text order), speakers resolved."""
    out: list[Statement] = []
    for f in found:
        if f.content is None:
            continue
        kind: StatementKind = f.kind  # type: ignore[assignment]
        out.append(
            Statement(
                id=f"s{len(out) + 1}",
                speaker=resolve_speaker(analysis, doc, f.source_token),
                source=analysis.span(*f.source) if f.source else None,
                cue=analysis.span(*f.cue),
                content=analysis.span(*f.content),
                kind=kind,
            )
        )
    return out


def make_step(config: Config) -> StatementsStep:
    """Return the statements step for ``config``."""
    return StatementsStep(config)
