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
    <name>Areas</name>
    <message>
        <source>Admissions</source>
        <translation>Admisiones</translation>
    </message>
    <message>
        <source>Admissions: open an application, tick off the chapter&apos;s checklist of documents, and record the committee&apos;s decision and the welcome letter.</source>
        <translation>Admisiones: abra una solicitud, marque los documentos de la lista de verificación del capítulo y registre la decisión del comité y la carta de bienvenida.</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Auditorías</translation>
    </message>
    <message>
        <source>Audits: plan audits and their teams, record findings against each requirement of the standard, and write the audit report.</source>
        <translation>Auditorías: planifique las auditorías y sus equipos, registre los hallazgos de cada requisito de la norma y redacte el informe de auditoría.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>Certificates: issue and print certificates, see which expire soon, and suspend, reinstate or withdraw them with the reason kept in their history.</source>
        <translation>Certificados: emita e imprima certificados, vea cuáles vencen pronto, y suspéndalos, restablézcalos o retírelos con el motivo registrado en su historial.</translation>
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
        <source>Corrective actions: follow each finding&apos;s action to its deadline, from submitted to verified and closed.</source>
        <translation>Acciones correctivas: siga la acción de cada hallazgo hasta su plazo, de presentada a verificada y cerrada.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
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
        <source>Certified</source>
        <translation>Certificadas</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>Current members and their status on {date}.</source>
        <translation>Miembros actuales y su estado al {date}.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Por vencer</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Members by country</source>
        <translation>Miembros por país</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendidas</translation>
    </message>
    <message>
        <source>{members} members in {countries} countries</source>
        <translation>{members} miembros en {countries} países</translation>
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
    <name>MainWindow</name>
    <message>
        <source>&amp;About BASC Desktop</source>
        <translation>&amp;Acerca de BASC Desktop</translation>
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
        <source>&amp;Search members</source>
        <translation>&amp;Buscar miembros</translation>
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
        <source>User: {user}</source>
        <translation>Usuario: {user}</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>Fecha de archivo</translation>
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
        <source>Expires</source>
        <translation>Vencimiento</translation>
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
        <source>Select a member to see its details.</source>
        <translation>Seleccione un miembro para ver sus detalles.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identificación tributaria</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>vigente hasta el {date}</translation>
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
        <source>This column cannot be sorted yet.</source>
        <translation>Esta columna aún no se puede ordenar.</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nombre comercial</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <source>All countries</source>
        <translation>Todos los países</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Certificadas</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Por vencer</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendidas</translation>
    </message>
