"""The areas of the sidebar, in order: their name, icon and how to build their page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from basc_desktop.ui.areas.actions import ActionsArea
from basc_desktop.ui.areas.activity import ActivityArea
from basc_desktop.ui.areas.admissions import AdmissionsArea
from basc_desktop.ui.areas.audits import AuditsArea
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.certificates import CertificatesArea
from basc_desktop.ui.areas.chapters import ChaptersArea
from basc_desktop.ui.areas.dashboard import DashboardArea
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.areas.renewals import RenewalsArea
from basc_desktop.ui.areas.standards import StandardsArea
from basc_desktop.ui.context import AppContext

CONTEXT = "Areas"


@dataclass(frozen=True)
class AreaSpec:
    key: str
    title: str
    """English source, translated in the ``Areas`` context."""
    icon: str
    """Name of the SVG in ``resources/icons``."""

    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)

    def build(self, context: AppContext) -> Area:
        return _BUILDERS[self.key](context)


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("dashboard", str(QT_TRANSLATE_NOOP("Areas", "Dashboard")), "dashboard"),
    AreaSpec("members", str(QT_TRANSLATE_NOOP("Areas", "Members")), "members"),
    AreaSpec("admissions", str(QT_TRANSLATE_NOOP("Areas", "Admissions")), "admissions"),
    AreaSpec("audits", str(QT_TRANSLATE_NOOP("Areas", "Audits")), "audits"),
    AreaSpec("actions", str(QT_TRANSLATE_NOOP("Areas", "Corrective actions")), "actions"),
    AreaSpec("certificates", str(QT_TRANSLATE_NOOP("Areas", "Certificates")), "certificates"),
    AreaSpec("renewals", str(QT_TRANSLATE_NOOP("Areas", "Renewals")), "renewals"),
    AreaSpec("standards", str(QT_TRANSLATE_NOOP("Areas", "Standards")), "standards"),
    AreaSpec("chapters", str(QT_TRANSLATE_NOOP("Areas", "Chapters")), "chapters"),
    AreaSpec("activity", str(QT_TRANSLATE_NOOP("Areas", "Activity")), "activity"),
)

AREA_KEYS = tuple(spec.key for spec in AREAS)

_BUILDERS: dict[str, Callable[[AppContext], Area]] = {
    "dashboard": DashboardArea,
    "members": MembersArea,
    "admissions": AdmissionsArea,
    "audits": AuditsArea,
    "actions": ActionsArea,
    "certificates": CertificatesArea,
    "renewals": RenewalsArea,
    "standards": StandardsArea,
    "chapters": ChaptersArea,
    "activity": ActivityArea,
}
