"""One place to read every PETRARCH/TABARI dictionary format, and the bundle the coder uses.

The readers live in one module per format (``verbdict``, ``actordict``, ``lists``); this
module re-exports them and loads a whole set at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .actordict import (
    ActorDictionary,
    ActorEntry,
    AgentDictionary,
    AgentEntry,
    DatedCode,
    read_actors,
    read_agents,
)
from .lists import Discard, IssueDictionary, IssuePhrase, read_discards, read_issues
from .verbdict import (
    Element,
    VerbBlock,
    VerbDictionary,
    VerbEntry,
    VerbPattern,
    read_verbs,
)

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "AgentDictionary",
    "AgentEntry",
    "DatedCode",
    "Dictionaries",
    "Discard",
    "Element",
    "IssueDictionary",
    "IssuePhrase",
    "VerbBlock",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "load_dictionaries",
    "read_actors",
    "read_agents",
    "read_discards",
    "read_issues",
    "read_verbs",
]


@dataclass(slots=True)
class Dictionaries:
    """A set of legacy dictionaries to code with: verbs, actors, agents and discards."""

    verbs: VerbDictionary
    actors: ActorDictionary
    agents: AgentDictionary
    discards: list[Discard] = field(default_factory=list)

    @property
    def skipped(self) -> list[str]:
        """Return the malformed lines skipped while reading (``file:line: text``)."""
        return [*self.verbs.skipped, *self.actors.skipped, *self.agents.skipped]


def load_dictionaries(
    verbs: str | Path,
    actors: str | Path | Sequence[str | Path],
    agents: str | Path,
    discards: str | Path | None = None,
    *,
    strict: bool = False,
) -> Dictionaries:
    """Return the dictionaries read from these files (several actor files are merged).

    ``strict`` is off by default because the published dictionaries have a few malformed
    lines (a 7-digit date, a pattern with two verbs); those lines are skipped and listed
    in ``Dictionaries.skipped``.

    Raises:
        MissingInputError: a file does not exist.
        DataError: a malformed line, when ``strict``.
    """
    actor_paths = [actors] if isinstance(actors, str | Path) else list(actors)
    actor_dict = ActorDictionary()
    for path in actor_paths:
        read_actors(path, strict=strict, into=actor_dict)
    return Dictionaries(
        verbs=read_verbs(verbs, strict=strict),
        actors=actor_dict,
        agents=read_agents(agents, strict=strict),
        discards=read_discards(discards) if discards is not None else [],
    )
