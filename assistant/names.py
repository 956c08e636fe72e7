"""Names in text: capitalised runs, countries and blocs with their other forms, and news aliases.

"American" is the US and "Brussels" the EU; "US President Joe Biden" is a US person; "Tokyo" in a
question is also looked for as "Japan". `assistant.answer_types` uses these to decide whether a sentence
names what a question asks for; `assistant.grounding` to decide whether a passage carries a name.
"""

from __future__ import annotations

import re

# Countries and blocs: (name, capital, other names and demonyms). "American" is the US, "Brussels" the EU.
_COUNTRIES: list[tuple[str, str | None, tuple[str, ...]]] = [
    ("US", "Washington", ("U.S", "USA", "United States", "America", "American", "Americans")),
    ("UK", "London", ("U.K", "Britain", "British", "United Kingdom")),
    ("EU", "Brussels", ("European Union", "Europe", "European")),
    ("Japan", "Tokyo", ("Japanese",)), ("China", "Beijing", ("Chinese",)), ("Russia", "Moscow", ("Russian",)),
    ("India", "New Delhi", ("Indian",)), ("Germany", "Berlin", ("German",)), ("France", "Paris", ("French",)),
    ("South Korea", "Seoul", ("Korea", "Korean")), ("North Korea", "Pyongyang", ()), ("Taiwan", "Taipei", ("Taiwanese",)),
    ("Canada", "Ottawa", ("Canadian",)), ("Australia", "Canberra", ("Australian",)), ("Italy", "Rome", ("Italian",)),
    ("Spain", "Madrid", ("Spanish",)), ("Brazil", "Brasilia", ("Brazilian",)), ("Mexico", None, ("Mexican",)),
    ("Ukraine", "Kyiv", ("Ukrainian",)), ("Iran", "Tehran", ("Iranian",)), ("Israel", None, ("Israeli",)),
    ("Turkey", "Ankara", ("Turkish",)), ("Saudi Arabia", "Riyadh", ("Saudi",)), ("Indonesia", "Jakarta", ("Indonesian",)),
    ("Vietnam", "Hanoi", ("Vietnamese",)), ("Philippines", "Manila", ("Filipino",)), ("Netherlands", None, ("Dutch",)),
    ("Poland", "Warsaw", ("Polish",)), ("Sweden", None, ("Swedish",)), ("Switzerland", None, ("Swiss",)),
    ("Singapore", None, ("Singaporean",)), ("Thailand", "Bangkok", ("Thai",)), ("Pakistan", "Islamabad", ("Pakistani",)),
    ("Egypt", "Cairo", ("Egyptian",)), ("South Africa", "Pretoria", ()), ("Asia", None, ("Asian",)),
    ("Africa", None, ("African",)),
    # The other EU members, so "which EU member states" can be checked.
    ("Austria", None, ("Austrian",)), ("Belgium", None, ("Belgian",)), ("Bulgaria", None, ("Bulgarian",)),
    ("Croatia", None, ("Croatian",)), ("Cyprus", None, ("Cypriot",)), ("Czechia", None, ("Czech Republic", "Czech")),
    ("Denmark", None, ("Danish",)), ("Estonia", None, ("Estonian",)), ("Finland", None, ("Finnish",)),
    ("Greece", None, ("Greek",)), ("Hungary", None, ("Hungarian",)), ("Ireland", None, ("Irish",)),
    ("Latvia", None, ("Latvian",)), ("Lithuania", None, ("Lithuanian",)), ("Luxembourg", None, ()),
    ("Malta", None, ("Maltese",)), ("Portugal", None, ("Portuguese",)), ("Romania", None, ("Romanian",)),
    ("Slovakia", None, ("Slovak",)), ("Slovenia", None, ("Slovenian",)),
]
_EU_MEMBERS = frozenset(
    "Austria Belgium Bulgaria Croatia Cyprus Czechia Denmark Estonia Finland France Germany Greece Hungary Ireland"
    " Italy Latvia Lithuania Luxembourg Malta Netherlands Poland Portugal Romania Slovakia Slovenia Spain Sweden".split())
