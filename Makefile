# Everything installs into .venv from nothing; torch is pinned by constraints.txt
# (camel-tools needs torch; an unpinned install pulls a multi-GB CUDA build).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-slow setup bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/factcheck check seeds/ -o reports/

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Runs on the real corpus (../shared): 30 nights of the nightly job replayed.
test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

PEERS := benchmarks/.peers

$(PEERS)/.installed:
	$(PY) -m venv $(PEERS)
	$(PEERS)/bin/pip install --quiet pyduckling-native-phihos mahad==0.3.0 pyyaml
	touch $@

# Benchmarks (not part of the tests): extraction against Duckling and Maha, and check's scaling.
bench: $(STAMP) $(PEERS)/.installed
	$(BIN)/python benchmarks/bench_extract.py --docs 3000
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_nightly.py

clean:
	rm -rf $(VENV) reports/*.html reports/*.json reports/*.csv
