<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_419" sourcelanguage="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BASC Desktop</source>
        <translation>Acerca de BASC Desktop</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Desarrollado con</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Archivo de registro</translation>
    </message>
    <message>
        <source>Member registration, audits and certification for the chapters of the Business Alliance for Secure Commerce (BASC).</source>
        <translation>Registro de miembros, auditorías y certificación para los capítulos de la Business Alliance for Secure Commerce (BASC).</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
</context>
<context>
    <name>ActionFilterBar</name>
    <message>
        <source>&amp;Overdue</source>
        <translation>&amp;Vencidas</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Cualquier gravedad</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Due this &amp;week</source>
        <translation>Vencen esta &amp;semana</translation>
    </message>
    <message>
        <source>Not closed yet</source>
        <translation>Aún no cerradas</translation>
    </message>
    <message>
        <source>Search company, tax ID or city (Ctrl+F)</source>
        <translation>Buscar empresa, identificación tributaria o ciudad (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>ActionPlanDialog</name>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>&amp;Owner at the company:</source>
        <translation>&amp;Responsable en la empresa:</translation>
    </message>
    <message>
        <source>Corrective action plan</source>
        <translation>Plan de la acción correctiva</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>Fecha de &amp;vencimiento:</translation>
    </message>
</context>
<context>
    <name>ActionStepDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Follow-up audit:</source>
        <translation>Auditoría de &amp;seguimiento:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>A corrective action is verified by a follow-up audit of the same company. Plan and start one first.</source>
        <translation>Una acción correctiva se verifica mediante una auditoría de seguimiento de la misma empresa. Programe e inicie una primero.</translation>
    </message>
    <message>
        <source>Close corrective action</source>
        <translation>Cerrar acción correctiva</translation>
    </message>
    <message>
        <source>Follow-up of {date} ({lead})</source>
        <translation>Seguimiento del {date} ({lead})</translation>
    </message>
    <message>
        <source>No follow-up audit of this company is in progress</source>
        <translation>No hay ninguna auditoría de seguimiento de esta empresa en curso</translation>
    </message>
    <message>
        <source>Submit corrective action</source>
        <translation>Presentar acción correctiva</translation>
    </message>
    <message>
        <source>Verify corrective action</source>
        <translation>Verificar acción correctiva</translation>
    </message>
    <message>
        <source>What the company did, what was seen, documents received…</source>
        <translation>Lo que hizo la empresa, lo que se vio, documentos recibidos…</translation>
    </message>
</context>
<context>
    <name>ActionsArea</name>
    <message>
        <source>&amp;Edit plan…</source>
        <translation>&amp;Editar plan…</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Presentar…</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Verificar…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation>C&amp;errar…</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Exportar a E&amp;xcel…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Select a corrective action to see its details.</source>
        <translation>Seleccione una acción correctiva para ver sus detalles.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Presentada</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>{count} corrective actions</source>
        <translation>{count} acciones correctivas</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Requisito</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>ActivityArea</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the activity</source>
        <translation>Exportar la actividad</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Exportar a E&amp;xcel…</translation>
    </message>
    <message>
        <source>No fields.</source>
        <translation>Sin campos.</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <source>Select an event to see every field it changed.</source>
        <translation>Seleccione un evento para ver cada campo que cambió.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Escribiendo {file}…</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} eventos</translation>
    </message>
    <message>
        <source>{count} events were written to {path}.</source>
        <translation>Se escribieron {count} eventos en {path}.</translation>
    </message>
</context>
<context>
    <name>ActivityFilterBar</name>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <source>Any record</source>
        <translation>Cualquier registro</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquier usuario</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Search record, code or changed value (Ctrl+F)</source>
        <translation>Buscar registro, código o valor cambiado (Ctrl+F)</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
</context>
<context>
    <name>AdmissionChecklistModel</name>
    <message>
        <source>Attached file</source>
        <translation>Archivo adjunto</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>The chapter does not ask this document of this business type.</source>
        <translation>El capítulo no pide este documento a este tipo de negocio.</translation>
    </message>
    <message>
        <source>{received} of {required} documents</source>
        <translation>{received} de {required} documentos</translation>
    </message>
</context>
<context>
    <name>AdmissionCommands</name>
    <message>
        <source>&amp;Committee session…</source>
        <translation>Sesión del &amp;comité…</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Decidir…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>&amp;Minutes…</source>
        <translation>&amp;Acta…</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>&amp;Nueva solicitud…</translation>
    </message>
    <message>
        <source>&amp;Welcome letter…</source>
        <translation>Carta de &amp;bienvenida…</translation>
    </message>
    <message>
        <source>Committee decision</source>
        <translation>Decisión del comité</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Acta</translation>
    </message>
    <message>
        <source>Only an admitted company gets a welcome letter.</source>
        <translation>Solo una empresa admitida recibe carta de bienvenida.</translation>
    </message>
    <message>
        <source>Open it now?</source>
        <translation>¿Desea abrirlo ahora?</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>Guardar el acta</translation>
    </message>
    <message>
        <source>Save the welcome letter</source>
        <translation>Guardar la carta de bienvenida</translation>
    </message>
    <message>
        <source>The committee decides on the applications on its agenda: put this application on a committee session first.</source>
        <translation>El comité decide sobre las solicitudes de su orden del día: primero incluya esta solicitud en una sesión del comité.</translation>
    </message>
    <message>
        <source>The minutes of the committee of {date} were saved to {path}.</source>
        <translation>El acta del comité del {date} se guardó en {path}.</translation>
    </message>
    <message>
        <source>The welcome letter of {company} was saved to {path}.</source>
        <translation>La carta de bienvenida de {company} se guardó en {path}.</translation>
    </message>
    <message>
        <source>This application has not been on a committee session yet.</source>
        <translation>Esta solicitud todavía no ha pasado por una sesión del comité.</translation>
    </message>
    <message>
        <source>Welcome letter</source>
        <translation>Carta de bienvenida</translation>
    </message>
    <message>
        <source>Writing the minutes of the committee of {date}…</source>
        <translation>Escribiendo el acta del comité del {date}…</translation>
    </message>
    <message>
        <source>Writing the welcome letter of {company}…</source>
        <translation>Escribiendo la carta de bienvenida de {company}…</translation>
    </message>
    <message>
        <source>the application of {company}</source>
        <translation>la solicitud de {company}</translation>
    </message>
</context>
<context>
    <name>AdmissionDetailPanel</name>
    <message>
        <source>&amp;Missing</source>
        <translation>&amp;Falta</translation>
    </message>
    <message>
        <source>&amp;Not applicable</source>
        <translation>&amp;No aplica</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>&amp;Received</source>
        <translation>&amp;Recibido</translation>
    </message>
    <message>
        <source>A&amp;ttach file…</source>
        <translation>&amp;Adjuntar archivo…</translation>
    </message>
    <message>
        <source>Admission documents</source>
        <translation>Documentos de admisión</translation>
    </message>
    <message>
        <source>Attach a file to “{document}”</source>
        <translation>Adjuntar un archivo a «{document}»</translation>
    </message>
    <message>
        <source>Certification audit to be asked for by {date}</source>
        <translation>Debe solicitar la auditoría de certificación a más tardar el {date}</translation>
    </message>
    <message>
        <source>Committee of {date}: {decision}</source>
        <translation>Comité del {date}: {decision}</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx);;All files (*)</source>
        <translation>Documentos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Select an application to see its documents.</source>
        <translation>Seleccione una solicitud para ver sus documentos.</translation>
    </message>
    <message>
        <source>Welcome letter of {date}</source>
        <translation>Carta de bienvenida del {date}</translation>
    </message>
    <message>
        <source>no decision yet</source>
        <translation>sin decisión todavía</translation>
    </message>
    <message>
        <source>on</source>
        <translation>el</translation>
    </message>
    <message>
        <source>opened {date}</source>
        <translation>abierta el {date}</translation>
    </message>
