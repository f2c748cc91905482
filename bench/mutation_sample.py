"""A seeded random sample of each integrity module's mutants, run with mutmut (issue 12).

A full run re-tests every mutant (≈3 500 over the nine modules, 8–150 s each on two cores: many
hours). Random mutant sampling estimates a module's score from a fixed-size sample without bias
(Acree et al. 1979; Wong & Mathur 1995); the interval printed is the 95 % Wilson interval.

    python bench/mutation_sample.py --per-module 60 app.services.training.package_import ...
    python bench/mutation_sample.py --report-only ...   # score what has run so far

Run from a checkout where ``mutmut run`` has generated ./mutants (bench/mutation.sh does; an
interrupted run is fine). Equivalent mutants listed in bench/mutation_equivalents.txt are left
out of the score, as in bench/mutation.sh.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout", "segfault"}


def results() -> dict[str, str]:
    """mutant name -> state, from ``mutmut results --all true``."""
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=ROOT,
                         capture_output=True, text=True, check=False).stdout
    found = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\S+): (\w[\w ]*)$", line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


def equivalents() -> set[str]:
    path = ROOT / "bench" / "mutation_equivalents.txt"
    if not path.exists():
        return set()
    return {line.split()[0] for line in path.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def sample(names: list[str], module: str, n: int, seed: int) -> list[str]:
    mine = sorted(x for x in names if x.startswith(module + "."))
    return random.Random(f"{seed}:{module}").sample(mine, min(n, len(mine)))


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="+", help="dotted module names, e.g. app.reports.anonymize")
    parser.add_argument("--per-module", type=int, default=60)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args()
    states = results()
    if not states:
        print("no mutants: run `mutmut run` (bench/mutation.sh) first", file=sys.stderr)
        return 2
    picked = {m: sample(list(states), m, args.per_module, args.seed) for m in args.modules}
    todo = [x for names in picked.values() for x in names if states[x] == "not checked"]
    if todo and not args.report_only:
        subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children",
                        str(args.max_children), *todo], cwd=ROOT, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        states = results()
    skip = equivalents()
    total_k = total_n = 0
    for module, names in picked.items():
        seen = Counter(states[x] for x in names if x not in skip)
        k = sum(seen[s] for s in KILLED)
        n = k + seen["survived"] + seen["no tests"]
        total_k, total_n = total_k + k, total_n + n
        lo, hi = wilson(k, n)
        print(f"{module}: sample {len(names)} of "
              f"{sum(1 for x in states if x.startswith(module + '.'))}, killed {k}/{n} = "
              f"{100 * k / max(n, 1):.1f} % (95 % CI {100 * lo:.0f}–{100 * hi:.0f} %), "
              f"not run {seen['not checked']}")
        for x in names:
            if states[x] in ("survived", "no tests") and x not in skip:
                print(f"   {states[x]}: {x}")
    print(f"sampled total: {total_k}/{total_n} = {100 * total_k / max(total_n, 1):.1f} % killed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
