# fieldreport: `make run` (set up and run the main job) and `make test` (set up and test).
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= fieldreport.db

.PHONY: setup dev run test lint typecheck pytest eval clean web serve bench-fusion bench-api
WEB_VENDOR := src/fieldreport/api/static/vendor/.built

$(BIN)/fieldreport: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(BIN)/fieldreport
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## The web page's libraries (Leaflet, markercluster, topojson-client, world-atlas) from npm.
web: $(WEB_VENDOR)
$(WEB_VENDOR): web/package.json web/package-lock.json web/build.sh
	bash web/build.sh

setup: $(BIN)/fieldreport web
dev: $(VENV)/.dev web

## The main job: ingest the sample articles into SQLite and print the events table.
run: setup
	$(BIN)/fieldreport ingest examples/ --db $(DB)
	$(BIN)/fieldreport events --db $(DB) --format table

lint: dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: dev
	$(BIN)/mypy

pytest: dev
	$(BIN)/pytest -q

test: lint typecheck pytest

## Accuracy against the human-coded dev set, gated by eval_baseline.json.
eval: setup
	$(BIN)/fieldreport eval ../shared/eval/acled_sahel_dev.csv --baseline eval_baseline.json \
		--report eval_report.json --errors eval_errors.jsonl

## The JSON API and the web page on http://127.0.0.1:8000 (read-only without FIELDREPORT_TOKEN).
serve: setup
	$(BIN)/fieldreport serve --db $(DB)

bench-fusion: setup
	$(BIN)/python bench/fusion.py --mentions 1000000 --scaling

bench-api: setup
	$(BIN)/python bench/api_latency.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache web/node_modules \
		src/fieldreport/api/static/vendor
