"""The public surface: ``__all__`` is sorted and lists exactly the public names."""

from __future__ import annotations

import types

import newsevents


def test_all_is_sorted_and_complete() -> None:
    assert newsevents.__all__ == sorted(newsevents.__all__)
    # every public name of the package, less modules and what it imports from the stdlib
    public = {
        name for name, value in vars(newsevents).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    public -= {"annotations", "Iterable", "Iterator"}
    assert public == set(newsevents.__all__) - {"__version__"}


def test_import_loads_no_spacy_model() -> None:
    import subprocess
    import sys

    code = "import newsevents, sys; print(any('en_core_web' in m for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
