"""How a casually typed question is read: names cased from the articles ("biden" -> "Biden"), so the checks
that tell names by their capitals see them, and run-together contractions spelled out ("whats" -> "what's").
Only words wholly in lower case change; the asker's own capitals are kept."""

from __future__ import annotations

import re

from assistant.names import OFFICE_WORDS, ORG_WORDS, TITLES, capital_country, place_forms, place_of

# Companies and bodies a reader may name in lower case ("whats microsoft's role") that the articles may not
# name at all: cased, they are names, and an absent name is a false premise.
_KNOWN_ORGS = ("Microsoft Google Apple Samsung Intel TSMC OpenAI IBM Meta Huawei Sony Toyota SoftBank Qualcomm AMD"
               " Micron Rapidus Tesla Panasonic Hitachi Toshiba Nvidia Arm Amazon Baidu Alibaba Tencent ASML"
               " Broadcom Oracle Reuters Bloomberg NATO UN WTO G7").split()
# Words news capitalises in titles and names ("Prime Minister", "US News") that are not names by themselves.
_NOT_CASED = TITLES | OFFICE_WORDS | ORG_WORDS | frozenset("other side country business news union united".split())
# "us" is a pronoun ("tell us") unless it stands next to a place or in a place's slot ("the us", "us-japan").
_US = re.compile(r"(?<=\bthe )us\b|\bus(?=\s*[-–/&]|\s+(?:and\s+)?(?:japan|eu|china|president|government|officials?"
                 r"|chips?|exports?|restrictions?|firms?|companies|side|and\s+japan)\b)|(?<=japan[-–/ ])us\b"
                 r"|(?<=japan and )us\b|(?<=\bin )us\b(?=[\s?.,]|$)", re.I)


# Contractions typed without the apostrophe, and chat shorthand, read as written out.
_SPELLED = {"whats": "what's", "whos": "who's", "hows": "how's", "wheres": "where's", "whens": "when's",
            "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "arent": "aren't",
            "wasnt": "wasn't", "werent": "weren't", "havent": "haven't", "hasnt": "hasn't", "cant": "can't",
            "wouldnt": "wouldn't", "r": "are", "u": "you", "ur": "your", "abt": "about", "bc": "because",
            "w/": "with", "pls": "please", "plz": "please", "thx": "thanks", "govt": "government", "wat": "what", "n": "and", "w": "with",
            "wen": "when", "bout": "about", "tho": "though", "cuz": "because", "coz": "because",
            "thru": "through", "stmt": "statement", "jpn": "Japan", "jp": "Japan",
            "collab": "collaboration", "mtg": "meeting", "gov": "government"}
_RUN_TOGETHER = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _SPELLED if w != "w/") + r")(?![\w.&'’/-])|\bw/", re.I)


# "since the summit is apr 20": a month cut short before a day, written out so dates compare.
_MONTHS = ("January February March April May June July August September October November December").split()
_SHORT_MONTH = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?=\s+\d{1,2}(?:st|nd|rd|th)?\b)", re.I)


# "was reuters involved or nah": a tag that asks for a yes or no adds nothing to the question.
_YES_NO_TAG = re.compile(r"(?<!yes)[\s,]+or\s+(?:nah|nope|no|not)\s*(?=\??\s*$)", re.I)


# "which tech cos": companies ("cos" alone may be "because").
_COS = re.compile(r"\b(tech|which|what|big|name|chip|the|these|those|other|major|top|us|japanese|american)\s+cos\b", re.I)
# "which big-name outfits might get roped into the joint lab work?": companies.
_OUTFITS = re.compile(r"\b(big-name|big\s+name|tech|which|what|major|top|these|those|other|american|japanese|us|chip)\s+outfits?\b", re.I)
# Market talk: "which tech names", "megacap US names" are companies; "stateside" is in the US; a "Tokyo daily"
# is a newspaper and "all this chatter" the reporting.
_MARKET_NAMES = re.compile(r"\b((?:big\s+)?tech|mega-?cap|large-?cap|blue-?chip|chip|semiconductor|corporate)"
                           r"((?:\s+(?:us|u\.s\.|american|japanese))?)\s+names\b", re.I)
