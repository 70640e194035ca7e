"""``basc users``: an administrator sets up who works for which chapter."""

from __future__ import annotations

import pytest

from basc_desktop.cli import main
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import member


def _args(ws: Workspace, *words: str) -> list[str]:
    assert ws.data_dir is not None
    return ["users", *words, "--data-dir", str(ws.data_dir), "--url", ws.db.url]


def test_set_up_users_then_each_login_sees_its_chapters(
    sqlite_workspace: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_workspace
    member(ws, chapter="co-bog", seed=1)
    member(ws, chapter="co-ctg", seed=2, name="Puerto Caribe S.A.")
    monkeypatch.setenv("LOGNAME", "marta")

    assert main(_args(ws, "list")) == 0
    assert "Nobody is set up" in capsys.readouterr().out

    assert main(_args(ws, "add", "ana", "--chapter", "co-bog")) == 2
    assert "The first person set up must be an administrator: basc users add ana --admin" in (
        capsys.readouterr().err
    )
    assert main(_args(ws, "add", "marta", "--admin", "--name", "Marta Ruiz")) == 0
    assert capsys.readouterr().out == "Set up marta  Marta Ruiz  administrator.\n"
    assert main(_args(ws, "add", "ana", "--chapter", "co-bog", "--name", "Ana Pérez")) == 0
    assert capsys.readouterr().out == "Set up ana  Ana Pérez  co-bog.\n"
    assert main(_args(ws, "chapters", "ana", "co-bog", "co-ctg")) == 0
    assert capsys.readouterr().out == "ana  Ana Pérez  co-bog, co-ctg.\n"

    assert main(_args(ws, "list")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "LOGIN  NAME        CHAPTERS        ACTIVE",
        "ana    Ana Pérez   co-bog, co-ctg  yes",
        "marta  Marta Ruiz  administrator   yes",
    ]

    monkeypatch.setenv("LOGNAME", "ana")
    members = ["members", "list", "--data-dir", str(ws.data_dir), "--database-url", ws.db.url]
    assert main(members) == 0
    assert "Puerto Caribe" in capsys.readouterr().out
    assert main(_args(ws, "remove", "marta")) == 2
    assert "Only an administrator" in capsys.readouterr().err

    monkeypatch.setenv("LOGNAME", "marta")
    assert main(_args(ws, "chapters", "ana", "co-bog")) == 0
    monkeypatch.setenv("LOGNAME", "ana")
    capsys.readouterr()
    assert main(members) == 0
    assert "Puerto Caribe" not in capsys.readouterr().out
    monkeypatch.setenv("LOGNAME", "marta")
    assert main(_args(ws, "remove", "ana")) == 0
    assert capsys.readouterr().out.endswith("ana no longer opens this database.\n")

    monkeypatch.setenv("LOGNAME", "ana")
    assert main(_args(ws, "list")) == 2
    assert capsys.readouterr().err == (
        "basc: ana is not set up to work in this database. Ask its administrator to add you: "
        "basc users add ana --chapter …\n"
    )
