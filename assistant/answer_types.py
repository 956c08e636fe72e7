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


# "Who ...?" and "Which newspaper ...?" ask for a name: answered only by a sentence that names someone or
# something the question does not already name ("the newspaper report" does not answer "which newspaper").
_ENTITY_NOUNS = (r"(?:newspapers?|papers?|dailies|daily|publications?|outlets?|magazines?|news agency|agency|agencies"
                 r"|wire services?|companies|company|firms?|corporations?|businesses|manufacturers?|makers?|groups?"
                 r"|organi[sz]ations?|institutions?|officials?|ministers?|commissioners?|leaders?|presidents?"
                 r"|people|persons?|individuals?|executives?|countries|country|nations?|governments?|states?"
                 r"|cities|city|universit(?:y|ies)|banks?|brands?)")
_NAME_QUESTION = re.compile(
    rf"^\s*(?:and\s+|so\s+)?(?:who|whom)\b(?!\s+(?:else\b))|\b(?:which|what)\s+(?:(?:[a-z-]+\s+){{0,2}}){_ENTITY_NOUNS}\b"
    r"|\bwhich specific\b"
    rf"|\bname (?:the|a|an|one|two|three)\s+(?:(?:[a-z-]+\s+){{0,2}}){_ENTITY_NOUNS}\b", re.I)
# "What was the outcome of the meeting?": answered only by a sentence reporting something that happened,
# not by one previewing it ("the upcoming meeting ... is expected to ...").
_OUTCOME_QUESTION = re.compile(
    r"\b(?:outcome|result|results|upshot|conclusion)s? of\b|\bwhat (?:came|resulted) (?:out of|from)\b"
    r"|\bwhat (?:happened|was (?:agreed|decided|signed|concluded))\b"
    r"|\bwhat did (?:they|the (?:\w+\s+){0,2}(?:two|leaders?|sides?|countries|nations|governments))\s+"
    r"(?:agree|decide|sign|conclude)\b", re.I)
_PROSPECTIVE = re.compile(
    r"\b(?:will|would|shall|expected|anticipated|upcoming|forthcoming|set to|poised|gearing up|plan(?:s|ned)? to"
    r"|intend|aim(?:s|ed)? to|may|might|could|likely|next (?:week|month|year)|ahead of|prepar(?:e|es|ing) to)\b", re.I)
_COMPLETED = re.compile(r"\b(?:agreed|signed|decided|concluded|reached|resulted|announced|adopted|launched|approved"
                        r"|ended|unveiled|settled|struck|sealed|finali[sz]ed)\b", re.I)

# "What is the date of the MENAFN article?", "When did the piece come out?", "Who published it?": questions
# about the article itself, answered by its metadata (title, source, date), not by its sentences.
_ARTICLE = r"(?:article|piece|story|report|item|text|post)"
_META_QUESTIONS: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(
        rf"\b(?:date|day)\b[^?]{{0,30}}\b{_ARTICLE}\b|\b{_ARTICLE}\b[^?]{{0,40}}\b(?:dated|published|come out|came out|"
        rf"appear(?:ed)?|released|written|run)\b|\bwhen (?:was|did)\b[^?]{{0,40}}\b{_ARTICLE}\b[^?]{{0,20}}"
        rf"\b(?:publish|come out|came out|appear|release|write|written|run)", re.I)),
    ("source", re.compile(
        rf"\b(?:which|what) (?:outlet|publication|publisher|site|website|news (?:site|outlet|service)|source)\b[^?]{{0,30}}"
        rf"\b(?:publish|ran|run|carr(?:y|ied)|put out)[^?]*\b{_ARTICLE}\b|\bwho (?:published|ran|put out)\b[^?]*\b{_ARTICLE}\b", re.I)),
    ("title", re.compile(rf"\b(?:title|headline) of\b[^?]*\b{_ARTICLE}\b|\bwhat (?:is|was) the {_ARTICLE}(?:'s)? "
                         r"(?:title|headline)\b|\b(?:called|titled|headlined)\?", re.I)),
]


def article_meta_question(question: str) -> str | None:
    """``"date"``, ``"source"`` or ``"title"`` when the question asks about an article itself, else None."""
    for field, pattern in _META_QUESTIONS:
        if pattern.search(question):
            return field
    return None


def _name_runs(text: str, skip_first: bool) -> list[list[str]]:
    """Runs of adjacent capitalised words, broken by punctuation; a sentence's first word is skipped when
    ``skip_first`` or when it is a common opener ("The", "According")."""
    runs: list[list[str]] = []
    for sentence in re.split(r"(?<=[.?!;:])\s+", text):
        run: list[str] = []
        for i, match in enumerate(re.finditer(r"([\w'’.-]+)([^\w'’.-]*)", sentence)):
            word = match.group(1).strip(".'’-").removesuffix("'s").removesuffix("’s")
            parts = [p for p in word.split("-") if p[:1].isupper() and p.lower() not in _NOT_NAMES]
            first = i == 0 and (skip_first or word.lower() in _OPENERS)
            if parts and not first:
                run.extend(parts)
            elif run:
                runs.append(run)
                run = []
            if run and match.group(2).strip():  # a comma or a bracket ends a name
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return runs


