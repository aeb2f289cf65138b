"""Three rebuilds while a client keeps reading the served database: no errors,
and every answer comes from one complete build."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import urllib.parse
import urllib.request

from icadb.build import build
from tests.helpers import PROJECT_ROOT

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


def test_three_rebuilds_under_a_reading_client(tmp_path, start_server):
    """A reader keeps asking while the served file is rebuilt three times. Each
    rebuild starts once the reader has been answered by the build before it
    (the answers are the events: each build has its own data version), and the
    test ends once the last build has answered. Every answer must come from one
    complete build, the builds must be seen in the order they were made, and
    no request may fail: the reader records every exception, of any kind."""
    builds = []
    for k in range(4):
        seeds = tmp_path / f"seeds{k}"
        shutil.copytree(PROJECT_ROOT / "seeds", seeds)
        variant(seeds, k)
        builds.append(seeds)
    expected = []
    for seeds in builds:  # what each complete build answers
        probe_db = tmp_path / f"probe-{seeds.name}.sqlite"
        build(probe_db, seeds=seeds)
        conn = sqlite3.connect(probe_db)
        expected.append(tuple(conn.execute(PROBE).fetchone()))
        conn.close()
    assert len(set(expected)) == 4
    served = tmp_path / "icadb.sqlite"
    shutil.copy(tmp_path / f"probe-{builds[0].name}.sqlite", served)

    answers, errors = [], []
    stop, seen = threading.Event(), threading.Condition()

    def reader(url: str, page: str) -> None:
        while not stop.is_set():
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    row = json.loads(response.read())[0]
                answer = (row["version"], row["records"], row["evidence"], row["timeline"], row["summary"])
                with urllib.request.urlopen(page, timeout=10) as response:
                    if response.status != 200 or b"rows-and-columns" not in response.read():
                        raise AssertionError(f"the timeline page answered {response.status} without its table")
                with seen:
                    answers.append(answer)
                    seen.notify_all()
            except BaseException as exc:  # noqa: BLE001 - any failure is the test's finding, never a silent death
                errors.append(repr(exc))
                with seen:
                    seen.notify_all()
                if len(errors) > 20:
                    return

    def answered_by(k: int, seconds: float = 60) -> None:
        with seen:
            ok = seen.wait_for(lambda: (answers and answers[-1] == expected[k]) or len(errors) > 20, timeout=seconds)
        assert ok, f"build {k} was not served within {seconds} s (last answer {answers[-1:] or None})"

    with start_server(served) as server:
        url = f"{server.url}/icadb.json?" + urllib.parse.urlencode({"sql": PROBE, "_shape": "array"})
        thread = threading.Thread(target=reader, args=(url, f"{server.url}/icadb/timeline?_facet=kind"), daemon=True)
        thread.start()
        try:
            answered_by(0)
            for k in range(1, 4):
                build(served, seeds=builds[k])
                answered_by(k)
        finally:
            stop.set()
            thread.join(timeout=30)
        assert not thread.is_alive(), "the reader was still waiting on an answer 30 s after it was told to stop"
    assert errors == []
    assert set(answers) <= set(expected), f"answers from no complete build: {set(answers) - set(expected)}"
    order = [a for i, a in enumerate(answers) if i == 0 or a != answers[i - 1]]
    assert order == expected, "the builds were served in the order they were made, each one after the other"
