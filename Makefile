# Sanxiang: `make run` serves the platform, `make test` runs the whole suite.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SANXIANG := $(BIN)/sanxiang
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
OS_PACKAGES := chromium fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 antiword poppler-utils

.PHONY: install os-packages run serve worker test test-sqlite test-pg lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# The venv's own pip (23+ with Python 3.11) installs an editable pyproject: no upgrade round trip.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

install: $(VENV)/.installed os-packages

# PDFs need Pango; browser tests need Chromium; Chinese needs a CJK font; legacy .doc 文书 need antiword;
# the evaluation scripts read the real PDF decisions with pdftotext (poppler-utils).
os-packages:
	@missing=""; for p in $(OS_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "安装系统软件包:$$missing"; \
	  (apt-get install -y -qq $$missing >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $$missing >/dev/null)) \
	    || echo "警告：系统软件包安装失败:$$missing（PDF 导出与浏览器测试将不可用）"; \
	else \
	  echo "缺少系统软件包:$$missing —— 请运行: sudo apt-get install -y$$missing"; \
	fi

# WhiteNoise serves from the apps' static folders (WHITENOISE_USE_FINDERS), so collecting is only
# for the compressed copies: it runs beside migrate and the demo, and only when a static file is
# newer than the last collection.
STATIC_STAMP := var/static/.collected
COLLECT_STATIC := [ -f $(STATIC_STAMP) ] \
	&& [ -z "$$(find src/sanxiang -path '*/static/*' -type f -newer $(STATIC_STAMP) -print -quit)" ] \
	|| { $(SANXIANG) collectstatic --noinput -v0 --skip-checks && touch $(STATIC_STAMP); }

run: install
	@$(SANXIANG) check --fail-level ERROR  # the system checks (e.g. a missing holiday calendar) once
	@( $(COLLECT_STATIC) ) & static=$$!; \
	  $(SANXIANG) migrate --noinput -v0 --skip-checks && $(SANXIANG) load_demo --if-empty --skip-checks; \
	  status=$$?; wait $$static; exit $$status
	@echo ""
	@echo "三项制度平台  公众门户: http://$(HOST):$(PORT)/   工作台: http://$(HOST):$(PORT)/staff/"
	@echo "接口文档: http://$(HOST):$(PORT)/api/docs/   演示账号见 README.md（密码均为 Sanxiang-2026）"
	@$(SANXIANG) demo_logins --skip-checks || true
	@$(SANXIANG) worker --skip-checks & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  $(BIN)/gunicorn sanxiang.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile - --log-level warning

# The suite on SQLite and, when reachable, on PostgreSQL: the two runs go side by side (pytest uses
# one core each), the PostgreSQL run's output is printed after the SQLite run's.
test: install lint
	@mkdir -p var; \
	if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  DATABASE_URL=$(PG_URL) $(BIN)/pytest -q > var/test-postgresql.log 2>&1 & pg=$$!; \
	else pg=""; echo "PostgreSQL 不可用（$(PG_URL)），跳过 PostgreSQL 测试"; fi; \
	echo "== SQLite"; $(BIN)/pytest -q; sqlite=$$?; \
	if [ -n "$$pg" ]; then wait $$pg; postgresql=$$?; echo "== PostgreSQL: $(PG_URL)"; cat var/test-postgresql.log; \
	else postgresql=0; fi; \
	test $$sqlite -eq 0 -a $$postgresql -eq 0

test-sqlite: install
	$(BIN)/pytest -q

test-pg: install
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check --quiet src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest -q tests/arch

bench: install
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var/*.sqlite3* var/static
