"""The web UI (Gradio Blocks), a thin layer over the SDK.

Chat tab: streamed answers whose ``[n]`` markers are clickable chips; a chip opens the cited passage
(the chunk, with the supporting quote in ``<mark>``) with the article's title, source and date in the
sources panel beside the transcript. Refusals and errors look different from answers. Every browser
session keeps its own `Conversation`; "New conversation" starts over. Thumbs up/down rate the latest
answer (`assistant.feedback`). Articles tab: list, upload, delete and re-ingest articles. Feedback
tab: export the ratings.

Safety: everything that comes from an article, a question or an answer is inserted with
``html.escape``; the only markup in the chat is the markup built here. (Gradio's ``gr.HTML`` renders
its value through ``innerHTML``, where an ``<img onerror>`` would run, so escaping is what keeps an
article from scripting the page.)
"""

from __future__ import annotations

import html
import logging
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.types import Answer, Citation

if TYPE_CHECKING:
    import gradio as gr

    from assistant.assistant import Assistant

log = logging.getLogger(__name__)

EXAMPLES = [
    "Which companies could join the AI research framework?",
    "When will Kishida meet Biden?",
    "What materials do Japan and the EU want to cooperate on?",
    "Who is the EU Commissioner for Innovation and Research?",
]
UPLOAD_TYPES = [".txt", ".md", ".html"]
STATIC = Path(__file__).parent / "static"
# Turns shown in the page (the conversation itself keeps its own, shorter history for follow-ups).
MAX_SHOWN_TURNS = 20
REFUSAL_LABEL = "Not in the articles"
_MARKER = re.compile(r"\[(\d+)\]")

# --- rendering (pure functions: strings in, escaped HTML out) -------------------------------------


@dataclass
class ChatTurn:
    """One question and what became of it: ``state`` is streaming, answered, refused or error."""

    question: str
    state: str = "streaming"
    text: str = ""
    answer: Answer | None = None


@dataclass
class ChatSession:
    """What one browser session keeps (in ``gr.State``): its conversation and the rendered turns."""

    conversation: Any
    turns: list[ChatTurn] = field(default_factory=list)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _meta(c: Citation) -> str:
    return " · ".join(_e(x) for x in (c.source, c.date) if x)


def passage_html(c: Citation) -> str:
    """The cited chunk with its supporting quote in ``<mark>``, all text escaped.

    The quote's offsets are in the article's text and the chunk starts at ``c.start`` in it; when they
    do not line up (an older index, a quote outside the chunk), the quote is looked up in the chunk,
    and failing that shown on its own.
    """
    text = c.text
    lo, hi = c.quote_start - c.start, c.quote_end - c.start
    if not (0 <= lo < hi <= len(text)) or (c.quote and text[lo:hi].strip() != c.quote.strip()):
        found = text.find(c.quote) if c.quote else -1
        lo, hi = (found, found + len(c.quote)) if found >= 0 else (-1, -1)
    lead = "… " if c.start > 0 else ""
    if lo < 0:
        quote = f"<p class='quote'><mark>{_e(c.quote)}</mark></p>" if c.quote else ""
        return f"{quote}<p class='passage'>{lead}{_e(text)}</p>"
    return (f"<p class='passage'>{lead}{_e(text[:lo])}<mark>{_e(text[lo:hi])}</mark>"
            f"{_e(text[hi:])}</p>")


def answer_html(text: str, citations: list[Citation], turn: int) -> str:
    """The answer's text, escaped, with each ``[n]`` that has a citation turned into a chip."""
    known = {c.n: c for c in citations}

    def chip(match: re.Match[str]) -> str:
        n = int(match.group(1))
        c = known.get(n)
        if c is None:
            return match.group(0)
        target = f"cite-{turn}-{n}"
        tip = _e(f"{c.title}: {c.quote}"[:300])
        return f"<a class='chip' href='#{target}' data-cite='{target}' title='{tip}'>[{n}]</a>"

    return _MARKER.sub(chip, _e(text))