</context>
<context>
    <name>AdmissionFilterBar</name>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Audit &amp;deadline within</source>
        <translation>&amp;Plazo de auditoría dentro de</translation>
    </message>
    <message>
        <source>Open (no final decision)</source>
        <translation>Abiertas (sin decisión final)</translation>
    </message>
    <message>
        <source>Search company, tax ID or city (Ctrl+F)</source>
        <translation>Buscar empresa, identificación tributaria o ciudad (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>AdmissionsArea</name>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>&amp;Applications</source>
        <translation>&amp;Solicitudes</translation>
    </message>
    <message>
        <source>D&amp;eadlines</source>
        <translation>P&amp;lazos</translation>
    </message>
    <message>
        <source>Deadline past or within</source>
        <translation>Plazo vencido o dentro de</translation>
    </message>
    <message>
        <source>{count} companies, {overdue} overdue</source>
        <translation>{count} empresas, {overdue} vencidas</translation>
    </message>
    <message>
        <source>{shown} of {total} applications</source>
        <translation>{shown} de {total} solicitudes</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <source>Audit deadline</source>
        <translation>Plazo de auditoría</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>Tipo de negocio</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>Comité</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
    <message>
        <source>{received} of {required}</source>
        <translation>{received} de {required}</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Admisiones</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Auditorías</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Acciones correctivas</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Renovaciones</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Normas</translation>
    </message>
</context>
<context>
    <name>AuditCalendar</name>
    <message>
        <source>Audits planned on {date}: {count}</source>
        <translation>Auditorías previstas el {date}: {count}</translation>
    </message>
</context>
<context>
    <name>AuditCommands</name>
    <message>
        <source>&amp;Export report PDF…</source>
        <translation>&amp;Exportar informe en PDF…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>&amp;Plan audit…</source>
        <translation>&amp;Programar auditoría…</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Informar</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>A&amp;uditors…</source>
        <translation>A&amp;uditores…</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Audit checklist</source>
        <translation>Lista de verificación de la auditoría</translation>
    </message>
    <message>
        <source>C&amp;hange plan…</source>
        <translation>Ca&amp;mbiar programación…</translation>
    </message>
    <message>
        <source>C&amp;lose audit</source>
        <translation>C&amp;errar auditoría</translation>
    </message>
    <message>
        <source>Close audit</source>
        <translation>Cerrar auditoría</translation>
    </message>
    <message>
        <source>Close the audit of {company}? Nothing more can be recorded on it.</source>
        <translation>¿Cerrar la auditoría de {company}? Ya no se podrá registrar nada más en ella.</translation>
    </message>
    <message>
        <source>Export audit report</source>
        <translation>Exportar informe de auditoría</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Exportar a E&amp;xcel…</translation>
    </message>
    <message>
        <source>Open &amp;checklist</source>
        <translation>Abrir &amp;lista de verificación</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report audit</source>
        <translation>Informar auditoría</translation>
    </message>
    <message>
        <source>Report of the audit of {date} saved to {path}</source>
        <translation>Informe de la auditoría del {date} guardado en {path}</translation>
    </message>
    <message>
        <source>Report the audit of {company}? Its nonconformities become corrective actions, and its verdicts can no longer be changed.</source>
        <translation>¿Informar la auditoría de {company}? Sus no conformidades se convierten en acciones correctivas y sus veredictos ya no podrán cambiarse.</translation>
    </message>
    <message>
        <source>The checklist is made when the audit starts; start it first.</source>
        <translation>La lista de verificación se crea al iniciar la auditoría; inicie la auditoría primero.</translation>
    </message>
    <message>
        <source>Writing the audit report of {company}…</source>
        <translation>Escribiendo el informe de auditoría de {company}…</translation>
    </message>
    <message>
        <source>audit {id} of {company}</source>
        <translation>la auditoría {id} de {company}</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>Any auditor</source>
        <translation>Cualquier auditor</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Cualquier tipo</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Mes:</translation>
    </message>
    <message>
        <source>Search company, tax ID or city (Ctrl+F)</source>
        <translation>Buscar empresa, identificación tributaria o ciudad (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>AuditorForm</name>
    <message>
        <source>&amp;Chapter:</source>
        <translation>&amp;Capítulo:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Any chapter</source>
        <translation>Cualquier capítulo</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Editar {name}</translation>
    </message>
    <message>
        <source>New auditor</source>
        <translation>Nuevo auditor</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
</context>
<context>
    <name>AuditorsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>Auditors</source>
        <translation>Auditores</translation>
    </message>
    <message>
        <source>C&amp;hapter:</source>
        <translation>Ca&amp;pítulo:</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>Re&amp;tirar</translation>
    </message>
    <message>
        <source>Reacti&amp;vate</source>
        <translation>Reacti&amp;var</translation>
    </message>
    <message>
        <source>Retire auditor</source>
        <translation>Retirar auditor</translation>
    </message>
    <message>
        <source>Retire {name}? They stay on the audits they took part in, but are no longer offered for new plans.</source>
        <translation>¿Retirar a {name}? Seguirá en las auditorías en las que participó, pero ya no se ofrecerá para nuevas programaciones.</translation>
    </message>
    <message>
        <source>Show &amp;retired</source>
        <translation>Mostrar &amp;retirados</translation>
    </message>
    <message>
        <source>{count} auditors</source>
        <translation>{count} auditores</translation>
    </message>
</context>
<context>
    <name>AuditorsModel</name>
    <message>
        <source>Audits</source>
        <translation>Auditorías</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>AuditsArea</name>
    <message>
        <source>{count} audits</source>
        <translation>{count} auditorías</translation>
    </message>
</context>
<context>
    <name>AuditsModel</name>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Lead auditor</source>
        <translation>Auditor líder</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prevista</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norma</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>{judged} of {total} judged</source>
        <translation>{judged} de {total} calificados</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Automatic backup saved: {file}</source>
        <translation>Copia de seguridad automática guardada: {file}</translation>
    </message>
    <message>
        <source>BASC Desktop backups ({patterns});;All files (*)</source>
        <translation>Copias de seguridad de BASC Desktop ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>BASC Desktop databases ({patterns})</source>
        <translation>Bases de datos de BASC Desktop ({patterns})</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>No se puede restaurar la copia de seguridad</translation>
    </message>
    <message>
        <source>Copying {database} to {file}…</source>
        <translation>Copiando {database} a {file}…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Restore the backup of {date} ({file})?

Everything in {database} will be replaced by the backup&apos;s data: changes made since then are undone. A copy of the current data is kept in {folder} first.</source>
        <translation>¿Restaurar la copia de seguridad del {date} ({file})?

Todo el contenido de {database} será reemplazado por los datos de la copia: los cambios hechos desde entonces se deshacen. Antes se guarda una copia de los datos actuales en {folder}.</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Restaurando {file}…</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>La copia de seguridad automática falló: {reason}</translation>
    </message>
    <message>
        <source>The backup was saved to {file} ({size}).</source>
        <translation>La copia de seguridad se guardó en {file} ({size}).</translation>
    </message>
    <message>
        <source>The backup {file} was restored.</source>
        <translation>Se restauró la copia de seguridad {file}.</translation>
    </message>
    <message>
        <source>The data it replaced was kept in {file}.</source>
        <translation>Los datos que reemplazó se guardaron en {file}.</translation>
    </message>
</context>
<context>
    <name>CertificateCommands</name>
    <message>
        <source>&amp;Issue…</source>
        <translation>&amp;Emitir…</translation>
    </message>
    <message>
        <source>&amp;Print/PDF…</source>
        <translation>&amp;Imprimir/PDF…</translation>
    </message>
    <message>
        <source>&amp;Reinstate…</source>
        <translation>&amp;Restablecer…</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>&amp;Suspender…</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Verificar…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>Re&amp;tirar…</translation>
    </message>
    <message>
        <source>Certificate {code} issued to {company}</source>
        <translation>Certificado {code} emitido a {company}</translation>
    </message>
    <message>
        <source>Certificates — preview</source>
        <translation>Certificados — vista previa</translation>
    </message>
    <message>
        <source>Making the PDF of {count} certificates…</source>
        <translation>Generando el PDF de {count} certificados…</translation>
    </message>
    <message>
        <source>No certificate was issued this month.</source>
        <translation>No se emitió ningún certificado este mes.</translation>
    </message>
    <message>
        <source>Print all issued this &amp;month…</source>
        <translation>Imprimir todos los emitidos este &amp;mes…</translation>
    </message>
    <message>
        <source>Print certificates</source>
        <translation>Imprimir certificados</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
</context>
<context>
    <name>CertificateDetailPanel</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Issue number</source>
        <translation>Número de emisión</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <source>Renews</source>
        <translation>Renueva</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Select a certificate to see its details and history.</source>
        <translation>Seleccione un certificado para ver sus datos y su historial.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norma</translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation>Reemplazado por</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
</context>
<context>
    <name>CertificateFilterBar</name>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>&amp;Expiring within</source>
        <translation>&amp;Vencen en menos de</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Todos los países</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Search code, company or tax ID (Ctrl+F)</source>
        <translation>Buscar código, empresa o identificación tributaria (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>CertificateHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Recorded on {when}</source>
        <translation>Registrado el {when}</translation>
    </message>
</context>
<context>
    <name>CertificateMoveDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>An overdue major nonconformity, unpaid fees, a security incident…</source>
        <translation>Una no conformidad mayor vencida, cuotas impagas, un incidente de seguridad…</translation>
    </message>
    <message>
        <source>Issued {issued}, expires {expires}</source>
        <translation>Emitido el {issued}, vence el {expires}</translation>
    </message>
    <message>
        <source>Reinstate certificate</source>
        <translation>Restablecer certificado</translation>
    </message>
    <message>
        <source>Suspend certificate</source>
        <translation>Suspender certificado</translation>
    </message>
    <message>
        <source>What was put right, and how it was checked…</source>
        <translation>Qué se corrigió y cómo se comprobó…</translation>
    </message>
    <message>
        <source>Why the certificate is withdrawn…</source>
        <translation>Por qué se retira el certificado…</translation>
    </message>
    <message>
        <source>Withdraw certificate</source>
        <translation>Retirar certificado</translation>
    </message>
    <message>
        <source>Withdraw certificate {code} of {company} on {date}? This is final: it cannot be reinstated afterwards.</source>
        <translation>¿Retirar el certificado {code} de {company} el {date}? Es definitivo: no podrá restablecerse después.</translation>
    </message>
    <message>
        <source>Withdrawal is final: the certificate cannot be reinstated afterwards.</source>
        <translation>El retiro es definitivo: el certificado no podrá restablecerse después.</translation>
    </message>
</context>
<context>
    <name>CertificatesArea</name>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Exportar a E&amp;xcel…</translation>
    </message>
    <message>
        <source>{shown} of {total} certificates</source>
        <translation>{shown} de {total} certificados</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Días restantes</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} días</translation>
    </message>
    <message>
        <source>{scope} · standard {version}</source>
        <translation>{scope} · norma {version}</translation>
    </message>
</context>
<context>
    <name>ChapterDetail</name>
    <message>
        <source>Admission checklist</source>
        <translation>Lista de verificación de admisión</translation>
    </message>
    <message>
        <source>Certificate code</source>
        <translation>Código de certificado</translation>
    </message>
    <message>
        <source>Certificate validity</source>
        <translation>Vigencia del certificado</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Acciones correctivas</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Every business type</source>
        <translation>Todos los tipos de empresa</translation>
    </message>
    <message>
        <source>Expiry warning</source>
        <translation>Aviso de vencimiento</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Only for: {kinds}</source>
        <translation>Solo para: {kinds}</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Select a chapter to see its details.</source>
        <translation>Seleccione un capítulo para ver sus detalles.</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Firmantes</translation>
    </message>
    <message>
        <source>Time allowed in process</source>
        <translation>Tiempo máximo en proceso</translation>
    </message>
    <message>
        <source>major findings {major} days, minor findings {minor} days</source>
        <translation>hallazgos mayores {major} días, hallazgos menores {minor} días</translation>
    </message>
    <message>
        <source>{days} days before expiry</source>
        <translation>{days} días antes del vencimiento</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} meses</translation>
    </message>
    <message>
        <source>{pattern}, e.g. {example}</source>
        <translation>{pattern}, p. ej. {example}</translation>
    </message>
</context>
<context>
    <name>ChaptersArea</name>
    <message>
        <source>Chapters are read from the chapter files at start. To change one, edit its file and restart BASC Desktop.</source>
        <translation>Los capítulos se leen de sus archivos al iniciar. Para cambiar uno, edite su archivo y reinicie BASC Desktop.</translation>
    </message>
    <message>
        <source>{count} chapters</source>
        <translation>{count} capítulos</translation>
    </message>
</context>
<context>
    <name>ChaptersModel</name>
    <message>
        <source>Certificate code</source>
        <translation>Código de certificado</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Acciones correctivas</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Pattern: {pattern}</source>
        <translation>Patrón: {pattern}</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Vigencia</translation>
    </message>
    <message>
        <source>major {major} d, minor {minor} d</source>
        <translation>mayor {major} d, menor {minor} d</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} meses</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>&amp;Evidence note:</source>
        <translation>Nota de &amp;evidencia:</translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation>&amp;Guardar nota</translation>
    </message>
    <message>
        <source>Audit checklist</source>
        <translation>Lista de verificación de la auditoría</translation>
    </message>
    <message>
        <source>Checklist — {company}</source>
        <translation>Lista de verificación — {company}</translation>
    </message>
    <message>
        <source>Evidence seen, documents, people interviewed…</source>
        <translation>Evidencia vista, documentos, personas entrevistadas…</translation>
    </message>
    <message>
        <source>Key {key}, or Ctrl+{key} while writing the note</source>
        <translation>Tecla {key}, o Ctrl+{key} mientras escribe la nota</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>Sin calificar aún</translation>
    </message>
    <message>
        <source>Only &amp;unjudged</source>
        <translation>Solo sin &amp;calificar</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>standard {version}</source>
        <translation>norma {version}</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Requisito</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
</context>
<context>
    <name>CommitteeSessionDialog</name>
    <message>
        <source>&amp;Applications:</source>
        <translation>&amp;Solicitudes:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Members present:</source>
        <translation>&amp;Miembros presentes:</translation>
    </message>
    <message>
        <source>C&amp;hapter:</source>
        <translation>C&amp;apítulo:</translation>
    </message>
    <message>
        <source>Committee session</source>
        <translation>Sesión del comité</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>No application of this chapter is ready for the committee.</source>
        <translation>Ninguna solicitud de este capítulo está lista para el comité.</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>Un nombre por línea</translation>
    </message>
    <message>
        <source>Tick the applications the committee will hear.</source>
        <translation>Marque las solicitudes que examinará el comité.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>(no log file is set up)</source>
        <translation>(no hay archivo de registro configurado)</translation>
    </message>
    <message>
        <source>BASC Desktop</source>
        <translation>BASC Desktop</translation>
    </message>
    <message>
        <source>BASC Desktop met a problem it did not expect, and the last action may not have been completed.

The details were written to the log file:
{log_file}

Please send that file to your support contact. You can keep working, but if something looks wrong, save your work and restart the program.</source>
        <translation>BASC Desktop encontró un problema inesperado y es posible que la última acción no se haya completado.

Los detalles se escribieron en el archivo de registro:
{log_file}

Envíe ese archivo a su contacto de soporte. Puede seguir trabajando, pero si algo no se ve bien, guarde su trabajo y reinicie el programa.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
</context>
<context>
    <name>DashboardArea</name>
    <message>
        <source>&amp;PDF report…</source>
        <translation>Informe &amp;PDF…</translation>
    </message>
    <message>
        <source>Certificates in force on {date} that expire in {month}</source>
        <translation>Certificados vigentes al {date} que vencen en {month}</translation>
    </message>
    <message>
        <source>Certified with more than 90 days left in {place} on {date}</source>
        <translation>Certificadas con más de 90 días de vigencia en {place} al {date}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>E&amp;xcel…</source>
        <translation>E&amp;xcel…</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Se guardó {file}</translation>
    </message>
    <message>
        <source>Show the dashboard as it was on this date</source>
        <translation>Mostrar el tablero tal como estaba en esta fecha</translation>
    </message>
    <message>
        <source>Status &amp;on:</source>
        <translation>Estado &amp;al:</translation>
    </message>
    <message>
        <source>Status on {date} (from the history)</source>
        <translation>Estado al {date} (según el historial)</translation>
    </message>
    <message>
        <source>Status today, {date}</source>
        <translation>Estado hoy, {date}</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>all countries</source>
        <translation>todos los países</translation>
    </message>
    <message>
        <source>chapter {chapter}</source>
        <translation>capítulo {chapter}</translation>
    </message>
    <message>
        <source>{figure} in {place} on {date}</source>
        <translation>{figure} en {place} al {date}</translation>
    </message>
    <message>
        <source>{members} members in {countries} countries on {date}</source>
        <translation>{members} miembros en {countries} países al {date}</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the dashboard as a PDF report</source>
        <translation>Guardar el tablero como informe PDF</translation>
    </message>
    <message>
        <source>Save the dashboard as an Excel workbook</source>
        <translation>Guardar el tablero como libro de Excel</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Escribiendo {file}…</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>All countries</source>
        <translation>Todos los países</translation>
    </message>
    <message>
        <source>Audits
this month</source>
        <translation>Auditorías
este mes</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Certificadas</translation>
    </message>
    <message>
        <source>Country and chapter</source>
        <translation>País y capítulo</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <source>Expiring
≤ 30 days</source>
        <translation>Vencen
≤ 30 días</translation>
    </message>
    <message>
        <source>Expiring
≤ 60 days</source>
        <translation>Vencen
≤ 60 días</translation>
    </message>
    <message>
        <source>Expiring
≤ 90 days</source>
        <translation>Vencen
≤ 90 días</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Open
actions</source>
        <translation>Acciones
abiertas</translation>
    </message>
    <message>
        <source>Overdue
actions</source>
        <translation>Acciones
vencidas</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendidas</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiradas</translation>
    </message>
    <message>
        <source>{figure}: double-click to list them</source>
        <translation>{figure}: haga doble clic para verlas en una lista</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <source>BASC Desktop databases ({patterns});;All files (*)</source>
        <translation>Bases de datos de BASC Desktop ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Base de datos de demostración</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <source>Opening {database}…</source>
        <translation>Abriendo {database}…</translation>
    </message>
    <message>
        <source>The demo database does not exist yet. Build it now with fictional companies? It takes about a minute.</source>
        <translation>La base de datos de demostración aún no existe. ¿Desea crearla ahora con empresas ficticias? Tarda alrededor de un minuto.</translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message>
        <source>Admitted</source>
        <translation>Admitida</translation>
    </message>
    <message>
        <source>Audit deadline</source>
        <translation>Plazo de auditoría</translation>
    </message>
    <message>
        <source>Certification audit</source>
        <translation>Auditoría de certificación</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Vence hoy</translation>
    </message>
    <message>
        <source>Not planned</source>
        <translation>Sin programar</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>Vencido hace {days} días</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>Quedan {days} días</translation>
    </message>
</context>
<context>
    <name>DecideApplicationDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Committee decision</source>
        <translation>Decisión del comité</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Decisión:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Required: what the company is to bring</source>
        <translation>Obligatorio: qué debe presentar la empresa</translation>
    </message>
    <message>
        <source>Required: why the committee turned it down</source>
        <translation>Obligatorio: por qué el comité la rechazó</translation>
    </message>
    <message>
        <source>committee of {date}</source>
        <translation>comité del {date}</translation>
    </message>
    <message>
        <source>{documents} documents</source>
        <translation>{documents} documentos</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Building the demo database with {count} fictional companies…</source>
        <translation>Creando la base de datos de demostración con {count} empresas ficticias…</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Base de datos de demostración</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>BASC Desktop</source>
        <translation>BASC Desktop</translation>
    </message>
</context>
<context>
    <name>ExcelExport</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export corrective actions</source>
        <translation>Exportar las acciones correctivas</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Exportar miembros</translation>
    </message>
    <message>
        <source>Export the audit plan</source>
        <translation>Exportar el plan de auditorías</translation>
    </message>
    <message>
        <source>Export the certificates register</source>
        <translation>Exportar el registro de certificados</translation>
    </message>
    <message>
        <source>Put each country on a sheet of its own, after a summary sheet of counts by country and status?</source>
        <translation>¿Desea poner cada país en una hoja propia, después de una hoja de resumen con los totales por país y estado?</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Escribiendo {file}…</translation>
    </message>
    <message>
        <source>{count} audits were written to {path}.</source>
        <translation>Se escribieron {count} auditorías en {path}.</translation>
    </message>
    <message>
        <source>{count} certificates were written to {path}.</source>
        <translation>Se escribieron {count} certificados en {path}.</translation>
    </message>
    <message>
        <source>{count} corrective actions were written to {path}.</source>
        <translation>Se escribieron {count} acciones correctivas en {path}.</translation>
    </message>
    <message>
        <source>{count} members were written to {path}.</source>
        <translation>Se escribieron {count} miembros en {path}.</translation>
    </message>