</context>
<context>
    <name>PlaceholderArea</name>
    <message>
        <source>Coming soon</source>
        <translation>Próximamente</translation>
    </message>
    <message>
        <source>Coming soon.</source>
        <translation>Próximamente.</translation>
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
    <name>ProgressDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
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
        <source>A certificate is issued only once: a renewal issues a new certificate with the next issue number.</source>
        <translation>Un certificado se emite una sola vez: una renovación emite un certificado nuevo con el siguiente número de emisión.</translation>
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
        <source>Address</source>
        <translation>Dirección</translation>
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
        <source>Applicant</source>
        <translation>Solicitante</translation>
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
        <source>Certificate code</source>
        <translation>Código de certificado</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Certificada</translation>
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
        <source>Customs agent</source>
        <translation>Agente de aduanas</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Por vencer</translation>
    </message>
    <message>
        <source>Exporter / importer</source>
        <translation>Exportador / importador</translation>
    </message>
    <message>
        <source>Free-trade-zone user</source>
        <translation>Usuario de zona franca</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Razón social</translation>
    </message>
    <message>
        <source>Logistics operator</source>
        <translation>Operador logístico</translation>
    </message>
    <message>
        <source>Member {id} does not exist.</source>
        <translation>El miembro {id} no existe.</translation>
    </message>
    <message>
        <source>No auditors for {country}.</source>
        <translation>No hay auditores para {country}.</translation>
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
        <source>Only a suspended certificate can be reinstated: this one is valid.</source>
        <translation>Solo un certificado suspendido se puede restablecer: este está vigente.</translation>
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
        <source>Port operator or stevedore</source>
        <translation>Operador portuario o estibador</translation>
    </message>
    <message>
        <source>Port terminal</source>
        <translation>Terminal portuaria</translation>
    </message>
    <message>
        <source>Private security company</source>
        <translation>Empresa de seguridad privada</translation>
    </message>
    <message>
        <source>Road carrier</source>
        <translation>Transportista terrestre</translation>
    </message>
    <message>
        <source>Sea carrier</source>
        <translation>Transportista marítimo</translation>
    </message>
    <message>
        <source>Storage terminal or warehouse</source>
        <translation>Terminal de almacenamiento o depósito</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendida</translation>
    </message>
    <message>
        <source>Tax IDs of the country “{country}” cannot be checked.</source>
        <translation>No se pueden verificar las identificaciones tributarias del país “{country}”.</translation>
    </message>
    <message>
        <source>The DV of this {label} must have 2 digits.</source>
        <translation>El DV del número de {label} debe tener 2 dígitos.</translation>
    </message>
    <message>
        <source>The certificate code {code} would not read back the same under the pattern {pattern}.</source>
        <translation>El código de certificado {code} no se leería igual con el patrón {pattern}.</translation>
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
        <source>The company number must be 1 or more, not {value}.</source>
        <translation>El número de empresa debe ser 1 o mayor, no {value}.</translation>
    </message>
    <message>
        <source>The company number {value} has more than the {width} digits that the chapter&apos;s certificate code allows.</source>
        <translation>El número de empresa {value} tiene más de los {width} dígitos que permite el código de certificado del capítulo.</translation>
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
        <source>The file {path} is not a BASC Desktop database, or it is damaged. Nothing was changed. Open another file or restore a backup.</source>
        <translation>El archivo {path} no es una base de datos de BASC Desktop o está dañado. No se modificó nada. Abra otro archivo o restaure una copia de seguridad.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be created: {reason}.</source>
        <translation>No se puede crear la carpeta {folder}: {reason}.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written, so no database can be created there.</source>
        <translation>No se puede escribir en la carpeta {folder}, así que no se puede crear allí una base de datos.</translation>
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
        <source>The settings file {path} cannot be read: {reason}. Fix or delete it.</source>
        <translation>No se puede leer el archivo de configuración {path}: {reason}. Corríjalo o elimínelo.</translation>
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
        <source>There are no chapters to build a demo for.</source>
        <translation>No hay capítulos para los que crear una demostración.</translation>
    </message>
    <message>
        <source>There is no BASC standard version &apos;{version}&apos;.</source>
        <translation>No existe la versión &apos;{version}&apos; de la norma BASC.</translation>
    </message>
    <message>
        <source>There is no chapter with the code &apos;{code}&apos;. Known chapters: {known}</source>
        <translation>No hay ningún capítulo con el código &apos;{code}&apos;. Capítulos conocidos: {known}</translation>
    </message>
    <message>
        <source>There is no chapter “{code}”.</source>
        <translation>No existe el capítulo “{code}”.</translation>
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
        <source>Trade name</source>
        <translation>Nombre comercial</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
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
        <source>unknown key ({hint})</source>
        <translation>clave desconocida ({hint})</translation>
    </message>
    <message>
        <source>uses the placeholder {{{name}}}; the pattern may only use {allowed}</source>
        <translation>usa el marcador {{{name}}}; el patrón solo puede usar {allowed}</translation>
    </message>
    <message>
        <source>{code} is not a certificate code of this chapter: expected the shape {pattern}, for example {example}.</source>
        <translation>{code} no es un código de certificado de este capítulo: se espera la forma {pattern}, por ejemplo {example}.</translation>
    </message>
    <message>
        <source>{company} was changed by someone else since you opened it. Reload to see it.</source>
        <translation>Otra persona modificó {company} desde que usted abrió el registro. Vuelva a cargarlo para ver los cambios.</translation>
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
        <source>{label} must look like name@company.com; got “{value}”.</source>
        <translation>{label}: debe tener la forma nombre@empresa.com; se recibió “{value}”.</translation>
    </message>
    <message>
        <source>{label} must start with + and the country code, e.g. +57 601 555 0101.</source>
        <translation>{label}: debe empezar por + y el código de país, p. ej. +57 601 555 0101.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} es una carpeta, no un archivo de base de datos.</translation>
    </message>
    <message>
        <source>{path} is the real database; the demo is never written over it.</source>
        <translation>{path} es la base de datos real; la demostración nunca se escribe sobre ella.</translation>
    </message>
    <message>
        <source>“{url}” is not a database address. Use e.g. postgresql+psycopg://user@server/basc.</source>
        <translation>“{url}” no es una dirección de base de datos. Use, por ejemplo, postgresql+psycopg://usuario@servidor/basc.</translation>
    </message>
    <message>
        <source>“{value}” is not a business type.</source>
        <translation>“{value}” no es un tipo de empresa.</translation>
    </message>
</context>
</TS>
