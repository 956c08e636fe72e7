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
	# The same on the held-out sets, each written by a separate session without seeing the code (holdout:
	# morning, holdout2: afternoon, holdout3-6: evening of 2026-12-02, holdout7-50: 2026-12-03, holdout51-68: 2026-12-04), and on the probe batches (questions
	# built to be wrongly answered): a rule that fits only one set fails on the others.
	for set in holdout holdout2 holdout3 holdout4 holdout5 holdout6 holdout7 holdout8 holdout9 holdout10 holdout11 holdout12 holdout13 holdout14 holdout15 holdout16 holdout17 holdout18 holdout19 holdout20 holdout21 holdout22 holdout23 holdout24 holdout25 holdout26 holdout27 holdout28 holdout29 holdout30 holdout31 holdout32 holdout33 holdout34 holdout35 holdout36 holdout37 holdout38 holdout39 holdout40 holdout41 holdout42 holdout43 holdout44 holdout45 holdout46 holdout47 holdout48 holdout49 holdout50 holdout51 holdout52 holdout53 holdout54 holdout55 holdout56 holdout57 holdout58 holdout59 holdout60 holdout61 holdout62 holdout63 holdout64 holdout65 holdout66 holdout67 holdout68 probes; do \
		ASSISTANT_LLM=extractive .venv/bin/assistant eval --dataset evals/$$set.yaml \
			--thresholds evals/$$set-thresholds.yaml --out evals/runs/make-test-$$set || exit 1; \
	done

lint:
	.venv/bin/ruff check .
	.venv/bin/mypy
