"""Take the README's screenshots of the web UI from our example articles.

Builds a store from ``examples/`` (publication dates below), serves it on a loopback port,
and drives Debian's headless chromium with Playwright: the reader, the events table and an
actor page, written to ``docs/img/``.

Usage: python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import newsevents  # noqa: E402
from newsevents.serve import ServeSettings  # noqa: E402
from newsevents.store import open_store  # noqa: E402
from serving import running_server  # noqa: E402  (the tests' server harness)

EXAMPLES = {
    "grain-corridor-talks.txt": ("2025-08-12", "Example Wire"),
    "border-crossings-dispute.txt": ("2025-09-08", "Example Daily"),
    "ceasefire-monitors.txt": ("2025-10-03", "Example Wire"),
}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    """Build the demo store and write the three screenshots."""
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        ids = {}
        with open_store(db) as store:
            run = store.begin_run(["examples"], 1)
            for name, (published, outlet) in EXAMPLES.items():
                text = (ROOT / "examples" / name).read_text(encoding="utf-8")
                analysis = newsevents.analyze(text, published=published, outlet=outlet)
                store.write_analysis(analysis, f"examples/{name}", run)
                ids[name] = analysis.article.id
        with running_server(ServeSettings(db=str(db))) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{url}/ui/articles/{ids['grain-corridor-talks.txt']}")
            page.locator(".hl-trigger").first.click()
            page.screenshot(path=str(out / "reader.png"), full_page=True)
            page.goto(f"{url}/ui/events")
            page.screenshot(path=str(out / "events.png"), full_page=True)
            page.goto(f"{url}/ui/actors/RUS")
            if page.locator("h1").inner_text().startswith("404"):
                page.goto(f"{url}/ui/actors")
                page.locator("table.grid a").first.click()
            page.screenshot(path=str(out / "actor.png"), full_page=True)
            browser.close()
    print(f"screenshots in {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
