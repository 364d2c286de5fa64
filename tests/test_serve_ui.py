"""The web UI in a real browser (Debian's chromium, headless, driven by Playwright)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsevents.serve import ServeSettings
from serving import build_store, running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    db = tmp_path_factory.mktemp("ui") / "ui.duckdb"
    ids = build_store(db)
    with running_server(ServeSettings(db=str(db), token="t")) as url:
        yield url, ids


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    context.close()


def test_ui_reader_highlights_and_shows_details(site: tuple[str, dict[str, str]], page: Any) -> None:
    url, ids = site
    page.goto(f"{url}/ui/articles/{ids['grain-corridor-talks']}")
    assert "Turkey pushes to revive" in page.inner_text("h1")
    assert page.locator(".hl-actor").count() > 0
    page.locator(".hl-actor").first.click()
    assert "Actor" in page.inner_text("#detail")


def test_ui_click_an_actor_opens_its_page(site: tuple[str, dict[str, str]], page: Any) -> None:
    url, ids = site
    page.goto(f"{url}/ui/articles/{ids['grain-corridor-talks']}")
    chip = page.locator("a.actor-link").first
    name = chip.evaluate("el => el.firstChild.textContent").strip()
    chip.click()
    page.wait_for_load_state()
    assert "/ui/actors/" in page.url
    assert page.inner_text("h1").startswith(name)
    assert page.locator("h2", has_text="Events over time").count() == 1


def test_ui_events_filter(site: tuple[str, dict[str, str]], page: Any) -> None:
    url, _ = site
    page.goto(f"{url}/ui/events")
    total = int(page.inner_text("h1 small"))
    page.fill("input[name=actor]", "zzzz-nobody")
    page.click("#event-filters button")
    page.wait_for_load_state()
    assert "actor=zzzz-nobody" in page.url
    assert int(page.inner_text("h1 small")) == 0 <= total
    assert "No events match" in page.inner_text("table.grid")


def test_ui_hostile_article_executes_nothing(site: tuple[str, dict[str, str]], page: Any) -> None:
    url, ids = site
    page.goto(f"{url}/ui/articles/{ids['hostile-article']}")
    page.locator("[data-refs]").first.click()
    # the markup is shown as text, and nothing of it ran
    assert "<script>" in page.inner_text("article.text")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article.text script, article.text img").count() == 0
    assert page.dialogs == []
    # the article's javascript: URL is not turned into a link
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(f"{url}/ui/articles?q=accusations")
    assert page.evaluate("window.__pwned") is None


def test_ui_search_and_error_page(site: tuple[str, dict[str, str]], page: Any) -> None:
    url, _ = site
    page.goto(f"{url}/ui/articles")
    page.fill("header .search input", "grain")
    page.press("header .search input", "Enter")
    page.wait_for_load_state()
    assert page.locator(".card").count() == 2  # the article and its copy
    resp = page.goto(f"{url}/ui/articles/{'0' * 64}")
    assert resp.status == 404 and "404" in page.inner_text("h1")


def test_ui_reader_shows_what_an_article_copies(site: tuple[str, dict[str, str]], page: Any) -> None:
    url, ids = site
    page.goto(f"{url}/ui/articles/{ids['copy']}")
    banner = page.inner_text(".provenance")
    assert "copy of" in banner
    page.click(".provenance a")
    page.wait_for_load_state()
    assert page.url.endswith(ids["grain-corridor-talks"])
    assert "Copied by 1 later article" in page.inner_text("article.text")
