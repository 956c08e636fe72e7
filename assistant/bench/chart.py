"""The benchmark's chart: retrieval latency against corpus size, ours and LlamaIndex's stock path."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def latency_chart(sizes: list[dict[str, Any]], path: Path) -> Path:
    """Draw p50/p95 retrieval latency (and our end-to-end p50) per corpus size into a PNG at ``path``."""
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit: the benchmark runs on servers too
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 4.8), dpi=110)
    try:
        xs = [s["chunks"] for s in sizes]
        series = [
            ("ours", "retrieval_p50_ms", "ours retrieval p50", "#1f6fb4", "-", "o"),
            ("ours", "retrieval_p95_ms", "ours retrieval p95", "#1f6fb4", "--", "o"),
            ("ours", "end_to_end_p50_ms", "ours end to end p50 (extractive)", "#5aa05a", "-", "s"),
            ("stock", "retrieval_p50_ms", "stock LlamaIndex retrieval p50", "#d0602b", "-", "^"),
            ("stock", "retrieval_p95_ms", "stock LlamaIndex retrieval p95", "#d0602b", "--", "^"),
        ]
        for who, key, name, color, style, marker in series:
            points = [(x, s[who][key]) for x, s in zip(xs, sizes) if s.get(who) and s[who].get(key) is not None]
            if points:
                ax.plot([p[0] for p in points], [p[1] for p in points], style, color=color, marker=marker, label=name)
        if len(set(xs)) > 1:
            ax.set_xscale("log")
            ax.minorticks_off()
        ax.set_xticks(xs)
        ax.set_xticklabels([f"{x:,}" for x in xs])
        ax.set_xlabel("corpus size (chunks as the assistant cuts them; stock indexes the same files)")
        ax.set_ylabel("latency per question (ms)")
        ax.set_ylim(bottom=0)
        ax.set_title("Retrieval latency vs corpus size")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)
    return path
