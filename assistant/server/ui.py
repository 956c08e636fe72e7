"""A minimal Gradio chat over the SDK: streamed answers, then the verified answer with its sources."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.types import Answer

if TYPE_CHECKING:
    import gradio as gr

    from assistant.assistant import Assistant

EXAMPLES = [
    "When will Kishida meet Biden?",
    "Which companies are part of the AI research framework?",
    "Who is the EU Commissioner for Innovation and Research?",
    "Why do Japan and the EU want to cooperate on materials?",
]


def render_sources(answer: Answer) -> str:
    """Sources as escaped HTML: article text is data and must never become markup in the page."""
    if answer.refused:
        return "<p class='refusal'><strong>Not in the articles.</strong> No source supports an answer.</p>"
    items = []
    for c in answer.citations:
        meta = ", ".join(html.escape(x) for x in (c.source, c.date) if x)
        before = html.escape(c.text[: max(0, c.quote_start - c.start)])
        quote = html.escape(c.text[max(0, c.quote_start - c.start): max(0, c.quote_end - c.start)])
        after = html.escape(c.text[max(0, c.quote_end - c.start):])
        items.append(
            f"<li id='source-{c.n}'><strong>[{c.n}] {html.escape(c.title)}</strong>"
            f"{f' <em>({meta})</em>' if meta else ''}<br>{before}<mark>{quote}</mark>{after}</li>"
        )
    return "<ol class='sources'>" + "".join(items) + "</ol>"


def build_ui(assistant: Assistant) -> gr.Blocks:
    import gradio as gr

    def respond(message: str, history: list[dict[str, Any]], state: Any) -> Iterator[tuple[Any, ...]]:
        conversation = state or assistant.chat()
        history = [*history, {"role": "user", "content": message}, {"role": "assistant", "content": ""}]
        try:
            for piece in conversation.stream(message):
                if isinstance(piece, Answer):
                    history[-1]["content"] = piece.text
                    yield history, render_sources(piece), conversation, ""
                else:
                    history[-1]["content"] += piece
                    yield history, "", conversation, ""
        except AssistantError as exc:
            history[-1]["content"] = f"⚠️ {exc}"
            yield history, "", conversation, ""

    def new_conversation() -> tuple[Any, ...]:
        return [], "", None, ""

    with gr.Blocks(title="Cited news assistant") as blocks:
        gr.Markdown("## Ask the articles\nEvery sentence of an answer cites the passage it comes from.")
        state = gr.State(None)
        chatbot = gr.Chatbot(label="Conversation", height=420)
        box = gr.Textbox(label="Question", placeholder="When will Kishida meet Biden?", lines=1)
        with gr.Row():
            send = gr.Button("Ask", variant="primary")
            new = gr.Button("New conversation")
        sources = gr.HTML(label="Sources")
        gr.Examples(EXAMPLES, inputs=box)
        outputs = [chatbot, sources, state, box]
        box.submit(respond, [box, chatbot, state], outputs, api_name="ask")
        send.click(respond, [box, chatbot, state], outputs, api_visibility="private")
        new.click(new_conversation, None, outputs, api_visibility="private")
    blocks.queue(default_concurrency_limit=1)  # one generation at a time: the model is one process
    return blocks
