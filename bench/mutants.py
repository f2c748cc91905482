"""Running hand-written mutants: each (file, original text, mutant text) applied in turn, the
given tests run, the file restored. A mutant the tests do not kill is a rule no test pins."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tests(tests: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", *tests],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)


def run(muts: list[tuple[str, str, str]], tests: list[str], only: list[str]) -> int:
    """Run the mutants whose text holds one of ``only`` (all if empty); 1 if any survived."""
    muts = [m for m in muts if not only or any(o in m[0] + m[1] + m[2] for o in only)]
    baseline = _tests(tests)     # a mutant "killed" by a test that fails anyway proves nothing
    if baseline.returncode:
        print("the tests fail without any mutant; fix them first:\n" + baseline.stdout[-2000:])
        return 2
    survived = []
    for path, old, new in muts:
        f = ROOT / path
        src = f.read_text()
        assert old in src, (path, old)
        f.write_text(src.replace(old, new, 1))
        try:
            r = _tests(tests)
        finally:
            f.write_text(src)
        if not r.returncode:
            survived.append((path, old, new))
        print("killed" if r.returncode else "SURVIVED", path, old[:50].replace("\n", " "), "->",
              new[:40].replace("\n", " "), flush=True)
    print("mutants", len(muts), "survived", len(survived))
    return 1 if survived else 0
