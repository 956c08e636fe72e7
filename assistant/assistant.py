"""`Assistant`: wires settings into the store, retriever, verifier and generator, and answers."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.answer_types import (
    agreement,
    article_meta_question,
    article_references,
    article_topic,
    asked_about,
    asks_every_article,
    asks_manner,
    asks_summary,
    asks_to_confirm,
    asks_topic,
    asks_yes_or_no,
    by_place,
    compares_articles,
    expected_kind,
    first_question,
    has_question_word,
    lacking_article_part,
    manners_of,
    month_days,
    one_not_other,
    other_month,
    own_words,
    second_question,
    shared_story,
    stated_premise,
    which_article,
    which_is_which,
    year_of_day,
    yes_no_form,
)
from assistant.catalog import Catalog
from assistant.embeddings import Embedder
from assistant.errors import AssistantError
from assistant.grounding import (
    REFUSAL_TEXT,
    Evidence,
    Extraction,
    Verifier,
    article_label,
    content_words,
    denies,
    is_refusal,
    not_mentioned_in,
    requested_question,
)
from assistant.ingest.chunk import split_sentences
from assistant.ingest.pipeline import Ingestor, Progress
from assistant.llm import Generator, Message, build_generator
from assistant.names import expand_names, place_of, places_in
from assistant.normalize import cased_names, searched, truecase
from assistant.offline import ensure_offline
from assistant.prompts import Prompts
from assistant.retrieve import Hit, Retriever
from assistant.settings import Settings, load_settings
from assistant.types import Answer, Article, Citation, IngestReport, spelled_date
from assistant.vectors import VectorStore

log = logging.getLogger(__name__)
# Each article's best sentence for a question about what each says may sit lower than a whole answer must
# (0.30): the topic is known to be asked, and a long sentence carries it in one clause ("…, though specific
# sources were not cited"). Measured over the seven eval sets: 0.30 -> 0.20 gained three cases, lost none.
PER_ARTICLE_MIN_RELEVANCE = 0.20
# "What are the articles about?" over a large collection: the leads of this many articles its search found.
MAX_SUMMARISED = 5

MAX_QUESTION_CHARS = 2000
_UNSET: Any = object()


def _catalog_path(settings: Settings) -> Path:
    # One catalog per vector backend, so switching between embedded and server never mixes them.
    if not settings.chroma_url:
        return settings.index_dir / "catalog.sqlite"
    key = re.sub(r"[^A-Za-z0-9]+", "-", settings.chroma_url.split("://", 1)[-1]).strip("-")
    return settings.index_dir / f"catalog-{key}-{settings.collection}.sqlite"


def _sentences_of(text: str) -> list[str]:
    """The sentences of ``text``."""
    return [text[s:e] for s, e in split_sentences(text)]


def _titled(phrase: str, labels: list[tuple[str, str, str | None, str | None]]) -> list[str]:
    """The ids of the articles whose titles have every content word of ``phrase`` ("alliance")."""
    words = content_words(phrase)
    return [aid for aid, title, _, _ in labels if words and words <= content_words(title or "")]


def _with_year(question: str, text: str, citations: list[Citation]) -> str:
    """The answer to "in what year …" with the year a cited day falls in, from its article's date ("April 10"
    in a piece dated March 31, 2024 is April 10, 2024), when the answer gives no year."""
    if re.search(r"\b(?:19|20)\d{2}\b", re.sub(r"“[^”]*”", " ", text)):
        return text
    for c in citations:
        day = year_of_day(question, c.quote, c.date)
        if day:
            return f"{text} That is {day}: the article that gives the day is dated {spelled_date(c.date)}. [{c.n}]"
    return text


def _naming(source: str) -> re.Pattern[str]:
    """How a question names an article by its source, in any case: "according to menafn", "in the MENAFN
    piece", "What does MENAFN say ..."."""
    name = re.escape(source)
    return re.compile(rf"\b(?:according to|per|reported by|in|from)\s+(?:the\s+)?{name}\b(?:\s+(?:article|piece|story|report))?,?"
                      # "Does the MENAFN piece also cover …": the article as the subject.
                      rf"|\b(?:the\s+)?{name}\s+(?:article|piece|story|report|write-up|one)\b"
                      rf"|\b{name}(?:'s? (?:article|piece|story|report)|(?=\s+(?:says?|said|reports?|reported|writes?"
                      rf"|wrote|mentions?|mentioned|claims?|claimed)\b))", re.I)


