"""Scraper debris and syndication lines that are not part of the article.

Each rule is a reason and a pattern that must match a *whole* short paragraph (at most
``MAX_LEN`` characters), so that real prose that merely mentions "sources" or "cookies" is
never taken out. ``TAIL_RULES`` match debris glued to the end of the last paragraph
("...will occur.Source link").
"""

from __future__ import annotations

import re

MAX_LEN = 300

_SOCIAL = r"(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|e-?mail|vk|pinterest)"

RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("source link", r"(source|source link|original source|view source|link to source)\s*:?"),
        ("source link", r"source\s*:\s*https?://\S+"),
        (
            "read more",
            r"(read more|read next|read also|also read|see also|more on this( story)?|"
            r"continue reading|read the full (story|article))\b.{0,200}",
        ),
        (
            "read more",
            r"(related|recommended|more)(\s+(stories|articles|news|content|reading|"
            r"videos?))?\s*(:.{0,200})?",
        ),
        (
            "share line",
            rf"((share|tweet|post|send)( this( article| story| page)?)?( on| via| to)?"
            rf"\s*{_SOCIAL}?[\s,|/·•]*)+",
        ),
        ("share line", rf"({_SOCIAL}[\s,|/·•]*){{1,8}}"),
        (
            "subscribe line",
            r"(subscribe|sign up|register|join|follow|download)\b.{0,150}?"
            r"\b(newsletters?|channel|app|updates|alerts|telegram|twitter|"
            r"facebook|instagram|youtube|tiktok|account|"
            r"@\w+)\b.{0,100}",
        ),
        (
            "cookie notice",
            r".{0,200}\b(cookies?|cookie policy|privacy policy)\b.{0,200}"
            r"\b(accept|agree|consent|use|settings|policy)\b.{0,200}",
        ),
        (
            "advertisement",
            r"(advertisement|advertisements|advert|ad|sponsored( content)?|"
            r"scroll to continue( with content)?|story continues below"
            r"( advertisement)?)",
        ),
        (
            "syndication byline",
            r"(this (article|story|report|piece) (was |is )?(originally |first )?"
            r"(appeared|published|posted|syndicated)|(originally |first )"
            r"(appeared|published) (in|on|at|by)|republished (with permission )?"
            r"(from|by)|reproduced (with permission )?from)\b.{0,250}",
        ),
        (
            "syndication byline",
            r"(this story has been published from a wire agency feed|"
            r"\(?this story has not been edited by).{0,200}",
        ),
        ("copyright line", r"(copyright|©|\(c\))\s*(\d{4}|.{0,100}all rights reserved).{0,200}"),
        # "By Jane Smith, Staff Writer", "By AFP", "By Ana Ruiz and Li Wei | Reuters": names
        # in capitals only ("By Monday, the talks had collapsed." is prose)
        (
            "byline",
            r"by\s+(?-i:[A-Z][\w'’.-]*(\s+([A-Z][\w'’.-]*|de|van|von|al|bin|der|la))*)"
            r"(\s*(,|and|&)\s+(?-i:[A-Z][\w'’.-]*(\s+[A-Z][\w'’.-]*)*))*"
            r"(\s*[,|–—-]\s*(?-i:[A-Z][\w'’-]*(\s+(of|for|[A-Z][\w'’-]*)){0,5}))?",
        ),
        # "Published: 12 March 2024 | Updated: 13 March 2024", "Updated 14:32 GMT"
        (
            "date line",
            r"((published|updated|posted|first published|last updated|modified)\s*(on\s*)?:?"
            r"\s*[\w ,./+-]{0,40}?(\d{4}|\d{1,2}:\d{2}(\s*(am|pm|gmt|utc|[a-z]{2,4}))?)"
            r"\s*[|·•,]?\s*)+",
        ),
        (
            "credit line",
            r"((additional )?(reporting|writing|editing|compiled|translated|"
            r"research) by [^.]{1,150}[.;]?\s*){1,4}",
        ),
        (
            "media caption",
            r"(photo|image|picture|video|file photo|illustration)( credit)?"
            r"\s*[:©|].{0,200}",
        ),
        (
            "navigation",
            r"(home|menu|search|log ?in|sign in|comments?|leave a (comment|reply)|"
            r"print|loading\.*|back to top|skip to (main )?content|"
            r"click here.{0,150}|tags?:.{0,200}|topics?:.{0,200})",
        ),
    )
)

TAIL_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("source link", re.compile(r"(?<=[.!?\"”’)])\s*(source link|source)\s*$", re.IGNORECASE)),
    ("read more", re.compile(r"(?<=[.!?\"”’)])\s*(read more|continue reading)\s*$", re.IGNORECASE)),
    # a teaser for another story glued to the paragraph: "... farmers. Read more: Farmers block"
    ("read more", re.compile(r"(?<=[.!?\"”’)])\s*(read more|read also|also read|see also)\s*:"
                             r"[^.!?]{0,150}$", re.IGNORECASE)),
)


def classify(paragraph: str) -> str | None:
    """Return the reason why a whole paragraph is boilerplate, or None if it is prose."""
    text = paragraph.strip()
    if not text or len(text) > MAX_LEN:
        return None
    for reason, pattern in RULES:
        if pattern.fullmatch(text):
            return reason
    return None


def split_tail(paragraph: str) -> tuple[int, str] | None:
    """Return ``(offset, reason)`` where debris glued to the paragraph's end starts, or None."""
    for reason, pattern in TAIL_RULES:
        m = pattern.search(paragraph)
        if m:
            return m.start(), reason
    return None
