"""Tiny inline SVG charts (no scripts, no external assets): a bar chart and a histogram."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def bar_chart(labels: Sequence[str], values: Sequence[float | None], *, title: str, width: int = 640,
              height: int = 260, max_value: float = 1.0, percent: bool = True) -> str:
    """Vertical bars, one per label, on a 0..max_value axis; None draws an empty slot marked "n/a"."""
    left, right, top, bottom = 44, 12, 40, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(1, len(labels))
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<title>{escape(title)}</title>',
             f'<text x="{left}" y="16" class="chart-title">{escape(title)}</text>']
    for i in range(5):
        frac = i / 4
        y = top + plot_h * (1 - frac)
        tick = f"{frac * max_value * 100:.0f}%" if percent else _fmt(frac * max_value)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{tick}</text>')
    for i, (label, value) in enumerate(zip(labels, values)):
        x = left + i * slot + slot * 0.15
        w = slot * 0.7
        cx = x + w / 2
        if value is None:
            parts.append(f'<text x="{cx:.1f}" y="{top + plot_h - 6:.1f}" class="tick" text-anchor="middle">n/a</text>')
        else:
            h = plot_h * max(0.0, min(value, max_value)) / max_value
            shown = f"{value * 100:.0f}%" if percent else _fmt(value)
            cls = "bar" if not percent else ("bar good" if value >= 0.8 else "bar ok" if value >= 0.5 else "bar bad")
            parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{w:.1f}" height="{h:.1f}" class="{cls}">'
                         f'<title>{escape(label)}: {shown}</title></rect>')
            parts.append(f'<text x="{cx:.1f}" y="{top + plot_h - h - 4:.1f}" class="value" text-anchor="middle">{shown}</text>')
        parts.append(f'<text x="{cx:.1f}" y="{top + plot_h + 16:.1f}" class="tick" text-anchor="end" '
                     f'transform="rotate(-30 {cx:.1f} {top + plot_h + 16:.1f})">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def histogram_bins(values: Sequence[float], bins: int = 12) -> list[tuple[float, float, int]]:
    """(low, high, count) for equal-width bins from 0 to the largest value (last bin closed)."""
    if not values:
        return []
    top = max(values)
    if top <= 0:
        return [(0.0, 0.0, len(values))]
    step = top / bins
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int(v / step))] += 1
    return [(i * step, (i + 1) * step, c) for i, c in enumerate(counts)]


def histogram(values: Sequence[float], *, title: str, unit: str = "s", bins: int = 12,
              marks: dict[str, float] | None = None, width: int = 640, height: int = 240) -> str:
    """A histogram of ``values`` with optional vertical marks (e.g. p50, p95)."""
    left, right, top, bottom = 44, 28, 28, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    data = histogram_bins(values, bins)
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<title>{escape(title)}</title>',
             f'<text x="{left}" y="16" class="chart-title">{escape(title)}</text>']
    if not data:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="tick">no data</text></svg>')
        return "".join(parts)
    most = max(c for _, _, c in data) or 1
    span = data[-1][1] or 1.0
    bar_w = plot_w / len(data)
    for i in range(3):
        count = math.ceil(most * i / 2)
        y = top + plot_h * (1 - count / most)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{count}</text>')
    for i, (low, high, count) in enumerate(data):
        h = plot_h * count / most
        x = left + i * bar_w
        parts.append(f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                     f'class="bar"><title>{low:.2f}–{high:.2f} {unit}: {count}</title></rect>')
    for i in range(0, len(data) + 1, max(1, len(data) // 4)):
        x = left + i * bar_w
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 16:.1f}" class="tick" text-anchor="middle">'
                     f'{i * span / len(data):.2f}{unit}</text>')
    for name, value in (marks or {}).items():
        x = left + plot_w * min(value, span) / span
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" class="mark">'
                     f'<title>{escape(name)} {value:.2f}{unit}</title></line>')
    if marks:
        legend = ", ".join(f"{name} {value:.2f}{unit}" for name, value in marks.items())
        parts.append(f'<text x="{width - right}" y="16" class="mark-label" text-anchor="end">dashed: {escape(legend)}</text>')
    parts.append("</svg>")
    return "".join(parts)
