"""Web surfaces over the SDK: the Gradio chat UI (and later the OpenAI-compatible API)."""
