# The two quick-start commands: `make run` and `make test`. Both set everything up first.
.PHONY: run test lint setup

setup:
	scripts/setup.sh

run: setup
	.venv/bin/assistant serve

test:
	scripts/setup.sh --dev
	.venv/bin/ruff check .
	.venv/bin/mypy
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check .
	.venv/bin/mypy
