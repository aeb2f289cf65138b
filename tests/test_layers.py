"""Imports run the way the data flows: the import-linter contract of pyproject.toml holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import PROJECT_ROOT


def test_the_layers_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "1 kept, 0 broken" in result.stdout, (
        "an import runs against the data flow (pyproject.toml, [tool.importlinter]):\n" + result.stdout[-3000:])


def test_every_module_of_icadb_is_in_a_layer():
    """The contract is exhaustive: a new module fails it until it is placed in a layer."""
    import tomllib

    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = config["contracts"]
    assert contract["exhaustive"] is True and contract["containers"] == ["icadb"]
    listed = {name.strip() for layer in contract["layers"] for name in layer.replace("|", ":").split(":")}
    found = {p.stem for p in (PROJECT_ROOT / "icadb").glob("*.py") if p.stem != "__init__"}
    found |= {p.name for p in (PROJECT_ROOT / "icadb").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert found == listed
