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
	# The quality gates, in one process: the whole evaluation dataset on the bundled corpus against evals/thresholds.yaml,
	# then every held-out set and the probe batches against their own thresholds (the list: evals/gates.yaml).
	ASSISTANT_LLM=extractive .venv/bin/assistant eval --suite evals/gates.yaml --out evals/runs/make-test

lint:
	.venv/bin/ruff check .
	.venv/bin/mypy