def names_in(text: str, skip_first: bool = True) -> list[str]:
    """Capitalised words and acronyms of ``text`` that read as names, hyphenated ones split ("Japan-US")."""
    return [word for run in _name_runs(text, skip_first) for word in run]


def name_phrases(text: str) -> list[str]:
    """Runs of adjacent names: "What do Pauline Jacobs and Google say?" -> ["Pauline Jacobs", "Google"]."""
    return list(dict.fromkeys(" ".join(run) for run in _name_runs(text, skip_first=True)))


# Capitalised but not names of anyone or anything: months and days.
_NOT_NAMES = frozenset("january february march april may june july august september october november december"
                       " monday tuesday wednesday thursday friday saturday sunday".split())
_OPENERS = frozenset(
    "the a an this that these those it its in on at as by for from with according although though while when"
    " after before during against amid parallel meanwhile however but and or so yet if also both".split())


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
    if _OUTCOME_QUESTION.search(question):
        return "outcome"
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
    if _NAME_QUESTION.search(question):
        return "name"
    return None


def carries(text: str, kind: str | None, question: str = "") -> float:
    """How clearly ``text`` states a fact of ``kind``: 1 explicit, 0.5 loose (a month, "next month"), 0 none.

    With no kind (an open question) every text qualifies: 1. For ``"name"``, only names the ``question``
    does not already use count.
    """
    if kind is None:
        return 1.0
    if kind == "author":
        return 1.0 if _BYLINE.search(text) else 0.0
    if kind == "name":
        # A name anywhere but in the sentence's opening word unless that word is not a common opener
        # ("Iliana Ivanova, the EU Commissioner ..." names her; "The report ..." names nobody).
        asked = {w.lower() for w in re.findall(r"\w+", question)}
        return 1.0 if any(n.lower() not in asked for n in names_in(text, skip_first=False)) else 0.0
    if kind == "outcome":
        return 1.0 if _COMPLETED.search(text) and not _PROSPECTIVE.search(text) else 0.0
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


# News writes a government as its capital ("Tokyo and Brussels agreed ...") and a few things by common
# synonyms; articles often use the other form. The question gets the other form added, in brackets, so
# retrieval and word overlap see it. Only additions: nothing the asker wrote is taken away.
_ALIASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b{pattern}\b", re.I if pattern.islower() else 0), also) for pattern, also in [
        ("Tokyo", "Japan"), ("Washington", "US United States"), ("Beijing", "China"), ("Brussels", "EU European Union"),
        ("Moscow", "Russia"), ("London", "UK Britain"), ("Paris", "France"), ("Berlin", "Germany"),
        ("Seoul", "South Korea"), ("Pyongyang", "North Korea"), ("Taipei", "Taiwan"), ("New Delhi", "India"),
        ("Canberra", "Australia"), ("Ottawa", "Canada"), ("Kyiv", "Ukraine"), ("Rome", "Italy"), ("Madrid", "Spain"),
        ("Ankara", "Turkey"), ("Tehran", "Iran"), ("Riyadh", "Saudi Arabia"), ("Jakarta", "Indonesia"),
        ("Hanoi", "Vietnam"), ("Manila", "Philippines"), ("Brasilia", "Brazil"), ("Pretoria", "South Africa"),
        ("Cairo", "Egypt"), ("Islamabad", "Pakistan"), ("Bangkok", "Thailand"), ("Warsaw", "Poland"),
        ("European bloc", "EU European Union"), ("premier", "prime minister"), ("chipmakers?", "semiconductor companies"),
        ("chips?", "semiconductors"), ("machine[- ]learning", "AI artificial intelligence"),
        ("machine intelligence", "AI artificial intelligence"), ("firms?", "companies"), ("corporations?", "companies"),
    ]
]


def has_alias(name: str) -> bool:
    """Whether ``name`` is a capital or synonym that `expand_names` gives another form for."""
    return any(pattern.fullmatch(name) for pattern, _ in _ALIASES)


def expand_names(question: str) -> str:
    """The question with the other form of each capital or synonym it uses added: "Tokyo" -> "Tokyo (Japan)"."""
    added: list[str] = []
    for pattern, also in _ALIASES:
        if pattern.search(question) and also not in added:
            added.append(also)
    return f"{question} ({'; '.join(added)})" if added else question