def _turn_html(t: ChatTurn, i: int) -> str:
    question = f"<div class='question'><span class='who'>You</span> {_e(t.question)}</div>"
    if t.state == "error":
        body = f"<div class='error' role='alert'>⚠ {_e(t.text)}</div>"
    elif t.state == "streaming":
        body = (f"<div class='answer draft'><span class='who'>Assistant</span> "
                f"<span class='text'>{_e(t.text)}</span><span class='cursor'>▍</span></div>"
                "<div class='note'>Writing; the answer is checked against the articles when it is done.</div>")
    elif t.state == "refused":
        # A refusal may quote what the articles do say about the question ("The closest they come: ... [1]").
        cites = t.answer.citations if t.answer else []
        body = (f"<div class='answer refusal'><span class='badge'>{REFUSAL_LABEL}</span> "
                f"<span class='text'>{answer_html(t.text, cites, i)}</span></div>")
    else:
        cites = t.answer.citations if t.answer else []
        body = (f"<div class='answer'><span class='who'>Assistant</span> "
                f"<span class='text'>{answer_html(t.text, cites, i)}</span></div>")
    notes = []
    if t.answer is not None and t.answer.standalone_question:
        notes.append(f"searched for “{_e(t.answer.standalone_question)}”")
    if t.answer is not None and "total" in t.answer.timings:
        tm = t.answer.timings
        if "first_token" in tm:
            notes.append(f"first words {tm['first_token']:.1f} s")
        notes.append(f"total {tm['total']:.1f} s")
    note = f"<div class='note'>{' · '.join(notes)}</div>" if notes else ""
    return f"<section class='turn' data-turn='{i}' data-state='{t.state}'>{question}{body}{note}</section>"


def _sources_html(t: ChatTurn, i: int, current: bool) -> str:
    head = f"<h4>Sources for “{_e(t.question)}”</h4>"
    cites = t.answer.citations if t.answer and t.state in ("answered", "refused") else []
    if not cites:
        why = ("No passage of the articles supports an answer." if t.state == "refused"
               else "Waiting for the answer…" if t.state == "streaming" else "No sources.")
        items = f"<p class='empty'>{why}</p>"
    else:
        items = "".join(
            f"<details class='source' id='cite-{i}-{c.n}' data-n='{c.n}'>"
            f"<summary><span class='n'>[{c.n}]</span> <strong class='title'>{_e(c.title)}</strong>"
            f"{f' <span class=meta>{_meta(c)}</span>' if _meta(c) else ''}"
            f"<span class='preview'>“{_e(c.quote)}”</span></summary>"
            f"<div class='body'>{passage_html(c)}"
            f"<p class='ids'>article <code>{_e(c.article_id)}</code> · support {c.score:.2f}</p></div></details>"
            for c in cites
        )
    return f"<div class='source-group{' current' if current else ''}' data-turn='{i}'>{head}{items}</div>"


def render_chat(turns: list[ChatTurn]) -> str:
    """The transcript and the sources panel (each turn's citations; the latest turn's shown)."""
    if not turns:
        transcript = ("<div class='intro'>Ask a question about the articles, or pick an example below. "
                      "Every sentence of an answer cites the passage it comes from: click a "
                      "<span class='chip'>[1]</span> to read it.</div>")
        sources = "<p class='empty'>The sources of an answer appear here.</p>"
    else:
        transcript = "".join(_turn_html(t, i) for i, t in enumerate(turns))
        sources = "".join(_sources_html(t, i, i == len(turns) - 1) for i, t in enumerate(turns))
    return (f"<div class='chat'><div class='transcript' aria-live='polite'>{transcript}</div>"
            f"<aside class='sources' aria-label='Sources'><h3>Sources</h3>{sources}</aside></div>")


def public_dict(answer: Answer) -> dict[str, Any]:
    """``answer.to_dict()`` without the citations' file paths: they are the server's business, and
    gradio_client takes any dict with a ``path`` key for a file to download."""
    data = answer.to_dict()
    for c in data["citations"]:
        c.pop("path", None)
    return data


def status_html(message: str, ok: bool = True) -> str:
    """A one-line status (or error) message, escaped."""
    cls, icon = ("ok", "✓") if ok else ("error", "⚠")
    return f"<p class='status {cls}' role='{'status' if ok else 'alert'}'>{icon} {_e(message)}</p>"


