"""The `assistant` command: a thin layer over the SDK. Heavy imports happen inside each command."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.types import Answer


def _assistant(**overrides: object) -> Assistant:
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    return Assistant(load_settings(**overrides))


def _print_answer(answer: Answer) -> None:
    print(answer.text)
    if answer.citations:
        print()
        for c in answer.citations:
            meta = ", ".join(x for x in (c.source, c.date) if x)
            print(f"[{c.n}] {c.title}{f' ({meta})' if meta else ''}")
            print(f"    “{c.quote}”")


def cmd_ingest(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    assistant = Assistant(load_settings(), auto_ingest=False)
    report = assistant.ingest(args.paths or None)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        print(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
              f"removed {report.removed}; {report.chunks} chunks in the index")
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    settings = load_settings()
    if settings.llm == "local" and not settings.llm_model:
        from assistant.bundled_model import bundled_model_path

        print(f"model: {bundled_model_path(settings.model_dir)} (SHA-256 verified)")
    assistant = Assistant(settings, auto_ingest=False)  # exports the ONNX embedding model on first run
    if settings.embedder == "onnx":
        from assistant.embeddings import onnx_model_path

        print(f"embedder: {onnx_model_path(settings)} (ONNX Runtime, exported from the bundled weights)")
    report = assistant.ingest() if settings.articles_dir.is_dir() else None
    if report is not None:
        print(f"index: {report.chunks} chunks from {report.added + report.updated + report.unchanged} articles")
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    assistant = Assistant(load_settings(), auto_ingest=False)
    rows = [{"article_id": a.article_id, "title": a.title, "source": a.source, "date": a.date, "path": a.path}
            for a in assistant.articles()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['article_id']}  {r['date'] or '-':10}  {r['source'] or '-':12}  {r['title']}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    assistant = _assistant()
    answer = assistant.ask(args.question, articles=args.article or None, sources=args.source or None,
                           since=args.since, until=args.until)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_answer(answer)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from assistant.types import Answer

    assistant = _assistant()
    conversation = assistant.chat()
    print("Ask about the articles. Empty line or Ctrl-D to quit; /new starts over.")
    while True:
        try:
            question = input("you> ").strip()
        except EOFError:
            print()
            return 0
        if not question:
            return 0
        if question == "/new":
            conversation.reset()
            continue
        try:
            print("assistant> ", end="", flush=True)
            final = None
            for piece in conversation.stream(question):
                if isinstance(piece, Answer):
                    final = piece
                else:
                    print(piece, end="", flush=True)
            print("\n")
            if final is not None:
                print("verified:")
                _print_answer(final)
                print()
        except AssistantError as exc:
            print(f"\nerror: {exc}", file=sys.stderr)


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    from assistant.server.app import serve
    from assistant.server.auth import exposure_warning
    from assistant.settings import load_settings

    # Said before the models load (tens of seconds), so an exposed bind is flagged at once.
    warning = exposure_warning(args.host, load_settings())
    if warning:
        print(warning, file=sys.stderr, flush=True)
    serve(_assistant(), host=args.host, port=args.port, warned=True)
    # Everything is stopped and flushed; tearing down torch, Chroma and Gradio modules adds 5-10 s for nothing.
    logging.shutdown()
    sys.stdout.flush()
    os._exit(0)


def cmd_eval(args: argparse.Namespace) -> int:
    import assistant.eval as evaluation

    if args.compare:
        comparison = evaluation.compare_runs(*args.compare)
        print(json.dumps(comparison, ensure_ascii=False, indent=2) if args.json else evaluation.format_comparison(comparison))
        return 0
    if args.suite:
        return _eval_suite(args)
    kinds = [k for k in args.kinds.split(",") if k.strip()] if args.kinds else None
    result = evaluation.evaluate(args.dataset, out=args.out, limit=args.limit, kinds=kinds,
                                 thresholds=args.thresholds, judge=args.judge)
    if args.json:
        print(json.dumps(result.summary, ensure_ascii=False, indent=2))
    else:
        print(evaluation.text_summary(result.summary, result.out_dir))
    if not result.passed:
        print(f"error: eval gate failed: {'; '.join(result.summary['gate']['failures'])} "
              f"(thresholds: {result.summary['gate']['thresholds']})", file=sys.stderr)
        return 1
    return 0


def _eval_suite(args: argparse.Namespace) -> int:
    """`assistant eval --suite FILE`: every gate of the suite in this process, one line each, exit 1 if any failed."""
    from pathlib import Path

    from assistant.eval.runner import default_out_dir
    from assistant.eval.suite import load_suite, run_suite

    if args.dataset or args.thresholds or args.limit or args.kinds:
        raise AssistantError("--suite takes its datasets and thresholds from the suite file; drop --dataset, "
                             "--thresholds, --limit and --kinds.")
    gates = load_suite(args.suite)
    out = Path(args.out) if args.out else default_out_dir()
    results = run_suite(gates, out, judge=args.judge)
    failed = [(g, r) for g, r in zip(gates, results, strict=True) if not r.passed]
    if args.json:
        print(json.dumps({g.name: r.summary for g, r in zip(gates, results, strict=True)}, ensure_ascii=False, indent=2))
    else:
        for gate, result in zip(gates, results, strict=True):
            s = result.summary
            print(f"{gate.name}: {s['n_cases']} cases, accuracy {s['accuracy']:.3f}, "
                  f"gate {'passed' if result.passed else 'FAILED'}")
        print(f"{len(gates) - len(failed)} of {len(gates)} gates passed; runs written to {out}/")
    if failed:
        print("error: eval gate failed: " + " | ".join(f"{g.name}: {'; '.join(r.summary['gate']['failures'])}"
                                                      for g, r in failed), file=sys.stderr)
        return 1
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant
    from assistant.settings import load_settings

    report = Assistant(load_settings(), auto_ingest=False).remove(args.article_ids)
    print(json.dumps(report.to_dict()) if args.json else f"removed {report.removed}; {report.chunks} chunks in the index")
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from assistant.feedback import export_feedback
    from assistant.settings import load_settings

    n = export_feedback(load_settings(), args.file)
    print(f"{n} ratings written to {args.file}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from assistant.bench import run_bench

    return run_bench(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Cited answers from news articles, offline.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="add or update articles (default: the bundled articles/)")
    p.add_argument("paths", nargs="*", help="article files (.txt, .md, .html) or folders")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("prepare", help="join and verify the bundled model, ingest the bundled articles")
    p.set_defaults(func=cmd_prepare)

    p = sub.add_parser("articles", help="list the ingested articles (id, date, source, title)")
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("ask", help="one cited answer")
    p.add_argument("question")
    p.add_argument("--article", action="append", metavar="ARTICLE_ID", help="only search these articles (repeatable)")
    p.add_argument("--source", action="append", metavar="SOURCE", help="only articles from this publisher (repeatable)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only articles dated on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only articles dated on or before this day")
    p.add_argument("--json", action="store_true", help="print Answer.to_dict() as JSON")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="multi-turn chat in the terminal")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("eval", help="run the evaluation dataset, write a report, check the quality gate")
    p.add_argument("--dataset", metavar="FILE", help="cases as .yaml or .jsonl (default: evals/dataset.yaml)")
    p.add_argument("--out", metavar="DIR", help="run folder (default: evals/runs/<timestamp>/)")
    p.add_argument("--json", action="store_true", help="print summary.json (or the comparison) as JSON")
    p.add_argument("--limit", type=int, metavar="N", help="only N cases, spread over the kinds")
    p.add_argument("--kinds", metavar="K1,K2", help="only these kinds of cases (comma-separated)")
    p.add_argument("--thresholds", metavar="FILE", help="the gate's minimums (default: evals/thresholds.yaml)")
    p.add_argument("--judge", choices=("auto", "offline", "llm"), default="auto",
                   help="citation judge: auto = llm when ASSISTANT_LLM=openai, else offline")
    p.add_argument("--suite", metavar="FILE",
                   help="run every gate of a suite file (e.g. evals/gates.yaml) in one process; --out is their parent")
    p.add_argument("--compare", nargs=2, metavar=("RUN_A", "RUN_B"), help="metric deltas and flipped cases of two runs")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("remove", help="remove articles from the index by id (see `assistant articles`)")
    p.add_argument("article_ids", nargs="+", metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("feedback", help="the answers' ratings from the web UI")
    fb = p.add_subparsers(dest="action", required=True)
    e = fb.add_parser("export", help="write every rating (question, answer, citations, comment) to a file")
    e.add_argument("file", help="FILE.jsonl or FILE.csv (the suffix picks the format)")
    e.set_defaults(func=cmd_feedback)

    p = sub.add_parser("bench", help="the performance benchmark: ingest, retrieval, answers, vs stock LlamaIndex")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--sizes", default="1000,10000", metavar="N1,N2",
                   help="corpus sizes in chunks (default 1000,10000)")
    p.add_argument("--large", action="store_true", help="also 100000 chunks (about an hour on 2 cores)")
    p.add_argument("--out", metavar="DIR", help="where results and the chart go (default: bench/runs/<timestamp>/)")
    p.add_argument("--no-stock", action="store_true", help="skip the stock LlamaIndex comparison")
    p.add_argument("--no-llm", action="store_true", help="skip time to first token with the local model")
    p.add_argument("--queries", type=int, default=50, metavar="N", help="queries per corpus size (default 50)")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("serve", help="web chat UI at / and the OpenAI-compatible API at /v1, on one local port")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: nothing was committed, the index is as it was.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