_STATESIDE = re.compile(r"\b(?:in\s+the\s+)?stateside\b", re.I)
_DAILY = re.compile(r"\b(tokyo|japanese|japan's|which|what)\s+daily\b(?!\s+(?:basis|life|routine|report|briefing|news))", re.I)
_CHATTER = re.compile(r"\b(?:chatter|buzz|scuttlebutt)\b", re.I)
# "Confirm or deny: the named firms are Nvidia, Arm and Google." asks whether the claim is true.
_CLAIM_PREFIX = re.compile(r"^\s*(?:confirm or deny|true or false|fact[- ]?check|confirm|verify)\s*[:,–—-]\s*(?P<claim>[^?]{8,}?)[\s.!]*$",
                           re.I)
# "the asahi report did it come through some wire service": the topic said first, then asked about.
_TOPIC_FIRST = re.compile(r"^\s*(?P<topic>(?:the|that|this)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?P<aux>did|does|do|is|was|will|has)"
                          r"\s+(?:it|they)\s+(?P<rest>\w.*)$", re.I)
# "… or something", "… or anything" ask nothing more.
_OR_SOMETHING = re.compile(r"[\s,]+or\s+(?:something|anything|whatever)(?:\s+like\s+that)?\s*(?=\??\s*$)", re.I)
# "what's the deal with Arm here?", "what's the EU angle in all this?": the whole story is "here".
_HERE = re.compile(r"(?<=\w)\s+(?:here|in all (?:of )?this|in (?:this|the) whole thing)\s*(?=\?\s*$)", re.I)
# "where do both articles get their info from": from which outlet.
# (The articles' outlet; "where did the Asahi get its information" asks for the paper's own sources.)
_INFO_FROM = re.compile(r"\bwhere\s+(do|does|did)\s+((?:both|the|these|those|each|either|this|that)\s+(?:(?:two|of the)\s+)?"
                        r"(?:articles?|stories|story|pieces?|reports?)\s+)get\s+(their|its|the)\s+(info|information|news|story"
                        r"|scoop|report)\s+from\b", re.I)
# "how did the first article get hold of the Asahi story?": through which outlet (the answer names it, "(via Reuters)").
_GOT_HOLD = re.compile(r"^\s*how\s+(did|does|do)\s+((?:the|this|that|both|each)\s+(?:\w+\s+)?(?:articles?|stories|story|pieces?|reports?"
                       r"|outlets?|sites?)|it|they)\s+(?:get\s+hold\s+of|obtain|come\s+by|get|pick\s+up|find\s+out\s+about)\s+"
                       r"(the\s+(?:\w+\s+)?(?:story|report|news|scoop|information|info))\s*\??\s*$", re.I)
# "did the asahi report come through some wire service": which one (the answer names it, "(via Reuters)").
_THROUGH_SOME = re.compile(r"^\s*(?:did|does|was|has)\s+(?P<what>.{3,60}?)\s+(?:come|came|get passed|pass|go|been passed)\s+"
                           r"(?:through|thru|via)\s+(?:a|an|some|any)\s+(?P<kind>(?:news\s+|wire\s+)?(?:agency|service|wire))"
                           r"\s*\??\s*$", re.I)
