"""The FastAPI application: a JSON API and a web UI over one store.

``create_app(settings)`` builds it; ``newsevents serve`` runs it with uvicorn. Every route
asks ``queries`` (or the store) for plain data; the JSON routes return that data, the UI
routes feed the same data to a template (``ui.py``).
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from .. import __version__
from ..errors import InputError, StoreError
from ..store import Store, open_store
from ..store.queries import ARTICLE_EXISTS
from . import queries
from .errors import (
    BadRequest,
    Forbidden,
    HTTPError,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    Unprocessable,
    bad_field,
)


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """How the server runs: the database, the write token, and its limits."""

    db: str = "newsevents.duckdb"
    token: str | None = None
    max_body_bytes: int = 2_000_000
    max_page_size: int = 500


class AnalyzeRequest(BaseModel):
    """The body of ``POST /analyze``."""

    text: str = Field(min_length=1, description="the article: plain text or HTML")
    published: str | None = Field(default=None, description="publication date YYYY-MM-DD")
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    store: bool = Field(default=False, description="also store the analysis in the database")


class AppState:
    """The open store and the locks that keep it (and the parser) to one user at a time."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.store: Store = open_store(settings.db)
        self.db_lock = threading.Lock()
        self.coder_lock = threading.Lock()
        self.run_id: int | None = None

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """Return the store for one request, holding the lock (a connection is not shared)."""
        with self.db_lock:
            yield self.store


def page_of(request: Request, max_size: int) -> queries.Page:
    """Return the page asked for by ``limit`` and ``offset``, or raise a 400 naming the field."""
    limit = _int_param(request, "limit", 50)
    offset = _int_param(request, "offset", 0)
    if not 1 <= limit <= max_size:
        raise bad_field("limit", f"must be between 1 and {max_size}")
    if offset < 0:
        raise bad_field("offset", "must be 0 or more")
    return queries.Page(limit=limit, offset=offset)


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise bad_field(name, "must be a whole number") from None


def _date_param(request: Request, name: str) -> str | None:
    import datetime as dt

    raw = request.query_params.get(name) or None
    if raw is None:
        return None
    try:
        dt.date.fromisoformat(raw)
    except ValueError:
        raise bad_field(name, "must be a date YYYY-MM-DD") from None
    return raw


def event_query_of(request: Request) -> queries.EventQuery:
    """Return the event filter from the query string; 400 for a bad value."""
    from ..model import PLOVER_TYPES

    p = request.query_params
    plover = (p.get("type") or p.get("plover") or "").upper() or None
    if plover and plover not in PLOVER_TYPES:
        raise bad_field("type", f"not a PLOVER type; one of {', '.join(PLOVER_TYPES)}")
    modality = p.get("modality") or None
    if modality and modality not in queries.MODALITIES:
        raise bad_field("modality", f"one of {', '.join(queries.MODALITIES)}")
    cameo = p.get("cameo") or None
    if cameo and not (cameo.isdigit() and len(cameo) <= 4):
        raise bad_field("cameo", "a CAMEO event code prefix: 1 to 4 digits")
    country = p.get("country") or None
    if country and not (country.isalpha() and len(country) == 3):
        raise bad_field("country", "an ISO 3166 alpha-3 code")
    return queries.EventQuery(
        actor=p.get("actor") or None, country=country, plover=plover, cameo=cameo,
        date_from=_date_param(request, "from"), date_to=_date_param(request, "to"),
        outlet_only=p.get("asserted_by") == "outlet" or p.get("outlet_only") in ("1", "true"),
        modality=modality, article=p.get("article") or None,
    )  # fmt: skip


def create_app(settings: ServeSettings | None = None) -> FastAPI:
    """Return the FastAPI application over the store named in ``settings``.

    Raises:
        StoreError: the database cannot be opened.
    """
    settings = settings or ServeSettings()
    state = AppState(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.store.close()  # the connection closes with the server

    app = FastAPI(
        lifespan=lifespan,
        title="newsevents",
        version=__version__,
        description="Auditable event data from news articles: the newsevents/1 contract over "
        "a store. Write endpoints need a bearer token.",
    )
    app.state.ne = state
    _install_error_handlers(app)
    _install_body_limit(app, settings.max_body_bytes)
    _add_api_routes(app, state)
    from .ui import add_ui_routes

    add_ui_routes(app, state)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPError)
    async def _http_error(request: Request, exc: HTTPError) -> Response:
        if _wants_html(request):
            from .ui import error_page

            return error_page(exc)
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"field": ".".join(str(x) for x in e["loc"] if x != "body"), "message": e["msg"]}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": "body", "message": "invalid"}
        err = BadRequest(f"{first['field']}: {first['message']}", errors)
        return JSONResponse(err.body(), status_code=400)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        err = HTTPError(f"store error: {exc}")
        return JSONResponse(err.body(), status_code=500)


def _wants_html(request: Request) -> bool:
    return request.url.path.startswith("/ui") or request.url.path == "/"


