# icadb: two commands do all the set-up.
#   make serve   build the database from seeds/ and serve it with Datasette on http://127.0.0.1:8001/
#   make test    run the whole test suite
# Both create the virtual environment .venv/ (and install the project into it) when it is missing
# or pyproject.toml has changed; nothing needs installing by hand first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
FILES  := $(VENV)/.package-files
PORT   ?= 8001

.PHONY: help serve test build bench clean chromium FORCE

help:
	@echo "make serve   build the database and serve it with Datasette on http://127.0.0.1:8001/ (PORT=8002 for another port)"
	@echo "make test    run the whole test suite"
	@echo "make build   build the database only (icadb.sqlite)"
	@echo "make bench   run the scale benchmark (this tree against the commit before the redesign) and print its figures"
	@echo "make clean   remove the virtual environment and built files"

# The install is editable in setuptools' strict mode: build/__editable__.*/ holds a
# link to each of the package's files, and .venv/ puts that folder on the path.
# So `import icadb` finds the package even from a folder that holds another
# folder named icadb (a clone, say), and edits to a file show at once; a new
# file needs the links made again, which happens when the list of files changes.
$(FILES): FORCE
	@mkdir -p $(VENV)
	@find icadb loaders schema -type f ! -path '*/__pycache__/*' | LC_ALL=C sort > $@.new
	@cmp -s $@.new $@ || mv $@.new $@; rm -f $@.new

$(STAMP): pyproject.toml $(FILES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]" --config-settings editable_mode=strict
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/icadb build
	$(BIN)/icadb serve --port $(PORT)

build: $(STAMP)
	$(BIN)/icadb build

# The browser tests drive Debian's Chromium (headless). Installed here when missing, if we may.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	  else \
	    echo "make test: the browser tests need Chromium: run 'sudo apt-get install --no-install-recommends chromium'" \
	         "(or set ICADB_CHROMIUM to a Chromium binary)" >&2; exit 1; \
	  fi; }

# Two processes (pytest-xdist), one per core. pytest exits 5 when it collects
# no tests; that is a failure here, said plainly.
test: $(STAMP) chromium
	@$(BIN)/python -m pytest -n 2; status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests; that counts as a failure" >&2; exit 1; fi; \
	exit $$status

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build icadb.sqlite