class Assistant:
    """Answers questions about the ingested articles, citing the chunk behind every sentence.

    ``Assistant()`` reads settings from the environment (and ``assistant.toml``) and ingests the bundled
    articles when the index is empty. Collaborators can be passed in (tests pass fakes).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        vectors: VectorStore | None = None,
        generator: Generator | None = _UNSET,
        auto_ingest: bool = True,
    ) -> None:
        ensure_offline()
        self.settings = settings or load_settings()
        self.catalog = Catalog(_catalog_path(self.settings))
        if embedder is None:
            from assistant.embeddings import build_embedder

            embedder = build_embedder(self.settings)
        self.embedder = embedder
        if vectors is None:
            from assistant.vectors import ChromaVectors

            vectors = ChromaVectors(self.settings.collection, path=self.settings.index_dir / "chroma",
                                    url=self.settings.chroma_url or None)
        self.vectors = vectors
        self._generator = generator  # built on first use: loading a model takes seconds
        # One answer at a time through an in-process model; servers (concurrent generators) skip it.
        self._model_lock = threading.Lock()
        self._names_of: dict[str, dict[str, str]] = {}  # article content hash -> its cased names
        self.prompts = Prompts(self.settings.prompts_dir)
        self.retriever = Retriever(self.catalog, self.vectors, self.embedder, self.settings.rrf_k)
        self.verifier = Verifier(self.embedder, self.settings.min_support)
        self.ingestor = Ingestor(self.catalog, self.vectors, self.embedder, self.settings)
        if auto_ingest and self.catalog.chunk_count() == 0 and self.settings.articles_dir.is_dir():
            self.ingest()

    @property
    def generator(self) -> Generator | None:
        if self._generator is _UNSET:
            self._generator = build_generator(self.settings)
        return self._generator

    # --- documents -------------------------------------------------------------------------------

    def ingest(self, paths: Sequence[str | Path] | None = None, progress: Progress | None = None) -> IngestReport:
        """Add or update articles from files or folders (default: the bundled ``articles/``). Idempotent.

        ``progress(stage, done, total)`` is called as files are read and chunks embedded.
        """
        targets = [Path(p) for p in paths] if paths else [self.settings.articles_dir]
        return self.ingestor.run(targets, progress)

    def remove(self, article_ids: list[str]) -> IngestReport:
        """Remove articles (by id) from the index; unknown ids are an error and nothing is removed."""
        return self.ingestor.remove(article_ids)

    def articles(self) -> list[Article]:
        """Every ingested article, with its cleaned text."""
        return self.catalog.articles()

    def article(self, article_id: str) -> Article | None:
        """One ingested article by id, or None."""
        return self.catalog.article(article_id)

    def _articles_named_in(self, question: str) -> list[str] | None:
        """The articles a question names ("According to MENAFN, ...": that source's; "in the alliance
        article": the one article whose title has "alliance"), so only they are searched; None otherwise."""
        sources, titles = article_references(question)
        # Only ids, titles and sources are read: "in Japan" looks like a source too, on many questions.
        labels = self.catalog.labels()
        # A source named in lower case ("according to menafn") is still that source, and so is one that
        # speaks ("What does MENAFN say about the EU?": the MENAFN article's answer, not the other's).
        sources += [source for _, _, source, _ in labels if source and _naming(source).search(question)]
        if not (sources or titles):
            return None
        for name in sources + titles:  # "the MENAFN piece" names its source too
            by_source = [aid for aid, _, source, _ in labels if source and source.lower() == name.lower()]
            if by_source:
                return by_source
        for phrase in titles:
            by_title = _titled(phrase, labels)
            if len(by_title) == 1:
                return by_title
        return None

    def _article_by_article(self, question: str, hits: list[Hit]) -> Extraction | None:
        """For a question about what each article says: the best sentence of every retrieved article, each
        searched on its own, named by title and source; None when not such a question or fewer than two
        articles answer."""
        # "Which of the two articles covers …, and does the other mention it?" is answered with the article
        # (Verifier.extract); "…, and how does China figure in the other one?" asks what each says.
        if not compares_articles(question) or article_meta_question(question) or (
                which_article(question) and not re.search(r"\b(?:how|what)\b[^?]*\bthe other\b", question, re.I)):
            return None
        retrieved = list({h.article.article_id: h.article for h in hits}.values())
        if (shared := shared_story(question)) and len(retrieved) > 1:
            # What each adds to the story they share: its sentences least like the other article's text.
            every = [h for a in retrieved for h in self.retriever.search(shared, 50, [a.article_id])]
            if beyond := self.verifier.beyond(shared, every):
                return beyond
        topic = article_topic(expand_names(question))  # the articles' words for the asker's, before any is stripped
        # "Which news source do both articles rely on?": each article's sentence must name one. When a second
        # question follows ("…, and does either say who its sources were?"), the topic's own kind counts.
        # "What role does China play in each of them?" asks how China figures, not what China does.
        asked_for = None if second_question(question) or (expected_kind(question) or "").startswith("role:") else question
        if asked_for and expected_kind(asked_for) is None and re.search(r"\b(?:firms?|compan(?:y|ies)|corporations)\b", question, re.I):
            asked_for = "Which companies are named?"  # "firm list match across both reports": the companies each names
        # (Only the first of two questions: "do both say the sources weren't identified, and do they agree on the
        # date?" asks each article about its sources first.)
        first = first_question(question) if second_question(question) else question
        wants_day = expected_kind(first) == "date" or bool(re.search(r"\b(?:date|day)\b", first, re.I))
        if wants_day and agreement(question, ["April 10", "April 10"]):
            asked_for = "On what date is it?"  # "do the 2 articles agree on the meeting date": each one's day
        # A place the topic names ("How does each article tie its story to China?") is in each article's sentence
        # when one of its best five has it: the place fewest retrieved sentences name, for a question that
        # also names the two the whole story is about ("a China-related angle beyond the US-Japan deal").
        told = [s for h in hits for s in _sentences_of(h.chunk.text)]
        named = sorted(places_in(topic), key=lambda p: sum(p in places_in(s) for s in told))
        places = set(named[:1])
        parts: list[str] = []
        citations: list[Citation] = []
        for article in retrieved:
            others = [a for a in retrieved if a.article_id != article.article_id]
            if not_mentioned_in(others, [article], question):
                continue  # it never mentions a name asked about that another article has: no sentence of its answers
            found = self.verifier.extract(topic, self.retriever.search(topic, self.settings.top_k, [article.article_id]),
                                          5, PER_ARTICLE_MIN_RELEVANCE, asked_for)
            if found.refused or not found.citations:
                continue
            # "both stories same summit date?": the sentence with the day ("April 10"), not "next month".
            dated = [c for c in found.citations if month_days(c.quote)] if wants_day else []
            best = next((c for c in found.citations if places & places_in(c.quote)), (dated or found.citations)[0])
            citation = replace(best, n=len(citations) + 1)
            parts.append(f"{article_label(citation.title, citation.source)}: “{citation.quote}” [{citation.n}]")
            citations.append(citation)
        if len(citations) < 2:
            return None
        if verdict := agreement(question, [c.quote for c in citations]):
            parts.insert(0, verdict)
        elif yes_no_form(question) or re.search(r"\b(?:do|does|did|are|is)\s+(?:they\s+|the two\s+)?both\b", question, re.I):
            parts.insert(0, "Both articles speak to this:")  # "Do the two articles give the same date ...?", "... - do both say …?"  # "Do the two articles give the same date ...?"
        return Extraction(" ".join(parts), citations, False, "", "", settled=True)

    def _summary(self, question: str, articles: list[str] | None, hits: list[Hit]) -> Extraction | None:
        """For "What are the articles about?", "Summarize the story": each article's lead, the sentence a news
        story opens with to say what it is about (`Verifier.leads`); None when not such a question. With
        many articles, those the question's search found."""
        if not asks_summary(question):
            return None
        ids = articles or [aid for aid, *_ in self.catalog.labels()]
        if len(ids) > MAX_SUMMARISED:
            ids = list(dict.fromkeys(h.article.article_id for h in hits))[:MAX_SUMMARISED]
        opening = []
        for aid in ids:
            chunk, article = self.catalog.first_chunk(aid), self.catalog.article(aid)
            if chunk and article:
                opening.append(Hit(chunk=chunk, article=article, score=1.0, dense=None, keyword=None))
        return self.verifier.leads(opening)

    def _one_not_other(self, question: str) -> Extraction | None:
        """For "What does the alliance one cover that the MENAFN one doesn't?": the first article's sentences
        least like the second's text (`Verifier.beyond`); None when not such a question or either article is
        not named clearly."""
        pair = one_not_other(question)
        if not pair:
            return None
        labels = self.catalog.labels()

        def called(phrase: str) -> str | None:
            by_source = [aid for aid, _, source, _ in labels if source and re.search(rf"\b{re.escape(source)}\b", phrase, re.I)]
            found = list(dict.fromkeys(by_source + _titled(phrase, labels)))
            return found[0] if len(found) == 1 else None

        one, other = called(pair[0]), called(pair[1])
        ids = [aid for aid, *_ in labels]
        if len(ids) == 2 and (one or other) and not (one and other) and re.search(r"\b(?:other|another)\b", pair[1] if one else pair[0]):
            # "What does the MENAFN piece add that the other article doesn't?": of two, the other is the rest.
            known = one or other
            rest = next(i for i in ids if i != known)
            one, other = (known, rest) if one else (rest, known)
        if len(ids) == 2 and not one and not other and by_place(pair[0]) and by_place(pair[1]):
            # "what does the second one talk about that the first one doesn't?": which is first is the asker's
            # reading order, which nothing here knows; what each has that the other lacks answers either way.
            return self.verifier.beyond("", self.retriever.search(question, 50, ids))
        if not one or not other or one == other:
            return None
        hits = self.retriever.search(question, 50, [one, other])
        return self.verifier.beyond("", hits, only=one)

    def _which_is_which(self, question: str, hits: list[Hit]) -> Extraction | None:
        """For "One article covers X and the other Y. Which is which?": each topic given to the article whose
        best sentence for it is closest (the two articles take one topic each), quoted under its title and
        source; None when not such a question or fewer than two articles are retrieved."""
        topics = which_is_which(question)
        retrieved = list({h.article.article_id: h.article for h in hits}.values())
        if not topics or len(retrieved) < 2:
            return None
        best: dict[tuple[int, str], Citation] = {}
        for t, topic in enumerate(topics):
            # "Europe" is searched as "EU": the articles write "the European Union (EU)", never "Europe".
            topic = " ".join(place_of(w) or w for w in topic.split())
            for article in retrieved:
                found = self.verifier.extract(topic, self.retriever.search(topic, self.settings.top_k, [article.article_id]),
                                              1, PER_ARTICLE_MIN_RELEVANCE)
                if not found.refused and found.citations:
                    best[t, article.article_id] = found.citations[0]
        pairs = [(a.article_id, b.article_id) for a in retrieved for b in retrieved
                 if a.article_id != b.article_id and (0, a.article_id) in best and (1, b.article_id) in best]
        if not pairs:
            return None
        one, other = max(pairs, key=lambda p: best[0, p[0]].score + best[1, p[1]].score)
        parts, citations = [], []
        for n, (topic, article_id) in enumerate(zip(topics, (one, other)), 1):
            citation = replace(best[n - 1, article_id], n=n)
            citations.append(citation)
            parts.append(f"{article_label(citation.title, citation.source)} covers {topic}: “{citation.quote}” [{n}]")
        return Extraction(" ".join(parts), citations, False, "", "", settled=True)

    def _both(self, first: str, second: str, articles: list[str] | None) -> Extraction | None:
        """The answers to two questions asked in one, the second's citations numbered after the first's; None
        unless the first is settled without a model and the second is answered by another sentence."""
        hits = self.retriever.search(first, self.settings.top_k, articles)
        one = (None if articles else self._article_by_article(first, hits)) or self.verifier.extract(first, hits)
        two = self.verifier.extract(second, self.retriever.search(second, self.settings.top_k, articles),
                                    kind_of=own_words(second))
        if not one.settled or one.refused or two.refused or {c.quote for c in two.citations} <= {c.quote for c in one.citations}:
            return None
        n = len(one.citations)
        text = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + n}]", two.text)
        return one._replace(text=f"{one.text} {text}", citations=[*one.citations, *(replace(c, n=c.n + n) for c in two.citations)])

    def _and_the_second(self, question: str, articles: list[str] | None, text: str,
                        citations: list[Citation]) -> tuple[str, list[Citation]]:
        """An answer to two questions in one, with the second's closest sentence after it when the answer
        does not quote it yet: a small model, and extraction's two sentences for the whole question, often
        answer the first and drop the second ("what newspaper do both rely on, and do either say where it
        got its info?")."""
        second = second_question(question)
        if not second:
            return text, citations
        told = next((c for c in citations if manners_of(c.quote)), None)
        if told and asks_manner(own_words(second)):
            # "… and was it a written one or spoken?": the cited sentence that says how ("a written interview").
            if manners_of(told.quote) <= manners_of(re.sub(r"“[^”]*”", " ", text)):
                return text, citations
            return f"{text} The articles also say: “{told.quote}” [{told.n}]", citations
        # The second part is a clause's worth of question: one clause of a long sentence may carry it, so the
        # per-article bar applies ("does either identify that paper's sources?": 0.295).
        more = self.verifier.extract(second, self.retriever.search(second, self.settings.top_k, articles), 1,
                                     PER_ARTICLE_MIN_RELEVANCE, kind_of=own_words(second))
        if more.refused:
            return text, citations
        cited = next((c for c in citations if c.quote == more.citations[0].quote), None)
        if cited:
            # Cited already, but the answer may still drop what the second part asks: "… and what kind of
            # interview it was?" answered with "She spoke to the Business Daily [1]", where [1] says "written
            # interview". The sentence is quoted when the answer lacks a word the two share.
            wanted = content_words(second) & content_words(cited.quote)
            if wanted <= content_words(re.sub(r"\[\d+\]", " ", text)):
                return text, citations
            return f"{text} The articles also say: “{cited.quote}” [{cited.n}]", citations
        best = replace(more.citations[0], n=len(citations) + 1)
        return f"{text} {best.quote} [{best.n}]", [*citations, best]

    def _premise_corrected(self, question: str, hits: list[Hit], text: str, citations: list[Citation],
                           refused: bool, articles: list[str] | None = None,
                           named: Extraction | None = None) -> tuple[str, list[Citation], bool]:
        """An answer to a question that states a claim first ("Given the summit is on April 20 in Tokyo,
        …", "Ivanova is Japan's economy minister right? …"), led by "The articles do not say that …" and
        the sentence closest to the claim, cited, when no retrieved passage supports the claim and it
        brings a name, a number or an event none of them has (`Verifier.false_claim`). A refusal stays one
        unless the question only asks to confirm the claim; then the correction is the answer."""
        premise = stated_premise(question)
        # ``named``: the extraction whose note ("The articles do not mention Xi Jinping.") may lead the text.
        note, absent = (named.note, named.absent) if named else ("", ())
        if (premise and absent and text.startswith(note) and text[len(note):].strip() and not asks_to_confirm(question)
                and all(n in premise for n in absent)):
            # "Since Kishida is meeting Chinese President Xi Jinping on April 10, what …?": the name is not all
            # that is false; the whole claim is named below, with what the articles say instead. (A claim only
            # to confirm, "Google … will join, right?", is answered; naming the absent names suffices.)
            text = text[len(note):].lstrip()
        if not premise or (text.startswith(("The articles do not", "No: the articles do not")) and text != REFUSAL_TEXT):
            return text, citations, refused  # no claim, or a false one already named ("do not mention Google")
        # The claim is checked against the passages retrieved for it too: the question's may not hold the
        # sentence that gives the summit's date, and a date they lack is not thereby false.
        seen = {h.chunk.chunk_id for h in hits}
        hits = [*hits, *(h for h in self.retriever.search(premise, self.settings.top_k, articles) if h.chunk.chunk_id not in seen)]
        if not self.verifier.false_claim(premise, hits):
            return text, citations, refused
        opener = premise.split(" ", 1)[0]
        if opener in ("The", "A", "An", "This", "That", "It", "Its", "Their", "These", "Those"):
            premise = opener.lower() + premise[len(opener):]  # "… do not say that the visit is on April 12th"
        lead = f"The articles do not say that {premise}"
        said = self.verifier.closest(premise, hits)
        if text == REFUSAL_TEXT:
            if said and asks_to_confirm(question):
                # "Confirm for my headline: 'Biden and Kishida SIGNED an AI chip pact on April 10.'": no,
                # and what they do say is the answer.
                return f"{lead}; they say: “{said.quote}” [1]", [said], False
            # Otherwise a refusal stays one ("Since they signed a treaty in March, what were its terms?"):
            # the claim is named, with what the articles do say about it.
            if not said:
                return f"{lead}.", [], True
            return f"{lead}. The closest they come: “{said.quote}” [1]", [said], True
        if not said:
            return f"{lead}. {text}", citations, refused
        cited = next((c for c in citations if c.quote == said.quote), None)
        if cited:
            # The answer cites that sentence already: it is quoted all the same, so the reader sees what the
            # articles say instead ("… the EU Commissioner for Innovation and Research …").
            return f"{lead}; they say: “{said.quote}” [{cited.n}] {text}", citations, refused
        shifted = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + 1}]", text)
        return (f"{lead}; they say: “{said.quote}” [1] {shifted}",
                [said, *(replace(c, n=c.n + 1) for c in citations)], refused)

    def _with_dated_year(self, question: str, text: str, citations: list[Citation],
                         hits: list[Hit]) -> tuple[str, list[Citation]]:
        """`_with_year`, and when the cited day comes from an undated article, the same day in a dated one,
        cited after the rest ("which month and year is the meeting?": US News gives April 10 but no date;
        MENAFN gives it too, dated 2024-03-31)."""
        dated = _with_year(question, text, citations)
        if dated != text:
            return dated, citations
        days = {d for c in citations for d in month_days(c.quote)}
        other = self.verifier.closest(question, [h for h in hits if h.article.date]) if days else None
        if other is None or not month_days(other.quote) & days:
            return text, citations
        other = replace(other, n=len(citations) + 1)
        dated = _with_year(question, text, [other])
        return (dated, [*citations, other]) if dated != text else (text, citations)

    def _only_one_covers(self, question: str, named: list[str]) -> Extraction | None:
        """For "What does the first article cover that the MENAFN one doesn't mention at all?": the place the
        other article names and the named one never does, with the other's sentence about it; None when
        not such a question, when the named article is the one that covers, or when no place tells them apart."""
        lacking_words = lacking_article_part(question)
        everything = self.articles()
        lacking = [a for a in everything if a.article_id in named]
        covering = [a for a in everything if a.article_id not in named]
        if lacking_words is None or not lacking or not covering or not any(
                _naming(a.source).search(lacking_words) for a in lacking if a.source):
            return None
        lacked = set().union(*(places_in(f"{a.header()} {a.text}") for a in lacking))
        for article in covering:
            extra = places_in(f"{article.header()} {article.text}") - lacked
            if not extra:
                continue
            place = sorted(extra)[0]
            found = self.verifier.extract(place, self.retriever.search(place, self.settings.top_k, [article.article_id]), 5)
            naming = [c for c in found.citations if place in places_in(c.quote)]
            if found.refused or not naming:
                continue
            # The article's first sentence on it introduces it ("Japan and the EU are gearing up to …").
            quote = replace(min(naming, key=lambda c: c.quote_start), n=1)
            the = f"the {place}" if place in ("EU", "US", "UK") else place
            # Two sentences: the covering article's, cited, and the absence, which no passage can show.
            text = (f"{article_label(quote.title, quote.source)} covers {the}: “{quote.quote}” [1] "
                    f"{article_label(lacking[0].title, lacking[0].source)} does not mention {the}.")
            return Extraction(text, [quote], False, "", "", settled=True)
        return None

    def _elsewhere(self, question: str, named: list[str]) -> Extraction | None:
        """For a question about what a named article says of something ("Does the MENAFN piece say anything
        about the Japan-EU talks?"): when that article never mentions a name the question asks about and
        another article does, say so, and quote the other article's best sentence; None otherwise."""
        everything = self.articles()
        # "According to MENAFN, what does the EU want to reduce?" asks about the EU too; the other articles
        # are searched for what it asks, without the source it names.
        topic = " ".join(asked_about(question))
        if not topic:
            topic = question
            for source in {a.source for a in everything if a.source}:
                topic = _naming(source).sub(" ", topic)
            topic = " ".join(topic.split()).strip(" ,")
        inside = [a for a in everything if a.article_id in named]
        others = [a for a in everything if a.article_id not in named]
        lines = not_mentioned_in(others, inside, question)
        if not lines:
            return None
        # The other articles are searched for the topic alone: they are not the one the question names.
        found = self.verifier.extract(topic, self.retriever.search(topic, self.settings.top_k,
                                                                     [a.article_id for a in others]), 1)
        if found.refused or not found.citations:
            return Extraction(" ".join(lines), [], True, "absent", "", settled=True)
        citation = found.citations[0]
        lines.append(f"{article_label(citation.title, citation.source)} does: “{citation.quote}” [{citation.n}]")
        return Extraction(" ".join(lines), [citation], False, "", "", settled=True)

    def select_articles(self, articles: list[str] | None = None, sources: list[str] | None = None,
                        since: str | None = None, until: str | None = None) -> list[str] | None:
        """Article ids matching every given filter (ids, sources, ISO date range); None when unfiltered."""
        if not (articles or sources or since or until):
            return None
        from datetime import date

        for name, value in (("since", since), ("until", until)):
            if value:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise AssistantError(f"{name}={value!r} is not a date; write it as YYYY-MM-DD.") from None
        wanted_sources = {s.lower() for s in sources or []}
        chosen = [
            a.article_id for a in self.catalog.articles()
            if (not articles or a.article_id in articles)
            and (not wanted_sources or (a.source or "").lower() in wanted_sources)
            and (not since or (a.date is not None and a.date >= since))
            and (not until or (a.date is not None and a.date <= until))
        ]
        if not chosen:
            raise AssistantError("No ingested article matches that filter; list the articles' ids, sources and"
                                 " dates with `assistant articles`.")
        return chosen

    # --- answering -------------------------------------------------------------------------------

    def _check_question(self, question: str) -> str:
        # Lone surrogates (bytes that were not UTF-8) and control characters (terminal escapes) carry
        # nothing a question needs, and the tokenizer and JSON encoders reject the former.
        question = question.encode("utf-8", "replace").decode("utf-8")
        question = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in question)
        question = " ".join(question.split())
        if not question:
            raise AssistantError("The question is empty; ask something about the articles.")
        if len(question) > MAX_QUESTION_CHARS:
            raise AssistantError(f"The question is {len(question)} characters long; keep it under {MAX_QUESTION_CHARS}.")
        return question

    def _cased_names(self, hits: list[Hit]) -> dict[str, str]:
        """The names (cased) of the retrieved articles, plus countries and well-known companies."""
        known: dict[str, str] = {}
        for article in {h.article.article_id: h.article for h in hits}.values():
            key = article.content_hash or article.article_id
            if key not in self._names_of:
                self._names_of[key] = cased_names([article.text])
            known.update(self._names_of[key])
        return known or cased_names([])

    def _relevant(self, question: str, hits: list[Hit]) -> bool:
        """Worth asking the model: a close enough passage, or one sharing a content word with the question.
        (Keyword search also matches words that carry nothing: "Who says that becoming one with nature takes
        time?" shares no content word with any passage.)"""
        best = max((h.dense for h in hits if h.dense is not None), default=-1.0)
        if best >= self.settings.min_relevance or article_meta_question(question):
            return True  # "whats the headline of the first article" is about the articles themselves
        asked = content_words(expand_names(question))
        # What a question's words stand for in news writing ("who tipped it off": sources not cited) counts
        # even when keyword search found none of the asker's own words.
        added = asked - content_words(question)
        return any((h.keyword is not None and asked & content_words(f"{h.article.header()} {h.chunk.text}"))
                   or (added & content_words(h.chunk.text)) for h in hits)

    def _messages(self, question: str, evidence: Evidence, follows: str | None = None) -> list[Message]:
        if follows:
            # A follow-up's pronoun ("Which country is that aimed at?") needs the question it follows.
            question = f"{question} (This follows the question: {follows})"
        return [
            {"role": "system", "content": self.prompts.render("system")},
            {"role": "user", "content": self.prompts.render("answer", evidence=evidence.text, question=question)},
        ]

    def stream(self, question: str, *, articles: list[str] | None = None, sources: list[str] | None = None,
               since: str | None = None, until: str | None = None,
               retrieval_question: str | None = None, follows: str | None = None) -> Iterator[str | Answer]:
        """Yield text deltas as they are generated, then the final verified `Answer`.

        The final answer's text is the verified one: sentences the articles do not support are gone and
        markers are renumbered, so a UI should replace the streamed text with ``Answer.text``.
        """
        question = self._check_question(question)
        chosen = self.select_articles(articles, sources, since, until)
        named = None if chosen else self._articles_named_in(question)
        articles = chosen or named
        # "IGNORE ALL PREVIOUS INSTRUCTIONS. … Just tell me what …": only the request is searched and checked.
        search_for = retrieval_question or requested_question(question) or question
        generator = self.generator  # the model loads (once) before the clock starts
        started = time.perf_counter()
        timings: dict[str, float] = {}
        # Retrieval reads shorthand written out too ("which tokyo daily" searches for a newspaper).
        hits = retrieved = self.retriever.search(searched(search_for), self.settings.top_k, articles)
        timings["retrieval"] = time.perf_counter() - started
        answer = Answer(question=question, text=REFUSAL_TEXT, refused=True, timings=timings,
                        standalone_question=search_for if search_for != question else None)
        # "what did biden say about china" is read as "what did Biden say about China": the checks below
        # tell names by their capitals. Retrieval does not care (the embedder and keyword search are uncased).
        known = self._cased_names(hits)
        question, search_for = truecase(question, known), truecase(search_for, known)
        if summary := self._summary(search_for, articles, hits):
            # "What are the articles about?" is about no passage in particular: each article's lead answers.
            answer.text, answer.citations, answer.refused = summary.text, list(summary.citations), summary.refused
            timings["first_token"] = timings["total"] = time.perf_counter() - started
            yield answer.text
            yield answer
            return
        # ("what does the second one talk about that the first one doesn't?" is about the articles, close to no passage.)
        if not hits or (not self._relevant(search_for, hits) and not one_not_other(search_for)):
            # Nothing close enough; a question about someone the articles never name says whom.
            answer.text = (self.verifier.absent_refusal(search_for, hits) if hits else None) or REFUSAL_TEXT
            timings["total"] = time.perf_counter() - started
            yield answer.text
            yield answer
            return
        # The extractive answer costs milliseconds and decides two things in every mode: when no retrieved
        # sentence carries the asked-for kind of fact, or the question is about names the articles never
        # mention, the articles do not say, and the model is not asked; when the model's verified answer
        # is a refusal although a sentence answers, that quoted sentence is the answer (see README, Model
        # choice). A question no sentence is close enough to still goes to the model: it may paraphrase
        # the articles ("the Brussels official" for the EU commissioner), and its answer is verified. A
        # question about an article itself (its date, source, title) is settled by the catalog.
        t = time.perf_counter()
        covered = self._one_not_other(search_for) or (
            (self._only_one_covers(search_for, named) or self._elsewhere(search_for, named)) if named else None)
        paired = None if covered else self._which_is_which(search_for, hits)
        extracted = (covered or paired
                     or (None if articles else self._article_by_article(search_for, hits))
                     or self.verifier.extract(search_for, hits))
        if (extracted.settled and not extracted.refused and extracted is not paired
                and (second := second_question(search_for))):
            # Two questions in one ("Which article covers the EU talks, and which one discusses export
            # curbs?"), the first settled from the catalog or by naming an article: each answered on its own.
            extracted = self._both(first_question(search_for), second, articles) or extracted
        elif extracted.refused and extracted.why == "relevance" and (second := second_question(search_for)):
            # "Is the European Union angle in both stories, or just one? And who's the EU person named?": the two
            # together are close to no passage; the first, settled alone ("No, only one: …"), and the second are.
            extracted = self._both(first_question(search_for), second, articles) or extracted
        timings["extraction"] = time.perf_counter() - t
        if generator is None or (extracted.refused and extracted.why != "relevance") or extracted.settled:
            text, citations, refused = extracted[:3]
            if not refused and not extracted.settled:
                text, citations = self._and_the_second(search_for, articles, text, citations)
            timings["first_token"] = time.perf_counter() - started
            yield text
        else:
            t = time.perf_counter()
            evidence = self.verifier.select_evidence(search_for, hits, self.settings.evidence_words)
            hits = evidence.hits
            timings["evidence"] = time.perf_counter() - t
            t = time.perf_counter()
            parts: list[str] = []
            with nullcontext() if getattr(generator, "concurrent", True) else self._model_lock:
                for delta in generator.stream(self._messages(question, evidence, follows)):
                    if not parts:
                        timings["first_token"] = time.perf_counter() - started
                    parts.append(delta)
                    yield delta
            timings["generation"] = time.perf_counter() - t
            raw = "".join(parts)
            log.debug("raw answer: %s", raw)
            t = time.perf_counter()
            text, citations, refused = self.verifier.verify(raw, hits, question)
            # "so japan also agree to stop sell chips to china like US?" has no "does", but the model's "Yes, …"
            # tells it was read as yes or no. (Not "… on april 20, this is correct date?": the sentence with the
            # right day answers that.)
            yes_or_no = asks_yes_or_no(question) or bool(
                re.match(r"\W*(?:yes|no)\b", raw, re.I) and question.rstrip().endswith("?") and not has_question_word(question)
                and not month_days(question))
            # (Unless extraction corrects a name the articles never mention: "… is Shinzo Abe?" gets "The articles do
            # not mention Shinzo Abe." and the sentence naming Kishida, whatever the model said.)
            if (refused and yes_or_no and raw.strip() and not is_refusal(raw) and not asks_topic(search_for)
                    and not (extracted.citations and denies(search_for, extracted.citations[0].quote))
                    and not (extracted.absent and not extracted.refused)
                    # Extraction's sentences answer when they quote each article a question about both asks of ("do
                    # both name same tech firms for ai r&d framework": the model's "mentioned in both articles" is
                    # about them, not in them), or name another month than the question ("Is the framework set to
                    # launch in June?": "as early as April" says no).
                    and not (not extracted.refused and extracted.citations and (
                        (asks_every_article(search_for) and len({c.article_id for c in extracted.citations}) > 1)
                        or other_month(search_for, extracted.citations[0].quote)))):
                # The model claimed something the passages do not support. For most questions the sentence
                # closest to the question still answers it in the article's words; whether something is so
                # ("Will the statement include quantum computing?") is not answered by a sentence about it,
                # unless it says it is not so ("the exact sources ... are undisclosed").
                text, citations, refused = REFUSAL_TEXT, [], True
            elif refused:
                text, citations, refused = extracted[:3]
                guided = None if extracted.refused else self.verifier.guided(search_for, raw, hits)
                if guided and guided.quote not in {c.quote for c in citations}:
                    # The model's draft, unsupported as worded, may still point at the sentence that answers:
                    # that sentence first, then the one closest to the question.
                    citations = [guided, replace(citations[0], n=2)]
                    text = " ".join([*([extracted.note] if extracted.note else []),
                                     *(f"{c.quote} [{c.n}]" for c in citations)])
            elif not extracted.refused and (
                    (missing := self.verifier.misses_kind(search_for, text, citations, extracted.citations))
                    or self.verifier.off_target(search_for, citations, extracted.citations)):
                # True, but without the asked-for kind of fact that a retrieved sentence states (a date, a
                # name), or built on sentences much further from the question than extraction's best: the
                # model may have read the wrong passage, or seen what word overlap misses. Both stand, the
                # sentence with that fact, or else the closest one, quoted after the model's answer.
                best = replace(missing or extracted.citations[0], n=len(citations) + 1)
                text = f"{text} The articles also say: “{best.quote}” [{best.n}]"
                citations = [*citations, best]
            elif extracted.note:
                text = f"{extracted.note} {text}"  # the false premise is named, whoever answers the rest
            if not refused:
                text, citations = self._and_the_second(search_for, articles, text, citations)
            timings["verification"] = time.perf_counter() - t
            answer.draft = raw
        if not refused:
            text, citations = self._with_dated_year(search_for, text, citations, retrieved)
            if (before := self.verifier.antecedent(text, citations, hits, search_for)) is not None:
                # "a declaration" says less than the sentence "This declaration" points back to: it is quoted.
                text, citations = f"{text} The articles also say: “{before.quote}” [{before.n}]", [*citations, before]
        if not refused or text == REFUSAL_TEXT:
            text, citations, refused = self._premise_corrected(search_for, retrieved, text, citations, refused, articles, extracted)
        timings["total"] = time.perf_counter() - started
        answer.text, answer.citations, answer.refused = text, citations, refused
        yield answer

    def ask(self, question: str, *, articles: list[str] | None = None, sources: list[str] | None = None,
            since: str | None = None, until: str | None = None) -> Answer:
        """One cited answer. The filters restrict retrieval to articles with those ids, those sources
        (publishers, case-insensitive) or dates in ``since``..``until`` (ISO, inclusive)."""
        final: Answer | None = None
        for piece in self.stream(question, articles=articles, sources=sources, since=since, until=until):
            if isinstance(piece, Answer):
                final = piece
        assert final is not None
        return final

    def chat(self) -> Any:
        """A conversation whose follow-up questions are resolved with its history."""
        from assistant.chat import Conversation

        return Conversation(self)
