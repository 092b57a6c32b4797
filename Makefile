# The two commands of the README: `make run` and `make test`.
PY := .venv/bin/python

.PHONY: setup run test lint bench screenshots

setup:
	@bash scripts/setup.sh

run: setup
	@$(PY) main.py $(ARGS)

test: setup
	@bash scripts/test.sh

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	.venv/bin/lint-imports

bench: setup
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done
