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
    ("share", re.compile(r"\bwhat (?:percentage|share|proportion|fraction|percent)\b|\bhow much of\b", re.I)),
    ("number", re.compile(r"\bhow (?:many|much|long|old|far|big|large|often)\b|\bwhat (?:number)\b", re.I)),
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
_SHARE = re.compile(r"\d\s*(?:%|percent\b|per cent\b)|\b(?:half|third|quarter|fifth|tenth|majority|minority|most|all)\s+of\b"
                    r"|\b\d+\s+(?:in|out of)\s+\d+\b", re.I)
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
# What is asked for decides which names count: a country does not answer "which minister" or "which city".
_PERSON_NOUNS = (r"officials?|ministers?|commissioners?|leaders?|presidents?|people|persons?|individuals?"
                 r"|executives?|spokes(?:person|man|woman)|chiefs?|heads?|ceos?|envoys?|ambassadors?|diplomats?")
_ORG_NOUNS = (r"newspapers?|papers?|dailies|daily|publications?|outlets?|magazines?|news agency|agency|agencies"
              r"|wire services?|companies|company|firms?|corporations?|businesses|manufacturers?|makers?|groups?"
              r"|organi[sz]ations?|institutions?|universit(?:y|ies)|banks?|brands?|ministr(?:y|ies)|departments?")
_COUNTRY_NOUNS = r"countries|country|nations?|governments?|member states|states?"
_CITY_NOUNS = r"cities|city|towns?|ports?|regions?|prefectures?|provinces?"
# Up to two words between "which" and the noun ("which Japanese tech companies"), but not a verb: "what are
# both countries contemplating" asks for a thing, not a country.
_FILLER = r"(?!(?:are|is|was|were|do|does|did|will|would|can|could|should|has|have|had|both|all|of)\b)[a-z-]+"
_NAME_QUESTIONS: list[tuple[str, re.Pattern[str]]] = [
    (sub, re.compile(rf"\b(?:which|what)\s+(?:{_FILLER}\s+){{0,2}}(?:{nouns})\b"
                     rf"|\bname (?:the|a|an|one|two|three)\s+(?:{_FILLER}\s+){{0,2}}(?:{nouns})\b", re.I))
    for sub, nouns in (("person", _PERSON_NOUNS), ("org", _ORG_NOUNS), ("country", _COUNTRY_NOUNS),
                       ("city", _CITY_NOUNS))
] + [
    ("person", re.compile(r"^\s*(?:and\s+|so\s+)?(?:who|whom)\b(?!\s+else\b)", re.I)),
    ("place", re.compile(r"^\s*(?:and\s+|so\s+)?where\b", re.I)),
    ("any", re.compile(r"\bwhich specific\b", re.I)),
]

