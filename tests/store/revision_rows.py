"""Rows as the program of schema 0001-0005 wrote them, for the upgrade test.

Only columns that exist since 0001 (no later revision renamed or dropped one); enum
values as their stored code.  ``STANDING_SINCE_0002`` is what 0002-0005 kept on member 1.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

NOW = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)

# Table → rows, with the columns that exist since 0001 (no revision renamed or dropped
# one since).  Enum values are stored as their code, as the program stores them.
ROWS: dict[str, list[dict[str, Any]]] = {
    "chapters": [{"code": "co-bog", "name": "BASC Bogotá", "country": "CO"}],
    "standards": [
        {"version": "6", "title": "Norma BASC versión 6", "approved_on": date(2022, 5, 1)}
    ],
    "requirements": [
        {
            "id": 1,
            "standard_version": "6",
            "code": "4.1.1",
            "section": "Gestión del riesgo",
            "title_es": "Análisis de riesgos",
            "title_en": "Risk analysis",
            "text_es": "La empresa debe…",
            "text_en": "The company must…",
            "business_types": '["exporter_importer", "warehouse"]',
        }
    ],
    "auditors": [
        {
            "id": 1,
            "name": "Ana Gómez",
            "email": "ana@basc.co",
            "chapter_code": "co-bog",
            "active": True,
        }
    ],
    "committee_sessions": [
        {
            "id": 1,
            "chapter_code": "co-bog",
            "held_on": date(2025, 6, 10),
            "members_present": "Ana, Luis",
            "notes": "Sesión ordinaria",
        }
    ],
    "companies": [
        {
            "id": n,
            "chapter_code": "co-bog",
            "member_number": n,
            "legal_name": name,
            "trade_name": trade,
            "tax_id": tax_id,
            "country": "CO",
            "business_type": kind,
            "address": "Calle 100 # 19-54",
            "city": "Bogotá",
            "phone": "+57 601 555 0101",
            "email": f"info{n}@empresa.co",
            "website": "",
            "membership_start": date(2025, 6, 10) if n == 1 else None,
            "notes": "Ñandú & Cía.",
            "archived_on": None,
            "sort_name": name.lower(),
            "search_text": name.lower(),
            "created_at": NOW,
            "updated_at": NOW,
            "version": 3,
        }
        for n, name, trade, tax_id, kind in (
            (1, "Exportadora Andina S.A.S.", "Andina", "9001234567", "exporter_importer"),
            (2, "Logística del Caribe Ltda.", "", "8300456781", "warehouse"),
        )
    ],
    "contacts": [
        {
            "id": 1,
            "company_id": 1,
            "name": "María Pérez",
            "role": "Gerente",
            "email": "maria@andina.co",
            "phone": "300 555 0101",
        }
    ],
    "related_certifications": [
        {
            "id": 1,
            "company_id": 1,
            "program": "ctpat",
            "identifier": "CTPAT-123",
            "authority": "CBP",
            "valid_from": date(2024, 1, 1),
            "valid_until": date(2027, 1, 1),
        }
    ],
    "applications": [
        {
            "id": 1,
            "company_id": 1,
            "opened_on": date(2025, 5, 2),
            "committee_session_id": 1,
            "decision": "admitted",
            "decision_reason": "",
            "decided_on": date(2025, 6, 10),
            "welcome_letter_on": date(2025, 6, 12),
            "audit_deadline": date(2025, 12, 10),
            "version": 2,
        },
        {
            "id": 2,
            "company_id": 2,
            "opened_on": date(2025, 5, 20),
            "committee_session_id": 1,
            "decision": "postponed",
            "decision_reason": "Falta el permiso de funcionamiento",
            "decided_on": date(2025, 6, 10),
            "welcome_letter_on": None,
            "audit_deadline": None,
            "version": 2,
        },
    ],
    "application_documents": [
        {
            "id": 1,
            "application_id": 1,
            "document_id": "application-form",
            "state": "received",
            "received_on": date(2025, 5, 2),
            "file_name": "solicitud.pdf",
            "file_sha256": "ab" * 32,
        }
    ],
    "audits": [
        {
            "id": 1,
            "company_id": 1,
            "standard_version": "6",
            "kind": "certification",
            "state": "closed",
            "planned_on": date(2025, 6, 20),
            "started_on": date(2025, 6, 20),
            "finished_on": date(2025, 6, 30),
            "lead_auditor_id": 1,
            "summary": "Sin hallazgos mayores",
            "created_at": NOW,
            "version": 5,
        },
        {
            "id": 2,
            "company_id": 1,
            "standard_version": "6",
            "kind": "follow_up",
            "state": "planned",
            "planned_on": date(2026, 6, 20),
            "started_on": None,
            "finished_on": None,
            "lead_auditor_id": None,
            "summary": "",
            "created_at": NOW,
            "version": 1,
        },
    ],
    "audit_team": [{"audit_id": 1, "auditor_id": 1}],
    "findings": [
        {
            "id": 1,
            "audit_id": 1,
            "requirement_id": 1,
            "verdict": "minor",
            "evidence": "Matriz de riesgos sin fecha",
            "judged_at": NOW,
        }
    ],
    "corrective_actions": [
        {
            "id": 1,
            "finding_id": 1,
            "description": "Fechar la matriz",
            "owner": "María Pérez",
            "due_on": date(2025, 7, 30),
            "state": "closed",
            "submitted_on": date(2025, 7, 1),
            "verified_on": date(2025, 7, 2),
            "closed_on": date(2025, 7, 3),
            "closure_note": "Verificado",
            "version": 4,
        }
    ],
    "certificates": [
        {
            "id": 1,
            "code": "COLBOG00001-1-1",
            "company_id": 1,
            "audit_id": 1,
            "standard_version": "6",
            "scope": "exporter_importer",
            "site": 1,
            "issue_number": 1,
            "issued_on": date(2025, 7, 5),
            "expires_on": date(2026, 7, 5),
            "state": "valid",
            "signature": "",
            "created_at": NOW,
            "version": 3,
        }
    ],
    "certificate_events": [
        {
            "id": n,
            "certificate_id": 1,
            "occurred_on": on,
            "kind": kind,
            "reason": reason,
            "recorded_by": "ana",
            "recorded_at": NOW,
        }
        for n, on, kind, reason in (
            (1, date(2025, 7, 5), "issued", "Emitido por la auditoría 1."),
            (2, date(2025, 9, 1), "suspended", "Falta de pago"),
            (3, date(2025, 9, 20), "reinstated", "Pago recibido"),
        )
    ],
    "events": [
        {
            "id": 1,
            "occurred_at": NOW,
            "user_name": "ana",
            "record_type": "company",
            "record_id": 1,
            "action": "create",
            "changes": '{"legal_name": "Exportadora Andina S.A.S."}',
        }
    ],
}

STANDING_SINCE_0002 = {
    "applied_on": date(2025, 5, 2),
    "admitted_on": date(2025, 6, 10),
    "certificate_code": "COLBOG00001-1-1",
    "certificate_issued_on": date(2025, 7, 5),
    "expires_on": date(2026, 7, 5),
    "next_audit_on": date(2026, 6, 20),
}
"""What the program of 0002-0005 wrote on member 1 (its standing); member 2 applied."""