# "who's reporting that like what's the source": "like" between two questions is filler.
_LIKE_BETWEEN = re.compile(r"\s+like\s+(?=(?:what|who|which|when|where|how|why)(?:'s|’s)?\b)", re.I)
# "Leaving aside all the travel and yoga links on the page, what does the news story say …?": the page's clutter
# set aside is no part of the question; "Per US News, …" is "According to US News, …".
_SET_ASIDE = re.compile(r"^\s*(?:(?:leaving|setting|putting)\s+aside|ignoring)\s+[^,?]{0,80}?\b(?:links?|ads?|adverts?|advertisements?"
                        r"|comments?|sidebars?|page|clutter|menus?|boxes|related)\b[^,?]{0,30},\s*"
                        # "The page is cluttered with bits about yoga … Setting all that aside, in the actual news story, …"
                        r"|^.*?\b(?:page|clutter\w*|links?|ads?)\b.*?(?:[.!]\s+|;\s*)(?:but\s+)?(?:setting|leaving|putting)\s+"
                        r"(?:all\s+)?(?:that|this|those|these|it)\s+aside\s*,\s*(?:in the (?:actual|real) (?:news )?(?:story|article|news),?\s*)?"
                        # "There's loads of random stuff about yoga … on the page, but what is the main news story about?"
                        r"|^[^?]{0,120}?\b(?:page|clutter\w*|links?|ads?|sidebars?)\b[^?,]{0,30},\s*but\s+(?=(?:what|who|when|where|which|why|how)\b)"
                        # "skip all the travel and pollution stuff at the bottom - in the actual news, what's the EU part about?"
                        r"|^\s*(?:skip(?:ping)?|ignor(?:e|ing)|forget(?:ting)?|never\s+mind)\s+[^,?]{0,80}?\b(?:links?|ads?|stuff|bits|junk"
                        r"|clutter|page|bottom|sidebars?|comments?)\b[^,?]{0,30}?(?:,|\s+[-–—]+)\s*"
                        r"(?:in\s+the\s+(?:actual|real)\s+(?:news(?:\s+(?:story|article))?|story|article)\s*,?\s*)?(?=(?:what|who|when|where|which|why|how)\b)"
                        r"|^\s*in\s+the\s+(?:actual|real)\s+(?:news(?:\s+(?:story|article))?|story|article)\s*,\s*(?=(?:what|who|when|where|which|why|how)\b)",
                        re.I)
_PER = re.compile(r"^\s*per\s+(?=(?:the\s+)?(?-i:[A-Z]))", re.I)
# "I was reading about this in the paper this morning and it said the visit would be on April 12th. Is that the
# right date, or have I muddled it?": the claim, and whether it is right.
# (Both casings reach `stated_premise` through here, so its hearsay openers need not repeat this one.)
_READ_THAT = re.compile(r"^\s*i\s+(?:was\s+|had\s+been\s+)?(?:reading|hearing|watching|seeing|read|heard|saw)\b[^.?]{0,80}?\b"
                        r"(?:and\s+)?(?:it|they|that|the\s+\w+)\s+(?:said|says|claimed|claims|stated|states|reported|reports)"
                        r"\s+(?:that\s+)?", re.I)
_OR_AM_I_WRONG = re.compile(r",?\s+or\s+(?:have|did|am|was)\s+i\s+(?:muddled|mixed|got|misremember\w*|confused|wrong|mistaken)"
                            r"[^?]*(?=\?)", re.I)
# "the man in the White House" is the US president; "the head of the Tokyo government" Japan's prime minister.
_OFFICE_HOLDERS = [(re.compile(r"\b(?:the\s+)?(?:man|woman|person|guy|fellow|occupant|chap)\s+in\s+the\s+white\s+house\b", re.I),
                    "the US president"),
                   (re.compile(r"\b(?:the\s+)?head\s+of\s+the\s+(?:tokyo|japanese)\s+government\b", re.I), "the Japanese prime minister"),
                   # "the White House chief", "the american head of state", "Tokyo's leader", "tokyo pm", "european science chief"
                   # (Not after "which": "Which Japanese leader is heading to meet Biden?" asks who.)
                   (re.compile(r"(?<!which )(?<!what )\b(?:the\s+)?white\s+house(?:'s|’s)?\s+(?:chief|boss|head|leader|occupant)\b"
                               r"|(?<!which )(?<!what )\b(?:the\s+)?(?:american|us|u\.s\.)\s+(?:head\s+of\s+state|leader)\b", re.I),
                    "the US president"),
                   (re.compile(r"(?<!which )(?<!what )\b(?:the\s+)?(?:tokyo|japan)(?:'s|’s)?\s+(?:leader|pm|premier|head\s+of\s+government)\b"
                               r"|(?<!which )(?<!what )\b(?:the\s+)?japanese\s+(?:leader|pm|premier|head\s+of\s+government)\b", re.I),
                    "the Japanese prime minister"),
                   (re.compile(r"(?<!which )(?<!what )\b(?:the\s+)?(?:european|eu|brussels)(?:'s|’s)?\s+(?:science|research|innovation|tech)\s+"
                               r"(?:chief|boss|head|official)\b", re.I), "the EU Commissioner for Innovation and Research")]
