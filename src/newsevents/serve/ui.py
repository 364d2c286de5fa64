"""The web UI: server-rendered pages over the same data functions as the API.

Jinja2 autoescapes everything: article text, names and notes reach the page as text, never
as markup. Links to an article's URL are drawn only for http(s) URLs.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..errors import StoreError
from . import charts, queries
from .errors import HTTPError, NotFound
from .highlight import marks_of, paragraphs, segments

if TYPE_CHECKING:
    from .app import AppState

_env = Environment(
    loader=PackageLoader("newsevents.serve", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _safe_url(url: str | None) -> str | None:
    """Return ``url`` if it is http(s), else None (no ``javascript:`` links)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _json_for_script(data: Any) -> Markup:
    """Return JSON that is safe inside <script type="application/json">."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


_env.filters["safe_url"] = _safe_url
_env.globals["TYPE_COLOURS"] = charts.TYPE_COLOURS


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Return the template ``name`` rendered with ``context`` as an HTML response."""
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status)


def error_page(exc: HTTPError) -> Response:
    """Return the HTML error page for ``exc``."""
    return render("error.html", status=exc.status, error=exc)


def _query_string(request: Request, **changes: Any) -> str:
    params = dict(request.query_params)
    params.update({k: v for k, v in changes.items() if v is not None})
    return urlencode({k: v for k, v in params.items() if v not in ("", None)})


def add_ui_routes(app: FastAPI, state: AppState) -> None:
    """Add the HTML pages and the static files to ``app``."""
    from .app import event_query_of, page_of

    static = files("newsevents.serve").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    max_page = state.settings.max_page_size

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/ui/articles")

    @app.get("/ui/articles", include_in_schema=False)
    def articles_page(request: Request) -> Response:
        page = page_of(request, max_page)
        p = request.query_params
        flt = queries.ArticleFilter(outlet=p.get("outlet") or None, q=p.get("q") or None,
                                    story=p.get("story") or None)  # fmt: skip
        with state.reading() as store:
            rows, total = queries.articles(store, flt, page)
            outlets = queries.outlets(store)
        return render(
            "articles.html",
            request=request,
            rows=rows,
            total=total,
            page=page,
            flt=flt,
            outlets=outlets,
            qs=lambda **kw: _query_string(request, **kw),
        )

    @app.get("/ui/articles/{article_id}", include_in_schema=False)
    def reader_page(article_id: str) -> Response:
        with state.reading() as store:
            try:
                analysis = store.analysis(article_id)
            except StoreError:
                raise NotFound(f"no article {article_id}") from None
            keys = _actor_keys(store, article_id)
            prov = queries.provenance(store, article_id)
        segs = segments(analysis["article"]["text"], marks_of(analysis))
        return render(
            "reader.html",
            a=analysis,
            paras=paragraphs(segs),
            keys=keys,
            prov=prov,
            data=_json_for_script(_details(analysis, keys)),
        )

    @app.get("/ui/events", include_in_schema=False)
    def events_page(request: Request) -> Response:
        page = page_of(request, max_page)
        q = event_query_of(request)
        with state.reading() as store:
            rows, total = queries.events(store, q, page)
        return render(
            "events.html",
            request=request,
            rows=rows,
            total=total,
            page=page,
            q=q,
            modalities=queries.MODALITIES,
            types=list(charts.TYPE_COLOURS),
            qs=lambda **kw: _query_string(request, **kw),
        )

    @app.get("/ui/actors", include_in_schema=False)
    def actors_page(request: Request) -> Response:
        page = page_of(request, max_page)
        q = request.query_params.get("q") or None
        with state.reading() as store:
            rows, total = queries.actors(store, q, page)
        return render(
            "actors.html",
            rows=rows,
            total=total,
            page=page,
            q=q,
            qs=lambda **kw: _query_string(request, **kw),
        )

    @app.get("/ui/actors/{key:path}", include_in_schema=False)
    def actor_page(key: str) -> Response:
        with state.reading() as store:
            found = queries.actor(store, key)
        if found is None:
            raise NotFound(f"no actor {key}")
        events = found["events_as_source"] + found["events_as_target"]
        return render(
            "actor.html",
            actor=found,
            timeline=charts.timeline(events),
            network=charts.network(found),
        )

    @app.get("/ui/stories/{story_id}", include_in_schema=False)
    def story_page(story_id: str) -> Response:
        with state.reading() as store:
            found = queries.story(store, story_id)
        if found is None:
            raise NotFound(f"no story {story_id}")
        return render("story.html", story=found)


def _actor_keys(store: Any, article_id: str) -> dict[str, str]:
    rows = store.select(
        f"SELECT actor_id, {queries.ACTOR_KEY.format(t='r')} AS key FROM actors r "
        "WHERE r.article_id = ?",
        [article_id],
    )
    return {r["actor_id"]: r["key"] for r in rows}


def _details(analysis: dict[str, Any], keys: dict[str, str]) -> dict[str, Any]:
    """Return what the reader's detail panel shows for each annotation id."""
    actors = {a["id"]: a for a in analysis["actors"]}
    out: dict[str, Any] = {}
    for a in analysis["actors"]:
        out[a["id"]] = {"kind": "actor", "name": a["name"], "code": a["cameo"],
                        "role": a["role"], "type": a["kind"], "key": keys.get(a["id"]),
                        "mentions": [m["text"] for m in a["mentions"]]}  # fmt: skip
    for s in analysis["statements"]:
        speaker = actors.get(s["speaker"] or "", {}).get("name")
        out[s["id"]] = {"kind": "statement", "speaker": speaker, "cue": s["cue"]["text"],
                        "content": s["content"]["text"], "type": s["kind"]}  # fmt: skip
    for e in analysis["events"]:
        out[e["id"]] = {
            "kind": "event", "plover": e["plover"], "cameo": e["cameo"],
            "source": actors.get(e["source"] or "", {}).get("name"),
            "target": actors.get(e["target"] or "", {}).get("name"),
            "modality": [k for k, v in e["modality"].items() if v],
            "asserted_by": e["asserted_by"], "date": (e["date"] or {}).get("value"),
            "factual": e["factual"],
        }  # fmt: skip
    for d in analysis["dates"]:
        out[d["id"]] = {"kind": "date", "text": d["text"], "value": d["value"]}
    for p in analysis["places"]:
        out[p["id"]] = {"kind": "place", "name": p["name"], "country": p["country"]}
    for i, f in enumerate(analysis["framing"]):
        out[f"f{i + 1}"] = {"kind": f["kind"], "text": f["text"], "note": f["note"]}
    return out
