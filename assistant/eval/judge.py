"""Pluggable "does this passage support this sentence?" judges, and their agreement with hand labels.

- `OfflineJudge` (the default): the assistant's own support score (`Verifier.support`: half lexical,
  half semantic with the bundled embedder, halved per number or name the passage lacks) against the
  ``min_support`` setting. It is the scorer the verifier uses, so with a generator it mostly checks
  that verification did its job; its agreement with hand labels says how far to trust it.
- `LLMJudge` (``ASSISTANT_LLM=openai``, or ``--judge llm``): asks the generator with
  ``prompts/judge.txt`` for one word, SUPPORTED or NOT_SUPPORTED. A reply that cannot be parsed is a
  judge error: counted, reported, and never a pass.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import yaml

from assistant.errors import AssistantError
from assistant.eval import metrics
from assistant.ingest.chunk import split_sentences
from assistant.types import Article, Chunk

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.grounding import Verifier
    from assistant.llm import Generator
    from assistant.prompts import Prompts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Passage:
    """A cited passage: a chunk's text and its article's header fields."""

    text: str
    title: str = ""
    source: str | None = None
    date: str | None = None
    chunk_id: str = ""
    article_id: str = ""

    def header(self) -> str:
        """The article header exactly as the assistant shows it (`Article.header`)."""
        return self.article().header()

    def article(self) -> Article:
        return Article(self.article_id or "judge", "", self.title, "", self.source, self.date)


@dataclass(frozen=True)
class Verdict:
    """A judge's answer. ``error`` set means no verdict: it counts as not supported."""

    supported: bool
    score: float | None = None
    error: str | None = None


class Judge(Protocol):
    """Decides whether ``passages`` (together) support ``sentence``."""

    name: str

    def judge(self, sentence: str, passages: Sequence[Passage]) -> Verdict: ...


class _Cached:
    """Remembers verdicts: the same (sentence, passages) question is asked once per run."""

    name = "cached"

    def __init__(self) -> None:
        self._cache: dict[tuple[str, tuple[tuple[str, str], ...]], Verdict] = {}
        self.errors = 0

    def judge(self, sentence: str, passages: Sequence[Passage]) -> Verdict:
        """The verdict for ``sentence`` against ``passages``, from the cache when asked before."""
        key = (sentence, tuple((p.header(), p.text) for p in passages))
        if key not in self._cache:
            verdict = self._judge(sentence, passages)
            if verdict.error:
                self.errors += 1
                log.warning("judge error: %s", verdict.error)
            self._cache[key] = verdict
        return self._cache[key]

    def _judge(self, sentence: str, passages: Sequence[Passage]) -> Verdict:
        raise NotImplementedError


class OfflineJudge(_Cached):
    """Support = `Verifier.support` (the best passage), supported when it reaches ``min_support``."""

    def __init__(self, verifier: Verifier, threshold: float | None = None) -> None:
        super().__init__()
        self.verifier = verifier
        self.threshold = verifier.min_support if threshold is None else threshold
        self.name = f"offline (Verifier.support >= {self.threshold:g})"

    def prepare(self, pairs: Sequence[tuple[str, Sequence[Passage]]]) -> None:
        """Embed every sentence and passage sentence of ``pairs`` in one batch (the verifier caches them)."""
        texts = [s for s, _ in pairs] + [p.text[a:b] for _, ps in pairs for p in ps for a, b in split_sentences(p.text)]
        self.verifier.embed(list(dict.fromkeys(texts)))

    def score(self, sentence: str, passage: Passage) -> float:
        """The support score in [0, 1] that ``passage`` gives ``sentence``."""
        from assistant.retrieve import Hit

        chunk = Chunk(passage.chunk_id or "judge", passage.article_id or "judge", 0, 0, len(passage.text), passage.text)
        hit = Hit(chunk, passage.article(), 0.0, None, None)
        sents = [(s, e, passage.text[s:e]) for s, e in split_sentences(passage.text)]
        vecs = self.verifier.embed([sentence] + [t for _, _, t in sents])
        value, _ = self.verifier.support(sentence, hit, vecs[0], sents, vecs[1:])
        return value

    def _judge(self, sentence: str, passages: Sequence[Passage]) -> Verdict:
        best = max((self.score(sentence, p) for p in passages), default=0.0)
        return Verdict(best >= self.threshold, round(best, 4))


_LABELS = {"SUPPORTED": True, "NOT_SUPPORTED": False, "UNSUPPORTED": False}