</context>
<context>
    <name>ExpiryChart</name>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>Certificates expiring in the next 12 months</source>
        <translation>Certificados que vencen en los próximos 12 meses</translation>
    </message>
</context>
<context>
    <name>ImportMembersDialog</name>
    <message>
        <source>&amp;Back to the columns</source>
        <translation>&amp;Volver a las columnas</translation>
    </message>
    <message>
        <source>&amp;Check the file</source>
        <translation>&amp;Verificar el archivo</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>&amp;Save report as .xlsx…</source>
        <translation>&amp;Guardar el informe como .xlsx…</translation>
    </message>
    <message>
        <source>&amp;Skip them</source>
        <translation>&amp;Omitirlos</translation>
    </message>
    <message>
        <source>&amp;Update them with the file&apos;s data</source>
        <translation>&amp;Actualizarlos con los datos del archivo</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(no se importa)</translation>
    </message>
    <message>
        <source>Chapter of rows without one:</source>
        <translation>Capítulo de las filas que no lo indican:</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Verificando {file}…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Correct the file and check it again: nothing can be imported while a row has an error.</source>
        <translation>Corrija el archivo y verifíquelo de nuevo: no se puede importar nada mientras una fila tenga un error.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>Encabezado en el archivo</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importar miembros</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importando {file}…</translation>
    </message>
    <message>
        <source>Members already registered:</source>
        <translation>Miembros ya registrados:</translation>
    </message>
    <message>
        <source>None: every row names its chapter</source>
        <translation>Ninguno: cada fila indica su capítulo</translation>
    </message>
    <message>
        <source>Only the first {shown} problems are listed.</source>
        <translation>Solo se muestran los primeros {shown} problemas.</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Se lee como</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Guardar el informe de importación</translation>
    </message>
    <message>
        <source>The first rows, as they will be read:</source>
        <translation>Las primeras filas, tal como se leerán:</translation>
    </message>
    <message>
        <source>The report cannot be saved to {path}: {reason}</source>
        <translation>No se puede guardar el informe en {path}: {reason}</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>No hay nada que importar.</translation>
    </message>
    <message>
        <source>Which field each column of the file is read into:</source>
        <translation>En qué campo se lee cada columna del archivo:</translation>
    </message>
    <message>
        <source>{added} members added, {updated} updated and {skipped} skipped from {file}.</source>
        <translation>{added} miembros agregados, {updated} actualizados y {skipped} omitidos de {file}.</translation>
    </message>
    <message>
        <source>{file}: sheet “{sheet}”, header on row {row}.</source>
        <translation>{file}: hoja “{sheet}”, encabezados en la fila {row}.</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
</context>
<context>
    <name>IssueCertificateDialog</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Emitir</translation>
    </message>
    <message>
        <source>Closed audits without a certificate:</source>
        <translation>Auditorías cerradas sin certificado:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Issue &amp;date:</source>
        <translation>&amp;Fecha de emisión:</translation>
    </message>
    <message>
        <source>Issue certificate</source>
        <translation>Emitir certificado</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <source>No audit matches the search.</source>
        <translation>Ninguna auditoría coincide con la búsqueda.</translation>
    </message>
    <message>
        <source>No closed certification or recertification audit is waiting for its certificate.</source>
        <translation>Ninguna auditoría de certificación o recertificación cerrada espera su certificado.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Firmantes</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norma</translation>
    </message>
    <message>
        <source>Supersedes</source>
        <translation>Reemplaza a</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
    <message>
        <source>This certificate cannot be issued:</source>
        <translation>Este certificado no puede emitirse:</translation>
    </message>
    <message>
        <source>Type part of the company&apos;s name or tax ID</source>
        <translation>Escriba parte del nombre o de la identificación tributaria de la empresa</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About BASC Desktop</source>
        <translation>&amp;Acerca de BASC Desktop</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Hacer copia de seguridad ahora…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Import members from Excel…</source>
        <translation>&amp;Importar miembros desde Excel…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Abrir base de datos…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Search members</source>
        <translation>&amp;Buscar miembros</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>&amp;Verify a certificate…</source>
        <translation>&amp;Verificar un certificado…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(ninguna todavía)</translation>
    </message>
    <message>
        <source>BASC Desktop — {database}</source>
        <translation>BASC Desktop — {database}</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Base de datos: {where}</translation>
    </message>
    <message>
        <source>Open &amp;demo database</source>
        <translation>Abrir base de datos de &amp;demostración</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Res&amp;tore a backup…</source>
        <translation>Res&amp;taurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>Usuario: {user}</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <source>&amp;Archive…</source>
        <translation>Arc&amp;hivar…</translation>
    </message>
    <message>
        <source>&amp;Delete permanently…</source>
        <translation>&amp;Eliminar definitivamente…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Importar desde Excel…</translation>
    </message>
    <message>
        <source>&amp;New member…</source>
        <translation>&amp;Nuevo miembro…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>Archive {company}? An archived member is hidden from the list; its history is kept and it can be restored.</source>
        <translation>¿Archivar {company}? Un miembro archivado no aparece en la lista; su historial se conserva y puede restaurarse.</translation>
    </message>
    <message>
        <source>Archive {count} members? Archived members are hidden from the list; their history is kept and they can be restored.</source>
        <translation>¿Archivar {count} miembros? Los miembros archivados no aparecen en la lista; su historial se conserva y pueden restaurarse.</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>Eliminar definitivamente</translation>
    </message>
    <message>
        <source>Delete {company} permanently? This cannot be undone. (A member who leaves is usually archived instead.)</source>
        <translation>¿Eliminar {company} definitivamente? No se puede deshacer. (Un miembro que se retira normalmente se archiva.)</translation>
    </message>
    <message>
        <source>E&amp;xport the list…</source>
        <translation>E&amp;xportar la lista…</translation>
    </message>
    <message>
        <source>Export &amp;selected…</source>
        <translation>Exportar &amp;seleccionados…</translation>
    </message>
    <message>
        <source>{company} has audits or certificates, so it cannot be deleted. Archive it instead.</source>
        <translation>{company} tiene auditorías o certificados, por lo que no puede eliminarse. Archívelo en su lugar.</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>Fecha de archivo</translation>
    </message>
    <message>
        <source>Archived on {date}</source>
        <translation>Archivado el {date}</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Auditorías</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>Tipo de empresa</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Datos de contacto</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Razón social</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>Número de miembro</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Miembro desde</translation>
    </message>
    <message>
        <source>Next audit</source>
        <translation>Próxima auditoría</translation>
    </message>
    <message>
        <source>No audits.</source>
        <translation>Sin auditorías.</translation>
    </message>
    <message>
        <source>No certificates.</source>
        <translation>Sin certificados.</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>No hay cambios registrados.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Other programs</source>
        <translation>Otros programas</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Renewal reminder sent for certificate {certificate} (expires {expires_on})</source>
        <translation>Recordatorio de renovación enviado para el certificado {certificate} (vence el {expires_on})</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>Select a member to see its details.</source>
        <translation>Seleccione un miembro para ver sus detalles.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Reemplazado</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nombre comercial</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>finished {date}</source>
        <translation>terminada el {date}</translation>
    </message>
    <message>
        <source>planned {date}</source>
        <translation>planificada para el {date}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>desde {date}</translation>
    </message>
    <message>
        <source>standard {version}</source>
        <translation>norma {version}</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>vigente hasta el {date}</translation>
    </message>
    <message>
        <source>{count} older changes are in the event log.</source>
        <translation>Los {count} cambios anteriores están en el registro de eventos.</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <source>{start} to {end} · standard {version}</source>
        <translation>{start} a {end} · norma {version}</translation>
    </message>
    <message>
        <source>{when} · {user} · {action}</source>
        <translation>{when} · {user} · {action}</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>&amp;Add a contact</source>
        <translation>A&amp;gregar un contacto</translation>
    </message>
    <message>
        <source>&amp;Add a program</source>
        <translation>A&amp;gregar un programa</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Business type:</source>
        <translation>&amp;Tipo de empresa:</translation>
    </message>
    <message>
        <source>&amp;Chapter:</source>
        <translation>&amp;Capítulo:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Legal name:</source>
        <translation>&amp;Razón social:</translation>
    </message>
    <message>
        <source>&amp;Member since:</source>
        <translation>Miem&amp;bro desde:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <source>&amp;Reload the member</source>
        <translation>&amp;Volver a cargar el miembro</translation>
    </message>
    <message>
        <source>&amp;Trade name:</source>
        <translation>Nombre co&amp;mercial:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>Sitio &amp;web:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>C&amp;iudad:</translation>
    </message>
    <message>
        <source>C&amp;ompany</source>
        <translation>Em&amp;presa</translation>
    </message>
    <message>
        <source>Choose a business type…</source>
        <translation>Elija un tipo de empresa…</translation>
    </message>
    <message>
        <source>Choose the business type.</source>
        <translation>Elija el tipo de empresa.</translation>
    </message>
    <message>
        <source>Contact&amp;s</source>
        <translation>Cont&amp;actos</translation>
    </message>
    <message>
        <source>Edit {company}</source>
        <translation>Editar {company}</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nuevo miembro</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Open {company}</source>
        <translation>Abrir {company}</translation>
    </message>
    <message>
        <source>Other pro&amp;grams</source>
        <translation>&amp;Otros programas</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
    <message>
        <source>{tax_id_name}:</source>
        <translation>{tax_id_name}:</translation>
    </message>
</context>
<context>
    <name>MemberExport</name>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Libros de Excel (*.xlsx);;Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Exportar miembros</translation>
    </message>
    <message>
        <source>Writing the members to {file}…</source>
        <translation>Escribiendo los miembros en {file}…</translation>
    </message>
    <message>
        <source>{count} members were written to {path}.</source>
        <translation>Se escribieron {count} miembros en {path}.</translation>
    </message>
</context>
<context>
    <name>MemberFilterBar</name>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>All business types</source>
        <translation>Todos los tipos de empresa</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Todos los países</translation>
    </message>
    <message>
        <source>Any expiry</source>
        <translation>Cualquier vencimiento</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Archived members</source>
        <translation>Miembros archivados</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Current and archived</source>
        <translation>Actuales y archivados</translation>
    </message>
    <message>
        <source>Current members</source>
        <translation>Miembros actuales</translation>
    </message>
    <message>
        <source>Expires within:</source>
        <translation>Vence dentro de:</translation>
    </message>
    <message>
        <source>Only members whose certificate expires within this many days</source>
        <translation>Solo los miembros cuyo certificado vence dentro de este número de días</translation>
    </message>
</context>
<context>
    <name>MembersArea</name>
    <message>
        <source>Search by name, tax ID or city (Ctrl+F)</source>
        <translation>Buscar por nombre, identificación tributaria o ciudad (Ctrl+F)</translation>
    </message>
    <message>
        <source>{shown} of {total} members</source>
        <translation>{shown} de {total} miembros</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Business type</source>
        <translation>Tipo de empresa</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Razón social</translation>
    </message>
    <message>
        <source>Next audit</source>
        <translation>Próx. auditoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Id. tributaria</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nombre comercial</translation>
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Empresa:</translation>
    </message>
    <message>
        <source>&amp;Opened on:</source>
        <translation>&amp;Abierta el:</translation>
    </message>
    <message>
        <source>Choose the company that applies first.</source>
        <translation>Primero elija la empresa que solicita.</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>Nueva solicitud</translation>
    </message>
    <message>
        <source>The checklist of documents follows the company&apos;s chapter and business type.</source>
        <translation>La lista de documentos depende del capítulo y del tipo de negocio de la empresa.</translation>
    </message>
    <message>
        <source>Type part of the name, tax ID or city</source>
        <translation>Escriba parte del nombre, la identificación tributaria o la ciudad</translation>
    </message>
    <message>
        <source>already admitted</source>
        <translation>ya admitida</translation>
    </message>
    <message>
        <source>has an open application</source>
        <translation>tiene una solicitud abierta</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>Set</source>
        <translation>Indicar</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Ajustar al &amp;ancho</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Página {page} de {count}</translation>
    </message>
    <message>
        <source>Preview — {file}</source>
        <translation>Vista previa — {file}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Printing {count} pages…</source>
        <translation>Imprimiendo {count} páginas…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {reason}</source>
        <translation>No se pudo guardar el PDF en {path}: {reason}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>No se pudo iniciar la impresora.</translation>
    </message>
    <message>
        <source>{file} could not be opened as a PDF.</source>
        <translation>{file} no pudo abrirse como PDF.</translation>
    </message>
</context>
<context>
    <name>PlanAuditDialog</name>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Empresa:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Lead auditor:</source>
        <translation>Auditor &amp;líder:</translation>
    </message>
    <message>
        <source>&amp;Standard:</source>
        <translation>&amp;Norma:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>E&amp;quipo:</translation>
    </message>
    <message>
        <source>Change audit plan</source>
        <translation>Cambiar la programación de la auditoría</translation>
    </message>
    <message>
        <source>Choose the company to audit first.</source>
        <translation>Elija primero la empresa que se auditará.</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Aún no elegido</translation>
    </message>
    <message>
        <source>Plan audit</source>
        <translation>Programar auditoría</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>Re&amp;sumen:</translation>
    </message>
    <message>
        <source>The form now shows the audit as it is saved; make your changes again.</source>
        <translation>El formulario muestra ahora la auditoría tal como está guardada; haga sus cambios de nuevo.</translation>
    </message>
    <message>
        <source>Type part of the name, tax ID or city</source>
        <translation>Escriba parte del nombre, la identificación tributaria o la ciudad</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versión {version}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>(not chosen)</source>
        <translation>(sin elegir)</translation>
    </message>
    <message>
        <source>A database server (PostgreSQL), shared by the chapter</source>
        <translation>Un servidor de base de datos (PostgreSQL), compartido por el capítulo</translation>
    </message>
    <message>
        <source>A file on this computer: {path}</source>
        <translation>Un archivo en este equipo: {path}</translation>
    </message>
    <message>
        <source>And one a day for the last (days):</source>
        <translation>Y una por día durante los últimos (días):</translation>
    </message>
    <message>
        <source>And one a week for the last (weeks):</source>
        <translation>Y una por semana durante las últimas (semanas):</translation>
    </message>
    <message>
        <source>Automatic backups (made at each start)</source>
        <translation>Copias de seguridad automáticas (una en cada inicio)</translation>
    </message>
    <message>
        <source>Changes to the language and the database take effect the next time BASC Desktop starts.</source>
        <translation>Los cambios de idioma y de base de datos se aplicarán la próxima vez que se inicie BASC Desktop.</translation>
    </message>
    <message>
        <source>Connected to {database}: ready to use.</source>
        <translation>Conectado a {database}: listo para usar.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Keep the newest:</source>
        <translation>Conservar las más recientes:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>La conexión falló.</translation>
    </message>
    <message>
        <source>The preferences cannot be saved in {folder}: {reason}</source>
        <translation>No se pueden guardar las preferencias en {folder}: {reason}</translation>
    </message>
    <message>
        <source>The server address must look like postgresql+psycopg://user:password@server/database.</source>
        <translation>La dirección del servidor debe tener la forma postgresql+psycopg://usuario:contraseña@servidor/base_de_datos.</translation>
    </message>
    <message>
        <source>Your chapter:</source>
        <translation>Su capítulo:</translation>
    </message>
