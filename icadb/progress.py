"""Progress on a terminal (rich), silence when piped or asked to be quiet."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from collections.abc import Iterator


class _Task:
    def __init__(self, progress=None, task_id=None):
        self._progress = progress
        self._task_id = task_id

    def advance(self, amount: float = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task_id, amount)

    def update(self, completed: float) -> None:
        if self._progress is not None:
            self._progress.update(self._task_id, completed=completed)


class Progress:
    """Stages with optional totals; drawn with rich only when stderr is a terminal."""

    def __init__(self, enabled: bool | None = None):
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.enabled = enabled
        self._rich = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as RichProgress

            self._rich = RichProgress(
                TextColumn("{task.description:<32}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._rich.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self._rich is not None:
            self._rich.__exit__(*exc)
            self._rich = None

    @contextmanager
    def stage(self, description: str, total: float | None = None) -> Iterator[_Task]:
        if self._rich is None:
            yield _Task()
            return
        task_id = self._rich.add_task(description, total=total)
        try:
            yield _Task(self._rich, task_id)
        finally:
            task = self._rich.tasks[task_id]
            self._rich.update(task_id, total=task.completed or 1, completed=task.completed or 1)