# The styles of the chat component; Gradio scopes them to it. (Its template language gives `${` and
# `{{` a meaning, so neither may appear here.)
CHAT_CSS = """
.chat { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; }
@media (max-width: 900px) { .chat { grid-template-columns: 1fr; } }
.transcript { max-height: 62vh; min-height: 200px; overflow-y: auto; padding: 8px; border-radius: 8px;
  border: 1px solid var(--border-color-primary); }
.sources { max-height: 62vh; overflow-y: auto; padding: 8px 12px; border-radius: 8px;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary); }
.sources h3 { margin: 0 0 6px; font-size: 1rem; }
.sources h4 { margin: 4px 0 8px; font-size: 0.9rem; font-weight: 600; }
.turn { margin: 4px 0 14px; }
.who { font-weight: 600; margin-right: 4px; }
.question { background: var(--background-fill-secondary); padding: 8px 10px; border-radius: 8px; }
.answer { padding: 8px 10px; white-space: pre-wrap; }
.draft .text { opacity: 0.75; }
.cursor { animation: blink 1s steps(2) infinite; }
@keyframes blink { 50% { opacity: 0; } }
.refusal { border-left: 4px solid #b45309; background: rgba(245, 158, 11, 0.12); border-radius: 4px; }
.badge { display: inline-block; font-size: 0.75rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.03em; color: #fff; background: #b45309; padding: 1px 8px; border-radius: 999px;
  margin-right: 6px; }
.error { color: #b91c1c; background: rgba(239, 68, 68, 0.1); border-left: 4px solid #b91c1c;
  padding: 8px 10px; border-radius: 4px; }
.note { font-size: 0.75rem; opacity: 0.7; padding: 0 10px; }
.chip { display: inline-block; font-size: 0.75rem; font-weight: 700; line-height: 1.3; padding: 0 6px;
  margin: 0 1px; border-radius: 999px; background: #dbeafe; color: #1e40af; text-decoration: none;
  cursor: pointer; vertical-align: 1px; }
.chip:hover, .chip:focus { background: #1e40af; color: #fff; }
.source-group { display: none; }
.source-group.current { display: block; }
.source { border: 1px solid var(--border-color-primary); border-radius: 6px; margin: 0 0 8px;
  padding: 6px 8px; background: var(--background-fill-primary); }
.source.active { border-color: #1e40af; box-shadow: 0 0 0 2px #93c5fd; }
.source summary { cursor: pointer; }
.source .meta { font-size: 0.8rem; opacity: 0.8; margin-left: 4px; }
.source .preview { display: block; font-size: 0.8rem; opacity: 0.8; margin-top: 2px; }
.source[open] .preview { display: none; }
.source .passage { white-space: pre-wrap; margin: 6px 0; }
.source .ids { font-size: 0.7rem; opacity: 0.6; margin: 0; }
mark { background: #fde047; color: #111; padding: 0 2px; border-radius: 2px; }
.empty, .intro { opacity: 0.8; }
"""

# Chips open their passage in the sources panel. One listener on the component (event delegation), so
# it keeps working as the transcript is re-rendered; ids are built here from numbers only.
CHAT_JS = """
const show = (id) => {
  const entry = element.querySelector('[id="' + id + '"]');
  if (!entry) return;
  const group = entry.closest('.source-group');
  element.querySelectorAll('.source-group').forEach((g) => g.classList.toggle('current', g === group));
  element.querySelectorAll('.source.active').forEach((s) => s.classList.remove('active'));
  entry.classList.add('active');
  entry.open = true;
  entry.scrollIntoView({ block: 'nearest' });
};
element.addEventListener('click', (event) => {
  const chip = event.target.closest('a[data-cite]');
  if (!chip || !element.contains(chip)) return;
  event.preventDefault();
  show(chip.getAttribute('data-cite'));
});
watch('value', () => {
  const transcript = element.querySelector('.transcript');
  if (transcript) transcript.scrollTop = transcript.scrollHeight;
});
"""

STATUS_CSS = """
.status { margin: 4px 0; }
.status.error { color: #b91c1c; }
.status.ok { color: #166534; }
"""

