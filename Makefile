# regietafel — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# pytest-xdist: one worker per core.
WORKERS ?= auto

.PHONY: install run test lint typecheck importcheck apilint pytest pytest-postgres test-tijdreis bench assets serve-prod clean

install: $(STAMP)

$(STAMP): requirements.lock requirements-pip.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "regietafel needs Python 3.11, found " + sys.version' 
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	# deduce (the Woo's names of persons) builds its lookup structures once per installation,
	# about 75 s CPU, into its own package folder: here, not in the first `demo accounts` of
	# `make run` nor in every test worker at once (regietafel/woo/namen.py).
	$(BIN)/python -m regietafel.woo.namen
	touch $(STAMP)

run: install
	$(BIN)/regietafel migrate --noinput
	$(BIN)/regietafel demo drenthe
	REGIETAFEL_DEMO=true $(BIN)/regietafel demo accounts
	@echo "regietafel draait op http://127.0.0.1:$(PORT)/ — log in met een demo-account (wachtwoord regietafel-demo)."
	@echo "Een worker voor achtergrondtaken (documenten, grote imports) draait mee en stopt met de server."
	REGIETAFEL_DEMO=true scripts/run-met-worker.sh $(BIN) 127.0.0.1:$(PORT)

test: install lint typecheck importcheck apilint pytest pytest-postgres test-tijdreis

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy regietafel bench
	$(BIN)/mypy --strict regietafel/domain

# The layers (pyproject.toml [tool.importlinter]), then the app-level import graph, which
# fails on any cycle (lazy imports included).
importcheck: install
	$(BIN)/lint-imports
	$(BIN)/python scripts/importgraaf.py

# The OpenAPI document against Logius' own Spectral rules for the NL API Design Rules
# (regietafel/api/spectral/, vendored; spectral-cli pinned in package.json): 0 errors.
SPECTRAL := node_modules/.bin/spectral
apilint: install
	test -x $(SPECTRAL) || npm ci --no-audit --no-fund
	@mkdir -p var
	$(BIN)/regietafel spectacular --validate --format openapi-json --file var/openapi.json
	$(SPECTRAL) lint --ruleset regietafel/api/spectral/linter.yaml --fail-severity error var/openapi.json

pytest: install
	$(BIN)/pytest -q -n $(WORKERS) -m "not postgres"

# A throwaway PostgreSQL 15 cluster in a temporary folder, reached over a Unix socket;
# scripts/with-postgres.sh stops and removes it on every exit, failures included.
pytest-postgres: install
	scripts/with-postgres.sh $(BIN)/pytest -q -n $(WORKERS) -m "not browser and not bench"

# The suite again with the clock in the future (tests/conftest.py reads REGIETAFEL_TESTKLOK):
# whatever the calendar says, every test that needs a date pins it itself.
test-tijdreis: install
	REGIETAFEL_TESTKLOK=2027-07-01 $(BIN)/pytest -q -n $(WORKERS) -m "not postgres and not browser and not bench"
	REGIETAFEL_TESTKLOK=2031-01-01 $(BIN)/pytest -q -n $(WORKERS) -m "not postgres and not browser and not bench"

# Production settings locally over plain http (no TLS, so no SSL redirect): gunicorn, 2 workers,
# and a Celery worker with its scheduler (beat) beside it, stopped with it; whitenoise's manifest
# storage (collectstatic first), the SQLite file in var/, a throwaway key, JSON logs on stderr
# (one line per request), the queue in var/wachtrij/ unless CELERY_BROKER_URL says otherwise.
serve-prod: install
	@set -euo pipefail; \
	export REGIETAFEL_ENV=production \
	  SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  ALLOWED_HOSTS=127.0.0.1,localhost \
	  DATABASE_URL="sqlite:///$(CURDIR)/var/regietafel.sqlite3" \
	  SECURE_SSL_REDIRECT=false; \
	$(BIN)/regietafel collectstatic --noinput -v0; \
	$(BIN)/regietafel migrate --noinput -v0; \
	echo "regietafel (productie-instellingen) draait op http://127.0.0.1:$(PORT)/, met een worker en de planner"; \
	exec scripts/run-met-worker.sh $(BIN) -- $(BIN)/gunicorn regietafel.wsgi:application \
	  --bind 127.0.0.1:$(PORT) --workers 2

# Timings as a ratio to a baseline on the same machine; results merge into var/bench.json.
bench: install
	$(BIN)/python -m bench

# Refresh the vendored NL Design System CSS and HTMX from the npm registry (needs npm).
assets:
	npm ci --no-audit --no-fund
	cp node_modules/@utrecht/component-library-css/dist/index.css regietafel/static/vendor/utrecht-component-library.css
	cp node_modules/@utrecht/design-tokens/dist/theme.css regietafel/static/vendor/utrecht-design-tokens.css
	cp node_modules/htmx.org/dist/htmx.min.js regietafel/static/vendor/htmx.min.js

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .hypothesis
