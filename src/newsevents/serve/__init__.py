"""The server: a JSON API and a web UI over a store (``newsevents serve``).

The coder never imports this package; it imports the coder and the store.
"""

from __future__ import annotations

from .app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]