# "These special substances they are working on, what do they end up inside of?": the topic said first.
_TOPIC_THEN_WH = re.compile(r"^\s*(?P<topic>(?:these|those|the|that|this)\s+[^,?]{3,80}?),\s*(?P<wh>what|where|who|which|when|why|how)"
                            r"\s+(?P<aux>do|does|did|is|are|was|were|will|would|can|could)\s+(?:they|it)\b", re.I)
# "… end up inside of? Kindly tell me in plain words.": how to answer, after the question, asks nothing more.
_PLAINLY = re.compile(r"(?<=[?.!])\s+(?:(?:kindly|please)\s+)?(?:tell|explain|put|say|answer)\s+(?:it\s+|that\s+)?(?:to\s+me\s+|me\s+)?"
                      r"(?:in\s+(?:plain|simple|everyday)\s+(?:words|english|terms|language)|simply|plainly)(?:,?\s+please)?[.!]?\s*$", re.I)
# Names as speech-to-text mishears them: "kishi da", "in video and ahm".
_MISHEARD = [(re.compile(r"\bkishi\s+da\b", re.I), "Kishida"),
             (re.compile(r"(?<!interview )(?<!done )(?<!held )(?<!conducted )(?<!was it )\b(?:in|en)\s?video\b"
                         r"(?=\s*(?:and\b|or\b|stock|shares|ceo|chips?|'s|’s|,|\?|$))", re.I), "Nvidia"),
             (re.compile(r"\bahm\b(?=\s*(?:and\b|or\b|pull|stock|shares|ceo|'s|’s|,|\?|$))", re.I), "Arm")]
# "Only one of these stories brings Europe into it - which one, and what's the EU angle?" asks which article.
_ONLY_ONE_WHICH = re.compile(r"^\s*only one of (?:these|the|those)(?: two)? (?:stories|articles|pieces|reports) (?P<does>[^?–—-]+?)"
                             r"\s*(?:[-–—,:;]+\s*|\.\s+)which one\b[\s,]*(?P<rest>[^?]*\??)\s*$", re.I)
# Sentence openers that are no names, written in lower case inside "Is it true that …".
_LOWER_OPENERS = frozenset("the a an this that these those its their his her our my some all both".split())

_RETRACTED = re.compile(r"^.*?\b(?:actually\s+|nah\s+)?(?:nvm|never\s?mind|scratch that|forget (?:that|it)|jk|just kidding|kidding)\b"
                        r"[\s,.:;!-]*(?:just\s+)?", re.I)
# Words that open a reply, not a question: "ok", "okay", "alright", "um", "well", "right,".
_INTERJECTION = re.compile(r"^\s*(?:(?:ok(?:ay)?|alright|all right|well|um+|uh+|er+|hmm+)\b[\s,.!-]*|right\s*[,.!]\s*)+(?=\S)", re.I)
_THROUGH_WHO = re.compile(r"\b(?:through|thru|via)\s+(?:who|whom)\s*\?\s*$", re.I)
_WHICH_ONE = re.compile(r"(\b(?:a|an|another|some)\s+([\w-]+(?:\s+[\w-]+){0,2}?)\s*[.!?]\s*)which one\s*\?\s*$", re.I)


def _month(match: re.Match[str]) -> str:
    short = match.group(1).lower()[:3]
    return next(m for m in _MONTHS if m.lower().startswith(short))


