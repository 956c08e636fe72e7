"""The quality gate: minimums (and optional maximums) per summary metric from ``evals/thresholds.yaml``.

Format::

    min:                  # every mode
      hit_rate: 0.95
    max:
      judge_errors: 0
    modes:                # extra or overriding limits for one ASSISTANT_LLM mode
      extractive:
        min:
          answer_accuracy: 0.5

A metric that is None in the run (nothing to measure, e.g. refusal precision of a run without
refusals) is skipped, not failed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError


def _limits(section: Any, where: str) -> dict[str, dict[str, float]]:
    if section is None:
        return {"min": {}, "max": {}}
    if not isinstance(section, dict) or set(section) - {"min", "max", "modes"}:
        raise AssistantError(f"{where} must hold 'min' and/or 'max' mappings of metric: number; fix the thresholds file.")
    out: dict[str, dict[str, float]] = {}
    for op in ("min", "max"):
        values = section.get(op) or {}
        if not isinstance(values, dict):
            raise AssistantError(f"{where}.{op} must map metric names to numbers; fix the thresholds file.")
        for name, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise AssistantError(f"{where}.{op}.{name} must be a number, not {value!r}; fix the thresholds file.")
        out[op] = {str(k): float(v) for k, v in values.items()}
    return out


def load_thresholds(path: str | Path, mode: str) -> dict[str, dict[str, float]]:
    """The ``{"min": {...}, "max": {...}}`` limits that apply to ``mode``. Raises `AssistantError`."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"The thresholds file {path} cannot be read ({exc}); fix it or pass --thresholds.") from None
    if not isinstance(data, dict):
        raise AssistantError(f"The thresholds file {path} must be a mapping with 'min' / 'max' / 'modes'; fix it.")
    limits = _limits(data, str(path))
    modes = data.get("modes") or {}
    if not isinstance(modes, dict):
        raise AssistantError(f"{path}: 'modes' must map mode names to limits; fix the thresholds file.")
    override = _limits(modes.get(mode), f"{path} modes.{mode}")
    return {op: {**limits[op], **override[op]} for op in ("min", "max")}


def check_gate(summary: dict[str, Any], limits: dict[str, dict[str, float]], source: str = "") -> dict[str, Any]:
    """Compare the summary with the limits: ``{"passed", "thresholds", "checks", "failures"}``."""
    checks = []
    for op, values in limits.items():
        for metric, threshold in values.items():
            if metric not in summary or isinstance(summary[metric], dict | list | str):
                raise AssistantError(f"The thresholds name {metric!r}, which is not a summary metric; fix {source or 'the thresholds'}.")
            value = summary[metric]
            if value is None:
                passed: bool | None = None
            else:
                passed = value >= threshold if op == "min" else value <= threshold
            checks.append({"metric": metric, "op": ">=" if op == "min" else "<=", "threshold": threshold,
                           "value": value, "passed": passed})
    failures = [f"{c['metric']} {c['value']} {'<' if c['op'] == '>=' else '>'} {c['threshold']}"
                for c in checks if c["passed"] is False]
    return {"passed": not failures, "thresholds": source, "checks": checks, "failures": failures}
