"""Several programs issuing certificates on one database at the same moment.

Each child issues its own closed audits, one transaction each; the audits of every
company are shared out between the children, so they really compete for the same
member's next issue number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from basc_desktop.services.workspace import Workspace
from tests.crash.scenario import (
    check_certificates,
    closed_audits,
    finish,
    imported_members,
    integrity_ok,
    read_until,
    start_child,
)

pytestmark = pytest.mark.crash

COMPANIES = 8
CHILDREN = 2


def issue_at_once(url: str, folder: Path, shares: list[list[int]]) -> list[list[str]]:
    """Start one child per share of audits, let them go together; each one's lines."""
    barrier = folder / "go"
    children = [
        start_child(
            {
                "task": "issue",
                "url": url,
                "data_dir": str(folder / f"pc-{n}"),
                "user": f"pc-{n}",
                "audit_ids": share,
                "barrier": str(barrier),
            }
        )
        for n, share in enumerate(shares)
    ]
    try:
        for child in children:
            assert read_until(child, "ready")[-1] == "ready"
        barrier.touch()
        outputs = [read_until(child, None) for child in children]
    finally:
        for child in children:
            finish(child)
    assert [child.returncode for child in children] == [0] * len(children), outputs
    return outputs


def test_two_programs_issuing_at_once_never_repeat_a_code(
    workspace: Workspace, database_url: str, tmp_path: Path
) -> None:
    companies = imported_members(workspace, tmp_path, COMPANIES)
    audits = closed_audits(workspace, companies, per_company=CHILDREN)
    # Child n gets the nth audit of every company: all of them renew the same members.
    shares = [audits[n * COMPANIES : (n + 1) * COMPANIES] for n in range(CHILDREN)]
    outputs = issue_at_once(database_url, tmp_path, shares)

    issued = []
    for lines, share in zip(outputs, shares, strict=True):
        assert not [line for line in lines if line.startswith("error")]
        assert lines[-1] == "done"
        issued += [line.split()[1] for line in lines if line.startswith("issued ")]
        assert len([line for line in lines if line.startswith("issued ")]) == len(share)
    integrity_ok(database_url)
    codes = check_certificates(workspace)  # unique; issue numbers 1, 2, 3 per member
    assert sorted(codes) == sorted(issued)
    assert len(codes) == COMPANIES * CHILDREN
