# Shortcuts for scripts/run.sh and scripts/test.sh (the README's two commands).
PY := .venv/bin/python

.PHONY: setup run test lint bench screenshots

setup:
	@bash scripts/setup.sh

run:
	@bash scripts/run.sh $(ARGS)

test:
	@bash scripts/test.sh

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	.venv/bin/lint-imports

bench: setup
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done
