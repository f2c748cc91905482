"""kill -9 in the middle of evidence imports and case saves leaves ``verify`` clean."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

from app.models.db import unit_of_work
from app.services.admin import verify
from app.services.casefile.cases import create_case
from app.services.casefile.dto import CaseInput
from app.services.common.context import SYSTEM
from tests.media import make_clip

# The child imports real clips through the evidence service (copy slowed down like a slow USB
# disk, so a kill lands mid-copy) and saves the case through the case service, forever.
CHILD = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from app.config import resolve_paths
    from app.models.db import open_database, unit_of_work
    from app.services.casefile import cases
    from app.services.common.context import SYSTEM
    from app.services.evidence.clips import import_clip

    paths = resolve_paths(sys.argv[1], sys.argv[5])
    case_id = int(sys.argv[2])
    clip = Path(sys.argv[3]).read_bytes()
    src = Path(sys.argv[4])
    _, factory = open_database(paths.db_url)
    for i in range(10_000):
        src.write_bytes(clip + os.urandom(6 << 20))  # new content each time
        print("import", i, flush=True)
        import_clip(factory, paths, SYSTEM, case_id, src,
                    progress=lambda done, total: time.sleep(0.03))
        print("save", i, flush=True)
        for j in range(30):
            with unit_of_work(factory) as s:
                d = cases.get_case(s, SYSTEM, case_id)
                data = cases.case_input(d)
                cases.update_case(s, SYSTEM, case_id, type(data)(**{
                    f: getattr(data, f) for f in data.__slots__} | {"narrative": f"{i}-{j}"}),
                    expected_version=d.version)
""")


def _run_and_kill(script, paths, url, case_id, clip, src, phase: str, delay: float) -> str:
    proc = subprocess.Popen([sys.executable, str(script), str(paths.data_dir), str(case_id),
                             str(clip), str(src), url], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=os.getcwd()))
    try:
        seen = []
        while True:
            line = proc.stdout.readline()
            assert line, f"child ended early: {seen}"
            seen.append(line.split()[0])
            if seen[-1] == phase and len(seen) > 1:
                break
        time.sleep(delay)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return phase


def test_kill9_mid_import_or_save_leaves_verify_clean(paths, db, session_factory, tmp_path):
    url = db[0].url.render_as_string(hide_password=False)
    with unit_of_work(session_factory) as s:
        case_id = create_case(s, SYSTEM, CaseInput(case_no="石峰-2024-0009", title="测试")).id
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    clip = make_clip("h264_mp4", frames=50, size=(320, 240))
    rng = random.Random(9)
    for round_no in range(4):
        phase = "import" if round_no % 2 == 0 else "save"
        delay = rng.uniform(0.03, 0.15) if phase == "import" else rng.uniform(0.0, 0.05)
        _run_and_kill(script, paths, url, case_id, clip, tmp_path / f"cam{round_no}.mp4", phase, delay)
        with session_factory() as s:
            report = verify.verify_data(s, paths.evidence_dir)
        assert report.ok(), [p.message for p in report.errors]
        assert report.audit_rows > 0 and report.evidence_files >= round_no // 2
    # The next start removes what the killed imports left in .incoming (their process is dead).
    from app.services.evidence.store import clean_incoming

    clean_incoming(paths.evidence_dir)
    assert not list((paths.evidence_dir / ".incoming").glob("*.part"))
