"""Is a second core free? Helper processes pay only when one is.

Measured at 1,000x the seeds (benchmarks/helpers.py): with the second core
free the build with its helper processes took 0.69x the time of the build
in one process; with a process spinning on the second core it took 1.32x
(the helpers and the spinner share one core, and the build waits on them).
So the default is decided by looking: helpers are used when, over a quarter
of a second, the machine's idle time comes to at least 1.5 cores (the build
itself is waiting then: on an idle 2-core machine it reads 2.0, with one
core busy elsewhere 1.0). The built file is the same bytes either way.
"""

from __future__ import annotations

import os
import time
from functools import lru_cache

SAMPLE_SECONDS = 0.25
IDLE_CORES_NEEDED = 1.5


def _idle_and_total() -> tuple[int, int]:
    with open("/proc/stat", encoding="ascii") as fh:
        fields = [int(v) for v in fh.readline().split()[1:]]
    return fields[3] + (fields[4] if len(fields) > 4 else 0), sum(fields[:8])  # idle + iowait; all but guests


def idle_cores(seconds: float = SAMPLE_SECONDS) -> float:
    """How many cores' worth of time went idle over *seconds* (the core count where /proc/stat is missing)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        idle0, total0 = _idle_and_total()
        time.sleep(seconds)
        idle1, total1 = _idle_and_total()
    except (OSError, ValueError, IndexError):
        try:
            return max(0.0, cores - os.getloadavg()[0])
        except (AttributeError, OSError):
            return float(cores)
    if total1 <= total0:
        return float(cores)
    return (os.cpu_count() or cores) * (idle1 - idle0) / (total1 - total0)


@lru_cache(maxsize=1)
def a_core_is_free() -> bool:
    """Whether a second core is free for a helper process (looked at once per process)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores >= 2 and idle_cores() >= IDLE_CORES_NEEDED
