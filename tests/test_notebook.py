"""The example notebook runs headless and draws its plots."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tests.helpers import artifacts_folder

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "icadb_tour.ipynb"


def test_notebook_is_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code), \
        "strip the outputs before committing (Kernel > Restart & Clear Output)"


def test_notebook_runs_and_writes_its_plots(built_db, monkeypatch, tmp_path, tmp_path_factory):
    """The plots go to $ICADB_TEST_ARTIFACTS/plots (kept) or a temporary folder, never the source tree."""
    plots = artifacts_folder(tmp_path_factory, "plots")
    monkeypatch.setenv("ICADB_DB", str(built_db))
    monkeypatch.setenv("ICADB_PLOTS", str(plots))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    for name in ("records_per_year.png", "country_kind_heatmap.png"):
        (plots / name).unlink(missing_ok=True)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = "".join(out.get("text", "") for cell in notebook.cells for out in cell.get("outputs", []))
    assert "data version: 0" in text and "records," in text
    assert "Second India–Central Asia meeting of security officials" in text
    for name in ("records_per_year.png", "country_kind_heatmap.png"):
        data = (plots / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 10_000, f"{name} was not drawn"
    tables = [out for cell in notebook.cells for out in cell.get("outputs", [])
              if "text/html" in out.get("data", {})]
    assert any("ica-nsa" in t["data"]["text/html"] or "Second India" in t["data"]["text/html"] for t in tables)
