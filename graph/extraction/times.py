"""Times in news text: full dates, months, years, decades, ranges and dates relative to the article.

Each time is an ISO value with its precision ("day", "month", "year") and the words it came from.
Relative expressions ("on Friday", "earlier this week", "next year") are resolved against the
article's date, and only when the article has one: no year is ever guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta

from graph.text import normalise, parse_date

_I = re.IGNORECASE
# A bare month is the last one in a report, the next one in a plan ("will come in September").
_PLANNED = re.compile(r"\b(will|would|due|plan(s|ned|ning)?|aim\w*|scheduled|expected to|set to|slated|target\w*|"
                      r"prepar(?:es|ing) to|intends? to|hopes? to|wants? to|seeks? to)\b", _I)
_MODAL = re.compile(r"\b(may|might)\b")  # lower case: "May" is the month
# a plan told in the past perfect was for a day already gone: "Roscosmos had aimed to land it on Monday"
_PAST_PLAN = re.compile(r"\bhad (?:been )?(?:plan|aim|schedul|due|hop|intend|expect|set|slated)\w*", _I)
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
_YEAR = r"(19[5-9]\d|20\d\d|21\d\d)"



@dataclass(frozen=True)
class TimeValue:
    """A time read from text: an ISO value of some precision and the words it came from."""

    value: str
    precision: str  # "day", "month", "year" or "decade"
    expression: str
    start: int = 0

    @property
    def year(self) -> int:
        return int(self.value[:4])



def find_times(text: str, article_date: str | None = None) -> list[TimeValue]:
    """The time expressions of a sentence, in order, as ISO values with precision.

    >>> [(t.value, t.precision, t.expression) for t in find_times("It landed in early 2019.")]
    [('2019', 'year', 'early 2019')]
    >>> [(t.value, t.precision) for t in find_times("signed on May 16, 2024 and by 2030")]
    [('2024-05-16', 'day'), ('2030', 'year')]
    >>> [(t.value, t.precision) for t in find_times("announced earlier this week", "2021-03")]
    [('2021-03', 'month')]
    >>> [(t.value, t.precision) for t in find_times("the agencies said on Friday", "2022-07-18")]
    [('2022-07-15', 'day')]
    """
    plain = normalise(text)
    found = _Found(plain)
    _absolute(found)
    if article_date:
        _relative(found, *parse_date(article_date))
    return sorted(found.times, key=lambda t: t.start)


class _Found:
    """The times found so far; a later pattern never takes words an earlier one took."""

    def __init__(self, plain: str) -> None:
        self.plain = plain
        self.times: list[TimeValue] = []
        self.taken: list[tuple[int, int]] = []

    def add(self, match: re.Match, value: str, precision: str, group: int | str = 0) -> None:
        s, e = match.span(group)
        if any(a < e and s < b for a, b in self.taken):
            return
        self.taken.append((s, e))
        self.times.append(TimeValue(value, precision, self.plain[s:e].strip().rstrip("."), s))


def _absolute(found: _Found) -> None:
    """Dates, months, years, decades and ranges that name their year."""
    plain, add = found.plain, found.add
    for m in re.finditer(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", plain):
        mo, d, y = MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2)), int(m.group(3))
        if 1 <= d <= calendar.monthrange(y, mo)[1]:
            add(m, f"{y:04d}-{mo:02d}-{d:02d}", "day")
    for m in re.finditer(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+{_YEAR}\b", plain):
        mo, d, y = MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)), int(m.group(3))
        if 1 <= d <= calendar.monthrange(y, mo)[1]:
            add(m, f"{y:04d}-{mo:02d}-{d:02d}", "day")
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", plain):
        add(m, m.group(0), "day")
    for m in re.finditer(rf"\b{_MONTH},?\s+{_YEAR}\b", plain):
        if m.group(1).lower() == "may" and plain[m.start()] == "m":
            continue
        add(m, f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower().rstrip('.')]:02d}", "month")
    for m in re.finditer(rf"\b(?:(early|mid|late|end of|beginning of|the end of)[\s-]+)?{_YEAR}(?:-(\d\d))?\b", plain):
        if re.match(r"-\d\d\b", plain[m.end():]) or plain[m.start() - 1:m.start()] in ("$", "€", "£"):
            continue
        add(m, m.group(2), "year")
    for m in re.finditer(r"\b(?:the\s+)?((?:19|20|21)\d0)s\b", plain):
        # a decade keeps its own words ("2030s"); its value is the decade's first year
        add(m, m.group(1), "decade", 0)
    for m in re.finditer(rf"\b{_YEAR}-(\d\d)\b", plain):
        add(m, m.group(1), "year", 0)  # "2027-28": a range, from its first year


def _relative(found: _Found, year: int, month: int | None, day: int | None) -> None:
    """Times that need the article's date: "on Friday", "May 16", "earlier this week", "next year"."""
    plain, add = found.plain, found.add
    for m in re.finditer(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", plain):
        mo, d = MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))
        if 1 <= d <= calendar.monthrange(year, mo)[1]:
            add(m, f"{year:04d}-{mo:02d}-{d:02d}", "day")
    for m in re.finditer(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\.?,?\s+\d)", plain):
        mo, d = MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1))  # "on 5 March"
        if 1 <= d <= calendar.monthrange(year, mo)[1]:
            add(m, f"{year:04d}-{mo:02d}-{d:02d}", "day")
    relative = [
        (r"\b(earlier |later )?this week\b", "month"), (r"\blast week\b", "month"),
        (r"\b(earlier |later )?this month\b", "month"), (r"\bnext month\b", "month+1"), (r"\blast month\b", "month-1"),
        (r"\b(earlier |later )?this year\b", "year"),
        (r"\b(?:in )?the (?:coming|next few) (?:days|weeks|months)\b", "year"),
        (r"\blast year\b", "year-1"), (r"\bnext year\b", "year+1"), (r"\b(?:the )?end of (?:the|this) year\b", "year"),
    ]
    # "by the end of the decade", "later this decade": the article's decade
    for m in re.finditer(r"\b(?:the end of the|(?:earlier |later )?this) decade\b", plain, _I):
        add(m, str(year // 10 * 10), "decade")
    for pattern, kind in relative:
        for m in re.finditer(pattern, plain, _I):
            if kind.startswith("month") and month:
                shift = 1 if kind == "month+1" else -1 if kind == "month-1" else 0
                y, mo = divmod(year * 12 + month - 1 + shift, 12)
                add(m, f"{y:04d}-{mo + 1:02d}", "month")
            elif kind.startswith("year"):
                add(m, str(year + (1 if kind == "year+1" else -1 if kind == "year-1" else 0)), "year")
    if day is not None:
        today = Date(year, month, day)
        for m in re.finditer(r"\b(today|yesterday)\b", plain, _I):
            add(m, (today - timedelta(days=1 if m.group(1).lower() == "yesterday" else 0)).isoformat(), "day")
        for m in re.finditer(r"\b(?:on )?(?P<when>(?:early |late |last )?(Monday|Tuesday|Wednesday|Thursday|Friday|"
                             r"Saturday|Sunday))\b", plain):
            # News reports a weekday without a date for the last such day, the article's day included;
            # a plan ("will launch on Saturday") for the next one.
            weekday = WEEKDAYS[m.group(2).lower()]
            if _ahead(plain, m.start()):
                add(m, (today + timedelta(days=(weekday - today.weekday()) % 7)).isoformat(), "day", "when")
            else:
                add(m, (today - timedelta(days=(today.weekday() - weekday) % 7)).isoformat(), "day", "when")
    if month is not None:
        for m in re.finditer(rf"\b(?:in|since|until|from|by|than|for) (?P<when>(?:(?:early|mid|late|the end of|end of)"
                             rf"[\s-]+)?{_MONTH})(?![\w ]*\d)(?!\s+(?:of\s+)?(?:that|the same|the following) year)",
                             plain):  # "in May that year": the year of another sentence, not guessed
            if m.group(2).lower() == "may" and not m.group(2)[0].isupper():
                continue
            mo = MONTHS[m.group(2).lower().rstrip(".")]
            # A bare month is the last one in a report, the next one in a plan ("will come in September").
            ahead = _ahead(plain, m.start())
            add(m, f"{(year + (mo < month)) if ahead else (year - (mo > month)):04d}-{mo:02d}", "month", "when")


def _ahead(plain: str, at: int) -> bool:
    """Whether the words before ``at`` make a bare weekday or month a future one (a plan, a maybe)."""
    planned = _PLANNED.search(plain, 0, at) or _MODAL.search(plain, 0, at)
    return bool(planned) and not _PAST_PLAN.search(plain, 0, at)


def article_time(article_date: str | None) -> TimeValue | None:
    if not article_date:
        return None
    precision = {4: "year", 7: "month", 10: "day"}[len(article_date)]
    return TimeValue(article_date, precision, "")