def parse_verdict(reply: str) -> bool | None:
    """SUPPORTED -> True, NOT_SUPPORTED -> False; None when the reply is not one clear label.

    Accepted: the label alone or in a short reply (at most 5 words: "Answer: **NOT SUPPORTED**."), or a
    reply that starts with the label and never names the other one. Everything else (empty, hedged,
    both labels, "I cannot tell whether it is supported") is unparseable.
    """
    text = re.sub(r"\bNOT[\s_-]+SUPPORTED\b", "NOT_SUPPORTED", reply.upper())
    tokens = re.findall(r"[A-Z_]+", text)
    found = {_LABELS[t] for t in tokens if t in _LABELS}
    if len(found) != 1:
        return None
    if len(tokens) <= 5 or tokens[0] in _LABELS:
        return found.pop()
    return None


class LLMJudge(_Cached):
    """Asks a generator with ``prompts/judge.txt`` for SUPPORTED or NOT_SUPPORTED."""

    def __init__(self, generator: Generator, prompts: Prompts) -> None:
        super().__init__()
        self.generator = generator
        self.prompts = prompts
        self.prompts.template("judge")  # a missing template fails now, not on the first sentence
        self.name = f"llm ({generator.name})"

    def _judge(self, sentence: str, passages: Sequence[Passage]) -> Verdict:
        passage = "\n\n".join(f"({p.header()}) {p.text}" if p.header() else p.text for p in passages)
        prompt = self.prompts.render("judge", sentence=sentence, passage=passage)
        try:
            reply = "".join(self.generator.stream([{"role": "user", "content": prompt}]))
        except AssistantError as exc:
            return Verdict(False, error=f"judge call failed: {exc}")
        label = parse_verdict(reply)
        if label is None:
            return Verdict(False, error=f"unparseable judge reply {reply.strip()[:80]!r}")
        return Verdict(label)


def build_judge(assistant: Assistant, kind: str = "auto") -> Judge:
    """``auto``: the LLM judge when ``ASSISTANT_LLM=openai``, else the offline judge."""
    if kind not in {"auto", "offline", "llm"}:
        raise AssistantError(f"Unknown judge {kind!r}; use auto, offline or llm.")
    if kind == "auto":
        kind = "llm" if assistant.settings.llm == "openai" else "offline"
    if kind == "offline":
        return OfflineJudge(assistant.verifier)
    generator = assistant.generator
    if generator is None:
        raise AssistantError("The LLM judge needs a generator; set ASSISTANT_LLM=openai (or local), or use --judge offline.")
    return LLMJudge(generator, assistant.prompts)


# --- agreement with hand labels --------------------------------------------------------------------


@dataclass(frozen=True)
class JudgeLabel:
    """A hand label: does ``passage`` support ``sentence``?"""

    sentence: str
    passage: Passage
    supported: bool
    note: str = ""


def load_judge_labels(path: str | Path) -> list[JudgeLabel]:
    """Read ``evals/judge_labels.yaml`` (a ``labels`` list). Raises `AssistantError` on a bad file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"The judge labels {path} cannot be read ({exc}); fix the file.") from None
    rows = data.get("labels") if isinstance(data, dict) else data
    if not isinstance(rows, list) or not rows:
        raise AssistantError(f"The judge labels {path} need a non-empty 'labels' list; fix the file.")
    labels = []
    for i, row in enumerate(rows, 1):
        ok = (isinstance(row, dict) and isinstance(row.get("sentence"), str) and isinstance(row.get("passage"), str)
              and isinstance(row.get("supported"), bool))
        if not ok:
            raise AssistantError(f"{path} label {i}: needs sentence, passage (strings) and supported (true/false); fix it.")
        passage = Passage(row["passage"], title=str(row.get("title") or ""), source=row.get("source"), date=row.get("date"))
        labels.append(JudgeLabel(row["sentence"], passage, row["supported"], str(row.get("note") or "")))
    return labels


def judge_agreement(judge: Judge, labels: Sequence[JudgeLabel]) -> tuple[metrics.Agreement, list[dict[str, object]], int]:
    """(agreement figures, per-label rows, judge errors). An error counts as "not supported"."""
    rows: list[dict[str, object]] = []
    predictions = []
    errors = 0
    prepare = getattr(judge, "prepare", None)
    if prepare is not None:
        prepare([(label.sentence, [label.passage]) for label in labels])
    for label in labels:
        verdict = judge.judge(label.sentence, [label.passage])
        errors += verdict.error is not None
        predicted = verdict.supported and verdict.error is None
        predictions.append(predicted)
        rows.append({"sentence": label.sentence, "label": label.supported, "judged": predicted,
                     "score": verdict.score, "error": verdict.error, "note": label.note})
    return metrics.agreement([lb.supported for lb in labels], predictions), rows, errors
