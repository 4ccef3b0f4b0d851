"""Dates stated in a sentence, resolved against the document's date.

News gives dates without a year ("On Feb.7", "on 7 February", "on Monday", "yesterday"). They
mean the most recent such day not after the report, so they are resolved against the document
date; a sentence without a date takes the document date.

Examples
--------
>>> from datetime import date
>>> sentence_date("On Feb.7, the Kurdish troops captured the town.", date(2016, 2, 10))
datetime.date(2016, 2, 7)
>>> sentence_date("On 28 December the groups met.", date(2016, 1, 3))
datetime.date(2015, 12, 28)
>>> sentence_date("The groups met.", date(2016, 1, 3))
datetime.date(2016, 1, 3)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# ``doc.user_data`` key of the document's date, set by the extractor before the pipeline runs.
DATE_KEY = "allegiance_date"

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s*(?P<year>(?:19|20)\d\d))?"
# "Feb. 7", "Feb.7", "February 7, 2016"
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s*" + _DAY + r"\b" + _YEAR, re.IGNORECASE)
# "7 February", "7th of Feb 2016"
_DAY_MONTH = re.compile(
    r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b" + _YEAR.replace(",?", ""), re.IGNORECASE
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_WEEKDAY = re.compile(r"\b(?:on|last|this)\s+(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE = re.compile(r"\b(?P<rel>yesterday|last weekend|last week|today)\b", re.IGNORECASE)


def sentence_date(sentence: str, document_date: date | None) -> date | None:
    """The date a sentence speaks of: an explicit date if any, else ``document_date``."""
    found = explicit_date(sentence, document_date)
    return found if found is not None else document_date


def explicit_date(sentence: str, document_date: date | None) -> date | None:
    """The first explicit date in a sentence, resolved against ``document_date``, or ``None``."""
    m = _ISO.search(sentence)
    if m:
        return _safe(int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        m = pattern.search(sentence)
        if m:
            # "May 5" is a date, "may" alone is a modal: the regex needs the day, so it is safe.
            month = MONTHS[m["month"].lower()]
            day = int(m["day"])
            if m["year"]:
                return _safe(int(m["year"]), month, day)
            return _before(month, day, document_date)
    if document_date is None:
        return None
    m = _WEEKDAY.search(sentence)
    if m:
        wanted = WEEKDAYS[m["wd"].lower()]
        back = (document_date.weekday() - wanted) % 7
        return document_date - timedelta(days=back)
    m = _RELATIVE.search(sentence)
    if m:
        rel = m["rel"].lower()
        if rel == "yesterday":
            return document_date - timedelta(days=1)
        if rel == "today":
            return document_date
        if rel == "last week":
            return document_date - timedelta(days=7)
        # last weekend: the Saturday before the document's week
        back = (document_date.weekday() - 5) % 7 or 7
        return document_date - timedelta(days=back)
    return None


def _before(month: int, day: int, document_date: date | None) -> date | None:
    if document_date is None:
        return None
    for year in (document_date.year, document_date.year - 1):
        candidate = _safe(year, month, day)
        if candidate is not None and candidate <= document_date:
            return candidate
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
