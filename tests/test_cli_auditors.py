"""``basc audits auditors``: list, add, edit, retire and reactivate auditors from a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from basc_desktop.cli import main
from basc_desktop.services.auditors import auditors, get_auditor
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import member, planned


def _args(ws: Workspace, tmp_path: Path, *words: str) -> list[str]:
    return [*words, "--data-dir", str(tmp_path / "data"), "--database-url", ws.db.url]


def test_add_edit_retire_reactivate_and_list(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace
    add = ("audits", "auditors", "add", "Nicolás Peña", "--chapter", "co-bog")
    assert main(_args(ws, tmp_path, *add, "--email", "nico@example.com")) == 0
    assert capsys.readouterr().out == "Registered auditor 1: Nicolás Peña (co-bog).\n"
    assert (
        main(_args(ws, tmp_path, "audits", "auditors", "add", "Ana Gómez", "--chapter", "co-bog"))
        == 0
    )
    capsys.readouterr()
    planned(ws, member(ws), lead=1)

    assert main(_args(ws, tmp_path, "audits", "auditors", "edit", "1", "--chapter", "mx-occ")) == 0
    capsys.readouterr()
    nico = get_auditor(ws, 1)
    assert (nico.name, nico.email, nico.chapter_code) == (
        "Nicolás Peña",
        "nico@example.com",
        "mx-occ",
    )
    assert main(_args(ws, tmp_path, "audits", "auditors", "retire", "1")) == 0
    assert capsys.readouterr().out == "Retired auditor 1: Nicolás Peña.\n"

    assert main(_args(ws, tmp_path, "audits", "auditors")) == 0
    listing = capsys.readouterr().out
    assert "Ana Gómez" in listing
    assert "Nicolás" not in listing
    assert main(_args(ws, tmp_path, "audits", "auditors", "--retired", "--chapter", "mx-occ")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert "Nicolás Peña" in lines[0]
    assert "1 audit " in lines[0]
    assert lines[0].endswith("nico@example.com  (retired)")

    assert main(_args(ws, tmp_path, "audits", "auditors", "reactivate", "1")) == 0
    assert capsys.readouterr().out == "Reactivated auditor 1: Nicolás Peña.\n"
    assert all(a.active for a in auditors(ws))


def test_refusals_are_one_line_on_stderr(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace
    add = ("audits", "auditors", "add")
    assert main(_args(ws, tmp_path, *add, "   ", "--chapter", "co-bog")) == 2
    assert capsys.readouterr().err == "basc: Name: Name is required.\n"
    assert main(_args(ws, tmp_path, *add, "Ana", "--chapter", "co-bog", "--email", "ana@")) == 2
    assert "E-mail must look like name@company.com" in capsys.readouterr().err
    assert main(_args(ws, tmp_path, *add, "Ana", "--chapter", "zz-none")) == 2
    assert "There is no chapter “zz-none”." in capsys.readouterr().err
    assert main(_args(ws, tmp_path, *add, "Ana", "--chapter", "co-bog")) == 0
    assert main(_args(ws, tmp_path, *add, "ana", "--chapter", "co-bog")) == 2
    assert "Ana is already an active auditor of this chapter (number 1)" in (
        capsys.readouterr().err
    )
    assert main(_args(ws, tmp_path, "audits", "auditors", "edit", "7", "--name", "X")) == 2
    assert capsys.readouterr().err == "basc: There is no auditor number 7.\n"
    assert main(_args(ws, tmp_path, "audits", "auditors", "reactivate", "1")) == 2
    assert "already an active auditor" in capsys.readouterr().err
    assert [a.name for a in auditors(ws)] == ["Ana"]


def test_options_before_the_action_are_kept(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    command = [
        "audits", "auditors", "--database-url", ws.db.url, "--data-dir", str(tmp_path / "d"),
        "add", "Ana Gómez", "--chapter", "co-bog",
    ]  # fmt: skip
    assert main(command) == 0
    assert [a.name for a in auditors(ws)] == ["Ana Gómez"]