_PLACE_OF = {form.lower(): name for name, capital, forms in _COUNTRIES
             for form in (name, *forms, *([capital] if capital else []))}
_CAPITAL_OF = {capital.lower(): name for name, capital, _ in _COUNTRIES if capital}
_PLACE_FORMS = "|".join(sorted((re.escape(f) for n, c, forms in _COUNTRIES for f in (n, *forms, *([c] if c else []))),
                               key=len, reverse=True))
# Words that make a name a title, not a new name: "Prime Minister" is no answer to "which minister".
TITLES = frozenset("mr mrs ms dr prime minister president commissioner chancellor secretary general premier"
                   " governor mayor king queen prince chief executive officer ceo".split())
# Capitalised in an office's name, not names: "Commissioner for Innovation and Research", "Minister of Trade".
OFFICE_WORDS = frozenset("innovation research trade industry economy finance foreign affairs defense defence"
                         " commerce science technology energy health education justice interior environment"
                         " digital transport agriculture labour labor culture".split())
# Acronyms of things, not of anyone or anything named: "AI chips" names no chip.
GENERIC_ACRONYMS = frozenset("AI IT EV EVS GDP CEO ICT IOT ML R&D RD LNG".split())
# Words that make a name an organisation's, not a person's: "Asahi Shimbun" is nobody.
MEDIA_WORDS = frozenset("shimbun news daily times post journal herald tribune gazette press reuters bloomberg".split())
ORG_WORDS = MEDIA_WORDS | frozenset("agency inc corp corporation company co ltd group bank university ministry"
                                    " department council commission institute foundation association".split())

def place_of(name: str) -> str | None:
    """The country or bloc a name stands for ("American" -> "US", "Tokyo" -> "Japan"), or None."""
    return _PLACE_OF.get(name.lower().strip(". "))


def place_forms() -> list[str]:
    """Every form of every country and bloc known here, in lower case ("japan", "japanese", "tokyo", ...)."""
    return list(_PLACE_OF)


def places_in(text: str) -> set[str]:
    """The countries and blocs ``text`` names in any of their forms: "Brussels" and "the European Union" both
    name the EU, "U.S." and "the United States" the US."""
    words = re.findall(r"[A-Z][\w.]*", text)
    pairs = re.findall(r"(?=\b([A-Z][\w.]*\s+[A-Z][\w.]*))", text)  # "United States", "South Korea"
    return {place for place in map(place_of, words + pairs) if place}


_PAIR = re.compile(rf"(?=\b({_PLACE_FORMS})\s*(?:[-–—/]|\s(?:and|&)\s+(?:the\s+)?|\s)\s*({_PLACE_FORMS})\b)", re.I)


# "Why does Japan want to work with the EU?", "why does Japan care about the EU": two that deal with each other.
_DEALS_WITH = re.compile(rf"\b({_PLACE_FORMS})\s+(?:\w+\s+){{0,3}}?(?:work(?:s|ing)?|team(?:s|ing)?\s+up|partner(?:s|ing)?"
                         rf"|cooperat\w*|collaborat\w*|cares?|caring|talk(?:s|ing)?|deal(?:s|ing)?)\s+(?:together\s+)?(?:with|about)\s+"
                         rf"(?:the\s+)?({_PLACE_FORMS})\b", re.I)


def pairs_in(text: str) -> set[frozenset[str]]:
    """The pairs of countries or blocs that bilateral phrases of ``text`` name ("the Japan-EU talks", "Japan
    and the European Union" -> {"Japan", "EU"}); "us" in lower case is the pronoun, not the US."""
    found: set[frozenset[str]] = set()
    for first, second in _PAIR.findall(text) + _DEALS_WITH.findall(text):
        one, other = place_of(first), place_of(second)
        if "us" not in (first, second) and one and other and one != other:
            found.add(frozenset((one, other)))
    return found


