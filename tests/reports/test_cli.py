"""casedesk-cli export-pdf / stats / callouts end to end (in-process)."""

from __future__ import annotations

import json

import pandas as pd

from app.cli import main


def _cli(paths, db, *args) -> list[str]:
    url = db[0].url.render_as_string(hide_password=False)
    return ["--data-dir", str(paths.data_dir), "--db-url", url, *args]


def test_export_pdf_and_bad_output(cli_admin, case_a, paths, tmp_path, capsys, db):
    out = tmp_path / "a.pdf"
    assert main(_cli(paths, db, "export-pdf", case_a["case_no"], str(out), "--anonymize",
                     "--json")) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pages"] >= 3 and data["anonymized"] and out.exists()
    assert main(_cli(paths, db, "export-pdf", case_a["case_no"], str(tmp_path / "x" / "a.pdf"))) == 1
    assert "所在文件夹不存在" in capsys.readouterr().err
    assert main(_cli(paths, db, "export-pdf", "石峰-1999-0000", str(out))) == 1
    assert "案件 石峰-1999-0000 不存在" in capsys.readouterr().err


def test_callouts_then_stats_with_exports(cli_admin, case_a, paths, tmp_path, capsys, db):
    assert main(_cli(paths, db, "callouts", "add", "--at", "2023-11-28T06:10", "--kind",
                     "hit_and_run", "--officer", "430201", "--road", "天桥街",
                     "--case", case_a["case_no"], "--json")) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["case_no"] == case_a["case_no"] and added["officers"] == ["白警官"]
    assert main(_cli(paths, db, "callouts", "list", "--officer", "430201", "--json")) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
    xlsx, csv_dir = tmp_path / "s.xlsx", tmp_path / "csv"
    assert main(_cli(paths, db, "stats", "--from", "2023-01-01", "--to", "2023-12-31", "--squad",
                     "石峰", "--xlsx", str(xlsx), "--csv", str(csv_dir), "--json")) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["summary"]["cases"] == 1 and stats["summary"]["hit_and_run_callouts"] == 1
    assert stats["summary"]["median_hours_to_solve"] == 12.0
    assert "民警个人统计" in pd.read_excel(xlsx, sheet_name=None)
    assert (csv_dir / "officers.csv").exists()
    assert main(_cli(paths, db, "stats", "--officer", "nobody")) == 1
    assert "找不到警号" in capsys.readouterr().err
    assert main(_cli(paths, db, "callouts", "delete", str(added["id"]))) == 0
