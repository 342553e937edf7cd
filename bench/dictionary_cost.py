"""`python -m bench.dictionary_cost`: what the officeholders dictionary costs a process, in one run.

Loading is timed in fresh interpreters, as CPU time (the machine is shared: wall time would count the waits).
The NLP process builds the dictionary once, at start, after pycountry is already imported by the reference
tables, so each figure is the build alone: read, validate and index every file. Lookups are timed in-process
over names the dictionary has and names it has not.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date

LOAD_SNIPPET = """
import time
import pycountry
pycountry.countries.get(alpha_3="USA")
from extractors.resolve import officeholders
officeholders._valid_codes()
t = time.process_time()
book = officeholders.dictionary()
print((time.process_time() - t) * 1000, book.rows)
"""

NAMES = ["Sergei Lavrov", "Lavrov", "Kim", "Marco Rubio", "Harriet Quill", "Recep Tayyip Erdoğan", "Sunak",
         "Abdullah", "Pedro Sanchez", "Jane Doe"]


def main(runs: int = 5) -> None:
    loads = []
    rows = 0
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True)
        ms, rows_s = out.stdout.split()
        loads.append(float(ms))
        rows = int(rows_s)
    from extractors.resolve import officeholders

    officeholders.dictionary()
    n = 20_000
    t = time.perf_counter()
    for i in range(n):
        officeholders.who(NAMES[i % len(NAMES)], date(2019, 6, 1))
    per = (time.perf_counter() - t) / n * 1e6
    print(f"officeholders dictionary: {rows} rows; build {statistics.median(loads):.0f} ms of CPU, median of {runs} "
          f"fresh processes (min {min(loads):.0f}, max {max(loads):.0f}); lookup {per:.1f} us per name")


if __name__ == "__main__":
    main()