def about_other_pair(asked: set[frozenset[str]], text: str, header: str) -> bool:
    """Whether ``text`` is about the dealings of two other countries than the ``asked`` pairs: it names
    another pair ("Japan and the US are gearing up ...") or, naming no country of them, sits in an article
    whose title names another pair."""
    own = pairs_in(text)
    if not own and not places_in(text) & set().union(*asked):
        own = pairs_in(header)
        titled = places_in(header)
        if not own and len(titled) == 2:
            own = {frozenset(titled)}
    return bool(own) and not own & asked


def forms_of(name: str) -> list[str]:
    """Every form of the country or bloc ``name`` stands for ("Brussels" -> "EU", "European Union", ...), or
    just ``name`` when it is none."""
    place = place_of(name)
    if place is None:
        return [name]
    return [form for form, of in _PLACE_OF.items() if of == place]


def entities(text: str, skip_first: bool = False) -> list[tuple[str, str | None]]:
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


def capital_country(name: str) -> str | None:
    """The country whose capital ``name`` is ("Tokyo" -> "Japan"), or None."""
    return _CAPITAL_OF.get(name.lower())


# Where well-known companies are based, which a news sentence seldom says: "Which US companies are in the
# framework?" is answered by "firms such as NVIDIA, ARM, and Amazon" (Arm is British, so not by it alone),
# and "Which Japanese companies …?" is not.
_HOME_COUNTRY = {"nvidia": "US", "amazon": "US", "intel": "US", "microsoft": "US", "google": "US", "alphabet": "US",
                 "apple": "US", "meta": "US", "openai": "US", "amd": "US", "qualcomm": "US", "micron": "US",
                 "arm": "UK", "softbank": "Japan", "toyota": "Japan", "sony": "Japan", "rapidus": "Japan",
                 "tsmc": "Taiwan", "samsung": "South Korea", "huawei": "China", "asml": "Netherlands"}


def home_country(name: str) -> str | None:
    """Where the well-known company ``name`` is based ("NVIDIA" -> "US"), or None if it is not one we know."""
    return _HOME_COUNTRY.get(name.lower())


def is_eu_member(name: str) -> bool:
    """Whether ``name`` (any form: "Germany", "German", "Berlin") stands for a member state of the EU."""
    return place_of(name) in _EU_MEMBERS


def affiliation(text: str, name: str) -> str | None:
    """The country ``text`` ties ``name`` to: "US President Joe Biden" -> US; "Iliana Ivanova, the EU
    Commissioner" -> EU; None when it ties it to none."""
    last = re.escape(name.split()[-1])
    before = re.search(rf"\b({_PLACE_FORMS})(?:'s|’s)?\s+(?:[A-Z][\w.-]*\s+){{0,5}}{last}\b", text)
    after = re.search(rf"\b{last},\s+(?:the\s+|an?\s+)?({_PLACE_FORMS})\b", text)
    found = before or after
    return place_of(found.group(1)) if found else None


def _name_runs(text: str, skip_first: bool) -> list[list[str]]:
    """Runs of adjacent capitalised words, broken by punctuation; a sentence's first word is skipped when
    ``skip_first`` or when it is a common opener ("The", "According")."""
    runs: list[list[str]] = []
    for sentence in re.split(r"(?<=[.?!;:])\s+", text):
        run: list[str] = []
        for i, match in enumerate(re.finditer(r"([\w'’.-]+)([^\w'’.-]*)", sentence)):
            word = match.group(1).strip(".'’-").removesuffix("'s").removesuffix("’s")
            parts = [p for p in word.split("-") if p[:1].isupper() and p.lower() not in _NOT_NAMES]
            # A place opening a search-box fragment ("EU Japan framework launch when") is still a name.
            first = i == 0 and not sentence.startswith("(") and (
                (skip_first and not place_of(word)) or word.lower() in _OPENERS)
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


def question_part(question: str) -> str:
    """The question without the other forms `expand_names` added to it."""
    return question.split(_ALSO, 1)[0]


