"""Invalid input of the kinds a coordinator (or a file) can produce, as hypothesis strategies.

Used by ``tests/services/test_random_input*.py``: every strategy mixes a few valid values
in, so a random call sometimes succeeds, and many invalid ones, so most are refused.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from basc_desktop.domain.vocabulary import (
    ActionState,
    ApplicationDecision,
    AuditKind,
    BusinessType,
    CertificateState,
    DocumentState,
    MemberStatus,
    RelatedProgram,
    Verdict,
)
from tests.conftest import TODAY

HUGE = 10_000
"""Characters in a "huge" string: far beyond any field's limit."""

RTL = "\u202eشركة الأمن\u202c"
EMOJI = "🛳️📦🔒👩🏽‍💼"
COMBINING = "Bogota\u0301\u0300\u0327 e\u0301\u0301\u0301"

odd_texts = st.sampled_from(
    [
        "",
        "   ",
        " \t\n\r ",
        "\x00",
        "abc\x00def",
        "\x07\x1b[31mred\x1b[0m",
        "line one\nline two",
        RTL,
        EMOJI,
        COMBINING,
        "\u200b\u200d\ufeff",
        "'; DROP TABLE companies; --",
        "%_%",
        "\\",
        "null",
        "None",
        "0",
        "-1",
        "1e309",
    ]
)
huge_texts = st.sampled_from(["x" * HUGE, "é" * HUGE, " " * HUGE, EMOJI * (HUGE // 8)])
control_texts = st.text(
    alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Mn"]), max_size=12
)
any_texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)

texts = st.one_of(odd_texts, huge_texts, control_texts, any_texts)
"""Free text: names, notes, reasons, searches."""


def text_or(*valid: str) -> st.SearchStrategy[str]:
    """Random invalid text, or now and then one of the ``valid`` values."""
    return st.one_of(texts, st.sampled_from(valid)) if valid else texts


emails = st.one_of(
    texts,
    st.sampled_from(
        ["a@b", "@company.com", "name@", "name@@co.com", "na me@co.com", "ana@co.com", "x@y.z"]
    ),
)
phones = st.one_of(
    texts,
    st.sampled_from(
        ["601 555 0101", "+", "+57", "+57 abc", "++57 601 555 0101", "+57 601 555 0101"]
    ),
)
websites = st.one_of(texts, st.sampled_from(["http://", "www", "ftp://x.y", "www.company.com"]))
tax_ids = st.one_of(
    texts,
    st.sampled_from(["900.123.456-7", "900123456", "0614-010190-101-0", "J-12345678-9", "ABC"]),
    st.integers(-(10**20), 10**20).map(str),
)
chapter_codes = st.sampled_from(["", "co-bog", "sv", "CO-BOG", "xx-none", "co-bog ", "*", "%"])
countries = st.sampled_from(["", "CO", "co", "SV", "COL", "XX", "ÇO", "1"])
standard_versions = st.sampled_from(["", "6", "5", "6 ", "999", "six"])
languages = st.sampled_from(["es", "en", "fr", "", "xx", "ES", "es-CO"])
order_columns = st.one_of(st.sampled_from(["", "id", "legal_name; DROP", "version"]), texts)

KNOWN_DAY = TODAY
dates = st.one_of(
    st.sampled_from(
        [
            date.min,
            date(1, 1, 1),
            date(1900, 2, 28),
            date(1970, 1, 1),
            KNOWN_DAY,
            KNOWN_DAY - timedelta(days=1),
            KNOWN_DAY + timedelta(days=1),
            date(2100, 1, 1),
            date(9999, 12, 31),
        ]
    ),
    st.dates(),
)
optional_dates = st.one_of(st.none(), dates)

BIG = 2**31
ints = st.one_of(
    st.sampled_from([0, -1, 1, 2, BIG - 1, BIG, 2**53, 2**63 - 1, 2**63, 2**64, -(2**63) - 1]),
    st.integers(-(2**70), 2**70),
    st.integers(-5, 500),
)
"""Numbers a coordinator may type: days, limits, offsets, years, months."""
optional_ints = st.one_of(st.none(), ints)


def ids(*real: int) -> st.SearchStrategy[int]:
    """Ids of real records (in whatever state they are), of no record, and absurd ones."""
    absurd = st.sampled_from([0, -1, -(2**31), 99_999, BIG - 1, BIG, 2**63 - 1, 2**63, 10**30])
    if not real:
        return absurd
    return st.one_of(st.sampled_from(real), absurd, st.integers(-10, 10_000))


def enum_or_text(enum: type, *, allow_text: bool = True) -> st.SearchStrategy[object]:
    """A member of ``enum``, or (for fields typed ``Enum | str``) a text that is not one."""
    members = st.sampled_from(list(enum))
    if not allow_text:
        return members
    return st.one_of(members, st.sampled_from(["", "EXPORTER", "unknown", "1"]), texts)


business_types = enum_or_text(BusinessType)
programs = enum_or_text(RelatedProgram)
verdicts = st.one_of(st.none(), st.sampled_from(list(Verdict)))
document_states = st.sampled_from(list(DocumentState))
document_ids = st.one_of(
    st.sampled_from(["application-form", "tax-id", "", "no-such-document", "TAX-ID"]), texts
)
decisions = st.sampled_from(list(ApplicationDecision))
audit_kinds = st.sampled_from(list(AuditKind))
action_states = st.lists(st.sampled_from(list(ActionState)), max_size=3).map(tuple)
certificate_states = st.lists(st.sampled_from(list(CertificateState)), max_size=3).map(tuple)
member_statuses = st.lists(st.sampled_from(list(MemberStatus)), max_size=3).map(tuple)


def tuples_of(
    strategy: st.SearchStrategy[object], size: int = 4
) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(strategy, max_size=size).map(tuple)
