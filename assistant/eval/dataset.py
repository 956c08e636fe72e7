"""The evaluation dataset: YAML or JSONL cases with Ragas-compatible field names, checked on load.

A case has ``id``, ``kind``, ``user_input`` (the question, Ragas' name), ``reference`` (the reference
answer), ``required_facts`` (regexes, matched case-insensitively, that a correct answer must all
contain), ``evidence`` (verbatim strings of the article files that answer it), ``reference_contexts``,
``article`` (file names), ``answerable`` and, for multi-turn cases, ``turns`` (earlier questions).
Any problem is one `AssistantError` line naming the file, the case and the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError

FIELDS = {"id", "kind", "user_input", "reference", "required_facts", "evidence", "reference_contexts",
          "article", "answerable", "turns"}
# Ragas columns an exported sample may carry; they describe a run, not the case, and are ignored.
IGNORED = {"response", "retrieved_contexts", "multi_responses", "rubrics", "reference_tool_calls"}
_LIST_FIELDS = ("required_facts", "evidence", "reference_contexts", "article", "turns")


@dataclass(frozen=True)
class EvalCase:
    """One evaluation case, validated."""

    id: str
    kind: str
    user_input: str
    answerable: bool
    reference: str = ""
    required_facts: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    reference_contexts: tuple[str, ...] = ()
    article: tuple[str, ...] = ()
    turns: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "user_input": self.user_input, "answerable": self.answerable,
                "reference": self.reference, "required_facts": list(self.required_facts),
                "evidence": list(self.evidence), "reference_contexts": list(self.reference_contexts),
                "article": list(self.article), "turns": list(self.turns)}


def _fail(where: str, message: str) -> AssistantError:
    return AssistantError(f"{where}: {message}; fix the dataset.")


def _string_list(value: Any, name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(where, f"{name} must be a list of strings")
    return tuple(value)


def parse_case(raw: Any, where: str) -> EvalCase:
    """Validate one raw mapping into an `EvalCase`; ``where`` prefixes every error message."""
    if not isinstance(raw, dict):
        raise _fail(where, f"a case must be a mapping of fields, not {type(raw).__name__}")
    unknown = set(raw) - FIELDS - IGNORED
    if unknown:
        raise _fail(where, f"unknown field(s) {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(FIELDS))})")
    case_id = raw.get("id")
    if not isinstance(case_id, str | int) or not str(case_id).strip():
        raise _fail(where, "every case needs a non-empty id")
    where = f"{where} (id {case_id})"
    question = raw.get("user_input")
    if not isinstance(question, str) or not question.strip():
        raise _fail(where, "user_input (the question) must be a non-empty string")
    kind = raw.get("kind", "default")
    if not isinstance(kind, str) or not kind.strip():
        raise _fail(where, "kind must be a non-empty string")
    answerable = raw.get("answerable", True)
    if not isinstance(answerable, bool):
        raise _fail(where, f"answerable must be true or false, not {answerable!r}")
    reference = raw.get("reference", "")
    if not isinstance(reference, str):
        raise _fail(where, "reference must be a string")
    lists = {name: _string_list(raw.get(name), name, where) for name in _LIST_FIELDS}
    for i, pattern in enumerate(lists["required_facts"]):
        try:
            re.compile(pattern, re.I)
        except re.error as exc:
            raise _fail(where, f"required_facts[{i}] {pattern!r} is not a valid regex ({exc})") from None
    if not answerable and lists["required_facts"]:
        raise _fail(where, "an unanswerable case (answerable: false) cannot have required_facts")
    if any(not e.strip() for e in lists["evidence"]):
        raise _fail(where, "evidence strings must not be empty")
    return EvalCase(id=str(case_id), kind=kind.strip(), user_input=question.strip(), answerable=answerable,
                    reference=reference, required_facts=lists["required_facts"], evidence=lists["evidence"],
                    reference_contexts=lists["reference_contexts"] or lists["evidence"], article=lists["article"],
                    turns=lists["turns"])


def _raw_cases(path: Path, text: str) -> list[tuple[str, Any]]:
    if path.suffix.lower() == ".jsonl":
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append((f"{path}:{n}", json.loads(line)))
            except json.JSONDecodeError as exc:
                raise _fail(f"{path}:{n}", f"not valid JSON ({exc.msg})") from None
        return rows
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise _fail(f"{path}{line}", f"not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    if isinstance(data, dict):
        data = data.get("cases")
    if not isinstance(data, list):
        raise _fail(str(path), "expected a list of cases (or a mapping with a 'cases' list)")
    return [(f"{path} case {i + 1}", raw) for i, raw in enumerate(data)]


def load_dataset(path: str | Path) -> list[EvalCase]:
    """Load and validate a dataset file (``.yaml``/``.yml`` or ``.jsonl``). Raises `AssistantError`."""
    path = Path(path)
    if not path.is_file():
        raise AssistantError(f"The dataset {path} does not exist; give a .yaml or .jsonl file with --dataset.")
    if path.suffix.lower() not in {".yaml", ".yml", ".jsonl"}:
        raise AssistantError(f"The dataset {path} is not .yaml, .yml or .jsonl; convert it or rename it.")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AssistantError(f"The dataset {path} cannot be read ({exc}); check the file.") from None
    cases = [parse_case(raw, where) for where, raw in _raw_cases(path, text)]
    if not cases:
        raise _fail(str(path), "the dataset has no cases")
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise _fail(str(path), f"the id {case.id} is used by more than one case")
        seen.add(case.id)
    return cases


def select_cases(cases: list[EvalCase], kinds: Iterable[str] | None = None, limit: int | None = None) -> list[EvalCase]:
    """Filter by kind, then take ``limit`` cases spread round-robin over the kinds (in dataset order).

    The spread makes a small ``--limit`` run still cover every kind.
    """
    if kinds:
        wanted = [k.strip() for k in kinds if k.strip()]
        known = sorted({c.kind for c in cases})
        missing = [k for k in wanted if k not in known]
        if missing:
            raise AssistantError(f"Unknown kind(s) {', '.join(missing)}; the dataset has: {', '.join(known)}.")
        cases = [c for c in cases if c.kind in wanted]
    if limit is None or limit >= len(cases):
        return list(cases)
    if limit < 1:
        raise AssistantError(f"--limit must be at least 1, not {limit}.")
    by_kind: dict[str, list[EvalCase]] = {}
    for case in cases:
        by_kind.setdefault(case.kind, []).append(case)
    chosen: set[str] = set()
    round_ = 0
    while len(chosen) < limit:
        for group in by_kind.values():
            if round_ < len(group) and len(chosen) < limit:
                chosen.add(group[round_].id)
        round_ += 1
    return [c for c in cases if c.id in chosen]