# News writes a government as its capital ("Tokyo and Brussels agreed ...") and a few things by common
# synonyms; articles often use the other form. The question gets the other form added, in brackets, so
# retrieval and word overlap see it. Only additions: nothing the asker wrote is taken away.
# What a capital adds, where it is more than its country's name.
_CAPITAL_ALSO = {"Washington": "US United States", "Brussels": "EU European Union", "London": "UK Britain"}
_ALIASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b{pattern}\b", re.I if pattern.islower() else 0), also) for pattern, also in [
        *((capital, _CAPITAL_ALSO.get(capital, name)) for name, capital, _ in _COUNTRIES if capital),
        ("European bloc", "EU European Union"), ("Europe", "EU European Union"), ("premier", "prime minister"),
        (r"PMs?|(?<=the )pm|(?<=japanese )pm|(?<=japan's )pm", "prime minister"), ("chipmakers?", "semiconductor companies"),
        ("chips?", "semiconductors"), ("machine[- ]learning", "AI artificial intelligence"),
        ("machine intelligence", "AI artificial intelligence"), ("firms?", "companies"), ("corporations?", "companies"),
        # A story a wire service passed on is credited "(via Reuters)".
        ("wire services?|wires?|news agenc(?:y|ies)|newswires?|press agenc(?:y|ies)|(?:through|thru) (?:who|whom|what|which)", "via"),
        # How news says its sources were not named, and what askers call them.
        (r"(?:sources?|informants?|tipsters?)\b[^?]{0,30}\b(?:identif|reveal|nam|disclos|giv|cit)\w*|tipped (?:it|them|the paper) off|who (?:told|informed|briefed) (?:it|them|the (?:paper|newspaper|daily))"
         r"|(?:identif|reveal|nam|disclos|cit)\w*\s+(?:its|their|the|any|his|her|that|this)\s+(?:[\w'’]+\s+){0,2}?sources?\b"
         r"|where\b[^?]{0,30}\bgot\s+(?:that|the|its|their|this)\s+(?:information|info|story|news)"
         r"|where\b[^?]{0,30}\binformation came from"
         r"|\bwho\b[^?]{0,25}\bsources\b|who\s+(?:gave|give|gives)\s+(?:them|it|the\s+paper)\s+(?:the\s+|that\s+)?(?:information|info)"
         r"|insiders?", "sources undisclosed not cited"),
        (r"point of|purpose of|what for\b", "aim seeks to"), (r"\blabel\w*", "describing as"),
        ("declaration|communiqu[eé]", "joint statement"), ("get-together|summit", "meeting"),
        ("scoop", "newspaper report"),
        (r"cut(?:ting)? back on|lessen|wean\w*|(?:rely|relying|depend|depending|lean|leaning) on (?:\w+ ){0,2}less"
         r"|less (?:reliant|dependent)", "reduce dependence reliance"),
        # "good for both sides" is what news calls mutual benefits; an EU official, in these articles, a commissioner.
        (r"good for both(?: sides| of them| countries)?|benefit(?:s|ing)? both|win-win", "mutual benefits"),
        (r"EU officials?|officials? (?:from|of|in) (?:the )?EU", "EU Commissioner"),
    ]
]


_ALSO = " (that is: "


# The aliases keyword search adds (`search_words`): words of news attribution a question rarely shares with
# its sentence ("which wire" / "(via Reuters)"). The others (capitals, synonyms) move rankings more than they
# find: "Tokyo and Washington" searched as "Japan", "US" lost two passages' rank.
_SEARCH_ALSO = frozenset({"via", "sources undisclosed not cited"})


def search_words(question: str) -> str:
    """The question with the attribution words news uses for the asker's ("news agency" -> "via"), for
    keyword search."""
    added = [also for pattern, also in _ALIASES if also in _SEARCH_ALSO and pattern.search(question)]
    return f"{question} {' '.join(dict.fromkeys(added))}" if added else question


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
