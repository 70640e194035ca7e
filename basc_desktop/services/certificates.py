"""The certificate register: issue, find, suspend, reinstate and withdraw certificates.

One import for the screens and the CLI.  The work is done in
:mod:`~basc_desktop.services.certificate_list` (finding certificates),
:mod:`~basc_desktop.services.certificate_issue` (issuing one from a closed audit)
and :mod:`~basc_desktop.services.certificate_moves` (suspend, reinstate, withdraw).
"""

from __future__ import annotations

from basc_desktop.services.certificate_issue import (
    issuable_audits,
    issue_certificate,
    preview_issue,
)
from basc_desktop.services.certificate_list import (
    certificate_by_code,
    count_certificates,
    find_certificates,
    get_certificate,
    iter_certificates,
)
from basc_desktop.services.certificate_moves import (
    allowed_moves,
    reinstate_certificate,
    suspend_certificate,
    withdraw_certificate,
)

__all__ = [
    "allowed_moves",
    "certificate_by_code",
    "count_certificates",
    "find_certificates",
    "get_certificate",
    "issuable_audits",
    "issue_certificate",
    "iter_certificates",
    "preview_issue",
    "reinstate_certificate",
    "suspend_certificate",
    "withdraw_certificate",
]