</context>
<context>
    <name>ProgramsModel</name>
    <message>
        <source>Authority</source>
        <translation>Autoridad</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Vigente hasta</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>RecordHistory</name>
    <message>
        <source>History of changes</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>No hay cambios registrados.</translation>
    </message>
    <message>
        <source>{count} older changes are in the Activity area.</source>
        <translation>Hay {count} cambios más antiguos en el área Actividad.</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History of {record}</source>
        <translation>Historial de {record}</translation>
    </message>
</context>
<context>
    <name>RemindersModel</name>
    <message>
        <source> (suspended)</source>
        <translation> (suspendido)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Certificate {code} is suspended.</source>
        <translation>El certificado {code} está suspendido.</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Días restantes</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Last reminder</source>
        <translation>Último recordatorio</translation>
    </message>
    <message>
        <source>{date} ({count} sent)</source>
        <translation>{date} ({count} enviados)</translation>
    </message>
</context>
<context>
    <name>RenewalCommands</name>
    <message>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Marcar como enviados</translation>
    </message>
    <message>
        <source>E&amp;xcel…</source>
        <translation>E&amp;xcel…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the renewal reminders</source>
        <translation>Exportar los recordatorios de renovación</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Marcar como enviados</translation>
    </message>
    <message>
        <source>Mark these {count} reminders as sent?</source>
        <translation>¿Marcar estos {count} recordatorios como enviados?</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Record that a renewal reminder was sent today to {count} companies?</source>
        <translation>¿Registrar que hoy se envió un recordatorio de renovación a {count} empresas?</translation>
    </message>
    <message>
        <source>Reminder &amp;letters…</source>
        <translation>&amp;Cartas de recordatorio…</translation>
    </message>
    <message>
        <source>Reminder letters</source>
        <translation>Cartas de recordatorio</translation>
    </message>
    <message>
        <source>Reminder letters — preview</source>
        <translation>Cartas de recordatorio — vista previa</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Generando el libro…</translation>
    </message>
    <message>
        <source>Writing {count} reminder letters…</source>
        <translation>Generando {count} cartas de recordatorio…</translation>
    </message>
    <message>
        <source>{count} companies were written to {path}.</source>
        <translation>Se guardaron {count} empresas en {path}.</translation>
    </message>
</context>
<context>
    <name>RenewalsArea</name>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>Chapter:</source>
        <translation>Capítulo:</translation>
    </message>
    <message>
        <source>Include already &amp;reminded</source>
        <translation>Incluir los ya &amp;recordados</translation>
    </message>
    <message>
        <source>Select a company to see its last reminder.</source>
        <translation>Seleccione una empresa para ver su último recordatorio.</translation>
    </message>
    <message>
        <source>{company}: last reminder sent on {date} for certificate {code} ({count} in all).</source>
        <translation>{company}: último recordatorio enviado el {date} para el certificado {code} ({count} en total).</translation>
    </message>
    <message>
        <source>{company}: no reminder sent yet for certificate {code}.</source>
        <translation>{company}: aún no se ha enviado ningún recordatorio para el certificado {code}.</translation>
    </message>
    <message>
        <source>{count} companies to remind</source>
        <translation>{count} empresas por recordar</translation>
    </message>
</context>
<context>
    <name>RequirementsModel</name>
    <message>
        <source>Requirements</source>
        <translation>Requisitos</translation>
    </message>
    <message>
        <source>Standard, section or requirement</source>
        <translation>Norma, sección o requisito</translation>
    </message>
    <message>
        <source>Version {version} — {title}</source>
        <translation>Versión {version} — {title}</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Double-click a cell to change it; Delete empties it.</source>
        <translation>Haga doble clic en una celda para cambiarla; Supr la vacía.</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
</context>
<context>
    <name>ShownRecordsBanner</name>
    <message>
        <source>Show all</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Showing {count} from the dashboard: {caption}</source>
        <translation>Se muestran {count} desde el tablero: {caption}</translation>
    </message>
</context>
<context>
    <name>StandardsArea</name>
    <message>
        <source>Applies to</source>
        <translation>Se aplica a</translation>
    </message>
    <message>
        <source>Approved on {date}</source>
        <translation>Aprobada el {date}</translation>
    </message>
    <message>
        <source>Catalogue &amp;language:</source>
        <translation>&amp;Idioma del catálogo:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Every business type</source>
        <translation>Todos los tipos de empresa</translation>
    </message>
    <message>
        <source>Select a requirement to read its text.</source>
        <translation>Seleccione un requisito para leer su texto.</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>{count} requirements</source>
        <translation>{count} requisitos</translation>
    </message>
    <message>
        <source>{count} standards</source>
        <translation>{count} normas</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>BASC Desktop</source>
        <translation>BASC Desktop</translation>
    </message>
    <message>
        <source>BASC Desktop cannot start</source>
        <translation>BASC Desktop no puede iniciarse</translation>
    </message>
    <message>
        <source>BASC Desktop met a problem it did not expect while starting.</source>
        <translation>BASC Desktop encontró un problema inesperado al iniciarse.</translation>
    </message>
    <message>
        <source>The demo database was not built.</source>
        <translation>No se creó la base de datos de demostración.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{log_file}</source>
        <translation>Los detalles se escribieron en el archivo de registro:
{log_file}</translation>
    </message>
</context>
<context>
    <name>StatusChart</name>
    <message>
        <source>Certified</source>
        <translation>Certificadas</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <source>Expiring in 90 days</source>
        <translation>Vencen en 90 días</translation>
    </message>
    <message>
        <source>Members by status in each country</source>
        <translation>Miembros por estado en cada país</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendidas</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiradas</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>&amp;Chapters:</source>
        <translation>&amp;Capítulos:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Inicio de sesión:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirar…</translation>
    </message>
    <message>
        <source>&amp;Save chapters</source>
        <translation>&amp;Guardar capítulos</translation>
    </message>
    <message>
        <source>A&amp;dministrator: sees every chapter, sets up users</source>
        <translation>A&amp;dministrador: ve todos los capítulos, configura usuarios</translation>
    </message>
    <message>
        <source>Nobody is set up yet: everyone who opens this database sees every chapter. The first person you add must be an administrator.</source>
        <translation>Todavía no hay nadie configurado: todos los que abren esta base de datos ven todos los capítulos. La primera persona que agregue debe ser administradora.</translation>
    </message>
    <message>
        <source>Only the people below open this database, each for their chapters. Administrators see every chapter.</source>
        <translation>Solo las personas de la lista abren esta base de datos, cada una para sus capítulos. Los administradores ven todos los capítulos.</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Retirar usuario</translation>
    </message>
    <message>
        <source>Remove {login}? They will no longer open this database; what they did stays in the history.</source>
        <translation>¿Retirar a {login}? Ya no podrá abrir esta base de datos; lo que hizo queda en el historial.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>You ({login}) are not an administrator: you can only look.</source>
        <translation>Usted ({login}) no es administrador: solo puede consultar.</translation>
    </message>
    <message>
        <source>the login name of the person&apos;s PC account</source>
        <translation>el nombre de inicio de sesión de la cuenta del PC de la persona</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <source>Every chapter (administrator)</source>
        <translation>Todos los capítulos (administrador)</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>VerificationCard</name>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation>Reemplazado por</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Comprobar</translation>
    </message>
    <message>
        <source>&amp;Open PDF…</source>
        <translation>&amp;Abrir PDF…</translation>
    </message>
    <message>
        <source>BASC1.… (paste the QR code&apos;s text)</source>
        <translation>BASC1.… (pegue el texto del código QR)</translation>
    </message>
    <message>
        <source>Open a certificate PDF, or paste the text of its QR code, to check that it is genuine and what this register says about it today.</source>
        <translation>Abra el PDF de un certificado, o pegue el texto de su código QR, para comprobar que es auténtico y qué dice hoy este registro sobre él.</translation>
    </message>
    <message>
        <source>Open certificate PDF</source>
        <translation>Abrir el PDF del certificado</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Pasted code</source>
        <translation>Código pegado</translation>
    </message>
    <message>
        <source>Reading the QR code of {file}…</source>
        <translation>Leyendo el código QR de {file}…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Leyendo {file}…</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>Verificar un certificado</translation>
    </message>
    <message>
        <source>{file}: {count} certificates</source>
        <translation>{file}: {count} certificados</translation>
    </message>
