# The two commands in the README: `make demo` and `make test`. Each sets up
# everything it needs on a fresh Debian machine (system packages, .venv, install).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
DOCS_STAMP := $(VENV)/.installed-docs
# -W: warnings are errors; --keep-going: list them all first
SPHINX := $(PY) -m sphinx -W --keep-going -q -b html

.PHONY: demo test fuzz bench docs docs-quick system-deps test-deps bench-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

$(DOCS_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[test,docs]'
	touch $(DOCS_STAMP)

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

test: test-deps $(DOCS_STAMP)
	$(PY) -m ruff check lumos tests examples benchmarks tools docs
	$(VENV)/bin/lint-imports --no-cache
	$(PY) tools/check_private.py
	$(PY) tools/check_docstrings.py
	$(PY) -m pytest -q
	$(MAKE) docs-quick

# The documentation site in docs/_build/html: every example and tutorial runs (headless).
docs: test-deps $(DOCS_STAMP)
	$(PY) tools/check_docstrings.py
	$(SPHINX) docs docs/_build/html
	@echo "open docs/_build/html/index.html"

# What `make test` builds: every page, the API reference, examples shown but not run.
docs-quick: $(DOCS_STAMP)
	LUMOS_DOCS_QUICK=1 $(SPHINX) docs docs/_build/quick

# The fuzz suite at length: many random examples per entry point, each with a deadline
# (make test runs the same suite with a small, fixed set of examples).
fuzz: test-deps $(STAMP)
	LUMOS_FUZZ=1 $(PY) -m pytest -q -p no:cacheprovider tests/reliability/test_fuzz.py

bench: bench-deps $(BENCH_STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) out tests/output docs/_build docs/api docs/gallery docs/tutorials \
	    docs/gen_modules docs/sg_execution_times.rst
