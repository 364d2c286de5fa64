"""The store interface, run against both backends: DuckDB and a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pg_server
from corpus_samples import TALKS, empty_analysis, talks_analysis
from newsevents.errors import StoreError
from newsevents.formats import validate
from newsevents.model import Actor, Analysis, Article, Event, Mention, Modality, Span
from newsevents.store import TABLES, EventFilter, RunCounts, Skip, Store, open_store


@pytest.fixture(scope="module")
def postgres() -> Iterator[pg_server.Server]:
    """A PostgreSQL server started for this module and stopped after it."""
    if pg_server.find_bindir() is None:
        pytest.skip("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin "
                    "(apt-get install postgresql; scripts/test does it when it can)")
    server = pg_server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def postgres_url(postgres: pg_server.Server) -> str:
    """The URL of a database made for this module on the test server."""
    import psycopg

    with psycopg.connect(postgres.url(), autocommit=True) as con:
        con.execute("CREATE DATABASE store_tests")
    return postgres.url("store_tests")


@pytest.fixture(params=["duckdb", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    """An empty store of each backend (PostgreSQL: one database, emptied for each test)."""
    if request.param == "duckdb":
        s = open_store(tmp_path / "t.duckdb")
    else:
        s = open_store(request.getfixturevalue("postgres_url"))
        for table in TABLES:
            if table != "schema_version":
                s._execute(f"DELETE FROM {table}")  # our own table names
    yield s
    s.close()


def test_store_round_trip_keeps_every_field(store: Store) -> None:
    analysis = talks_analysis()
    run = store.begin_run(["x"], 1)
    assert store.write_analysis(analysis, "talks.txt", run) is True
    rebuilt = store.analysis(analysis.article.id)
    assert rebuilt == analysis.to_dict()
    validate(rebuilt)


def test_store_second_write_is_refused_and_changes_nothing(store: Store) -> None:
    analysis = talks_analysis()
    run = store.begin_run(["x"], 1)
    store.write_analysis(analysis, "a", run)
    counts = {t: store.count(t) for t in ("articles", "actors", "mentions", "events")}
    assert store.write_analysis(analysis, "b", run) is False
    assert {t: store.count(t) for t in counts} == counts
    assert store.stored_ids() == {analysis.article.id}


def test_store_failed_write_leaves_no_row(store: Store) -> None:
    analysis = talks_analysis()
    analysis.actors.append(analysis.actors[0])  # the same actor id twice: the insert fails
    run = store.begin_run(["x"], 1)
    with pytest.raises(StoreError):
        store.write_analysis(analysis, "bad", run)
    assert store.count("articles") == 0
    assert store.count("actors") == 0
    good = talks_analysis(TALKS + " Markets rose.")
    assert store.write_analysis(good, "good", run) is True  # the store is still usable


def test_store_chunk_is_written_whole_with_a_flag_per_article(store: Store) -> None:
    first, second = talks_analysis(), talks_analysis(TALKS + " Markets rose.")
    run = store.begin_run(["x"], 1)
    assert store.write_analysis(first, "a", run) is True
    # already stored, new, and new again within the chunk
    assert store.write_analyses([(first, "a"), (second, "b"), (second, "c")], run) == [
        False, True, False]
    assert store.stored_ids() == {first.article.id, second.article.id}
    assert store.analysis(second.article.id) == second.to_dict()


def test_store_failed_chunk_leaves_none_of_its_articles(store: Store) -> None:
    good, bad = talks_analysis(TALKS + " Markets rose."), talks_analysis()
    bad.actors.append(bad.actors[0])
    run = store.begin_run(["x"], 1)
    with pytest.raises(StoreError):
        store.write_analyses([(good, "good"), (bad, "bad")], run)
    assert store.count("articles") == 0 and store.count("events") == 0


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(), {"e1", "e2", "e3"}),
        (EventFilter(actor="freedonia"), {"e1", "e3"}),
        (EventFilter(actor="RURGOV"), {"e1", "e2"}),
        (EventFilter(actor="RUR"), {"e1", "e2", "e3"}),  # code prefix: RUR, RURGOV
        (EventFilter(actor="kb:ruritania"), {"e3"}),
        (EventFilter(event_type="ACCUSE"), {"e3"}),
        (EventFilter(event_type="accuse"), {"e3"}),
        (EventFilter(event_type="05"), {"e2"}),
        (EventFilter(asserted_by_outlet=True), {"e3"}),
        (EventFilter(date_from="2025-03-04"), {"e2"}),  # 2025-W11 > 2025-03-04 as text
        (EventFilter(date_to="2025-03-03"), {"e1", "e3"}),
        (EventFilter(date_from="2025-03-03", date_to="2025-03-03"), {"e1", "e3"}),
        (EventFilter(actor="x' OR '1'='1"), set()),  # a value, never SQL
        (EventFilter(actor="%"), set()),  # wildcards in a value match themselves only
        (EventFilter(limit=1), {"e1"}),
    ],
)
def test_store_event_filters(store: Store, flt: EventFilter, expected: set[str]) -> None:
    store.write_analysis(talks_analysis(), "t", store.begin_run(["x"], 1))
    assert {r["event_id"] for r in store.events(flt)} == expected
    assert store.count("articles") == 1  # nothing dropped by an injection attempt


def test_store_month_precision_date_is_inside_the_month(store: Store) -> None:
    analysis = talks_analysis()
    analysis.events[2].date.value = "2025-03"  # type: ignore[union-attr]
    store.write_analysis(analysis, "t", store.begin_run(["x"], 1))
    found = store.events(EventFilter(date_from="2025-03-15", date_to="2025-03-20"))
    assert "e3" in {r["event_id"] for r in found}


def test_store_runs_and_skips(store: Store) -> None:
    first = store.begin_run(["a"], 2)
    second = store.begin_run(["a"], 2)  # the first never finished: it was killed
    store.record_skip(second, Skip("a.jsonl:3", "skipped", "read", "not JSON", "Malformed"))
    store.record_skip(second, Skip("a.jsonl:4", "error", "events", "boom", "ValueError"))
    store.finish_run(second, RunCounts(coded=1, skipped=1, errors=1))
    runs = {r["run_id"]: r for r in store.rows("ingest_runs")}
    assert runs[first]["status"] == "interrupted"
    assert runs[second]["status"] == "finished"
    assert runs[second]["coded"] == 1
    skipped = store.rows("skipped")
    assert [(r["seq"], r["source_key"], r["kind"]) for r in skipped] == [
        (1, "a.jsonl:3", "skipped"), (2, "a.jsonl:4", "error"),
    ]  # fmt: skip


def test_store_corpus_tables_are_replaced_whole(store: Store) -> None:
    store.replace_corpus_tables({"stories": [("a", "a", 2), ("b", "a", 2)]})
    store.replace_corpus_tables({"stories": [("c", "c", 1)]})
    assert [r["article_id"] for r in store.rows("stories")] == ["c"]
    with pytest.raises(StoreError):
        store.replace_corpus_tables({"articles": []})


def test_store_unknown_table_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown table"):
        store.count("articles; DROP TABLE articles")


def test_store_published_date_round_trips(store: Store) -> None:
    analysis = empty_analysis("A short report about nothing much.", dt.date(2016, 2, 29), "X")
    store.write_analysis(analysis, "k", store.begin_run(["x"], 0))
    assert store.analysis(analysis.article.id)["article"]["published"] == "2016-02-29"


# -- hypothesis: any valid analysis survives the store unchanged (DuckDB) -------------------

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=5,
                max_size=80)  # fmt: skip


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = draw(_text)
    n = len(text)

    def span() -> Span:
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return Span(a, b, text[a:b])

    actors = []
    for i in range(draw(st.integers(0, 3))):
        mentions = []
        for _ in range(draw(st.integers(0, 2))):
            s = span()
            mentions.append(Mention(s.start, s.end, s.text, draw(st.sampled_from(
                ["name", "alias", "metonym", "descriptor", "pronoun"])),
                draw(st.floats(0, 1))))  # fmt: skip
        actors.append(Actor(f"a{i}", draw(_text), draw(st.sampled_from(
            ["person", "organization", "state", "group"])), mentions=mentions,
            country=draw(st.none() | st.just("RUS"))))  # fmt: skip
    events = []
    for i in range(draw(st.integers(0, 3))):
        events.append(Event(
            f"e{i}", draw(st.sampled_from(["ACCUSE", "AID", "AGREE"])),
            draw(st.sampled_from(["112", "07", "0571"])),
            draw(st.none() | st.sampled_from([a.id for a in actors] or [None])), None,
            span(), 0, context=draw(st.lists(st.sampled_from(["economic", "military"]))),
            modality=Modality(negated=draw(st.booleans()), future=draw(st.booleans())),
            certainty=draw(st.floats(0, 1)),
        ))  # fmt: skip
    article = Article(id=f"{draw(st.integers(0, 2**64)):064x}", text=text,
                      published=draw(st.none() | st.dates()), title=draw(st.none() | _text))
    return Analysis(article=article, sentences=[(0, n)], actors=actors, events=events)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(analysis=analyses())
def test_store_any_analysis_round_trips(analysis: Analysis) -> None:
    validate(analysis.to_dict())
    with open_store(":memory:") as store:
        store.write_analysis(analysis, "k", store.begin_run(["x"], 0))
        assert store.analysis(analysis.article.id) == analysis.to_dict()
