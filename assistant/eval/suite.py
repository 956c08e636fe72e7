"""A suite of gates: many datasets, each against its own thresholds, run by one process on one assistant.

`make test` gates on seventy-odd sets. One ``assistant eval`` process per set paid the start-up (imports,
index, embedder) every time, about half of each set's time; a suite pays it once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from assistant.errors import AssistantError
from assistant.eval.report import write_run
from assistant.eval.runner import RunResult, run_eval

if TYPE_CHECKING:
    from assistant.assistant import Assistant

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Gate:
    """One dataset of a suite and the thresholds it must meet; ``name`` names its run folder."""

    name: str
    dataset: Path
    thresholds: Path


def load_suite(path: str | Path) -> list[Gate]:
    """Read a suite file: ``gates:``, a list of ``{dataset: FILE, thresholds: FILE}`` (paths relative to the suite
    file's folder) with an optional ``name:`` for the run folder (default: the dataset's stem).

    Raises `AssistantError` naming the problem: a missing file, a malformed entry, a repeated name.
    """
    path = Path(path)
    if not path.is_file():
        raise AssistantError(f"The suite file {path} does not exist; fix --suite.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise AssistantError(f"The suite file {path} is not valid YAML ({exc}); fix it.") from None
    entries = data.get("gates") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise AssistantError(f"The suite file {path} needs a non-empty `gates:` list; see evals/gates.yaml.")
    base = path.resolve().parent
    gates: list[Gate] = []
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("dataset"), str) \
                or not isinstance(entry.get("thresholds"), str):
            raise AssistantError(f"Gate {i} of {path} needs `dataset:` and `thresholds:` file names; fix it.")
        dataset, thresholds = base / entry["dataset"], base / entry["thresholds"]
        for what, file in (("dataset", dataset), ("thresholds", thresholds)):
            if not file.is_file():
                raise AssistantError(f"Gate {i} of {path}: the {what} file {file} does not exist; fix the suite.")
        name = str(entry.get("name") or dataset.stem)
        if any(g.name == name for g in gates):
            raise AssistantError(f"Gate {i} of {path} repeats the name {name!r}; give it another `name:`.")
        gates.append(Gate(name, dataset, thresholds))
    return gates


def run_suite(gates: list[Gate], out: str | Path, *, assistant: Assistant | None = None,
              **options: Any) -> list[RunResult]:
    """Run every gate on one assistant (built from the environment's settings unless given), writing each run
    to ``out/<name>/``. All gates run even when one fails, so one report shows every failure."""
    if assistant is None:
        from assistant.assistant import Assistant

        assistant = Assistant()
    results: list[RunResult] = []
    for gate in gates:
        result = run_eval(gate.dataset, thresholds=gate.thresholds, assistant=assistant, progress=False, **options)
        result.out_dir = Path(out) / gate.name
        write_run(result.out_dir, result.rows, result.summary, result.ragas)
        log.info("gate %s: %s", gate.name, "passed" if result.passed else "FAILED")
        results.append(result)
    return results