# Countries and blocs with their other names, demonyms and capitals: "American" is the US, "Brussels" the EU.
_PLACES: list[tuple[str, ...]] = [
    ("US", "U.S", "USA", "United States", "America", "American", "Americans", "Washington"),
    ("UK", "U.K", "Britain", "British", "United Kingdom", "London"), ("EU", "European Union", "Europe", "European", "Brussels"),
    ("Japan", "Japanese", "Tokyo"), ("China", "Chinese", "Beijing"), ("Russia", "Russian", "Moscow"),
    ("India", "Indian", "New Delhi"), ("Germany", "German", "Berlin"), ("France", "French", "Paris"),
    ("South Korea", "Korea", "Korean", "Seoul"), ("North Korea", "Pyongyang"), ("Taiwan", "Taiwanese", "Taipei"),
    ("Canada", "Canadian", "Ottawa"), ("Australia", "Australian", "Canberra"), ("Italy", "Italian", "Rome"),
    ("Spain", "Spanish", "Madrid"), ("Brazil", "Brazilian", "Brasilia"), ("Mexico", "Mexican"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("Iran", "Iranian", "Tehran"), ("Israel", "Israeli"), ("Turkey", "Turkish", "Ankara"),
    ("Saudi Arabia", "Saudi", "Riyadh"), ("Indonesia", "Indonesian", "Jakarta"), ("Vietnam", "Vietnamese", "Hanoi"),
    ("Philippines", "Filipino", "Manila"), ("Netherlands", "Dutch"), ("Poland", "Polish", "Warsaw"),
    ("Sweden", "Swedish"), ("Switzerland", "Swiss"), ("Singapore", "Singaporean"), ("Thailand", "Thai", "Bangkok"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Egypt", "Egyptian", "Cairo"), ("South Africa", "Pretoria"),
    ("Asia", "Asian"), ("Africa", "African"),
]
_PLACE_OF = {form.lower(): group[0] for group in _PLACES for form in group}
# Words that make a name a title, not a new name: "Prime Minister" is no answer to "which minister".
_TITLES = frozenset("mr mrs ms dr prime minister president commissioner chancellor secretary general premier"
                    " governor mayor king queen prince chief executive officer ceo".split())


def place_of(name: str) -> str | None:
    """The country or bloc a name stands for ("American" -> "US", "Tokyo" -> "Japan"), or None."""
    return _PLACE_OF.get(name.lower().strip(". "))


def _entities(text: str, skip_first: bool = False) -> list[tuple[str, str | None]]:
    """The names of ``text`` as (phrase, country it stands for or None): runs of capitalised words, with
    places split out ("US President Joe Biden" -> ("US", "US"), ("President Joe Biden", None))."""
    out: list[tuple[str, str | None]] = []
    for run in _name_runs(text, skip_first):
        rest: list[str] = []
        i = 0
        while i < len(run):
            two = " ".join(run[i:i + 2]) if i + 1 < len(run) else ""
            place, width = (place_of(two), 2) if two and place_of(two) else (place_of(run[i]), 1)
            if place:
                if rest:
                    out.append((" ".join(rest), None))
                    rest = []
                out.append((" ".join(run[i:i + width]), place))
                i += width
            else:
                rest.append(run[i])
                i += 1
        if rest:
            out.append((" ".join(rest), None))
    return out


def _about_the_same(text: str, question: str) -> bool:
    """Whether ``text`` mentions one of the names the question is about (any text, if it names nothing)."""
    asked = [(n, p) for n, p in _entities(_question_part(question), skip_first=True) if len(n) > 1]
    if not asked:
        return True
    words = {w.lower() for w in re.findall(r"\w+", text)}
    places = {p for _, p in _entities(text) if p}
    return any((p and p in places) or any(w.lower() in words for w in n.split()) for n, p in asked)


def _new_names(text: str, question: str, sort: str = "any") -> list[str]:
    """Names in ``text`` that the question does not already use ("American" is the question's "US"),
    of the asked ``sort``: a country for "country"; no country, and no acronym, for "person" and "city"."""
    asked = {w.lower() for w in re.findall(r"\w+", question)}
    asked_places = {p for _, p in _entities(question, skip_first=True) if p} | {place_of(w) for w in asked if place_of(w)}
    new = []
    for name, place in _entities(text):
        if place:
            if sort in ("any", "country", "place") and place not in asked_places:
                new.append(name)
            continue
        if sort == "country":
            continue
        words = [w for w in name.split() if len(w) > 1 and w.lower() not in _TITLES]
        if sort in ("person", "city", "place"):
            words = [w for w in words if not w.isupper()]  # "AI" is nobody and nowhere
        if any(w.lower() not in asked for w in words):
            new.append(name)
    return new


def _question_part(question: str) -> str:
    """The question without the other forms `expand_names` added to it."""
    return question.split(_ALSO, 1)[0]


# "What was the outcome of the meeting?": answered only by a sentence reporting something that happened,
# not by one previewing it ("the upcoming meeting ... is expected to ...").
_OUTCOME_QUESTION = re.compile(
    r"\b(?:outcome|result|results|upshot|conclusion)s? of\b|\bwhat (?:came|resulted) (?:out of|from)\b"
    r"|\bwhat was (?:agreed|decided|signed|concluded)\b"
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
            first = i == 0 and not sentence.startswith("(") and (skip_first or word.lower() in _OPENERS)
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
    for sub, pattern in _NAME_QUESTIONS:
        if pattern.search(question):
            return f"name:{sub}"
    return None


def carries(text: str, kind: str | None, question: str = "", about: str = "") -> float:
    """How clearly ``text`` states a fact of ``kind``: 1 explicit, 0.5 loose (a month, "next month"), 0 none.

    With no kind (an open question) every text qualifies: 1. Given the ``question``, the text must also
    mention a name the question is about, in itself or in ``about`` (its article's header), and for
    ``"name:…"`` kinds only names the question does not already use count.
    """
    if kind is None:
        return 1.0
    if question and not kind.startswith(("speech", "author")) and not _about_the_same(f"{text} {about}", question):
        return 0.0  # a date, but of something else: "April 10" does not date Ivanova's interview
    if kind == "author":
        return 1.0 if _BYLINE.search(text) else 0.0
    if kind.startswith("name"):
        # A new name of the asked sort ("Iliana Ivanova, the EU Commissioner ..." names her; "The report ..."
        # names nobody; a country does not answer "which minister", a newspaper does answer "which daily").
        return 1.0 if _new_names(text, question, kind.partition(":")[2] or "any") else 0.0
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
    if kind == "share":
        return 1.0 if _SHARE.search(text) else 0.0
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


_ALSO = " (that is: "


def has_alias(name: str) -> bool:
    """Whether ``name`` is a capital or synonym that `expand_names` gives another form for."""
    return any(pattern.fullmatch(name) for pattern, _ in _ALIASES)


def expand_names(question: str) -> str:
    """The question with the other form of each capital or synonym it uses added: "Tokyo" -> "Tokyo (Japan)"."""
    added: list[str] = []
    for pattern, also in _ALIASES:
        if pattern.search(question) and also not in added:
            added.append(also)
    return f"{question}{_ALSO}{'; '.join(added)})" if added else question
