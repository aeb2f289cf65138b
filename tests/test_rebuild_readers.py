"""Three rebuilds while a client keeps reading the served database: no errors,
and every answer comes from one complete build."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from icadb.build import build
from tests.conftest import PROJECT_ROOT, free_port
from tests.test_serve import wait_for

PROBE = ("select (select data_version from build_info) as version, (select count(*) from records) as records, "
         "(select count(*) from evidence) as evidence, (select count(*) from timeline) as timeline, "
         "(select group_concat(summary, '|') from records where record_id = 'kazind') as summary")


def variant(seeds, k: int):
    """The seeds with record kazind's summary marked, and k evidence-bearing records fewer."""
    exercises = seeds / "records" / "exercises.yaml"
    text = exercises.read_text(encoding="utf-8")
    text = text.replace("named KazInd.\n", f"named KazInd (build {k}).\n", 1)
    for name in ("khanjar", "dustlik", "sco-rats-exercise-india")[:k]:
        start = text.index(f"\n- id: {name}\n")
        end = text.find("\n- id: ", start + 1)
        text = text[:start] + (text[end:] if end != -1 else "\n")
    exercises.write_text(text, encoding="utf-8")
    conflicts = seeds / "conflicts.yaml"  # and the conflicts about the records taken out
    entries = conflicts.read_text(encoding="utf-8").split("\n- id: ")
    removed = ("khanjar", "dustlik", "sco-rats-exercise-india")[:k]
    kept = [e for e in entries[1:] if not any(f"{name}]" in e or f"{name}," in e for name in removed)]
    conflicts.write_text("\n- id: ".join([entries[0], *kept]), encoding="utf-8")
    (seeds / "published_ids.txt").write_text("", encoding="utf-8")


def test_three_rebuilds_under_a_reading_client(tmp_path, built_db):
    builds = []
    for k in range(4):
        seeds = tmp_path / f"seeds{k}"
        shutil.copytree(PROJECT_ROOT / "seeds", seeds)
        variant(seeds, k)
        builds.append(seeds)
    served = tmp_path / "icadb.sqlite"
    build(served, seeds=builds[0])
    expected = set()
    for seeds in builds:  # what each complete build answers
        probe_db = tmp_path / f"probe-{seeds.name}.sqlite"
        build(probe_db, seeds=seeds)
        import sqlite3

        conn = sqlite3.connect(probe_db)
        expected.add(tuple(conn.execute(PROBE).fetchone()))
        conn.close()
    assert len(expected) == 4

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "icadb", "serve", "--db", str(served), "--port", str(port)],
                            cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    answers, errors, stop = [], [], threading.Event()
    url = f"http://127.0.0.1:{port}/icadb.json?" + urllib.parse.urlencode({"sql": PROBE, "_shape": "array"})
    page = f"http://127.0.0.1:{port}/icadb/timeline?_facet=kind"

    def reader():
        while not stop.is_set():
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    row = json.loads(response.read())[0]
                answers.append((row["version"], row["records"], row["evidence"], row["timeline"], row["summary"]))
                with urllib.request.urlopen(page, timeout=10) as response:
                    assert response.status == 200
            except (OSError, urllib.error.HTTPError, AssertionError, json.JSONDecodeError) as exc:
                errors.append(repr(exc))

    try:
        wait_for(f"http://127.0.0.1:{port}/-/versions.json")
        thread = threading.Thread(target=reader)
        thread.start()
        for seeds in builds[1:]:
            time.sleep(1.5)
            build(served, seeds=seeds)
        time.sleep(2.5)
        stop.set()
        thread.join(timeout=30)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert errors == []
    assert len(answers) > 20
    assert set(answers) <= expected, f"answers from no complete build: {set(answers) - expected}"
    assert answers[-1] == max(expected, key=lambda e: -e[1]), "the last build is what is served in the end"
    assert len(set(answers)) >= 3, "the reader saw the builds change"
