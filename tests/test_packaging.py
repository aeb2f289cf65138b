"""The package data is declared, so the editable install prints no warning, and `import icadb` finds the package from any folder."""

from __future__ import annotations

import fnmatch
import tomllib

from icadb.paths import PROJECT_ROOT

CONFIG = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def package_folder(package: str):
    """The folder a package name maps to, through [tool.setuptools.package-dir]."""
    dirs = CONFIG["package-dir"]
    parts = package.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in dirs:
            return PROJECT_ROOT / dirs[prefix] / "/".join(parts[n:])
    return PROJECT_ROOT / "/".join(parts)


def test_every_folder_of_data_files_is_a_declared_package():
    """setuptools warns about any importable folder inside a package that is not in `packages`."""
    declared = set(CONFIG["packages"])
    missing = []
    for package in declared:
        for child in package_folder(package).iterdir():
            if child.is_dir() and child.name.isidentifier() and child.name != "__pycache__" \
                    and any(f.is_file() for f in child.iterdir()):
                if f"{package}.{child.name}" not in declared:
                    missing.append(f"{package}.{child.name}")
    assert missing == [], f"add these to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_every_data_file_is_package_data():
    data = CONFIG["package-data"]
    undeclared = []
    for package in CONFIG["packages"]:
        for path in package_folder(package).iterdir():
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                if not any(fnmatch.fnmatch(path.name, pattern) for pattern in data.get(package, [])):
                    undeclared.append(f"{package}: {path.name}")
    assert undeclared == [], f"add patterns for these to [tool.setuptools.package-data]: {undeclared}"


def test_datasette_finds_the_plugins_templates_and_static_files():
    from datasette.plugins import get_plugins

    plugin = next(p for p in get_plugins() if p["name"] == "icadb")
    assert plugin["templates_path"] and plugin["static_path"], "icadb.datasette_plugin must be a package"


def test_an_editable_install_prints_no_warning_and_wins_over_a_folder_named_icadb(tmp_path):
    """`pip install -e . --config-settings editable_mode=strict` into a new
    virtual environment, as `make` does, from a copy of the checkout (the
    install writes its links under the project's build/): the output holds no
    warning of any kind, the package imports schema/ and loaders/ from that
    copy, and a script in a folder that also holds a folder named icadb (the
    clone, say) still gets the package, not an empty namespace."""
    import os
    import re
    import shutil
    import subprocess
    import sys

    project = tmp_path / "icadb"  # the clone, as a user names it
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    for name in tracked.stdout.splitlines():
        source, target = PROJECT_ROOT / name, project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():  # icadb/schema and icadb/loaders
            target.symlink_to(os.readlink(source))
        elif source.is_file():
            shutil.copy2(source, target)
    venv = project / ".venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    result = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", "-e", str(project),
                             "--config-settings", "editable_mode=strict"],
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-2000:]
    # pip's own complaint about a configured index folder that does not exist is the machine's, not the project's
    warnings = [line for line in output.splitlines()
                if "warning" in line.lower() and not re.match(r"WARNING: Location '[^']*' is ignored", line)]
    assert warnings == [], output[-3000:]
    script = tmp_path / "analysis.py"  # beside the folder named icadb
    script.write_text("import pathlib, icadb, icadb.schema, icadb.loaders\n"
                      "print(callable(icadb.read), pathlib.Path(icadb.schema.__file__).resolve(),"
                      " pathlib.Path(icadb.loaders.__file__).resolve())\n", encoding="utf-8")
    located = subprocess.run([str(venv / "bin" / "python"), str(script)], capture_output=True, text=True,
                             cwd=tmp_path, check=True).stdout.split()
    assert located == ["True", str(project / "schema" / "__init__.py"), str(project / "loaders" / "__init__.py")]


def test_the_readmes_pandas_example_runs_in_a_script_beside_the_clone(tmp_path, built_db):
    """The README's first pandas example, as written, in a folder that also holds the clone (a folder named
    icadb): it imports the package and prints records per year and kind."""
    import os
    import re
    import subprocess
    import sys

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"\*\*In pandas\*\*.*?```python\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "icadb").mkdir()  # the clone's folder, beside the script
    (tmp_path / "icadb" / "README.md").write_text("a clone\n", encoding="utf-8")
    (tmp_path / "analysis.py").write_text(example, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("ICADB_")}
    result = subprocess.run([sys.executable, "analysis.py"], cwd=tmp_path, capture_output=True, text=True,
                            env={**env, "ICADB_DB": str(built_db)}, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"^year\s+kind", result.stdout, re.M) and "meeting" in result.stdout, result.stdout