def _install_body_limit(app: FastAPI, limit: int) -> None:
    @app.middleware("http")
    async def _limit(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            err = PayloadTooLarge(f"request body of {int(length):,} bytes is over {limit:,}")
            return JSONResponse(err.body(), status_code=413)
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            body = await request.body()  # chunked: count what actually arrives
            if len(body) > limit:
                err = PayloadTooLarge(f"request body is over {limit:,} bytes")
                return JSONResponse(err.body(), status_code=413)
        return await call_next(request)


def page_body(name: str, rows: list[dict[str, Any]], total: int, page: queries.Page
              ) -> dict[str, Any]:  # fmt: skip
    """Return the JSON body of one page of a list: the rows under ``name`` and the paging."""
    return {"ok": True, "total": total, "limit": page.limit, "offset": page.offset, name: rows}


def check_token(request: Request, token: str | None) -> None:
    """Return None if the request carries the bearer token; 403 when writes are disabled."""
    if not token:
        raise Forbidden(
            "write endpoints are disabled: start the server with --token or "
            "NEWSEVENTS_TOKEN to enable them"
        )
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip(), token):
        raise Unauthorized("a valid 'Authorization: Bearer <token>' header is required")


def _add_api_routes(app: FastAPI, state: AppState) -> None:
    max_page = state.settings.max_page_size

    @app.post("/analyze", tags=["write"])
    def analyze(body: AnalyzeRequest, request: Request) -> dict[str, Any]:
        """Code one article and return its newsevents/1 JSON; store it when asked."""
        check_token(request, state.settings.token)
        import newsevents

        try:
            with state.coder_lock:
                analysis = newsevents.analyze(
                    body.text, published=body.published, outlet=body.outlet, url=body.url,
                    title=body.title,
                )  # fmt: skip
        except InputError as exc:
            if "published" in str(exc):
                raise bad_field("published", str(exc)) from exc
            raise Unprocessable(str(exc)) from exc
        data = analysis.to_dict()
        stored = False
        if body.store:
            with state.reading() as store:
                if state.run_id is None:
                    state.run_id = store.begin_run(["api"], 1)
                stored = store.write_analysis(analysis, body.url or "api", state.run_id)
        return {**data, "stored": stored} if body.store else data

    @app.get("/articles", tags=["read"])
    def list_articles(request: Request) -> dict[str, Any]:
        """Return a page of articles, filtered by outlet, date range, story or text."""
        page = page_of(request, max_page)
        p = request.query_params
        flt = queries.ArticleFilter(
            outlet=p.get("outlet") or None, date_from=_date_param(request, "from"),
            date_to=_date_param(request, "to"), story=p.get("story") or None,
            q=p.get("q") or None,
        )  # fmt: skip
        with state.reading() as store:
            rows, total = queries.articles(store, flt, page)
        return page_body("articles", rows, total, page)

    @app.get("/articles/{article_id}", tags=["read"])
    def get_article(article_id: str) -> dict[str, Any]:
        """Return the newsevents/1 analysis of one stored article."""
        with state.reading() as store:
            try:
                return store.analysis(article_id)
            except StoreError:
                raise NotFound(f"no article {article_id}") from None

    @app.get("/articles/{article_id}/provenance", tags=["read"])
    def get_provenance(article_id: str) -> dict[str, Any]:
        """Return what the article copies and which stored articles copy it."""
        with state.reading() as store:
            if not store.select(ARTICLE_EXISTS, [article_id]):
                raise NotFound(f"no article {article_id}")
            return queries.provenance(store, article_id)

    @app.get("/events", tags=["read"])
    def list_events(request: Request) -> dict[str, Any]:
        """Return a page of events: filter by actor, country, type, cameo, from, to,
        asserted_by=outlet, modality."""
        page = page_of(request, max_page)
        q = event_query_of(request)
        with state.reading() as store:
            rows, total = queries.events(store, q, page)
        return page_body("events", rows, total, page)

    @app.get("/actors", tags=["read"])
    def list_actors(request: Request) -> dict[str, Any]:
        """Return a page of actors across articles, most-mentioned first."""
        page = page_of(request, max_page)
        with state.reading() as store:
            rows, total = queries.actors(store, request.query_params.get("q") or None, page)
        return page_body("actors", rows, total, page)

    @app.get("/actors/{key:path}", tags=["read"])
    def get_actor(key: str) -> dict[str, Any]:
        """Return one actor with its statements and events over time."""
        with state.reading() as store:
            found = queries.actor(store, key)
        if found is None:
            raise NotFound(f"no actor {key}")
        return found

    @app.get("/stories/{story_id}", tags=["read"])
    def get_story(story_id: str) -> dict[str, Any]:
        """Return a story: its articles and the events merged across them."""
        with state.reading() as store:
            found = queries.story(store, story_id)
        if found is None:
            raise NotFound(f"no story {story_id}")
        return found
