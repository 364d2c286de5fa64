"""The JSON API over real HTTP: reads, filters, the write endpoint's token, error shapes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsevents.formats import validate
from newsevents.serve import ServeSettings
from serving import build_store, running_server

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    db = tmp_path_factory.mktemp("serve") / "api.duckdb"
    ids = build_store(db)
    with running_server(ServeSettings(db=str(db), token=TOKEN)) as url:
        yield url, ids


@pytest.fixture(scope="module")
def client(server: tuple[str, dict[str, str]]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server[0], timeout=60) as c:
        yield c


def test_serve_articles_list_and_filter(client: httpx.Client) -> None:
    body = client.get("/articles").json()
    assert body["ok"] and body["total"] == 3
    only = client.get("/articles", params={"outlet": "Example Wire"}).json()
    assert [a["outlet"] for a in only["articles"]] == ["Example Wire"]
    found = client.get("/articles", params={"q": "grain"}).json()
    assert found["total"] == 2  # the article and its copy
    assert client.get("/articles", params={"from": "2025-08-13"}).json()["total"] == 2


def test_serve_article_is_the_stored_analysis(
    client: httpx.Client, server: tuple[str, dict[str, str]]
) -> None:
    article_id = server[1]["grain-corridor-talks"]
    data = client.get(f"/articles/{article_id}").json()
    validate(data)
    assert data["article"]["id"] == article_id


def test_serve_events_and_actors_answer(client: httpx.Client) -> None:
    events = client.get("/events", params={"limit": 10}).json()
    assert events["ok"] and events["limit"] == 10
    assert client.get("/events", params={"type": "ACCUSE", "asserted_by": "outlet"}).status_code == 200
    actors = client.get("/actors").json()
    assert actors["ok"]
    for row in actors["actors"][:3]:
        detail = client.get(f"/actors/{row['key']}").json()
        assert detail["name"] == row["name"]
        assert {"events_as_source", "events_as_target", "statements"} <= set(detail)


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/events", {"type": "FIGHT"}, "type"),
        ("/events", {"from": "last week"}, "from"),
        ("/events", {"modality": "maybe"}, "modality"),
        ("/events", {"cameo": "12a"}, "cameo"),
        ("/articles", {"limit": "100000"}, "limit"),
        ("/articles", {"limit": "ten"}, "limit"),
        ("/articles", {"offset": "-1"}, "offset"),
    ],
)
def test_serve_bad_parameters_get_400_naming_the_field(
    client: httpx.Client, path: str, params: dict[str, str], field: str
) -> None:
    resp = client.get(path, params=params)
    assert resp.status_code == 400
    body = resp.json()
    assert body["ok"] is False and body["status"] == 400
    assert body["errors"][0]["field"] == field


def test_serve_not_found_has_the_same_shape(client: httpx.Client) -> None:
    for path in ("/articles/" + "0" * 64, "/actors/nobody", "/stories/none"):
        resp = client.get(path)
        assert resp.status_code == 404
        assert set(resp.json()) == {"ok", "status", "error", "errors"}


def test_serve_analyze_needs_the_token(client: httpx.Client) -> None:
    article = {"text": "Turkey offered on Tuesday to host talks between the two governments."}
    assert client.post("/analyze", json=article).status_code == 401
    bad = client.post("/analyze", json=article, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401
    ok = client.post("/analyze", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200
    validate(ok.json())


def test_serve_analyze_stores_when_asked(client: httpx.Client) -> None:
    article = {"text": "Poland demanded on Friday that the border crossings reopen.",
               "published": "2025-09-05", "outlet": "API Test", "store": True}
    resp = client.post("/analyze", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 200 and resp.json()["stored"] is True
    listed = client.get("/articles", params={"outlet": "API Test"}).json()
    assert listed["total"] == 1


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({}, 400, "text"),
        ({"text": ""}, 400, "text"),
        ({"text": "Talks resumed.", "published": "soon"}, 400, "published"),
        ({"text": "Die Regierung hat am Dienstag gesagt, dass es keine Gespräche geben werde."},
         422, None),
    ],
)
def test_serve_analyze_bad_bodies(
    client: httpx.Client, body: dict[str, str], status: int, field: str | None
) -> None:
    resp = client.post("/analyze", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == status
    if field:
        assert resp.json()["errors"][0]["field"] == field


def test_serve_body_over_the_limit_gets_413(client: httpx.Client) -> None:
    big = {"text": "word " * 500_000}
    resp = client.post("/analyze", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 413


def test_serve_without_token_writes_are_disabled(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build_store(db)
    with running_server(ServeSettings(db=str(db), token=None)) as url:
        resp = httpx.post(f"{url}/analyze", json={"text": "x"},
                          headers={"Authorization": "Bearer anything"})
        assert resp.status_code == 403
        assert "disabled" in resp.json()["error"]


def test_serve_openapi_document(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    assert {"/analyze", "/articles", "/events", "/actors"} <= set(doc["paths"])


def test_serve_provenance_of_a_copy(client: httpx.Client, server: tuple[str, dict[str, str]]) -> None:
    ids = server[1]
    prov = client.get(f"/articles/{ids['copy']}/provenance").json()
    assert prov["copy_of"]["original_id"] == ids["grain-corridor-talks"]
    assert prov["copy_of"]["kind"] in ("verbatim", "light_edit")
    back = client.get(f"/articles/{ids['grain-corridor-talks']}/provenance").json()
    assert [c["article_id"] for c in back["copies"]] == [ids["copy"]]
    assert client.get(f"/articles/{ids['hostile-article']}/provenance").json()["copy_of"] is None
    assert client.get("/articles/" + "0" * 64 + "/provenance").status_code == 404
