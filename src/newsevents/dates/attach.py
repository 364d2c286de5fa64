"""Give each event the date of its clause, else the publication date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..doccache import children as doc_children
from ..doccache import sent_start
from ..model import DateRef, Event, TimeExpr
from .syntax import clause_head, token_at, tree_distance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Marks of an adverbial clause whose time is its own, never its main clause's: a
#: comparison ("as it did in 2024", "than last year"), a reason or concession, a
#: sequence ("after the vote on Monday").
OWN_TIME_MARKS = frozenset({
    "as", "like", "than", "because", "since", "although", "though", "after", "before",
})  # fmt: skip


def _walled_off(trigger: Token, expr: Token, holding: frozenset[int], relative: bool) -> bool:
    """Return True when ``expr`` sits in a clause of its own that does not hold ``trigger``.

    ``holding`` holds the token indices of the trigger and its ancestors, ``relative``
    whether the trigger's clause is a relative one (both from ``_trigger_clause``).

    An adverbial clause of comparison, reason or sequence: "China may impose sanctions, as
    it did in 2024" (2024 dates "did"). A relative or participial clause that describes
    some other noun: "Qatar, which has hosted the talks since 2012, said ..." (2012 dates
    the hosting, not the saying); one that describes the trigger itself dates it ("talks
    that were held on Monday").
    """
    for node in (expr, *expr.ancestors):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in OWN_TIME_MARKS for c in doc_children(node)
        ):
            return node.i not in holding
        if node.dep_ in ("relcl", "acl") and node.head.i != trigger.i and node.i not in holding:
            # conjoined relative clauses share their time: "the deal that they adopted
            # last year, but which Kiev later dropped" (the second is often parsed as a
            # conjunct of the main verb)
            return not relative
    return False


def _trigger_clause(trigger: Token) -> tuple[frozenset[int], bool]:
    """Return the token indices of ``trigger`` and its ancestors, and whether its clause is
    a relative one by its pronoun ("which Kiev dropped"), whatever arc the parser gave it.

    Computed once per event, not once per time expression.
    """
    holding = frozenset({trigger.i, *(a.i for a in trigger.ancestors)})
    verb = clause_head(trigger)
    relative = any(c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubj", "nsubjpass")
                   for c in doc_children(verb))
    return holding, relative


def _rank(
    trigger: Token, expr: Token, holding: frozenset[int], relative: bool
) -> tuple[int, int, int] | None:
    """Return a sort key for how closely ``expr`` belongs to ``trigger``; None if it does not.

    First the expressions of the trigger's own clause (same clause head, or inside the
    trigger's subtree without crossing into another clause), then the rest of the sentence;
    within each, the fewest dependency arcs, then the fewest tokens between them. An
    expression in another sentence, or walled off in a clause of its own that does not
    hold the trigger, does not date it.
    """
    if sent_start(expr) != sent_start(trigger) or _walled_off(trigger, expr, holding, relative):
        return None
    own = clause_head(expr).i == clause_head(trigger).i
    return (0 if own else 1, tree_distance(trigger, expr), abs(trigger.i - expr.i))


def date_for(
    doc: Doc, event: Event, dates: list[TimeExpr], published: dt.date | None
) -> DateRef | None:
    """Return the DateRef for ``event``: its clause's time expression, else the publication date.

    Durations ("for months") never date an event. Returns None when there is neither an
    expression in the sentence nor a publication date.
    """
    trigger = token_at(doc, event.trigger.start, event.trigger.end)
    best: tuple[tuple[int, int, int], TimeExpr] | None = None
    if trigger is not None:
        holding, relative = _trigger_clause(trigger)
        for expr in dates:
            if expr.precision is None:  # a duration
                continue
            token = token_at(doc, expr.start, expr.end)
            if token is None:
                continue
            key = _rank(trigger, token, holding, relative)
            if key is not None and (best is None or key < best[0]):
                best = (key, expr)
    if best is not None:
        expr = best[1]
        return DateRef(expr.value, expr.precision, expr.start, expr.end, expr.text)
    if published is not None:
        return DateRef(published.isoformat(), "day")
    return None