KNOWN_ORGS = frozenset(name.lower() for name in _KNOWN_ORGS)  # lower case, for lookups elsewhere


def cased_names(texts: list[str]) -> dict[str, str]:
    """Lower-case word -> its cased form, for words the ``texts`` write capitalised within sentences and never
    in lower case ("biden" -> "Biden", "menafn" -> "MENAFN"), every form of a country ("tokyo" -> "Tokyo")
    and well-known companies. Headlines and other short or title-case lines are skipped: there every word is
    capitalised."""
    cased: dict[str, str] = {}
    lower: set[str] = set()
    for text in texts:
        for line in text.splitlines():
            words = re.findall(r"[A-Za-z][\w]*", line)
            if (len(words) < 12 or not line.rstrip().endswith((".", '"', "”", ")"))
                    or sum(w[0].isupper() for w in words) > 0.7 * len(words)):
                continue
            # A sentence's first word is capitalised anyway; it counts only as the first of a name's words
            # ("Iliana Ivanova, the EU Commissioner ...").
            for match in re.finditer(r"(?:^|(?<=[.!?:]\s)|\b)([A-Za-z]\w*)(?=(\s+[A-Z])?)", line):
                word = match.group(1)
                first = match.start(1) == 0 or bool(re.search(r"[.!?:]\s$", line[: match.start(1)]))
                if word.islower():
                    lower.add(word)
                elif word[0].isupper() and (not first or match.group(2)):
                    cased.setdefault(word.lower(), word)
    known = {low: word for low, word in cased.items()
             if low not in lower and len(low) > 1 and low not in _NOT_CASED}
    known.update((form, form.upper() if len(form) <= 3 else form.title()) for form in place_forms() if " " not in form)
    known.update((name.lower(), name) for name in _KNOWN_ORGS)
    known.pop("us", None)  # see _US
    return known


def truecase(question: str, known: dict[str, str]) -> str:
    """The question with its lower-case names written as names ("what did biden say about china" -> "what
    did Biden say about China"), so a reader who types in lower case is read like one who does not. Only
    words wholly in lower case change; "us" only where it is a place ("the us", "us-japan"). The words are
    first `reworded`."""
    return re.sub(r"\b[a-z]+\b", lambda m: _cased(m.group(0), known), reworded(question))


# A capital named for its government ("What is Washington worried about …?"): the articles say "the US".
_CAPITAL = re.compile(r"\b(?:the\s+)?(washington|beijing|tokyo|brussels)\b(?!\s+(?:post|times|state|dc|d\.c\.))", re.I)


def searched(question: str) -> str:
    """What retrieval searches for: the question `reworded`, with capitals as their countries ("stops chips from
    being sold to Beijing" -> "… to China"), the articles' word for them."""
    return _CAPITAL.sub(lambda m: capital_country(m.group(1)) or m.group(0), reworded(question))