# --- behaviour ------------------------------------------------------------------------------------


def _one_line(exc: BaseException) -> str:
    from assistant.server.gate import QueueFull

    if isinstance(exc, (AssistantError, QueueFull)):
        return " ".join(str(exc).split())
    return f"Something went wrong ({type(exc).__name__}); the server's log has the details. Try again."


def article_rows(assistant: Assistant) -> list[list[Any]]:
    """``[title, source, date, chunks, id]`` for every ingested article."""
    counts: dict[str, int] = {}
    with assistant.catalog.reading() as con:
        for article_id, n in con.execute("SELECT article_id, count(*) FROM chunks GROUP BY article_id"):
            counts[article_id] = int(n)
    return [[a.title, a.source or "", a.date or "", counts.get(a.article_id, 0), a.article_id]
            for a in assistant.articles()]


def _article_file(assistant: Assistant, article_id: str) -> Path:
    from assistant.settings import PROJECT_ROOT

    article = assistant.article(article_id)
    if article is None:
        raise AssistantError(f"No ingested article has the id {article_id!r}; pick one from the table.")
    path = Path(article.path)
    return path if path.is_absolute() else PROJECT_ROOT / path


def _icon(name: str) -> str | None:
    path = STATIC / name
    return str(path) if path.is_file() else None  # a plain label if the package lacks its data files


