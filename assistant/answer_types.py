"""What kind of fact a question asks for (a date, a number, an amount of money), and whether a text has it.

"When will Kishida meet Biden?" is answered by a sentence carrying a date, not by the sentence that
repeats most of the question's words ("... meets with President Joe Biden ... next month"). Evidence
selection and extractive answers prefer sentences that carry the asked-for kind, explicit ones
("April 10") over relative ones ("next month"); and when no retrieved sentence carries a number for
"How much money ...", the articles do not say, whatever else they share with the question.
"""

from __future__ import annotations

import re

_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
                 r"|hundred|thousand|million|billion|trillion|dozen|half|double|twice)")

_QUESTION_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("money", re.compile(r"\bhow much (?:money|funding|capital|cash)\b|\bhow many (?:billions?|millions?|trillions?|dollars|yen|euros)\b|\bhow much\b.*\b(?:invest|spend|cost|pay|fund|worth)"
                         r"|\bwhat (?:is|was|will be) the (?:budget|cost|price|value)\b|\bhow (?:expensive|costly)\b", re.I)),
    ("number", re.compile(r"\bhow (?:many|much|long|old|far|big|large|often)\b|\bwhat (?:percentage|share|number|proportion)\b", re.I)),
    ("date", re.compile(r"\bwhen\b|\b(?:what|which) (?:date|day|month|year|time)\b|\bdate of\b|\bby what date\b"
                        r"|\bhow soon\b|\bscheduled for\b", re.I)),
]

_EXPLICIT_DATE = re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b", re.I)
_LOOSE_DATE = re.compile(
    rf"\b{_MONTHS}\b|\b(?:19|20)\d{{2}}\b|\b(?:next|last|this|coming|previous)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:today|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
_MONEY = re.compile(r"[$€¥£]\s?\d|\b\d[\d,.]*\s*(?:dollars?|yen|euros?|usd|eur|jpy)\b"
                    r"|\b(?:dollars?|yen|euros?)\b.*\d|\b\d[\d,.]*\s*(?:million|billion|trillion)\b", re.I)
_NUMBER = re.compile(rf"\d|\b{_NUMBER_WORDS}\b", re.I)


_COUNTED = re.compile(r"\bhow many ([a-z]+)", re.I)
_DURATION = re.compile(r"\bhow long\b", re.I)
_UNITS = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)"


# "What did Joe Biden say about ...": a question about someone's words, answered only by a sentence that
# attributes words to them (names are matched case-sensitively: "What does the report say" is not one).
_SPEECH_QUESTION = re.compile(
    r"\b[Ww]hat (?:did|does|do|has|have|had) ((?:[A-Z][\w'.-]+\s+){0,3}[A-Z][\w'.-]+)\s+(?:[a-z]+\s+)?"
    r"(?:say|said|tell|told|state|think|claim|write|wrote|announce|announced)\b")
_QUOTE_QUESTION = re.compile(r"\b[Qq]uot(?:e|es|ation|ations) (?:from|by|of) ((?:[A-Z][\w'.-]+\s+){0,3}[A-Z][\w.-]+)")
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|stated|according to|noted|added|remarked|announced|declared"
    r"|explained|stressed|emphasi[sz]ed|warned|insisted|argued|wrote|writes|described|called|express(?:ed|es)"
    r"|interview|spoke|speaking|commented|mentioned|urged|pledged|vowed|promised|confirmed|denied|claimed)\b",
    re.I)

# "Who is the author of the article?": answered only by a byline ("By Jane Doe", "written by ...").
_AUTHOR_QUESTION = re.compile(r"\bwho (?:is|was|were|are) the (?:author|writer|reporter|journalist)s?\b"
                              r"|\bwho (?:wrote|authored|penned)\b|\b(?:author|writer)'s name\b", re.I)
_BYLINE = re.compile(r"\b(?:[Bb]y|[Aa]uthor:?|[Ww]riter:?|[Rr]eporter|[Cc]orrespondent|[Rr]eporting by)\s+"
                     r"[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+\b(?!')")


def expected_kind(question: str) -> str | None:
    """The kind of fact the question asks for, or None for an open question.

    ``"money"``, ``"date"``, ``"number"``, or ``"number:UNIT"`` when it counts something ("How many days"
    is answered by "three days", not by "two nations"); ``"speech:NAME"`` when it asks what someone said;
    ``"author"`` when it asks who wrote something.
    """
    speech = _SPEECH_QUESTION.search(question) or _QUOTE_QUESTION.search(question)
    if speech:
        return f"speech:{speech.group(1).split()[-1]}"
    if _AUTHOR_QUESTION.search(question):
        return "author"
    for kind, pattern in _QUESTION_KINDS:
        if pattern.search(question):
            if kind == "number":
                counted = _COUNTED.search(question)
                if counted:
                    return f"number:{counted.group(1).lower().rstrip('s')}"
                if _DURATION.search(question):
                    return "number:duration"
                if re.search(r"\bhow old\b", question, re.I):
                    return "number:age"
            return kind
    return None


def carries(text: str, kind: str | None) -> float:
    """How clearly ``text`` states a fact of ``kind``: 1 explicit, 0.5 loose (a month, "next month"), 0 none.

    With no kind (an open question) every text qualifies: 1.
    """
    if kind is None:
        return 1.0
    if kind == "author":
        return 1.0 if _BYLINE.search(text) else 0.0
    if kind.startswith("speech:"):
        name = re.escape(kind.partition(":")[2])
        return 1.0 if re.search(rf"\b{name}\b", text, re.I) and _SPEECH_VERB.search(text) else 0.0
    if kind == "date":
        if _EXPLICIT_DATE.search(text):
            return 1.0
        return 0.5 if _LOOSE_DATE.search(text) else 0.0
    if kind == "money":
        return 1.0 if _MONEY.search(text) else 0.0
    if kind.startswith("number"):
        # Years and dates are numbers too, but they do not answer "how many": leave them out first.
        rest = _EXPLICIT_DATE.sub(" ", text)
        rest = re.sub(r"\b(?:19|20)\d{2}\b", " ", rest)
        unit = kind.partition(":")[2]
        if unit == "age":
            return 1.0 if re.search(r"\b\d{1,3}(?:-year-old|\s+years?\s+old)\b|\baged\s+\d{1,3}\b", rest, re.I) else 0.0
        if unit:
            noun = _UNITS if unit == "duration" else rf"{re.escape(unit)}(?:s|es)?"
            # The count comes just before the thing counted: "three days", "12 new member states".
            counted = re.compile(rf"(?:\d[\d,.]*|\b{_NUMBER_WORDS})(?:\s+[\w-]+)?\s+{noun}\b", re.I)
            return 1.0 if counted.search(rest) else 0.0
        return 1.0 if _NUMBER.search(rest) else 0.0
    return 1.0