def reworded(question: str) -> str:
    """The question as meant (`truecase` without the casing; also what retrieval searches for): names misheard
    by speech-to-text ("kishi da", "in video"), shorthand, market talk ("tech names", "stateside", "which Tokyo daily") and short months are written out, a trailing
    "or nah" / "or not" / "or something" is dropped, "the asahi report did it …" asks "did the asahi report …", what comes before "nvm" / "never mind" is taken back, "… a wire agency.
    Which one?" asks "Which wire agency?", "Only one of these stories brings Europe in - which one?" asks which
    article does, "… thru who?" asks through which outlet and "Confirm or deny: <claim>." asks "Is it true
    that <claim>?"."""
    question = _INTERJECTION.sub("", question)  # "ok and who from the EU talked about that?" asks "and who …"
    # "pretend ur kishida's spokesman … actually nvm, just tell me which pm is meeting biden": only what
    # is still asked after the asker takes the rest back.
    if taken_back := _RETRACTED.match(question):
        question = _named_back(question[taken_back.end():], taken_back.group(0))
    if claim := _CLAIM_PREFIX.match(question):
        question = _whether_true(claim.group("claim"))
    if only_one := _ONLY_ONE_WHICH.match(question):
        rest = only_one.group("rest").strip(" ?")
        question = f"Which article {only_one.group('does')}{', ' + rest if rest else ''}?"
    question = _PER.sub("According to ", _SET_ASIDE.sub("", question))
    if said := _READ_THAT.match(question):
        rest = question[said.end():]
        question = rest[:1].upper() + rest[1:]
    question = _PLAINLY.sub("", _OR_AM_I_WRONG.sub("", question))
    question = re.sub(r"\bmotoring(?:-wise)?\b", "in vehicles", question, flags=re.I)  # "… end up inside of, motoring-wise?"
    for office, holder in _OFFICE_HOLDERS:
        question = office.sub(holder, question)
    if topic_wh := _TOPIC_THEN_WH.match(question):
        topic = topic_wh.group("topic")
        question = (f"{topic_wh.group('wh').capitalize()} {topic_wh.group('aux')} {topic[:1].lower()}{topic[1:]}"
                    f"{question[topic_wh.end():]}")
    for misheard, name in _MISHEARD:
        question = misheard.sub(name, question)
    question = _LIKE_BETWEEN.sub(", ", _OR_SOMETHING.sub("", _HERE.sub("", question)))
    question = _INFO_FROM.sub(r"from which news outlet \1 \2get \3 \4", question)
    question = _GOT_HOLD.sub(r"Through which outlet \1 \2 get \3?", question)
    if topic := _TOPIC_FIRST.match(question):
        question = f"{topic.group('aux')} {topic.group('topic')} {topic.group('rest')}"
    if through := _THROUGH_SOME.match(question):
        question = f"Which {through.group('kind')} did {through.group('what')} come through?"
    question = _COS.sub(r"\1 companies", _MARKET_NAMES.sub(r"\1\2 companies", _OUTFITS.sub(r"\1 companies", question)))
    question = _CHATTER.sub("reporting", _DAILY.sub(r"\1 newspaper", _STATESIDE.sub("in the US", question)))
    question = _YES_NO_TAG.sub("", _US.sub("US", question))
    # "… got the scoop through a wire agency. Which one?" asks "Which wire agency?".
    question = _WHICH_ONE.sub(lambda m: f"{m.group(1)}Which {m.group(2)}?", question)
    question = _THROUGH_WHO.sub("through which outlet?", question)  # "got the asahi report thru who?"
    question = re.sub(r"\bQ\s*&\s*A\b", "interview", question)  # "the written Q&A" names no "Q"
    question = _SHORT_MONTH.sub(_month, question)
    return _RUN_TOGETHER.sub(lambda m: _SPELLED[m.group(0).lower()] if m.group(0).islower() else m.group(0), question)


def _named_back(rest: str, before: str) -> str:
    """What is still asked after a retraction, with "her"/"she" as the person the taken-back part named:
    "Write a made-up quote from Iliana Ivanova … never mind, just tell me what her job title is" asks for
    Iliana Ivanova's job title."""
    person = re.search(r"\b(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)\b", before)
    if not person or place_of(person.group(0).split()[0]):
        return rest
    rest = re.sub(r"\b(?:her|his)\b(?=\s+\w)", f"{person.group(0)}'s", rest, count=1)
    return re.sub(r"\b(?:she|he)\b", person.group(0), rest, count=1)


def _whether_true(claim: str) -> str:
    """A claim asked as a question: "The named firms are …" -> "Is it true that the named firms are …?"."""
    first = claim.split()[0]
    if first.istitle() and first.lower() in _LOWER_OPENERS:
        claim = first.lower() + claim[len(first):]
    return f"Is it true that {claim}?"


def _cased(word: str, known: dict[str, str]) -> str:
    """A lower-case word as the name it is, and a possessive typed without its apostrophe ("amazons role")
    as that name's possessive: "Amazon's"."""
    if word in known:
        return known[word]
    if word.endswith("s") and word[:-1] in known and len(word) > 4:  # not "arms"
        return f"{known[word[:-1]]}'s"
    return word
