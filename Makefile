# The two commands in the README: `make demo` and `make test`. Each sets up
# everything it needs on a fresh Debian machine (system packages, .venv, install).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: demo test fuzz bench system-deps test-deps bench-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[test,bench]'
	touch $(BENCH_STAMP)

system-deps:
	bash tools/system-deps.sh

test-deps:
	bash tools/system-deps.sh --test

bench-deps:
	bash tools/system-deps.sh --bench

demo: system-deps $(STAMP)
	$(PY) examples/demo.py

test: test-deps $(STAMP)
	$(PY) -m ruff check lumos tests examples benchmarks tools
	$(VENV)/bin/lint-imports --no-cache
	$(PY) tools/check_private.py
	$(PY) -m pytest -q

# The fuzz suite at length: many random examples per entry point, each with a deadline
# (make test runs the same suite with a small, fixed set of examples).
fuzz: test-deps $(STAMP)
	LUMOS_FUZZ=1 $(PY) -m pytest -q -p no:cacheprovider tests/reliability/test_fuzz.py

bench: bench-deps $(BENCH_STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) out tests/output
