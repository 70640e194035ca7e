"""Short Spanish texts the demo writes: reasons, evidence notes, actions, summaries."""

from __future__ import annotations

from basc_desktop.domain.vocabulary import RelatedProgram, Verdict

POSTPONED = (
    "Documentación incompleta: falta el certificado de existencia y representación legal.",
    "Se aplaza hasta recibir los estados financieros firmados.",
    "Pendiente la verificación de antecedentes de los accionistas.",
    "Falta la autoevaluación de seguridad firmada por el representante legal.",
)
REJECTED = (
    "Antecedentes negativos en listas restrictivas de los accionistas.",
    "No acreditó la existencia legal de la empresa.",
    "Información financiera inconsistente con la declarada.",
    "La actividad de la empresa está fuera del alcance de BASC.",
)
SUSPENDED = (
    "No conformidad mayor vencida sin cierre.",
    "Cuotas de afiliación pendientes de pago.",
    "Incidente de seguridad en la cadena de suministro bajo investigación.",
    "No presentó el plan de acciones correctivas en el plazo.",
)
WITHDRAWN = (
    "No subsanó las causas de la suspensión en el plazo otorgado.",
    "Contaminación de carga confirmada por la autoridad.",
    "Retiro voluntario solicitado por la empresa.",
)
REINSTATED = (
    "Se verificó el cierre de la no conformidad mayor.",
    "Cuotas al día; se levanta la suspensión.",
    "La investigación concluyó sin responsabilidad de la empresa.",
)

EVIDENCE: dict[Verdict, tuple[str, ...]] = {
    Verdict.CONFORMING: (
        "",
        "Se evidenció el procedimiento documentado y vigente.",
        "Registros completos de los últimos seis meses.",
        "La entrevista al personal confirma que el control se aplica.",
        "Se revisaron muestras de registros sin hallazgos.",
    ),
    Verdict.OBSERVATION: (
        "Oportunidad de mejora: unificar los formatos de registro.",
        "El indicador se mide pero no se analiza su tendencia.",
        "Conviene ampliar la capacitación al personal temporal.",
    ),
    Verdict.MINOR: (
        "Registros de inspección incompletos en dos de diez muestras.",
        "El procedimiento no está actualizado a la versión vigente de la norma.",
        "La matriz de riesgos no incluye un proceso nuevo.",
        "Falta la firma del responsable en las actas de revisión.",
    ),
    Verdict.MAJOR: (
        "No existe evidencia de verificación de los asociados de negocio.",
        "El control de acceso a las áreas críticas no funciona.",
        "No se realizan inspecciones de la unidad de carga antes del llenado.",
        "Los sellos de alta seguridad no se registran ni se controlan.",
    ),
    Verdict.NOT_APPLICABLE: (
        "No aplica por el alcance de la operación.",
        "La empresa no realiza esta actividad.",
    ),
}

ACTIONS = (
    "Actualizar el procedimiento y capacitar al personal responsable.",
    "Implementar el registro faltante y verificar su uso durante tres meses.",
    "Revisar la matriz de riesgos e incluir el proceso afectado.",
    "Reforzar el control y realizar una auditoría interna de seguimiento.",
)
CLOSURES = (
    "Se verificó la implementación con evidencia documental.",
    "Cerrada tras la visita de seguimiento del auditor.",
    "Evidencia fotográfica y registros aceptados por el auditor líder.",
)

AUTHORITIES: dict[str, str] = {
    "CO": "DIAN", "MX": "SAT", "PE": "SUNAT", "EC": "SENAE",
    "CR": "Dirección General de Aduanas", "DO": "Dirección General de Aduanas",
    "GT": "SAT", "SV": "Dirección General de Aduanas", "PA": "Autoridad Nacional de Aduanas",
    "UY": "Dirección Nacional de Aduanas", "VE": "SENIAT",
    "HT": "Administration Générale des Douanes", "US": "U.S. Customs and Border Protection",
}  # fmt: skip
ISO_BODIES = ("ICONTEC", "Bureau Veritas", "SGS", "BSI", "Applus+")
PROGRAM_AUTHORITY = {RelatedProgram.CTPAT: "U.S. Customs and Border Protection (CBP)"}

COMMITTEE_MEMBERS = (
    "Presidente del capítulo, directora ejecutiva y dos directores.",
    "Directora ejecutiva, coordinador de certificación y tres directores.",
    "Junta directiva en pleno.",
)


def audit_summary(counts: dict[Verdict, int]) -> str:
    """Like "26 requisitos evaluados. No conformidades mayores: 0; menores: 2; …"."""
    return (
        f"{sum(counts.values())} requisitos evaluados. "
        f"No conformidades mayores: {counts.get(Verdict.MAJOR, 0)}; "
        f"menores: {counts.get(Verdict.MINOR, 0)}; "
        f"observaciones: {counts.get(Verdict.OBSERVATION, 0)}."
    )