def build_ui(assistant: Assistant) -> gr.Blocks:
    """The Blocks app: Chat, Articles and Feedback tabs over ``assistant``.

    The chat's streaming endpoint is public as ``/ask`` (question in; the chat's HTML, the final
    answer's ``to_dict()`` and the cleared question box out); the other events are private.
    """
    import gradio as gr

    from assistant.feedback import FeedbackStore, feedback_path
    from assistant.server.gate import QueueFull, gate_for
    from assistant.uploads import safe_name, save_upload, uploads_dir

    feedback = FeedbackStore(feedback_path(assistant.settings))

    def respond(message: str, session: ChatSession | None) -> Iterator[tuple[Any, ...]]:
        session = session or ChatSession(assistant.chat())
        turn = ChatTurn(" ".join((message or "").split()))
        session.turns.append(turn)
        del session.turns[:-MAX_SHOWN_TURNS]
        result: dict[str, Any] | None = None
        yield render_chat(session.turns), result, session, ""
        try:
            # A slot in the queue the API shares, so ASSISTANT_MAX_QUEUE counts the page's questions too.
            with gate_for(assistant).slot():
                for piece in session.conversation.stream(message or ""):
                    if isinstance(piece, Answer):
                        turn.answer, turn.text = piece, piece.text
                        turn.state = "refused" if piece.refused else "answered"
                        result = public_dict(piece)
                    else:
                        turn.text += piece
                    yield render_chat(session.turns), result, session, ""
        except Exception as exc:  # every failure is one line in the page, never a traceback
            if not isinstance(exc, (AssistantError, QueueFull)):
                log.exception("answering %r failed", message)
            turn.state, turn.text = "error", _one_line(exc)
            yield render_chat(session.turns), result, session, ""

    def new_conversation() -> tuple[Any, ...]:
        return render_chat([]), None, None, "", "", ""

    def rate(rating: int, comment: str, session: ChatSession | None) -> tuple[str, str]:
        rated = next((t for t in reversed(session.turns) if t.answer is not None), None) if session else None
        if rated is None or rated.answer is None:
            return status_html("Ask a question first: the thumbs rate the latest answer.", ok=False), comment
        try:
            rid = feedback.add(rated.question, rated.answer.to_dict(), rating, comment)
        except AssistantError as exc:
            return status_html(str(exc), ok=False), comment
        verdict = "useful" if rating > 0 else "not useful"
        return status_html(f"Thanks: “{rated.question}” rated {verdict} (feedback #{rid} saved)."), ""

    def export_feedback_files() -> tuple[Any, str]:
        try:
            records = feedback.all()
            if not records:
                return None, status_html("No feedback yet: rate an answer in the Chat tab first.", ok=False)
            folder = Path(tempfile.mkdtemp(prefix="assistant-feedback-"))
            feedback.export_jsonl(folder / "feedback.jsonl")
            feedback.export_csv(folder / "feedback.csv")
        except AssistantError as exc:
            return None, status_html(str(exc), ok=False)
        up = sum(r["rating"] > 0 for r in records)
        return ([str(folder / "feedback.jsonl"), str(folder / "feedback.csv")],
                status_html(f"{len(records)} ratings ({up} useful, {len(records) - up} not) exported."))

    # --- articles ---

    def articles_view(message: str = "", ok: bool = True) -> tuple[Any, ...]:
        try:
            rows = article_rows(assistant)
        except Exception as exc:
            log.exception("listing articles failed")
            rows, message, ok = [], _one_line(exc), False
        choices = [(f"{r[0][:80]} ({r[4]})", r[4]) for r in rows]
        status = status_html(message, ok) if message else ""
        return rows, gr.Dropdown(choices=choices, value=None), status

    def upload(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        if not files:
            return (*articles_view("Choose one or more .txt, .md or .html files first.", ok=False), None)
        saved: list[Path] = []
        new: list[Path] = []  # files this upload created (not replaced), removed again if it fails
        try:
            for i, name in enumerate(files):
                progress((i, len(files)), desc="saving")
                target = uploads_dir(assistant.settings) / safe_name(Path(name).name)
                existed = target.exists()
                saved.append(save_upload(Path(name).name, Path(name).read_bytes(), assistant.settings))
                if not existed:
                    new.append(saved[-1])

            def step(stage: str, done: int, total: int) -> None:
                progress((done, total), desc="reading" if stage == "read" else "embedding")

            report = assistant.ingest(saved, progress=step)
        except Exception as exc:
            if not isinstance(exc, AssistantError):
                log.exception("upload failed")
            for path in new:  # the index is unchanged (ingest is atomic), so leave no stray files
                path.unlink(missing_ok=True)
            return (*articles_view(_one_line(exc), ok=False), files)
        message = (f"{len(saved)} file(s): {report.added} added, {report.updated} updated, "
                   f"{report.unchanged} unchanged; the index has {report.chunks} chunks.")
        return (*articles_view(message), None)

    def delete(article_id: str | None) -> tuple[Any, ...]:
        if not article_id:
            return articles_view("Pick an article (in the table or the list) to delete.", ok=False)
        try:
            path = _article_file(assistant, article_id)
            report = assistant.remove([article_id])
            # An uploaded file goes with its article; files elsewhere are the user's and stay.
            if path.resolve().is_relative_to(uploads_dir(assistant.settings).resolve()):
                path.unlink(missing_ok=True)
        except Exception as exc:
            if not isinstance(exc, AssistantError):
                log.exception("delete failed")
            return articles_view(_one_line(exc), ok=False)
        return articles_view(f"Deleted {article_id}; the index has {report.chunks} chunks.")

    def reingest(article_id: str | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        if not article_id:
            return articles_view("Pick an article (in the table or the list) to re-ingest.", ok=False)
        try:
            path = _article_file(assistant, article_id)
            if not path.is_file():
                raise AssistantError(f"{path} is gone; upload the article again, or delete it from the index.")

            def step(stage: str, done: int, total: int) -> None:
                progress((done, total), desc="reading" if stage == "read" else "embedding")

            report = assistant.ingest([path], progress=step)
        except Exception as exc:
            if not isinstance(exc, AssistantError):
                log.exception("re-ingest failed")
            return articles_view(_one_line(exc), ok=False)
        what = "updated" if report.updated else "added" if report.added else "unchanged (same file)"
        return articles_view(f"Re-read {path.name}: {what}; the index has {report.chunks} chunks.")

    def pick(evt: gr.SelectData) -> Any:
        row = evt.row_value or []
        return gr.Dropdown(value=row[4]) if len(row) >= 5 else gr.Dropdown()

    # Gradio finds the event-data parameter by its resolved type hint, and this module's annotations are
    # strings naming `gr`, which is imported here only (a heavy import): give it the class itself.
    pick.__annotations__["evt"] = gr.SelectData

    with gr.Blocks(title="Cited news assistant") as blocks:
        gr.Markdown("## Ask the articles\nEvery sentence of an answer cites the passage it comes from.")
        session = gr.State(None)
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                chat = gr.HTML(render_chat([]), css_template=CHAT_CSS, js_on_load=CHAT_JS, elem_id="chat")
                with gr.Row(equal_height=True):
                    box = gr.Textbox(label="Question", placeholder="Ask about the articles, then press Enter",
                                     lines=1, max_lines=4, scale=5, elem_id="question")
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    new = gr.Button("New conversation", scale=1, elem_id="new-conversation")
                gr.Examples(EXAMPLES, inputs=box, label="Examples")
                with gr.Row(equal_height=True):
                    up = gr.Button("Useful", icon=_icon("thumbs-up.svg"), size="sm", scale=1, elem_id="thumbs-up")
                    down = gr.Button("Not useful", icon=_icon("thumbs-down.svg"), size="sm", scale=1,
                                     elem_id="thumbs-down")
                    comment = gr.Textbox(show_label=False, placeholder="Optional comment on the latest answer",
                                         lines=1, scale=4, elem_id="feedback-comment")
                rated = gr.HTML("", css_template=STATUS_CSS, js_on_load=None, elem_id="feedback-status")
                with gr.Accordion("The latest answer as JSON", open=False):
                    result = gr.JSON(label="Answer.to_dict()")
            with gr.Tab("Articles", id="articles"):
                table = gr.Dataframe(headers=["title", "source", "date", "chunks", "id"],
                                     datatype=["str", "str", "str", "number", "str"], interactive=False,
                                     label="Ingested articles (select a row to pick it)", elem_id="articles-table")
                with gr.Row(equal_height=True):
                    chosen = gr.Dropdown(label="Article", choices=[], scale=4, elem_id="article-choice")
                    reread = gr.Button("Re-ingest", scale=1, elem_id="reingest")
                    remove = gr.Button("Delete", variant="stop", scale=1, elem_id="delete")
                files = gr.File(label="Upload articles (.txt, .md, .html)", file_count="multiple",
                                file_types=UPLOAD_TYPES, elem_id="upload")
                add = gr.Button("Add to the index", variant="primary", elem_id="add-articles")
                articles_status = gr.HTML("", css_template=STATUS_CSS, js_on_load=None, elem_id="articles-status")
            with gr.Tab("Feedback", id="feedback"):
                gr.Markdown("Ratings are stored in `feedback.sqlite` in the index folder. Export them as"
                            " JSON Lines and CSV:")
                export = gr.Button("Export feedback", elem_id="export-feedback")
                exported = gr.File(label="Feedback export", file_count="multiple", interactive=False,
                                   elem_id="feedback-files")
                export_status = gr.HTML("", css_template=STATUS_CSS, js_on_load=None, elem_id="export-status")

        outputs = [chat, result, session, box]
        # The transcript shows its own progress (the streaming cursor); a spinner over it would hide it.
        box.submit(respond, [box, session], outputs, api_name="ask", concurrency_id="chat", show_progress="minimal")
        send.click(respond, [box, session], outputs, api_visibility="private", concurrency_id="chat",
                   show_progress="minimal")
        for trigger in (box.submit, send.click):  # a new answer: the last rating's message no longer applies
            trigger(lambda: "", None, rated, api_visibility="private", queue=False)
        new.click(new_conversation, None, [*outputs, comment, rated], api_visibility="private")
        up.click(lambda c, s: rate(1, c, s), [comment, session], [rated, comment], api_visibility="private")
        down.click(lambda c, s: rate(-1, c, s), [comment, session], [rated, comment], api_visibility="private")
        export.click(export_feedback_files, None, [exported, export_status], api_visibility="private")

        listing = [table, chosen, articles_status]
        blocks.load(articles_view, None, listing, api_visibility="private")
        table.select(pick, None, chosen, api_visibility="private")
        add.click(upload, files, [*listing, files], api_visibility="private", concurrency_id="ingest")
        remove.click(delete, chosen, listing, api_visibility="private", concurrency_id="ingest")
        reread.click(reingest, chosen, listing, api_visibility="private", concurrency_id="ingest")
    blocks.queue(default_concurrency_limit=1)  # one generation at a time: the model is one process
    return blocks
