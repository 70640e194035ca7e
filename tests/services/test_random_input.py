"""Random invalid input at every service function: refused cleanly, or done; never a crash.

For each function of the registry (``test_random_input_registry.CASES``), hypothesis
draws arguments a coordinator or a file could produce against a database seeded with
records in every state.  The only acceptable outcomes:

- success (the input happened to be valid), or
- a :class:`BascError` whose message reads well (a ValidationError names its field),
  with the database exactly as before and no file written.

Any other exception is a bug in the service.

"As before" is a snapshot of every table (rows, largest id, sum of versions, and the
events, since every write records one) and of the files under the output folder and
the data folder.  The arguments keep the Python types the signatures promise (the type
checker guards those); what varies is what a person can type, pick or open.  Sort
columns and import mappings are not randomised: screens and the CLI offer only valid
ones.  The database is seeded once per kind (SQLite, PostgreSQL) for the module and put
back before each test, so the whole file stays fast.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.errors import BascError, ValidationError
from basc_desktop.services.certificate_moves import suspend_certificate
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from tests.conftest import TODAY
from tests.conftest import _clean_postgres as clean_postgres
from tests.services.random_world import (
    Restorer,
    World,
    empty,
    files_under,
    seed,
    snapshot,
)
from tests.services.test_random_input_forms import Case, Fetched, Form
from tests.services.test_random_input_registry import CASES

EXAMPLES = 15


@dataclass
class Seeded:
    ws: Workspace
    world: World
    restorer: Restorer


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def seeded(
    request: pytest.FixtureRequest,
    chapters: ChapterRegistry,
    sqlite_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Seeded]:
    """One seeded database per kind for the whole module (seeding takes a second; each
    test then starts from the same records, put back by :class:`Restorer`)."""
    folder = tmp_path_factory.mktemp("random-input")
    if request.param == "sqlite":
        shutil.copyfile(sqlite_template, folder / "basc.sqlite")
        url = sqlite_url(folder / "basc.sqlite")
    else:
        url = request.getfixturevalue("postgres_url")
        clean_postgres(url)
    ws = open_workspace(load_settings(folder / "data"), chapters, url=url)
    ws.user, ws.clock = "tester", lambda: TODAY
    try:
        world = seed(ws, folder)
        yield Seeded(ws, world, Restorer(ws, folder))
    finally:
        ws.db.close()


@pytest.fixture
def workspace_and_world(seeded: Seeded) -> tuple[Workspace, World]:
    seeded.restorer.restore()
    return seeded.ws, seeded.world


def refused_cleanly(error: BascError) -> None:
    text = str(error)
    assert text.strip(), f"{type(error).__name__} with an empty message"
    assert "{" not in str(error.message) or "}" not in str(error.message), text
    if isinstance(error, ValidationError):
        assert error.field, f"ValidationError without a field: {text}"
        assert error.label, f"ValidationError without a label: {text}"


def run(
    ws: Workspace, w: World, case: Case, arguments: tuple[tuple[Any, ...], dict[str, Any]]
) -> None:
    args, kwargs = arguments
    folders = (w.out, ws.data_dir) if ws.data_dir is not None else (w.out,)
    before, files_before = snapshot(ws), files_under(*folders)
    refusal: BascError | None = None
    try:
        args = tuple(a.make(ws) if isinstance(a, Form | Fetched) else a for a in args)
        case.function(ws, *args, **kwargs)
    except BascError as error:
        refusal = error
    finally:
        files_after = files_under(*folders)
        empty(w.out)
    if refusal is not None:
        refused_cleanly(refusal)
        assert snapshot(ws) == before, f"{case.name} was refused but wrote: {refusal}"
        assert files_after == files_before, f"{case.name} was refused but left files"


# A failing example holds 10,000-character strings: print it anyway.
@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_random_input_is_refused_or_done(
    workspace_and_world: tuple[Workspace, World], case: Case
) -> None:
    workspace, world = workspace_and_world

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # shrinking these calls takes minutes
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def random_calls(data: st.DataObject) -> None:
        run(workspace, world, case, data.draw(case.arguments(world), label="arguments"))

    random_calls()


def test_the_snapshot_sees_a_write(
    seeded: Seeded, workspace_and_world: tuple[Workspace, World]
) -> None:
    """The check of "nothing changed" is not blind: one small write shows; and each test
    starts from the seeded records again."""
    workspace, world = workspace_and_world
    before = snapshot(workspace)
    suspend_certificate(workspace, world.certificate_id, reason="Prueba")
    assert snapshot(workspace) != before
    seeded.restorer.restore()
    assert snapshot(workspace) == before
