"""Errors split in two: a message for what the coordinator can fix, a crash report for bugs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from basc_desktop.chapters import ChapterFileError
from basc_desktop.domain.errors import BascError, ValidationError
from basc_desktop.logs import configure_logging
from basc_desktop.ui import crash, prompts
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.prompts import PromptKind


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "logs" / "basc-desktop.log"
    configure_logging(path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    crash.install_crash_handler(path)
    assert sys.excepthook is crash.excepthook
    return path


def _raise_bug() -> None:
    values: dict[str, int] = {}
    values["certificates"] += 1


def test_crash_handler_logs_the_traceback_and_names_the_log_file(log_file: Path) -> None:
    try:
        _raise_bug()
    except KeyError:
        kind, error, tb = sys.exc_info()
        assert kind is not None
        assert error is not None
        with prompts.answering() as asked:
            sys.excepthook(kind, error, tb)
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "_raise_bug" in logged
    assert "KeyError: 'certificates'" in logged
    assert len(asked) == 1
    dialog = asked[0]
    assert dialog.kind is PromptKind.CRITICAL
    assert dialog.title == "Unexpected problem"
    assert str(log_file) in dialog.text
    assert "Traceback" not in dialog.text  # it is in the details, for those who look
    assert "KeyError" in dialog.details


def test_user_errors_reaching_the_hook_are_plain_messages(log_file: Path) -> None:
    error = ValidationError("email", "“{value}” is not an e-mail address.", value="ana@")
    with prompts.answering() as asked:
        sys.excepthook(type(error), error, None)
    assert [(p.kind, p.text) for p in asked] == [
        (PromptKind.WARNING, "“ana@” is not an e-mail address.")
    ]
    assert "Traceback" not in log_file.read_text(encoding="utf-8")


def test_show_error_splits_user_errors_from_bugs(log_file: Path) -> None:
    with prompts.answering() as asked:
        show_error(None, BascError("The database {where} is locked.", where="basc.sqlite"))
        show_error(None, RuntimeError("a bug"), "Cannot open the database")
    assert [p.kind for p in asked] == [PromptKind.WARNING, PromptKind.CRITICAL]
    assert asked[0].text == "The database basc.sqlite is locked."
    assert str(log_file) in asked[1].text


def test_nested_messages_are_translated_and_filled_in(tmp_path: Path) -> None:
    error = ChapterFileError(
        tmp_path / "co-bog.toml", "deadlines.major", "must be above 0, got {value}", value=-3
    )
    with prompts.answering() as asked:
        show_error(None, error)
    assert asked[0].text.endswith("co-bog.toml: key 'deadlines.major': must be above 0, got -3")