</context>
<context>
    <name>basc</name>
    <message>
        <source>&apos;{code}&apos; is already the code of {other}; codes must be unique</source>
        <translation>&apos;{code}&apos; ya es el código de {other}; los códigos deben ser únicos</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is already the id of {other}; ids must be unique</source>
        <translation>&apos;{id}&apos; ya es el id de {other}; los id deben ser únicos</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a business type; known: {known}</source>
        <translation>&apos;{value}&apos; no es un tipo de empresa; tipos conocidos: {known}</translation>
    </message>
    <message>
        <source>&apos;{version}&apos; is already the version of {other}; versions must be unique</source>
        <translation>&apos;{version}&apos; ya es la versión de {other}; las versiones deben ser únicas</translation>
    </message>
    <message>
        <source>--date must look like 2026-07-01; got “{value}”.</source>
        <translation>--date debe tener la forma 2026-07-01; se recibió “{value}”.</translation>
    </message>
    <message>
        <source>--due-within must be 0 days or more.</source>
        <translation>--due-within debe ser de 0 días o más.</translation>
    </message>
    <message>
        <source>--expires-within must be 0 or more days.</source>
        <translation>--expires-within debe ser de 0 días o más.</translation>
    </message>
    <message>
        <source>--expiring must be 0 days or more.</source>
        <translation>--expiring debe ser de 0 días o más.</translation>
    </message>
    <message>
        <source>--kind must be one of: {choices}.</source>
        <translation>--kind debe ser uno de: {choices}.</translation>
    </message>
    <message>
        <source>--limit must be at least 1.</source>
        <translation>--limit debe ser al menos 1.</translation>
    </message>
    <message>
        <source>--month must look like 2026-06; got “{value}”.</source>
        <translation>--month debe tener la forma 2026-06; se recibió “{value}”.</translation>
    </message>
    <message>
        <source>--on must look like 31/12/2025 or 2025-12-31; got “{value}”.</source>
        <translation>--on debe tener la forma 31/12/2025 o 2025-12-31; se recibió “{value}”.</translation>
    </message>
    <message>
        <source>--team must be auditor IDs separated by commas; got “{value}”.</source>
        <translation>--team deben ser números de auditor separados por comas; se recibió “{value}”.</translation>
    </message>
    <message>
        <source>1 major nonconformity is still open: {codes}.</source>
        <translation>1 no conformidad mayor sigue abierta: {codes}.</translation>
    </message>
    <message>
        <source>1 minor nonconformity has no action plan: {codes}.</source>
        <translation>1 no conformidad menor no tiene plan de acción: {codes}.</translation>
    </message>
    <message>
        <source>A backup cannot be written over its own database {path}.</source>
        <translation>Una copia de seguridad no puede escribirse sobre su propia base de datos {path}.</translation>
    </message>
    <message>
        <source>A certificate is issued only once: a renewal issues a new certificate with the next issue number.</source>
        <translation>Un certificado se emite una sola vez: una renovación emite un certificado nuevo con el siguiente número de emisión.</translation>
    </message>
    <message>
        <source>A certificate rests on a certification or recertification audit; audit {id} is “{kind}”.</source>
        <translation>Un certificado se basa en una auditoría de certificación o de recertificación; la auditoría {id} es “{kind}”.</translation>
    </message>
    <message>
        <source>A corrective action is verified while the follow-up audit is in progress; audit {id} is “{state}”.</source>
        <translation>Una acción correctiva se verifica mientras la auditoría de seguimiento está en curso; la auditoría {id} está en “{state}”.</translation>
    </message>
    <message>
        <source>A decision cannot come before the application was opened ({date}).</source>
        <translation>Una decisión no puede ser anterior a la apertura de la solicitud ({date}).</translation>
    </message>
    <message>
        <source>A month is written YYYY-MM, e.g. 2026-06: not {text}</source>
        <translation>Un mes se escribe AAAA-MM, p. ej. 2026-06; no {text}</translation>
    </message>
    <message>
        <source>A planned audit can only be started; it cannot go to “{target}” before it is carried out.</source>
        <translation>Una auditoría planeada solo puede iniciarse; no puede pasar a “{target}” antes de realizarse.</translation>
    </message>
    <message>
        <source>A reminder cannot be dated after today ({today}).</source>
        <translation>Un recordatorio no puede tener una fecha posterior a hoy ({today}).</translation>
    </message>
    <message>
        <source>A reported audit can only be closed; it cannot go to “{target}”.</source>
        <translation>Una auditoría informada solo puede cerrarse; no puede pasar a “{target}”.</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database is backed up on its server, e.g. with pg_dump; ask its administrator.</source>
        <translation>Una base de datos PostgreSQL compartida se respalda en su servidor, por ejemplo con pg_dump; consulte a su administrador.</translation>
    </message>
    <message>
        <source>A submitted corrective action must be verified by a follow-up audit; it cannot go to “{target}” now.</source>
        <translation>Una acción correctiva presentada debe verificarla una auditoría de seguimiento; ahora no puede pasar a “{target}”.</translation>
    </message>
    <message>
        <source>A superseded certificate cannot be reinstated: its renewal is the one in force.</source>
        <translation>Un certificado reemplazado no se puede restablecer: el vigente es su renovación.</translation>
    </message>
    <message>
        <source>A superseded certificate cannot be suspended: its renewal is the one in force.</source>
        <translation>Un certificado reemplazado no se puede suspender: el vigente es su renovación.</translation>
    </message>
    <message>
        <source>A superseded certificate cannot be withdrawn: withdraw its renewal instead.</source>
        <translation>Un certificado reemplazado no se puede retirar: retire su renovación.</translation>
    </message>
    <message>
        <source>A verified corrective action can only be closed; it cannot go to “{target}”.</source>
        <translation>Una acción correctiva verificada solo puede cerrarse; no puede pasar a “{target}”.</translation>
    </message>
    <message>
        <source>A withdrawn certificate cannot be reinstated: withdrawal is final.</source>
        <translation>Un certificado retirado no se puede restablecer: el retiro es definitivo.</translation>
    </message>
    <message>
        <source>A withdrawn certificate cannot be superseded: withdrawal is final.</source>
        <translation>Un certificado retirado no se puede reemplazar: el retiro es definitivo.</translation>
    </message>
    <message>
        <source>A withdrawn certificate cannot be suspended: withdrawal is final.</source>
        <translation>Un certificado retirado no se puede suspender: el retiro es definitivo.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admitida</translation>
    </message>
    <message>
        <source>Air carrier</source>
        <translation>Transportista aéreo</translation>
    </message>
    <message>
        <source>Airport and port support services</source>
        <translation>Servicios de apoyo aeroportuario y portuario</translation>
    </message>
    <message>
        <source>An audit in progress can only be reported; it cannot go to “{target}” now.</source>
        <translation>Una auditoría en curso solo puede informarse; ahora no puede pasar a “{target}”.</translation>
    </message>
    <message>
        <source>An open corrective action must first be submitted by the company; it cannot go to “{target}” yet.</source>
        <translation>Una acción correctiva abierta debe presentarla primero la empresa; todavía no puede pasar a “{target}”.</translation>
    </message>
    <message>
        <source>Another coordinator registered some of these members meanwhile: nothing was written. Check the file again.</source>
        <translation>Otro coordinador registró algunos de estos miembros mientras tanto: no se guardó nada. Verifique el archivo de nuevo.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Application date</source>
        <translation>Fecha de solicitud</translation>
    </message>
    <message>
        <source>Application {id}</source>
        <translation>Solicitud {id}</translation>
    </message>
    <message>
        <source>Application {id} does not exist.</source>
        <translation>La solicitud {id} no existe.</translation>
    </message>
    <message>
        <source>Application {number} of {name}</source>
        <translation>Solicitud {number} de {name}</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>Archivado el</translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation>Como máximo {max} caracteres.</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Audit team</source>
        <translation>Equipo auditor</translation>
    </message>
    <message>
        <source>Audit {id}</source>
        <translation>Auditoría {id}</translation>
    </message>
    <message>
        <source>Audit {id} already has its certificate, {code}.</source>
        <translation>La auditoría {id} ya tiene su certificado, {code}.</translation>
    </message>
    <message>
        <source>Audit {id} does not exist.</source>
        <translation>La auditoría {id} no existe.</translation>
    </message>
    <message>
        <source>Audit {id} is of another company; it cannot verify this corrective action.</source>
        <translation>La auditoría {id} es de otra empresa; no puede verificar esta acción correctiva.</translation>
    </message>
    <message>
        <source>Audit {id} is “{state}”: a certificate is issued once the audit is closed.</source>
        <translation>La auditoría {id} está “{state}”: el certificado se emite cuando la auditoría está cerrada.</translation>
    </message>
    <message>
        <source>Audit {number} of {name}</source>
        <translation>Auditoría {number} de {name}</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Auditors of every chapter are shared: only the administrator of the database changes them.</source>
        <translation>Los auditores de todos los capítulos son compartidos: solo el administrador de la base de datos los modifica.</translation>
    </message>
    <message>
        <source>Audits planned this month</source>
        <translation>Auditorías planeadas este mes</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Autoridad</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>Tipo de empresa</translation>
    </message>
    <message>
        <source>Cannot connect to the database {where}: {detail}</source>
        <translation>No se puede conectar a la base de datos {where}: {detail}</translation>
    </message>
    <message>
        <source>Cannot open the database {where}: {detail}</source>
        <translation>No se puede abrir la base de datos {where}: {detail}</translation>
    </message>
    <message>
        <source>Cargo or maritime agent</source>
        <translation>Agente de carga o marítimo</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Certificate code</source>
        <translation>Código de certificado</translation>
    </message>
    <message>
        <source>Certificate {code}</source>
        <translation>Certificado {code}</translation>
    </message>
    <message>
        <source>Certificate {code} belongs to chapter {chapter}, whose file is missing.</source>
        <translation>El certificado {code} pertenece al capítulo {chapter}, cuyo archivo no se encuentra.</translation>
    </message>
    <message>
        <source>Certificate {code} is unknown to this register.</source>
        <translation>El certificado {code} no se conoce en este registro.</translation>
    </message>
    <message>
        <source>Certificate {id} does not exist.</source>
        <translation>El certificado {id} no existe.</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>Certificación</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Certificada</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Chapter {chapter} has no committee session on {date}.</source>
        <translation>El capítulo {chapter} no tiene sesión del comité el {date}.</translation>
    </message>
    <message>
        <source>Chapter {chapter}&apos;s file is missing: its letters cannot be written.</source>
        <translation>Falta el archivo del capítulo {chapter}: no se pueden generar sus cartas.</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <source>Choose C-TPAT, AEO/OEA or ISO 28000.</source>
        <translation>Elija C-TPAT, AEO/OEA o ISO 28000.</translation>
    </message>
    <message>
        <source>Choose at least one certificate to print.</source>
        <translation>Elija al menos un certificado para imprimir.</translation>
    </message>
    <message>
        <source>Choose at least one member to remind.</source>
        <translation>Elija al menos un miembro a quien enviar el recordatorio.</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Cerrada el</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Collecting documents</source>
        <translation>Reuniendo documentos</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Committee session</source>
        <translation>Sesión del comité</translation>
    </message>
    <message>
        <source>Committee session of {number}</source>
        <translation>Sesión del comité del {number}</translation>
    </message>
    <message>
        <source>Committee session {id} does not exist.</source>
        <translation>La sesión del comité {id} no existe.</translation>
    </message>
    <message>
        <source>Conforming</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Contact {number}: {problem}</source>
        <translation>Contacto {number}: {problem}</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Acción correctiva</translation>
    </message>
    <message>
        <source>Corrective action of audit {number} of {name}</source>
        <translation>Acción correctiva de la auditoría {number} de {name}</translation>
    </message>
    <message>
        <source>Corrective action {id}</source>
        <translation>Acción correctiva {id}</translation>
    </message>
    <message>
        <source>Corrective action {id} does not exist.</source>
        <translation>La acción correctiva {id} no existe.</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Acciones correctivas</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Customs agent</source>
        <translation>Agente de aduanas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Deadline within (days)</source>
        <translation>Plazo en (días)</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decidida</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Fecha de la decisión</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Diagnostic</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Document “{document}” is not on the checklist of application {id}.</source>
        <translation>El documento «{document}» no está en la lista de la solicitud {id}.</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Due within (days)</source>
        <translation>Vence en (días)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>Expires within (days)</source>
        <translation>Vence en (días)</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Por vencer</translation>
    </message>
    <message>
        <source>Expiring in 30 days</source>
        <translation>Vencen en 30 días</translation>
    </message>
    <message>
        <source>Expiring in 60 days</source>
        <translation>Vencen en 60 días</translation>
    </message>
    <message>
        <source>Expiring in 90 days</source>
        <translation>Vencen en 90 días</translation>
    </message>
    <message>
        <source>Exported on {date}</source>
        <translation>Exportado el {date}</translation>
    </message>
    <message>
        <source>Exporter / importer</source>
        <translation>Exportador / importador</translation>
    </message>
    <message>
        <source>Extraordinary</source>
        <translation>Extraordinaria</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation>Huella del archivo</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>Finding of audit {number} of {name}</source>
        <translation>Hallazgo de la auditoría {number} de {name}</translation>
    </message>
    <message>
        <source>Finding {id} does not exist.</source>
        <translation>El hallazgo {id} no existe.</translation>
    </message>
    <message>
        <source>Finished on</source>
        <translation>Terminada el</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Primera fila</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Forged</source>
        <translation>Falsificado</translation>
    </message>
    <message>
        <source>Forged: the signature does not match; the certificate was altered or not made by its chapter.</source>
        <translation>Falsificado: la firma no coincide; el certificado fue alterado o no lo emitió su capítulo.</translation>
    </message>
    <message>
        <source>Free-trade-zone user</source>
        <translation>Usuario de zona franca</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Genuine and valid</source>
        <translation>Auténtico y vigente</translation>
    </message>
    <message>
        <source>Genuine and valid: certificate {code} of {company}, issued on {issued}, expires on {expires}.</source>
        <translation>Auténtico y vigente: certificado {code} de {company}, emitido el {issued}, vence el {expires}.</translation>
    </message>
    <message>
        <source>Genuine but expired</source>
        <translation>Auténtico pero vencido</translation>
    </message>
    <message>
        <source>Genuine but suspended</source>
        <translation>Auténtico pero suspendido</translation>
    </message>
    <message>
        <source>Genuine but withdrawn</source>
        <translation>Auténtico pero retirado</translation>
    </message>
    <message>
        <source>Genuine, but expired on {expires}.</source>
        <translation>Auténtico, pero venció el {expires}.</translation>
    </message>
    <message>
        <source>Genuine, but superseded on {on} by a newer certificate.</source>
        <translation>Auténtico, pero reemplazado el {on} por un certificado más reciente.</translation>
    </message>
    <message>
        <source>Genuine, but superseded on {on} by certificate {newer}.</source>
        <translation>Auténtico, pero reemplazado el {on} por el certificado {newer}.</translation>
    </message>
    <message>
        <source>Genuine, but suspended since {on}.</source>
        <translation>Auténtico, pero suspendido desde el {on}.</translation>
    </message>
    <message>
        <source>Genuine, but suspended since {on}: {reason}</source>
        <translation>Auténtico, pero suspendido desde el {on}: {reason}</translation>
    </message>
    <message>
        <source>Genuine, but withdrawn on {on}.</source>
        <translation>Auténtico, pero retirado el {on}.</translation>
    </message>
    <message>
        <source>Genuine, but withdrawn on {on}: {reason}</source>
        <translation>Auténtico, pero retirado el {on}: {reason}</translation>
    </message>
    <message>
        <source>Give at least one chapter this person works for (or make them an administrator).</source>
        <translation>Indique al menos un capítulo para el que trabaja esta persona (o hágala administradora).</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Realizada el</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Import of {file}</source>
        <translation>Importación de {file}</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Informe de importación</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Fecha de emisión</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Emitido el</translation>
    </message>
    <message>
        <source>Judged</source>
        <translation>Evaluado</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Lead auditor</source>
        <translation>Auditor líder</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Razón social</translation>
    </message>
    <message>
        <source>Letter sent</source>
        <translation>Carta enviada</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Logistics operator</source>
        <translation>Operador logístico</translation>
    </message>
    <message>
        <source>Major nonconformity</source>
        <translation>No conformidad mayor</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>Número de miembro</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Miembro desde</translation>
    </message>
    <message>
        <source>Member {id} does not exist.</source>
        <translation>El miembro {id} no existe.</translation>
    </message>
    <message>
        <source>Member {number} is not on the renewal reminders list.</source>
        <translation>El miembro {number} no está en la lista de recordatorios de renovación.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Minor nonconformity</source>
        <translation>No conformidad menor</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltante</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Name the certificates to print (their codes) or a month.</source>
        <translation>Indique los certificados que desea imprimir (sus códigos) o un mes.</translation>
    </message>
    <message>
        <source>No QR code could be read in {file}: is it a BASC certificate?</source>
        <translation>No se pudo leer ningún código QR en {file}: ¿es un certificado BASC?</translation>
    </message>
    <message>
        <source>No auditors for {country}.</source>
        <translation>No hay auditores para {country}.</translation>
    </message>
    <message>
        <source>No certificate has the code {code}.</source>
        <translation>Ningún certificado tiene el código {code}.</translation>
    </message>
    <message>
        <source>No certificate payload could be read.</source>
        <translation>No se pudo leer el contenido de ningún certificado.</translation>
    </message>
    <message>
        <source>No certificate was issued in {month}.</source>
        <translation>No se emitió ningún certificado en {month}.</translation>
    </message>
    <message>
        <source>No column is read as {label}: choose it, or a default chapter for every row.</source>
        <translation>Ninguna columna se lee como {label}: elíjala, o elija un capítulo predeterminado para todas las filas.</translation>
    </message>
    <message>
        <source>No column is read as {label}: choose the column that holds it.</source>
        <translation>Ninguna columna se lee como {label}: elija la columna que lo contiene.</translation>
    </message>
    <message>
        <source>No company needs a renewal reminder.</source>
        <translation>Ninguna empresa necesita un recordatorio de renovación.</translation>
    </message>
    <message>
        <source>No file is attached to document “{document}” of application {id}.</source>
        <translation>No hay archivo adjunto al documento «{document}» de la solicitud {id}.</translation>
    </message>
    <message>
        <source>No header row was found in {file}: the first rows should name the columns, such as Razón social, NIT, País, Capítulo, Tipo de empresa.</source>
        <translation>No se encontró una fila de encabezados en {file}: las primeras filas deben nombrar las columnas, como Razón social, NIT, País, Capítulo, Tipo de empresa.</translation>
    </message>
    <message>
        <source>No member has the tax ID {tax_id}.</source>
        <translation>Ningún miembro tiene la identificación tributaria {tax_id}.</translation>
    </message>
    <message>
        <source>No member has the {label} {tax_id}.</source>
        <translation>Ningún miembro tiene {label} {tax_id}.</translation>
    </message>
    <message>
        <source>No standard is loaded, so the demo cannot judge any audit.</source>
        <translation>No hay ninguna norma cargada, así que la demostración no puede evaluar ninguna auditoría.</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No aplica</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>On a committee agenda</source>
        <translation>En la agenda del comité</translation>
    </message>
    <message>
        <source>Only a follow-up audit can verify a corrective action; audit {id} is “{kind}”.</source>
        <translation>Solo una auditoría de seguimiento puede verificar una acción correctiva; la auditoría {id} es de tipo “{kind}”.</translation>
    </message>
    <message>
        <source>Only a planned audit can be re-planned; this one is “{state}”.</source>
        <translation>Solo una auditoría planeada puede reprogramarse; esta está en “{state}”.</translation>
    </message>
    <message>
        <source>Only a suspended certificate can be reinstated: this one is valid.</source>
        <translation>Solo un certificado suspendido se puede restablecer: este está vigente.</translation>
    </message>
    <message>
        <source>Only an administrator of this database may set up users; {user} is not one.</source>
        <translation>Solo un administrador de esta base de datos puede configurar usuarios; {user} no lo es.</translation>
    </message>
    <message>
        <source>Only an admitted company gets a welcome letter.</source>
        <translation>Solo una empresa admitida recibe carta de bienvenida.</translation>
    </message>
    <message>
        <source>Only an application waiting on a committee agenda can be taken off it.</source>
        <translation>Solo se puede retirar de la agenda una solicitud que espera en ella.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Open corrective actions</source>
        <translation>Acciones correctivas abiertas</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Abierta el</translation>
    </message>
    <message>
        <source>Other programs</source>
        <translation>Otros programas</translation>
    </message>
    <message>
        <source>Overdue corrective actions</source>
        <translation>Acciones correctivas atrasadas</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Page {page} of {path} cannot be read.</source>
        <translation>No se puede leer la página {page} de {path}.</translation>
    </message>
    <message>
        <source>Part of this {label} is not valid.</source>
        <translation>Una parte del número de {label} no es válida.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planeada</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>Fecha planeada</translation>
    </message>
    <message>
        <source>Port operator or stevedore</source>
        <translation>Operador portuario o estibador</translation>
    </message>
    <message>
        <source>Port terminal</source>
        <translation>Terminal portuaria</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Aplazada</translation>
    </message>
    <message>
        <source>Printing was cancelled: no file was written.</source>
        <translation>Se canceló la impresión: no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Private security company</source>
        <translation>Empresa de seguridad privada</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Program {number}: {problem}</source>
        <translation>Programa {number}: {problem}</translation>
    </message>
    <message>
        <source>Put on a committee session</source>
        <translation>Incluida en una sesión del comité</translation>
    </message>
    <message>
        <source>Put the application on a committee session before recording its decision.</source>
        <translation>Incluya la solicitud en una sesión del comité antes de registrar su decisión.</translation>
    </message>
    <message>
        <source>Reactivated</source>
        <translation>Reactivado</translation>
    </message>
    <message>
        <source>Ready for committee</source>
        <translation>Lista para el comité</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Recibido el</translation>
    </message>
    <message>
        <source>Recertification</source>
        <translation>Recertificación</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Reinstated</source>
        <translation>Restablecido</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Informada</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Informada el</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Requisitos</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>Restoring replaces the database: add --yes to confirm.</source>
        <translation>Restaurar reemplaza la base de datos: agregue --yes para confirmar.</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Road carrier</source>
        <translation>Transportista terrestre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation>Filas por página</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Sea carrier</source>
        <translation>Transportista marítimo</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Fecha de la sesión</translation>
    </message>
    <message>
        <source>Several chapters have a member {number}: say which with --chapter.</source>
        <translation>Varios capítulos tienen un miembro {number}: indique cuál con --chapter.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Clave de firma</translation>
    </message>
    <message>
        <source>Signing key of {name}</source>
        <translation>Clave de firma de {name}</translation>
    </message>
    <message>
        <source>Someone else changed this member&apos;s certificates at the same time. Look at them again, then issue.</source>
        <translation>Otra persona modificó los certificados de este miembro al mismo tiempo. Revíselos de nuevo y luego emita.</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norma</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Normas</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Iniciada el</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Storage terminal or warehouse</source>
        <translation>Terminal de almacenamiento o depósito</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Presentada</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Reemplazado</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendida</translation>
    </message>
    <message>
        <source>Taken off a committee session</source>
        <translation>Retirada de una sesión del comité</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
    <message>
        <source>Tax IDs of the country “{country}” cannot be checked.</source>
        <translation>No se pueden verificar las identificaciones tributarias del país “{country}”.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>The DV of this {label} must have 2 digits.</source>
        <translation>El DV del número de {label} debe tener 2 dígitos.</translation>
    </message>
    <message>
        <source>The application is decided ({state}): its documents can no longer change.</source>
        <translation>La solicitud ya está decidida ({state}): sus documentos ya no pueden cambiar.</translation>
    </message>
    <message>
        <source>The audit cannot be reported: {count} of {total} requirements are not judged yet.</source>
        <translation>No se puede informar la auditoría: {count} de {total} requisitos aún no se han evaluado.</translation>
    </message>
    <message>
        <source>The audit is closed; nothing more can happen to it.</source>
        <translation>La auditoría está cerrada; ya no se le puede hacer nada más.</translation>
    </message>
    <message>
        <source>The backup {path} cannot be copied: {reason}.</source>
        <translation>No se puede copiar la copia de seguridad {path}: {reason}.</translation>
    </message>
    <message>
        <source>The backup {path} cannot be read: {reason}.</source>
        <translation>No se puede leer la copia de seguridad {path}: {reason}.</translation>
    </message>
    <message>
        <source>The backup {path} cannot be written: {reason}.</source>
        <translation>No se puede escribir la copia de seguridad {path}: {reason}.</translation>
    </message>
    <message>
        <source>The backup {path} does not exist.</source>
        <translation>La copia de seguridad {path} no existe.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({detail}); nothing was restored.</source>
        <translation>La copia de seguridad {path} está dañada ({detail}); no se restauró nada.</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of BASC Desktop (schema {revision}). Install that version to restore it; nothing was restored.</source>
        <translation>La copia de seguridad {path} fue hecha por una versión más reciente de BASC Desktop (esquema {revision}). Instale esa versión para restaurarla; no se restauró nada.</translation>
    </message>
    <message>
        <source>The certificate code {code} would not read back the same under the pattern {pattern}.</source>
        <translation>El código de certificado {code} no se leería igual con el patrón {pattern}.</translation>
    </message>
    <message>
        <source>The certificates could not be written to {path}: {reason}</source>
        <translation>No se pudieron escribir los certificados en {path}: {reason}</translation>
    </message>
    <message>
        <source>The chapter is missing: fill it in, or choose a default chapter.</source>
        <translation>Falta el capítulo: indíquelo, o elija un capítulo predeterminado.</translation>
    </message>
    <message>
        <source>The chapter {chapter} is in {chapter_country}, not in {country}.</source>
        <translation>El capítulo {chapter} está en {chapter_country}, no en {country}.</translation>
    </message>
    <message>
        <source>The chapter&apos;s signing key {path} cannot be read: {reason}</source>
        <translation>No se puede leer la clave de firma del capítulo {path}: {reason}</translation>
    </message>
    <message>
        <source>The chapter&apos;s signing key {path} cannot be written: {reason}</source>
        <translation>No se puede guardar la clave de firma del capítulo {path}: {reason}</translation>
    </message>
    <message>
        <source>The chapter&apos;s signing key {path} is not an Ed25519 key.</source>
        <translation>La clave de firma del capítulo {path} no es una clave Ed25519.</translation>
    </message>
    <message>
        <source>The check digit of this {label} is wrong.</source>
        <translation>El dígito verificador del número de {label} es incorrecto.</translation>
    </message>
    <message>
        <source>The city code {value} must be capital letters only, like PTY.</source>
        <translation>El código de ciudad {value} debe tener solo letras mayúsculas, como PTY.</translation>
    </message>
    <message>
        <source>The committee has already decided on {company}: {decision}.</source>
        <translation>El comité ya decidió sobre {company}: {decision}.</translation>
    </message>
    <message>
        <source>The committee session of {date} has not been held yet: decide on it then.</source>
        <translation>La sesión del comité del {date} aún no se ha celebrado: decida entonces.</translation>
    </message>
    <message>
        <source>The company cannot be admitted while documents are missing: {documents}.</source>
        <translation>La empresa no puede ser admitida mientras falten documentos: {documents}.</translation>
    </message>
    <message>
        <source>The company number must be 1 or more, not {value}.</source>
        <translation>El número de empresa debe ser 1 o mayor, no {value}.</translation>
    </message>
    <message>
        <source>The company number {value} has more than the {width} digits that the chapter&apos;s certificate code allows.</source>
        <translation>El número de empresa {value} tiene más de los {width} dígitos que permite el código de certificado del capítulo.</translation>
    </message>
    <message>
        <source>The copy of the file cannot be kept in {folder}: {reason}</source>
        <translation>No se puede guardar la copia del archivo en {folder}: {reason}</translation>
    </message>
    <message>
        <source>The copy of {path} failed its check ({detail}); the database may be damaged.</source>
        <translation>La copia de {path} no pasó la verificación ({detail}); puede que la base de datos esté dañada.</translation>
    </message>
    <message>
        <source>The corrective action is closed; nothing more can happen to it.</source>
        <translation>La acción correctiva está cerrada; ya no se le puede hacer nada más.</translation>
    </message>
    <message>
        <source>The country code {value} must be three capital letters, like PAN.</source>
        <translation>El código de país {value} debe tener tres letras mayúsculas, como PAN.</translation>
    </message>
    <message>
        <source>The country code {value} must be two capital letters, like PA.</source>
        <translation>El código de país {value} debe tener dos letras mayúsculas, como PA.</translation>
    </message>
    <message>
        <source>The current database {path} cannot be kept in {folder}: {reason}.</source>
        <translation>No se puede guardar la base de datos actual {path} en {folder}: {reason}.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be created: {reason}.</source>
        <translation>No se puede crear la carpeta de datos {folder}: {reason}.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written. Choose another with --data-dir.</source>
        <translation>No se puede escribir en la carpeta de datos {folder}. Elija otra con --data-dir.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be written. Check its permissions.</source>
        <translation>No se puede escribir en el archivo de base de datos {path}. Revise sus permisos.</translation>
    </message>
    <message>
        <source>The database file {path} does not exist.</source>
        <translation>El archivo de base de datos {path} no existe.</translation>
    </message>
    <message>
        <source>The database {path} cannot be copied: {detail}.</source>
        <translation>No se puede copiar la base de datos {path}: {detail}.</translation>
    </message>
    <message>
        <source>The database {path} cannot be read: {detail}.</source>
        <translation>No se puede leer la base de datos {path}: {detail}.</translation>
    </message>
    <message>
        <source>The database {path} is in use by another window or program. Close it and restore again; nothing was changed.</source>
        <translation>La base de datos {path} está en uso por otra ventana o programa. Ciérrela y vuelva a restaurar; no se cambió nada.</translation>
    </message>
    <message>
        <source>The database {where} already holds BASC tables at schema {revision}: use “basc db upgrade” to bring it to schema {head}.</source>
        <translation>La base de datos {where} ya contiene tablas de BASC con el esquema {revision}: use “basc db upgrade” para llevarla al esquema {head}.</translation>
    </message>
    <message>
        <source>The database {where} cannot be used: {detail}. Supported: SQLite and PostgreSQL.</source>
        <translation>No se puede usar la base de datos {where}: {detail}. Se admiten SQLite y PostgreSQL.</translation>
    </message>
    <message>
        <source>The database {where} holds other tables: it is not a BASC Desktop database.</source>
        <translation>La base de datos {where} contiene otras tablas: no es una base de datos de BASC Desktop.</translation>
    </message>
    <message>
        <source>The database {where} is damaged ({detail}). Nothing was changed. Restore a backup.</source>
        <translation>La base de datos {where} está dañada ({detail}). No se modificó nada. Restaure una copia de seguridad.</translation>
    </message>
    <message>
        <source>The database {where} is damaged or not a database ({detail}). Nothing was changed. Restore a backup.</source>
        <translation>La base de datos {where} está dañada o no es una base de datos ({detail}). No se modificó nada. Restaure una copia de seguridad.</translation>
    </message>
    <message>
        <source>The database {where} was made by a newer version of BASC Desktop (schema {revision}). Install the newer version to open it; nothing was changed.</source>
        <translation>La base de datos {where} fue creada por una versión más reciente de BASC Desktop (esquema {revision}). Instale esa versión para abrirla; no se modificó nada.</translation>
    </message>
    <message>
        <source>The date must look like 2026-06-10; got “{value}”.</source>
        <translation>La fecha debe tener la forma 2026-06-10; se recibió «{value}».</translation>
    </message>
    <message>
        <source>The decision “{decision}” needs a reason: it goes into the minutes.</source>
        <translation>La decisión «{decision}» necesita un motivo: consta en el acta.</translation>
    </message>
    <message>
        <source>The demo can only fill an empty database, and this one already has {count} companies. Create the demo database instead.</source>
        <translation>La demostración solo puede llenar una base de datos vacía, y esta ya tiene {count} empresas. Cree la base de datos de demostración en su lugar.</translation>
    </message>
    <message>
        <source>The demo needs at least one company, not {count}.</source>
        <translation>La demostración necesita al menos una empresa, no {count}.</translation>
    </message>
    <message>
        <source>The demo was cancelled; nothing was written.</source>
        <translation>Se canceló la demostración; no se escribió nada.</translation>
    </message>
    <message>
        <source>The expiry date in the payload is not a date: {text}</source>
        <translation>La fecha de vencimiento del contenido no es una fecha: {text}</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>La exportación se canceló; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>The file to write must end in .xlsx: “{path}”.</source>
        <translation>El archivo que se va a escribir debe terminar en .xlsx: «{path}».</translation>
    </message>
    <message>
        <source>The file {file} cannot be opened: {reason}</source>
        <translation>No se puede abrir el archivo {file}: {reason}</translation>
    </message>
    <message>
        <source>The file {file} has no rows to import.</source>
        <translation>El archivo {file} no tiene filas para importar.</translation>
    </message>
    <message>
        <source>The file {file} is an old Excel 97-2003 workbook: save it as .xlsx and try again.</source>
        <translation>El archivo {file} es un libro antiguo de Excel 97-2003: guárdelo como .xlsx e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The file {file} is damaged and cannot be read: open it in Excel and save it again.</source>
        <translation>El archivo {file} está dañado y no se puede leer: ábralo en Excel y guárdelo de nuevo.</translation>
    </message>
    <message>
        <source>The file {file} is empty.</source>
        <translation>El archivo {file} está vacío.</translation>
    </message>
    <message>
        <source>The file {file} is not a spreadsheet: choose an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>El archivo {file} no es una hoja de cálculo: elija un libro de Excel (.xlsx) o un archivo CSV.</translation>
    </message>
    <message>
        <source>The file {file} is protected by a password: save it without a password and try again.</source>
        <translation>El archivo {file} está protegido con contraseña: guárdelo sin contraseña e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>No se puede leer el archivo {path}: {reason}</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>El archivo {path} no existe.</translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a PDF.</source>
        <translation>El archivo {path} está dañado o no es un PDF.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop backup: it holds no BASC Desktop data.</source>
        <translation>El archivo {path} no es una copia de seguridad de BASC Desktop: no contiene datos de BASC Desktop.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop backup: it holds other tables.</source>
        <translation>El archivo {path} no es una copia de seguridad de BASC Desktop: contiene otras tablas.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop backup: it is not an SQLite database.</source>
        <translation>El archivo {path} no es una copia de seguridad de BASC Desktop: no es una base de datos SQLite.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop database, or it is damaged. Nothing was changed. Open another file or restore a backup.</source>
        <translation>El archivo {path} no es una base de datos de BASC Desktop o está dañado. No se modificó nada. Abra otro archivo o restaure una copia de seguridad.</translation>
    </message>
    <message>
        <source>The file {path} is not a PDF.</source>
        <translation>El archivo {path} no es un PDF.</translation>
    </message>
    <message>
        <source>The first person set up must be an administrator: basc users add {login} --admin</source>
        <translation>La primera persona configurada debe ser administradora: basc users add {login} --admin</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be created: {reason}.</source>
        <translation>No se puede crear la carpeta {folder}: {reason}.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be made: {reason}</source>
        <translation>No se puede crear la carpeta {folder}: {reason}</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written, so no database can be created there.</source>
        <translation>No se puede escribir en la carpeta {folder}, así que no se puede crear allí una base de datos.</translation>
    </message>
    <message>
        <source>The folder “{folder}” does not exist.</source>
        <translation>La carpeta «{folder}» no existe.</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation>La importación se canceló: no se guardó nada.</translation>
    </message>
    <message>
        <source>The issue date in the payload is not a date: {text}</source>
        <translation>La fecha de emisión del contenido no es una fecha: {text}</translation>
    </message>
    <message>
        <source>The issue date {date} is before the audit was reported ({reported}).</source>
        <translation>La fecha de emisión {date} es anterior al informe de la auditoría ({reported}).</translation>
    </message>
    <message>
        <source>The issue date {date} is in the future.</source>
        <translation>La fecha de emisión {date} es una fecha futura.</translation>
    </message>
    <message>
        <source>The issue number must be 1 or more, not {value}.</source>
        <translation>El número de emisión debe ser 1 o mayor, no {value}.</translation>
    </message>
    <message>
        <source>The issue number {value} has more than the {width} digits that the chapter&apos;s certificate code allows.</source>
        <translation>El número de emisión {value} tiene más de los {width} dígitos que permite el código de certificado del capítulo.</translation>
    </message>
    <message>
        <source>The kept copy of “{name}” cannot be read: {reason}</source>
        <translation>No se puede leer la copia guardada de «{name}»: {reason}</translation>
    </message>
    <message>
        <source>The kept copy of “{name}” is missing from {folder}. Attach the file again.</source>
        <translation>Falta la copia guardada de «{name}» en {folder}. Adjunte de nuevo el archivo.</translation>
    </message>
    <message>
        <source>The kept copy of “{name}” was changed after it was attached (its SHA-256 no longer matches). Attach the original again.</source>
        <translation>La copia guardada de «{name}» cambió después de adjuntarla (su SHA-256 ya no coincide). Adjunte de nuevo el original.</translation>
    </message>
    <message>
        <source>The member already has certificate {code}, issued on {date}, after {issued}.</source>
        <translation>El miembro ya tiene el certificado {code}, emitido el {date}, después del {issued}.</translation>
    </message>
    <message>
        <source>The member was archived on {date}: restore it before issuing its certificate.</source>
        <translation>El miembro fue archivado el {date}: restáurelo antes de emitir su certificado.</translation>
    </message>
    <message>
        <source>The payload is incomplete: some of its fields are missing.</source>
        <translation>El contenido está incompleto: le faltan algunos campos.</translation>
    </message>
    <message>
        <source>The payload&apos;s signature is damaged.</source>
        <translation>La firma del contenido está dañada.</translation>
    </message>
    <message>
        <source>The public key could not be written to {path}: {reason}</source>
        <translation>No se pudo escribir la clave pública en {path}: {reason}</translation>
    </message>
    <message>
        <source>The reminder letters could not be written to {path}: {reason}</source>
        <translation>No se pudieron guardar las cartas de recordatorio en {path}: {reason}</translation>
    </message>
    <message>
        <source>The same {label} {tax_id} is on row {other}.</source>
        <translation>El mismo {label} {tax_id} está en la fila {other}.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {reason}. Fix or delete it.</source>
        <translation>No se puede leer el archivo de configuración {path}: {reason}. Corríjalo o elimínelo.</translation>
    </message>
    <message>
        <source>The signature is genuine ({chapter}), but certificate {code} is not in this register.</source>
        <translation>La firma es auténtica ({chapter}), pero el certificado {code} no está en este registro.</translation>
    </message>
    <message>
        <source>The signature is genuine, but this register holds certificate {code} with another {what}: ask the chapter.</source>
        <translation>La firma es auténtica, pero este registro tiene el certificado {code} con otro dato en: {what}. Consulte al capítulo.</translation>
    </message>
    <message>
        <source>The site number must be 1 or more, not {value}.</source>
        <translation>El número de sede debe ser 1 o mayor, no {value}.</translation>
    </message>
    <message>
        <source>The site number {value} has more than the {width} digits that the chapter&apos;s certificate code allows.</source>
        <translation>El número de sede {value} tiene más de los {width} dígitos que permite el código de certificado del capítulo.</translation>
    </message>
    <message>
        <source>The tax ID {tax_id} belongs to members in {countries}: add --country.</source>
        <translation>La identificación tributaria {tax_id} pertenece a miembros de {countries}: agregue --country.</translation>
    </message>
    <message>
        <source>The {label} has an impossible date or an invalid homoclave.</source>
        <translation>El número de {label} tiene una fecha imposible o una homoclave no válida.</translation>
    </message>
    <message>
        <source>The {label} has an invalid format.</source>
        <translation>El número de {label} tiene un formato no válido.</translation>
    </message>
    <message>
        <source>The {label} has an invalid format; it must be 3 letters (4 for a person), a date as YYMMDD and a 3-character homoclave.</source>
        <translation>El número de {label} tiene un formato no válido; debe tener 3 letras (4 para una persona física), una fecha AAMMDD y una homoclave de 3 caracteres.</translation>
    </message>
    <message>
        <source>The {label} has an invalid format; write it like 155596713-2-2015 DV 45 (a company) or 8-123-456 (a person).</source>
        <translation>El número de {label} tiene un formato no válido; escríbalo como 155596713-2-2015 DV 45 (una empresa) o 8-123-456 (una persona).</translation>
    </message>
    <message>
        <source>The {label} has an unknown province or type (third digit), or establishment number 000.</source>
        <translation>El número de {label} tiene una provincia o un tipo desconocido (tercer dígito), o el número de establecimiento 000.</translation>
    </message>
    <message>
        <source>The {label} is empty.</source>
        <translation>El número de {label} está vacío.</translation>
    </message>
    <message>
        <source>The {label} may contain only digits, and K as the last character.</source>
        <translation>El número de {label} solo puede contener dígitos, y K como último carácter.</translation>
    </message>
    <message>
        <source>The {label} may contain only digits.</source>
        <translation>El número de {label} solo puede contener dígitos.</translation>
    </message>
    <message>
        <source>The {label} must be a letter followed by 9 digits.</source>
        <translation>El número de {label} debe ser una letra seguida de 9 dígitos.</translation>
    </message>
    <message>
        <source>The {label} must have 10 characters, a letter and 9 digits; this one has {actual}.</source>
        <translation>El número de {label} debe tener 10 caracteres, una letra y 9 dígitos; este tiene {actual}.</translation>
    </message>
    <message>
        <source>The {label} must have 12 characters (13 for a person); this one has {actual}.</source>
        <translation>El número de {label} debe tener 12 caracteres (13 para una persona física); este tiene {actual}.</translation>
    </message>
    <message>
        <source>The {label} must have {minimum} digits; this one has {actual}.</source>
        <translation>El número de {label} debe tener {minimum} dígitos; este tiene {actual}.</translation>
    </message>
    <message>
        <source>The {label} must have {minimum} to {maximum} digits; this one has {actual}.</source>
        <translation>El número de {label} debe tener de {minimum} a {maximum} dígitos; este tiene {actual}.</translation>
    </message>
    <message>
        <source>The {label} must start with 0, 1 or 9.</source>
        <translation>El número de {label} debe empezar por 0, 1 o 9.</translation>
    </message>
    <message>
        <source>The {label} must start with 01 to 22 and end with 001 and the check digit.</source>
        <translation>El número de {label} debe empezar por 01 a 22 y terminar en 001 y el dígito verificador.</translation>
    </message>
    <message>
        <source>The {label} must start with 10, 15, 17 or 20.</source>
        <translation>El número de {label} debe empezar por 10, 15, 17 o 20.</translation>
    </message>
    <message>
        <source>The {label} must start with V, E, J, P or G.</source>
        <translation>El número de {label} debe empezar por V, E, J, P o G.</translation>
    </message>
    <message>
        <source>The {label} must start with a known type, such as 3-101 for a corporation.</source>
        <translation>El número de {label} debe empezar por un tipo conocido, como 3-101 para una sociedad anónima.</translation>
    </message>
    <message>
        <source>The {label} starts with a prefix that the IRS does not assign.</source>
        <translation>El número de {label} empieza por un prefijo que el IRS no asigna.</translation>
    </message>
    <message>
        <source>The {label} {tax_id} is already registered to {company}.</source>
        <translation>El número de {label} {tax_id} ya está registrado a nombre de {company}.</translation>
    </message>
    <message>
        <source>The {label} {tax_id} is of a member of chapter {chapter}, which {user} is not set up to work for.</source>
        <translation>El {label} {tax_id} es de un afiliado del capítulo {chapter}, para el que {user} no está configurado.</translation>
    </message>
    <message>
        <source>There are no chapters to build a demo for.</source>
        <translation>No hay capítulos para los que crear una demostración.</translation>
    </message>
    <message>
        <source>There is no BASC standard version &apos;{version}&apos;.</source>
        <translation>No existe la versión &apos;{version}&apos; de la norma BASC.</translation>
    </message>
    <message>
        <source>There is no auditor number {id}.</source>
        <translation>No existe el auditor número {id}.</translation>
    </message>
    <message>
        <source>There is no certificate with id {id}.</source>
        <translation>No existe un certificado con id {id}.</translation>
    </message>
    <message>
        <source>There is no certificate {code}.</source>
        <translation>No existe el certificado {code}.</translation>
    </message>
    <message>
        <source>There is no chapter &apos;{code}&apos;.</source>
        <translation>No existe el capítulo &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>There is no chapter with the code &apos;{code}&apos;. Known chapters: {known}</source>
        <translation>No hay ningún capítulo con el código &apos;{code}&apos;. Capítulos conocidos: {known}</translation>
    </message>
    <message>
        <source>There is no chapter {code}.</source>
        <translation>No existe el capítulo {code}.</translation>
    </message>
    <message>
        <source>There is no chapter “{code}”.</source>
        <translation>No existe el capítulo “{code}”.</translation>
    </message>
    <message>
        <source>This PC holds no key of chapter {chapter}, so the signature of certificate {code} cannot be checked: import the chapter&apos;s public key.</source>
        <translation>Este equipo no tiene la clave del capítulo {chapter}, así que no se puede comprobar la firma del certificado {code}: importe la clave pública del capítulo.</translation>
    </message>
    <message>
        <source>This application is already decided: {decision}.</source>
        <translation>Esta solicitud ya está decidida: {decision}.</translation>
    </message>
    <message>
        <source>This certificate is already superseded.</source>
        <translation>Este certificado ya fue reemplazado.</translation>
    </message>
    <message>
        <source>This certificate is already suspended.</source>
        <translation>Este certificado ya está suspendido.</translation>
    </message>
    <message>
        <source>This certificate is already withdrawn.</source>
        <translation>Este certificado ya fue retirado.</translation>
    </message>
    <message>
        <source>This corrective action is “{state}”; it can no longer be changed.</source>
        <translation>Esta acción correctiva está en “{state}”; ya no puede modificarse.</translation>
    </message>
    <message>
        <source>This is not a BASC certificate payload.</source>
        <translation>Esto no es el contenido de un certificado BASC.</translation>
    </message>
    <message>
        <source>This payload was made by a newer program ({version}): update BASC Desktop.</source>
        <translation>Este contenido lo generó un programa más reciente ({version}): actualice BASC Desktop.</translation>
    </message>
    <message>
        <source>This record belongs to chapter {chapter}, and {user} is not set up to work for it. Ask the administrator of the database.</source>
        <translation>Este registro pertenece al capítulo {chapter} y {user} no está habilitado para trabajar en él. Consulte al administrador de la base de datos.</translation>
    </message>
    <message>
        <source>This user may not write in the folder {folder}.</source>
        <translation>Este usuario no puede escribir en la carpeta {folder}.</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nombre comercial</translation>
    </message>
    <message>
        <source>Two columns are read as {label}: {first} and {second}. Keep one.</source>
        <translation>Dos columnas se leen como {label}: {first} y {second}. Deje solo una.</translation>
    </message>
    <message>
        <source>Type the login name of the person.</source>
        <translation>Escriba el nombre de inicio de sesión de la persona.</translation>
    </message>
    <message>
        <source>Unknown record type “{value}”; use one of: {known}.</source>
        <translation>Tipo de registro desconocido “{value}”; use uno de: {known}.</translation>
    </message>
    <message>
        <source>Unknown to this register</source>
        <translation>Desconocido en este registro</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Ilegible</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Updated from the files</source>
        <translation>Actualizado desde los archivos</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Vigente hasta</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Verdicts can only be recorded while the audit is in progress; it is “{state}”.</source>
        <translation>Los veredictos solo pueden registrarse mientras la auditoría está en curso; está en “{state}”.</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Welcome letter</source>
        <translation>Carta de bienvenida</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>cannot be filled in ({problem})</source>
        <translation>no se puede completar ({problem})</translation>
    </message>
    <message>
        <source>cannot be read: {problem}</source>
        <translation>no se puede leer: {problem}</translation>
    </message>
    <message>
        <source>chapter</source>
        <translation>capítulo</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>razón social</translation>
    </message>
    <message>
        <source>gives the same code {code} to different certificates</source>
        <translation>da el mismo código {code} a certificados distintos</translation>
    </message>
    <message>
        <source>holds no chapter files (*.toml); at least one is needed</source>
        <translation>no contiene archivos de capítulo (*.toml); se necesita al menos uno</translation>
    </message>
    <message>
        <source>holds no standard files (*.toml); at least one is needed</source>
        <translation>no contiene archivos de norma (*.toml); se necesita al menos uno</translation>
    </message>
    <message>
        <source>is not a folder of chapter files</source>
        <translation>no es una carpeta de archivos de capítulo</translation>
    </message>
    <message>
        <source>is not a folder of standard files</source>
        <translation>no es una carpeta de archivos de norma</translation>
    </message>
    <message>
        <source>is not a valid pattern ({problem})</source>
        <translation>no es un patrón válido ({problem})</translation>
    </message>
    <message>
        <source>is not valid TOML: {problem}</source>
        <translation>no es TOML válido: {problem}</translation>
    </message>
    <message>
        <source>is required but missing</source>
        <translation>es obligatorio, pero falta</translation>
    </message>
    <message>
        <source>issue or expiry date</source>
        <translation>fecha de emisión o de vencimiento</translation>
    </message>
    <message>
        <source>may only hold {known}, got &apos;{value}&apos;</source>
        <translation>solo puede contener {known}; se encontró &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>must be a table, got {kind} ({value})</source>
        <translation>debe ser una tabla; se encontró {kind} ({value})</translation>
    </message>
    <message>
        <source>must be a whole number of {unit} above 0, got {value}</source>
        <translation>debe ser un número entero de {unit} mayor que 0; se encontró {value}</translation>
    </message>
    <message>
        <source>must be an e-mail address, got &apos;{value}&apos;</source>
        <translation>debe ser una dirección de correo electrónico; se encontró &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>must be at most {limit} characters long, got {length}</source>
        <translation>debe tener como máximo {limit} caracteres; tiene {length}</translation>
    </message>
    <message>
        <source>must be shorter than the certificate&apos;s validity ({months} months), got {value}</source>
        <translation>debe ser menor que la vigencia del certificado ({months} meses); se encontró {value}</translation>
    </message>
    <message>
        <source>must be text, got {kind} ({value})</source>
        <translation>debe ser texto; se encontró {kind} ({value})</translation>
    </message>
    <message>
        <source>must be the ISO alpha-2 code of a country BASC works in ({known}), got &apos;{value}&apos;</source>
        <translation>debe ser el código ISO alfa-2 de un país donde trabaja BASC ({known}); se encontró &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>must be the file&apos;s name without &apos;.toml&apos; (&apos;{stem}&apos;), got &apos;{code}&apos;</source>
        <translation>debe ser el nombre del archivo sin &apos;.toml&apos; (&apos;{stem}&apos;); se encontró &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>must be {expected}, got {kind} ({value})</source>
        <translation>debe ser {expected}; se encontró {kind} ({value})</translation>
    </message>
    <message>
        <source>must be {what}, got {value}</source>
        <translation>debe ser {what}; se encontró {value}</translation>
    </message>
    <message>
        <source>must be {what}: one of {options}, got {value}</source>
        <translation>debe ser {what}: uno de {options}; se encontró {value}</translation>
    </message>
    <message>
        <source>must contain {missing} so that every certificate code is different</source>
        <translation>debe contener {missing} para que cada código de certificado sea distinto</translation>
    </message>
    <message>
        <source>must have a text in the chapter&apos;s first language &apos;{language}&apos;</source>
        <translation>debe tener un texto en el primer idioma del capítulo, &apos;{language}&apos;</translation>
    </message>
    <message>
        <source>must list at least one requirement</source>
        <translation>debe incluir al menos un requisito</translation>
    </message>
    <message>
        <source>must list at least one signatory</source>
        <translation>debe incluir al menos un firmante</translation>
    </message>
    <message>
        <source>must name at least one language</source>
        <translation>debe indicar al menos un idioma</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no puede estar vacío</translation>
    </message>
    <message>
        <source>must not be longer than deadlines.minor ({minor} days), got {major}</source>
        <translation>no puede ser mayor que deadlines.minor ({minor} días); se encontró {major}</translation>
    </message>
    <message>
        <source>names &apos;{name}&apos;, but there is no such file next to the chapter file</source>
        <translation>indica &apos;{name}&apos;, pero no hay ningún archivo con ese nombre junto al archivo del capítulo</translation>
    </message>
    <message>
        <source>names &apos;{value}&apos; twice</source>
        <translation>indica &apos;{value}&apos; dos veces</translation>
    </message>
    <message>
        <source>names a language twice</source>
        <translation>indica un idioma dos veces</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>tax ID</source>
        <translation>identificación tributaria</translation>
    </message>
    <message>
        <source>unknown key ({hint})</source>
        <translation>clave desconocida ({hint})</translation>
    </message>
    <message>
        <source>uses the placeholder {{{name}}}; the pattern may only use {allowed}</source>
        <translation>usa el marcador {{{name}}}; el patrón solo puede usar {allowed}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>{code} is not a certificate code of this chapter: expected the shape {pattern}, for example {example}.</source>
        <translation>{code} no es un código de certificado de este capítulo: se espera la forma {pattern}, por ejemplo {example}.</translation>
    </message>
    <message>
        <source>{company} already has an application ({state}, opened {date}).</source>
        <translation>{company} ya tiene una solicitud ({state}, abierta el {date}).</translation>
    </message>
    <message>
        <source>{company} belongs to chapter {chapter}, not to {session_chapter}.</source>
        <translation>{company} pertenece al capítulo {chapter}, no a {session_chapter}.</translation>
    </message>
    <message>
        <source>{company} cannot go to the committee yet: missing {documents}.</source>
        <translation>{company} aún no puede ir al comité: falta {documents}.</translation>
    </message>
    <message>
        <source>{company} has no certificate in force to be reminded of.</source>
        <translation>{company} no tiene un certificado vigente sobre el cual enviar un recordatorio.</translation>
    </message>
    <message>
        <source>{company} has {audits} audits and {certificates} certificates, so it cannot be deleted: archive it instead.</source>
        <translation>{company} tiene {audits} auditorías y {certificates} certificados, por lo que no se puede eliminar: archívelo en su lugar.</translation>
    </message>
    <message>
        <source>{company} is already a member with the same data: nothing to change.</source>
        <translation>{company} ya es miembro con los mismos datos: no hay nada que cambiar.</translation>
    </message>
    <message>
        <source>{company} is already a member with this {label}: the row is skipped.</source>
        <translation>{company} ya es miembro con este {label}: la fila se omite.</translation>
    </message>
    <message>
        <source>{company} is already a member with this {label}: {count} fields will be updated.</source>
        <translation>{company} ya es miembro con este {label}: se actualizarán {count} campos.</translation>
    </message>
    <message>
        <source>{company} is already on the agenda of a committee session.</source>
        <translation>{company} ya está en la agenda de una sesión del comité.</translation>
    </message>
    <message>
        <source>{company} is archived: restore it before opening an application.</source>
        <translation>{company} está archivada: restáurela antes de abrir una solicitud.</translation>
    </message>
    <message>
        <source>{country} has several chapters ({chapters}): fill in the chapter.</source>
        <translation>{country} tiene varios capítulos ({chapters}): indique el capítulo.</translation>
    </message>
    <message>
        <source>{count} major nonconformities are still open: {codes}.</source>
        <translation>{count} no conformidades mayores siguen abiertas: {codes}.</translation>
    </message>
    <message>
        <source>{count} minor nonconformities have no action plan: {codes}.</source>
        <translation>{count} no conformidades menores no tienen plan de acción: {codes}.</translation>
    </message>
    <message>
        <source>{date} is before the certificate was issued ({issued}).</source>
        <translation>{date} es anterior a la emisión del certificado ({issued}).</translation>
    </message>
    <message>
        <source>{date} is before the certificate&apos;s last change ({last}).</source>
        <translation>{date} es anterior al último cambio del certificado ({last}).</translation>
    </message>
    <message>
        <source>{date} is in the future.</source>
        <translation>{date} es una fecha futura.</translation>
    </message>
    <message>
        <source>{file}, line {line}: key &apos;{key}&apos;: {reason}</source>
        <translation>{file}, línea {line}: clave &apos;{key}&apos;: {reason}</translation>
    </message>
    <message>
        <source>{file}: key &apos;{key}&apos;: {reason}</source>
        <translation>{file}: clave &apos;{key}&apos;: {reason}</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>{label} can have at most {max} characters.</source>
        <translation>{label} puede tener como máximo {max} caracteres.</translation>
    </message>
    <message>
        <source>{label} cannot be after today.</source>
        <translation>{label} no puede ser posterior a hoy.</translation>
    </message>
    <message>
        <source>{label} is before the date it is valid from.</source>
        <translation>{label} es anterior a la fecha desde la que está vigente.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}: campo obligatorio.</translation>
    </message>
    <message>
        <source>{label} is too long: {length} characters, at most {max_length}.</source>
        <translation>{label}: el texto tiene {length} caracteres; el máximo es {max_length}.</translation>
    </message>
    <message>
        <source>{label} must be a web address such as www.company.com.</source>
        <translation>{label}: debe ser una dirección web como www.empresa.com.</translation>
    </message>
    <message>
        <source>{label} must be a whole number from {minimum} to {maximum}; got {value}.</source>
        <translation>{label} debe ser un número entero de {minimum} a {maximum}; se recibió {value}.</translation>
    </message>
    <message>
        <source>{label} must be between {earliest} and {latest}; got {value}.</source>
        <translation>{label} debe estar entre {earliest} y {latest}; se recibió {value}.</translation>
    </message>
    <message>
        <source>{label} must look like name@company.com; got “{value}”.</source>
        <translation>{label}: debe tener la forma nombre@empresa.com; se recibió “{value}”.</translation>
    </message>
    <message>
        <source>{label} must start with + and the country code, e.g. +57 601 555 0101.</source>
        <translation>{label}: debe empezar por + y el código de país, p. ej. +57 601 555 0101.</translation>
    </message>
    <message>
        <source>{login} is already set up.</source>
        <translation>{login} ya está configurado.</translation>
    </message>
    <message>
        <source>{login} is not set up in this database.</source>
        <translation>{login} no está configurado en esta base de datos.</translation>
    </message>
    <message>
        <source>{login} is not set up to work in this database. Ask its administrator to add you: basc users add {login} --chapter …</source>
        <translation>{login} no está configurado para trabajar en esta base de datos. Pida a su administrador que lo agregue: basc users add {login} --chapter …</translation>
    </message>
    <message>
        <source>{login} is the last administrator: set up another one first.</source>
        <translation>{login} es el último administrador: configure otro primero.</translation>
    </message>
    <message>
        <source>{name} is already an active auditor of this chapter (number {id}).</source>
        <translation>{name} ya es un auditor activo de este capítulo (número {id}).</translation>
    </message>
    <message>
        <source>{name} is already an active auditor.</source>
        <translation>{name} ya es un auditor activo.</translation>
    </message>
    <message>
        <source>{name} is already retired.</source>
        <translation>{name} ya está retirado.</translation>
    </message>
    <message>
        <source>{name} is no longer an active auditor.</source>
        <translation>{name} ya no es un auditor activo.</translation>
    </message>
    <message>
        <source>{option} must look like 2026-07-01; got “{value}”.</source>
        <translation>{option} debe tener la forma 2026-07-01; se recibió “{value}”.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a PDF file.</source>
        <translation>{path} es una carpeta, no un archivo PDF.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} es una carpeta, no un archivo de base de datos.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>{path} is a folder: choose a file name.</source>
        <translation>{path} es una carpeta: elija un nombre de archivo.</translation>
    </message>
    <message>
        <source>{path} is the real database; the demo is never written over it.</source>
        <translation>{path} es la base de datos real; la demostración nunca se escribe sobre ella.</translation>
    </message>
    <message>
        <source>{program} is already listed in row {first}.</source>
        <translation>{program} ya figura en la fila {first}.</translation>
    </message>
    <message>
        <source>{record} was changed by someone else since you opened it. Reload to see it.</source>
        <translation>Otra persona modificó {record} después de que usted lo abrió. Vuelva a cargarlo para verlo.</translation>
    </message>
    <message>
        <source>{record} was changed by {user} at {time} since you opened it. Reload to see it.</source>
        <translation>{user} modificó {record} a las {time} después de que usted lo abrió. Vuelva a cargarlo para verlo.</translation>
    </message>
    <message>
        <source>{rows} rows: {added} to add, {updated} to update, {skipped} to skip; {errors} errors.</source>
        <translation>{rows} filas: {added} por agregar, {updated} por actualizar, {skipped} por omitir; {errors} errores.</translation>
    </message>
    <message>
        <source>{type} {id}</source>
        <translation>{type} {id}</translation>
    </message>
    <message>
        <source>{user} is not set up to work for chapter {chapter}.</source>
        <translation>{user} no está configurado para trabajar en el capítulo {chapter}.</translation>
    </message>
    <message>
        <source>“{url}” is not a database address. Use e.g. postgresql+psycopg://user@server/basc.</source>
        <translation>“{url}” no es una dirección de base de datos. Use, por ejemplo, postgresql+psycopg://usuario@servidor/basc.</translation>
    </message>
    <message>
        <source>“{value}” is not a business type.</source>
        <translation>“{value}” no es un tipo de empresa.</translation>
    </message>
    <message>
        <source>“{value}” is not a committee decision.</source>
        <translation>«{value}» no es una decisión del comité.</translation>
    </message>
    <message>
        <source>“{value}” is not a country BASC Desktop knows.</source>
        <translation>“{value}” no es un país que BASC Desktop conozca.</translation>
    </message>
    <message>
        <source>“{value}” is not a date: write it day first, like 31/12/2025.</source>
        <translation>“{value}” no es una fecha: escríbala con el día primero, como 31/12/2025.</translation>
    </message>
    <message>
        <source>“{value}” is not a document state.</source>
        <translation>«{value}» no es un estado de documento.</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of audit.</source>
        <translation>“{value}” no es un tipo de auditoría.</translation>
    </message>
    <message>
        <source>“{value}” is not a login name: no spaces, at most {max} characters.</source>
        <translation>“{value}” no es un nombre de inicio de sesión: sin espacios, como máximo {max} caracteres.</translation>
    </message>
    <message>
        <source>“{value}” is not a member field.</source>
        <translation>“{value}” no es un campo de miembro.</translation>
    </message>
    <message>
        <source>“{value}” is not one of: {choices}.</source>
        <translation>“{value}” no es uno de: {choices}.</translation>
    </message>
</context>
</TS>
