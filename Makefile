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
	# The quality gate: the whole evaluation dataset on the bundled corpus, against evals/thresholds.yaml.
	ASSISTANT_LLM=extractive .venv/bin/assistant eval --out evals/runs/make-test
	# The same on the held-out set, written without seeing the code: rules that fit only the dataset fail here.
	ASSISTANT_LLM=extractive .venv/bin/assistant eval --dataset evals/holdout.yaml \
		--thresholds evals/holdout-thresholds.yaml --out evals/runs/make-test-holdout
	# And on the second held-out set, written later the same way.
	ASSISTANT_LLM=extractive .venv/bin/assistant eval --dataset evals/holdout2.yaml \
		--thresholds evals/holdout2-thresholds.yaml --out evals/runs/make-test-holdout2
	# And on the third, written the next session without seeing the code or the other sets.
	ASSISTANT_LLM=extractive .venv/bin/assistant eval --dataset evals/holdout3.yaml \
		--thresholds evals/holdout3-thresholds.yaml --out evals/runs/make-test-holdout3
	# The fourth and fifth held-out sets and the probe batches (questions built to be wrongly answered).
	ASSISTANT_LLM=extractive .venv/bin/assistant eval --dataset evals/holdout4.yaml \
		--thresholds evals/holdout4-thresholds.yaml --out evals/runs/make-test-holdout4
	ASSISTANT_LLM=extractive .venv/bin/assistant eval --dataset evals/probes.yaml \
		--thresholds evals/probes-thresholds.yaml --out evals/runs/make-test-probes
	ASSISTANT_LLM=extractive .venv/bin/assistant eval --dataset evals/holdout5.yaml \
		--thresholds evals/holdout5-thresholds.yaml --out evals/runs/make-test-holdout5

lint:
	.venv/bin/ruff check .
	.venv/bin/mypy
