"""CAMEO actor codes ("RUSGOV", "UKRMIL", "USAGOV", "IGO...") for event actors."""

from __future__ import annotations

from ..model import Actor


def actor_code(actor: Actor | None) -> str | None:
    """Return the CAMEO actor code of ``actor``, or None when nothing is known.

    The actors step's own ``cameo`` code wins; else the country code followed by the
    sector code ("RUS" + "GOV"); else the sector alone (an international body).

    >>> actor_code(Actor("a1", "Kremlin", "organization", country="RUS", sector="GOV"))
    'RUSGOV'
    """
    if actor is None:
        return None
    if actor.cameo:
        return actor.cameo
    code = (actor.country or "") + (actor.sector or "")
    return code or None


def actor_country(actor: Actor | None) -> str | None:
    """Return the three-letter country (or IGO/NGO bloc) code an actor belongs to, or None."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    if actor.cameo and len(actor.cameo) >= 3:
        return actor.cameo[:3]
    return None
