<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_HT" sourcelanguage="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BASC Desktop</source>
        <translation>À propos de BASC Desktop</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Réalisé avec</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>Member registration, audits and certification for the chapters of the Business Alliance for Secure Commerce (BASC).</source>
        <translation>Enregistrement des membres, audits et certification pour les chapitres de la Business Alliance for Secure Commerce (BASC).</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Admissions</source>
        <translation>Admissions</translation>
    </message>
    <message>
        <source>Admissions: open an application, tick off the chapter&apos;s checklist of documents, and record the committee&apos;s decision and the welcome letter.</source>
        <translation>Admissions&#xa0;: ouvrez une demande, cochez les documents de la liste de contrôle du chapitre, et enregistrez la décision du comité et la lettre de bienvenue.</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Audits</translation>
    </message>
    <message>
        <source>Audits: plan audits and their teams, record findings against each requirement of the standard, and write the audit report.</source>
        <translation>Audits&#xa0;: planifiez les audits et leurs équipes, consignez les constats pour chaque exigence de la norme, et rédigez le rapport d&apos;audit.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Certificates: issue and print certificates, see which expire soon, and suspend, reinstate or withdraw them with the reason kept in their history.</source>
        <translation>Certificats&#xa0;: émettez et imprimez les certificats, voyez ceux qui expirent bientôt, et suspendez-les, rétablissez-les ou retirez-les en gardant le motif dans leur historique.</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Actions correctives</translation>
    </message>
    <message>
        <source>Corrective actions: follow each finding&apos;s action to its deadline, from submitted to verified and closed.</source>
        <translation>Actions correctives&#xa0;: suivez l&apos;action de chaque constat jusqu&apos;à son échéance, de soumise à vérifiée puis clôturée.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
</context>
<context>
    <name>ChapterDetail</name>
    <message>
        <source>Admission checklist</source>
        <translation>Liste de contrôle d&apos;admission</translation>
    </message>
    <message>
        <source>Certificate code</source>
        <translation>Code de certificat</translation>
    </message>
    <message>
        <source>Certificate validity</source>
        <translation>Validité du certificat</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Actions correctives</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Every business type</source>
        <translation>Tous les types d&apos;entreprise</translation>
    </message>
    <message>
        <source>Expiry warning</source>
        <translation>Alerte d&apos;expiration</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Only for: {kinds}</source>
        <translation>Uniquement pour&#xa0;: {kinds}</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Select a chapter to see its details.</source>
        <translation>Sélectionnez un chapitre pour en voir le détail.</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Signataires</translation>
    </message>
    <message>
        <source>Time allowed in process</source>
        <translation>Durée maximale en cours de certification</translation>
    </message>
    <message>
        <source>major findings {major} days, minor findings {minor} days</source>
        <translation>constats majeurs {major} jours, constats mineurs {minor} jours</translation>
    </message>
    <message>
        <source>{days} days before expiry</source>
        <translation>{days} jours avant l&apos;expiration</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} mois</translation>
    </message>
    <message>
        <source>{pattern}, e.g. {example}</source>
        <translation>{pattern}, p. ex. {example}</translation>
    </message>
</context>
<context>
    <name>ChaptersArea</name>
    <message>
        <source>Chapters are read from the chapter files at start. To change one, edit its file and restart BASC Desktop.</source>
        <translation>Les chapitres sont lus depuis leurs fichiers au démarrage. Pour en modifier un, éditez son fichier et redémarrez BASC Desktop.</translation>
    </message>
    <message>
        <source>{count} chapters</source>
        <translation>{count} chapitres</translation>
    </message>
</context>
<context>
    <name>ChaptersModel</name>
    <message>
        <source>Certificate code</source>
        <translation>Code de certificat</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Actions correctives</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Pattern: {pattern}</source>
        <translation>Modèle&#xa0;: {pattern}</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>major {major} d, minor {minor} d</source>
        <translation>majeur {major} j, mineur {minor} j</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} mois</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>(no log file is set up)</source>
        <translation>(aucun fichier journal configuré)</translation>
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
        <translation>BASC Desktop a rencontré un problème inattendu, et la dernière action n&apos;a peut-être pas abouti.

Les détails ont été écrits dans le fichier journal&#xa0;:
{log_file}

Veuillez envoyer ce fichier à votre contact d&apos;assistance. Vous pouvez continuer à travailler, mais si quelque chose semble anormal, enregistrez votre travail et redémarrez le programme.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Problème inattendu</translation>
    </message>
</context>
<context>
    <name>DashboardArea</name>
    <message>
        <source>Certified</source>
        <translation>Certifiées</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>Current members and their status on {date}.</source>
        <translation>Membres actuels et leur statut au {date}.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirées</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expirent bientôt</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Members by country</source>
        <translation>Membres par pays</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendues</translation>
    </message>
    <message>
        <source>{members} members in {countries} countries</source>
        <translation>{members} membres dans {countries} pays</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <source>BASC Desktop databases ({patterns});;All files (*)</source>
        <translation>Bases de données BASC Desktop ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d&apos;ouvrir la base de données</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Base de démonstration</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <source>Opening {database}…</source>
        <translation>Ouverture de {database}…</translation>
    </message>
    <message>
        <source>The demo database does not exist yet. Build it now with fictional companies? It takes about a minute.</source>
        <translation>La base de démonstration n&apos;existe pas encore. La créer maintenant avec des entreprises fictives&#xa0;? Cela prend environ une minute.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Building the demo database with {count} fictional companies…</source>
        <translation>Création de la base de démonstration avec {count} entreprises fictives…</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Base de démonstration</translation>
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
        <translation>À &amp;propos de BASC Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Search members</source>
        <translation>&amp;Rechercher des membres</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(aucune pour l&apos;instant)</translation>
    </message>
    <message>
        <source>BASC Desktop — {database}</source>
        <translation>BASC Desktop — {database}</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Base de données&#xa0;: {where}</translation>
    </message>
    <message>
        <source>Open &amp;demo database</source>
        <translation>Ouvrir la base de &amp;démonstration</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir une base &amp;récente</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>Utilisateur&#xa0;: {user}</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>Date d&apos;archivage</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>Type d&apos;entreprise</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>Numéro de membre</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Membre depuis</translation>
    </message>
    <message>
        <source>Next audit</source>
        <translation>Prochain audit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Other programs</source>
        <translation>Autres programmes</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Select a member to see its details.</source>
        <translation>Sélectionnez un membre pour en voir le détail.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>valable jusqu&apos;au {date}</translation>
    </message>
</context>
<context>
    <name>MembersArea</name>
    <message>
        <source>Search by name, tax ID or city (Ctrl+F)</source>
        <translation>Rechercher par nom, identifiant fiscal ou ville (Ctrl+F)</translation>
    </message>
    <message>
        <source>{shown} of {total} members</source>
        <translation>{shown} sur {total} membres</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Business type</source>
        <translation>Type d&apos;entreprise</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <source>Next audit</source>
        <translation>Prochain audit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>This column cannot be sorted yet.</source>
        <translation>Cette colonne ne peut pas encore être triée.</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nom commercial</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <source>All countries</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Certifiées</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirées</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expirent bientôt</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendues</translation>
    </message>
</context>
<context>
    <name>PlaceholderArea</name>
    <message>
        <source>Coming soon</source>
        <translation>Bientôt disponible</translation>
    </message>
    <message>
        <source>Coming soon.</source>
        <translation>Bientôt disponible.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>(not chosen)</source>
        <translation>(non choisi)</translation>
    </message>
    <message>
        <source>A database server (PostgreSQL), shared by the chapter</source>
        <translation>Un serveur de base de données (PostgreSQL), partagé par le chapitre</translation>
    </message>
    <message>
        <source>A file on this computer: {path}</source>
        <translation>Un fichier sur cet ordinateur&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Changes to the language and the database take effect the next time BASC Desktop starts.</source>
        <translation>Les changements de langue et de base de données prendront effet au prochain démarrage de BASC Desktop.</translation>
    </message>
    <message>
        <source>Connected to {database}: ready to use.</source>
        <translation>Connecté à {database}&#xa0;: prêt à l&apos;emploi.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>La connexion a échoué.</translation>
    </message>
    <message>
        <source>The preferences cannot be saved in {folder}: {reason}</source>
        <translation>Impossible d&apos;enregistrer les préférences dans {folder}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The server address must look like postgresql+psycopg://user:password@server/database.</source>
        <translation>L&apos;adresse du serveur doit être de la forme postgresql+psycopg://utilisateur:mot_de_passe@serveur/base.</translation>
    </message>
    <message>
        <source>Your chapter:</source>
        <translation>Votre chapitre&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
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
        <translation>BASC Desktop ne peut pas démarrer</translation>
    </message>
    <message>
        <source>BASC Desktop met a problem it did not expect while starting.</source>
        <translation>BASC Desktop a rencontré un problème inattendu au démarrage.</translation>
    </message>
    <message>
        <source>The demo database was not built.</source>
        <translation>La base de démonstration n&apos;a pas été créée.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{log_file}</source>
        <translation>Les détails ont été écrits dans le fichier journal&#xa0;:
{log_file}</translation>
    </message>
</context>
<context>
    <name>basc</name>
    <message>
        <source>&apos;{code}&apos; is already the code of {other}; codes must be unique</source>
        <translation>&apos;{code}&apos; est déjà le code de {other}&#xa0;; les codes doivent être uniques</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is already the id of {other}; ids must be unique</source>
        <translation>&apos;{id}&apos; est déjà l&apos;identifiant de {other}&#xa0;; les identifiants doivent être uniques</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a business type; known: {known}</source>
        <translation>&apos;{value}&apos; n&apos;est pas un type d&apos;entreprise&#xa0;; types connus&#xa0;: {known}</translation>
    </message>
    <message>
        <source>&apos;{version}&apos; is already the version of {other}; versions must be unique</source>
        <translation>&apos;{version}&apos; est déjà la version de {other}&#xa0;; les versions doivent être uniques</translation>
    </message>
    <message>
        <source>A certificate is issued only once: a renewal issues a new certificate with the next issue number.</source>
        <translation>Un certificat n&apos;est émis qu&apos;une fois&#xa0;: un renouvellement émet un nouveau certificat avec le numéro d&apos;émission suivant.</translation>
    </message>
    <message>
        <source>A superseded certificate cannot be reinstated: its renewal is the one in force.</source>
        <translation>Un certificat remplacé ne peut pas être rétabli&#xa0;: c&apos;est son renouvellement qui est en vigueur.</translation>
    </message>
    <message>
        <source>A superseded certificate cannot be suspended: its renewal is the one in force.</source>
        <translation>Un certificat remplacé ne peut pas être suspendu&#xa0;: c&apos;est son renouvellement qui est en vigueur.</translation>
    </message>
    <message>
        <source>A superseded certificate cannot be withdrawn: withdraw its renewal instead.</source>
        <translation>Un certificat remplacé ne peut pas être retiré&#xa0;: retirez plutôt son renouvellement.</translation>
    </message>
    <message>
        <source>A withdrawn certificate cannot be reinstated: withdrawal is final.</source>
        <translation>Un certificat retiré ne peut pas être rétabli&#xa0;: le retrait est définitif.</translation>
    </message>
    <message>
        <source>A withdrawn certificate cannot be superseded: withdrawal is final.</source>
        <translation>Un certificat retiré ne peut pas être remplacé&#xa0;: le retrait est définitif.</translation>
    </message>
    <message>
        <source>A withdrawn certificate cannot be suspended: withdrawal is final.</source>
        <translation>Un certificat retiré ne peut pas être suspendu&#xa0;: le retrait est définitif.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Air carrier</source>
        <translation>Transporteur aérien</translation>
    </message>
    <message>
        <source>Airport and port support services</source>
        <translation>Services d&apos;appui aéroportuaires et portuaires</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>Type d&apos;entreprise</translation>
    </message>
    <message>
        <source>Cannot connect to the database {where}: {detail}</source>
        <translation>Impossible de se connecter à la base de données {where}&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Cannot open the database {where}: {detail}</source>
        <translation>Impossible d&apos;ouvrir la base de données {where}&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Cargo or maritime agent</source>
        <translation>Agent de fret ou maritime</translation>
    </message>
    <message>
        <source>Certificate code</source>
        <translation>Code de certificat</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Certifiée</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Customs agent</source>
        <translation>Agent en douane</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Exporter / importer</source>
        <translation>Exportateur / importateur</translation>
    </message>
    <message>
        <source>Free-trade-zone user</source>
        <translation>Usager de zone franche</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <source>Logistics operator</source>
        <translation>Opérateur logistique</translation>
    </message>
    <message>
        <source>Member {id} does not exist.</source>
        <translation>Le membre {id} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>No auditors for {country}.</source>
        <translation>Aucun auditeur pour {country}.</translation>
    </message>
    <message>
        <source>No member has the {label} {tax_id}.</source>
        <translation>Aucun membre n&apos;a pour {label} {tax_id}.</translation>
    </message>
    <message>
        <source>No standard is loaded, so the demo cannot judge any audit.</source>
        <translation>Aucune norme n&apos;est chargée&#xa0;: la démonstration ne peut évaluer aucun audit.</translation>
    </message>
    <message>
        <source>Only a suspended certificate can be reinstated: this one is valid.</source>
        <translation>Seul un certificat suspendu peut être rétabli&#xa0;: celui-ci est valide.</translation>
    </message>
    <message>
        <source>Part of this {label} is not valid.</source>
        <translation>Une partie du numéro {label} n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Port operator or stevedore</source>
        <translation>Opérateur portuaire ou manutentionnaire</translation>
    </message>
    <message>
        <source>Port terminal</source>
        <translation>Terminal portuaire</translation>
    </message>
    <message>
        <source>Private security company</source>
        <translation>Entreprise de sécurité privée</translation>
    </message>
    <message>
        <source>Road carrier</source>
        <translation>Transporteur routier</translation>
    </message>
    <message>
        <source>Sea carrier</source>
        <translation>Transporteur maritime</translation>
    </message>
    <message>
        <source>Storage terminal or warehouse</source>
        <translation>Terminal de stockage ou entrepôt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendue</translation>
    </message>
    <message>
        <source>Tax IDs of the country “{country}” cannot be checked.</source>
        <translation>Les identifiants fiscaux du pays «&#xa0;{country}&#xa0;» ne peuvent pas être vérifiés.</translation>
    </message>
    <message>
        <source>The DV of this {label} must have 2 digits.</source>
        <translation>Le DV du numéro {label} doit comporter 2 chiffres.</translation>
    </message>
    <message>
        <source>The certificate code {code} would not read back the same under the pattern {pattern}.</source>
        <translation>Le code de certificat {code} ne se relirait pas à l&apos;identique avec le modèle {pattern}.</translation>
    </message>
    <message>
        <source>The check digit of this {label} is wrong.</source>
        <translation>Le chiffre de contrôle du numéro {label} est erroné.</translation>
    </message>
    <message>
        <source>The city code {value} must be capital letters only, like PTY.</source>
        <translation>Le code de ville {value} ne doit contenir que des majuscules, comme PTY.</translation>
    </message>
    <message>
        <source>The company number must be 1 or more, not {value}.</source>
        <translation>Le numéro d&apos;entreprise doit être au moins 1, et non {value}.</translation>
    </message>
    <message>
        <source>The company number {value} has more than the {width} digits that the chapter&apos;s certificate code allows.</source>
        <translation>Le numéro d&apos;entreprise {value} dépasse les {width} chiffres qu&apos;autorise le code de certificat du chapitre.</translation>
    </message>
    <message>
        <source>The country code {value} must be three capital letters, like PAN.</source>
        <translation>Le code de pays {value} doit comporter trois majuscules, comme PAN.</translation>
    </message>
    <message>
        <source>The country code {value} must be two capital letters, like PA.</source>
        <translation>Le code de pays {value} doit comporter deux majuscules, comme PA.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be created: {reason}.</source>
        <translation>Impossible de créer le dossier de données {folder}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written. Choose another with --data-dir.</source>
        <translation>Impossible d&apos;écrire dans le dossier de données {folder}. Choisissez-en un autre avec --data-dir.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be written. Check its permissions.</source>
        <translation>Impossible d&apos;écrire dans le fichier de base de données {path}. Vérifiez ses droits d&apos;accès.</translation>
    </message>
    <message>
        <source>The database {where} cannot be used: {detail}. Supported: SQLite and PostgreSQL.</source>
        <translation>La base de données {where} est inutilisable&#xa0;: {detail}. Formats pris en charge&#xa0;: SQLite et PostgreSQL.</translation>
    </message>
    <message>
        <source>The database {where} holds other tables: it is not a BASC Desktop database.</source>
        <translation>La base de données {where} contient d&apos;autres tables&#xa0;: ce n&apos;est pas une base BASC Desktop.</translation>
    </message>
    <message>
        <source>The database {where} is damaged ({detail}). Nothing was changed. Restore a backup.</source>
        <translation>La base de données {where} est endommagée ({detail}). Rien n&apos;a été modifié. Restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The database {where} is damaged or not a database ({detail}). Nothing was changed. Restore a backup.</source>
        <translation>La base de données {where} est endommagée ou n&apos;est pas une base de données ({detail}). Rien n&apos;a été modifié. Restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The database {where} was made by a newer version of BASC Desktop (schema {revision}). Install the newer version to open it; nothing was changed.</source>
        <translation>La base de données {where} a été créée par une version plus récente de BASC Desktop (schéma {revision}). Installez cette version pour l&apos;ouvrir&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The demo can only fill an empty database, and this one already has {count} companies. Create the demo database instead.</source>
        <translation>La démonstration ne peut remplir qu&apos;une base vide, et celle-ci compte déjà {count} entreprises. Créez plutôt la base de démonstration.</translation>
    </message>
    <message>
        <source>The demo needs at least one company, not {count}.</source>
        <translation>La démonstration nécessite au moins une entreprise, et non {count}.</translation>
    </message>
    <message>
        <source>The demo was cancelled; nothing was written.</source>
        <translation>La démonstration a été annulée&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop database, or it is damaged. Nothing was changed. Open another file or restore a backup.</source>
        <translation>Le fichier {path} n&apos;est pas une base BASC Desktop, ou il est endommagé. Rien n&apos;a été modifié. Ouvrez un autre fichier ou restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be created: {reason}.</source>
        <translation>Impossible de créer le dossier {folder}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written, so no database can be created there.</source>
        <translation>Impossible d&apos;écrire dans le dossier {folder}&#xa0;: aucune base de données ne peut y être créée.</translation>
    </message>
    <message>
        <source>The issue number must be 1 or more, not {value}.</source>
        <translation>Le numéro d&apos;émission doit être au moins 1, et non {value}.</translation>
    </message>
    <message>
        <source>The issue number {value} has more than the {width} digits that the chapter&apos;s certificate code allows.</source>
        <translation>Le numéro d&apos;émission {value} dépasse les {width} chiffres qu&apos;autorise le code de certificat du chapitre.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {reason}. Fix or delete it.</source>
        <translation>Impossible de lire le fichier de paramètres {path}&#xa0;: {reason}. Corrigez-le ou supprimez-le.</translation>
    </message>
    <message>
        <source>The site number must be 1 or more, not {value}.</source>
        <translation>Le numéro de site doit être au moins 1, et non {value}.</translation>
    </message>
    <message>
        <source>The site number {value} has more than the {width} digits that the chapter&apos;s certificate code allows.</source>
        <translation>Le numéro de site {value} dépasse les {width} chiffres qu&apos;autorise le code de certificat du chapitre.</translation>
    </message>
    <message>
        <source>The {label} has an impossible date or an invalid homoclave.</source>
        <translation>Le numéro {label} contient une date impossible ou une homoclave non valide.</translation>
    </message>
    <message>
        <source>The {label} has an invalid format.</source>
        <translation>Le numéro {label} a un format non valide.</translation>
    </message>
    <message>
        <source>The {label} has an invalid format; it must be 3 letters (4 for a person), a date as YYMMDD and a 3-character homoclave.</source>
        <translation>Le numéro {label} a un format non valide&#xa0;; il doit comporter 3 lettres (4 pour une personne physique), une date AAMMJJ et une homoclave de 3 caractères.</translation>
    </message>
    <message>
        <source>The {label} has an invalid format; write it like 155596713-2-2015 DV 45 (a company) or 8-123-456 (a person).</source>
        <translation>Le numéro {label} a un format non valide&#xa0;; écrivez-le comme 155596713-2-2015 DV 45 (une entreprise) ou 8-123-456 (une personne).</translation>
    </message>
    <message>
        <source>The {label} has an unknown province or type (third digit), or establishment number 000.</source>
        <translation>Le numéro {label} a une province ou un type inconnu (troisième chiffre), ou le numéro d&apos;établissement 000.</translation>
    </message>
    <message>
        <source>The {label} is empty.</source>
        <translation>Le numéro {label} est vide.</translation>
    </message>
    <message>
        <source>The {label} may contain only digits, and K as the last character.</source>
        <translation>Le numéro {label} ne peut contenir que des chiffres, et K comme dernier caractère.</translation>
    </message>
    <message>
        <source>The {label} may contain only digits.</source>
        <translation>Le numéro {label} ne peut contenir que des chiffres.</translation>
    </message>
    <message>
        <source>The {label} must be a letter followed by 9 digits.</source>
        <translation>Le numéro {label} doit être une lettre suivie de 9 chiffres.</translation>
    </message>
    <message>
        <source>The {label} must have 10 characters, a letter and 9 digits; this one has {actual}.</source>
        <translation>Le numéro {label} doit comporter 10 caractères, une lettre et 9 chiffres&#xa0;; celui-ci en a {actual}.</translation>
    </message>
    <message>
        <source>The {label} must have 12 characters (13 for a person); this one has {actual}.</source>
        <translation>Le numéro {label} doit comporter 12 caractères (13 pour une personne physique)&#xa0;; celui-ci en a {actual}.</translation>
    </message>
    <message>
        <source>The {label} must have {minimum} digits; this one has {actual}.</source>
        <translation>Le numéro {label} doit comporter {minimum} chiffres&#xa0;; celui-ci en a {actual}.</translation>
    </message>
    <message>
        <source>The {label} must have {minimum} to {maximum} digits; this one has {actual}.</source>
        <translation>Le numéro {label} doit comporter de {minimum} à {maximum} chiffres&#xa0;; celui-ci en a {actual}.</translation>
    </message>
    <message>
        <source>The {label} must start with 0, 1 or 9.</source>
        <translation>Le numéro {label} doit commencer par 0, 1 ou 9.</translation>
    </message>
    <message>
        <source>The {label} must start with 01 to 22 and end with 001 and the check digit.</source>
        <translation>Le numéro {label} doit commencer par 01 à 22 et se terminer par 001 suivi du chiffre de contrôle.</translation>
    </message>
    <message>
        <source>The {label} must start with 10, 15, 17 or 20.</source>
        <translation>Le numéro {label} doit commencer par 10, 15, 17 ou 20.</translation>
    </message>
    <message>
        <source>The {label} must start with V, E, J, P or G.</source>
        <translation>Le numéro {label} doit commencer par V, E, J, P ou G.</translation>
    </message>
    <message>
        <source>The {label} must start with a known type, such as 3-101 for a corporation.</source>
        <translation>Le numéro {label} doit commencer par un type connu, comme 3-101 pour une société anonyme.</translation>
    </message>
    <message>
        <source>The {label} starts with a prefix that the IRS does not assign.</source>
        <translation>Le numéro {label} commence par un préfixe que l&apos;IRS n&apos;attribue pas.</translation>
    </message>
    <message>
        <source>The {label} {tax_id} is already registered to {company}.</source>
        <translation>Le numéro {label} {tax_id} est déjà enregistré au nom de {company}.</translation>
    </message>
    <message>
        <source>There are no chapters to build a demo for.</source>
        <translation>Il n&apos;y a aucun chapitre pour lequel créer une démonstration.</translation>
    </message>
    <message>
        <source>There is no BASC standard version &apos;{version}&apos;.</source>
        <translation>Il n&apos;existe pas de version &apos;{version}&apos; de la norme BASC.</translation>
    </message>
    <message>
        <source>There is no chapter with the code &apos;{code}&apos;. Known chapters: {known}</source>
        <translation>Aucun chapitre n&apos;a le code &apos;{code}&apos;. Chapitres connus&#xa0;: {known}</translation>
    </message>
    <message>
        <source>There is no chapter “{code}”.</source>
        <translation>Le chapitre «&#xa0;{code}&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This certificate is already superseded.</source>
        <translation>Ce certificat est déjà remplacé.</translation>
    </message>
    <message>
        <source>This certificate is already suspended.</source>
        <translation>Ce certificat est déjà suspendu.</translation>
    </message>
    <message>
        <source>This certificate is already withdrawn.</source>
        <translation>Ce certificat est déjà retiré.</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nom commercial</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>cannot be filled in ({problem})</source>
        <translation>ne peut pas être rempli ({problem})</translation>
    </message>
    <message>
        <source>cannot be read: {problem}</source>
        <translation>illisible&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>gives the same code {code} to different certificates</source>
        <translation>donne le même code {code} à des certificats différents</translation>
    </message>
    <message>
        <source>holds no chapter files (*.toml); at least one is needed</source>
        <translation>ne contient aucun fichier de chapitre (*.toml)&#xa0;; il en faut au moins un</translation>
    </message>
    <message>
        <source>holds no standard files (*.toml); at least one is needed</source>
        <translation>ne contient aucun fichier de norme (*.toml)&#xa0;; il en faut au moins un</translation>
    </message>
    <message>
        <source>is not a folder of chapter files</source>
        <translation>n&apos;est pas un dossier de fichiers de chapitre</translation>
    </message>
    <message>
        <source>is not a folder of standard files</source>
        <translation>n&apos;est pas un dossier de fichiers de norme</translation>
    </message>
    <message>
        <source>is not a valid pattern ({problem})</source>
        <translation>n&apos;est pas un modèle valide ({problem})</translation>
    </message>
    <message>
        <source>is not valid TOML: {problem}</source>
        <translation>n&apos;est pas du TOML valide&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>is required but missing</source>
        <translation>est obligatoire, mais absent</translation>
    </message>
    <message>
        <source>may only hold {known}, got &apos;{value}&apos;</source>
        <translation>ne peut contenir que {known}&#xa0;; reçu &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>must be a table, got {kind} ({value})</source>
        <translation>doit être une table&#xa0;; reçu {kind} ({value})</translation>
    </message>
    <message>
        <source>must be a whole number of {unit} above 0, got {value}</source>
        <translation>doit être un nombre entier de {unit} supérieur à 0&#xa0;; reçu {value}</translation>
    </message>
    <message>
        <source>must be an e-mail address, got &apos;{value}&apos;</source>
        <translation>doit être une adresse électronique&#xa0;; reçu &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>must be at most {limit} characters long, got {length}</source>
        <translation>doit comporter au plus {limit} caractères&#xa0;; en compte {length}</translation>
    </message>
    <message>
        <source>must be shorter than the certificate&apos;s validity ({months} months), got {value}</source>
        <translation>doit être inférieur à la validité du certificat ({months} mois)&#xa0;; reçu {value}</translation>
    </message>
    <message>
        <source>must be text, got {kind} ({value})</source>
        <translation>doit être du texte&#xa0;; reçu {kind} ({value})</translation>
    </message>
    <message>
        <source>must be the ISO alpha-2 code of a country BASC works in ({known}), got &apos;{value}&apos;</source>
        <translation>doit être le code ISO alpha-2 d&apos;un pays où BASC est présent ({known})&#xa0;; reçu &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>must be the file&apos;s name without &apos;.toml&apos; (&apos;{stem}&apos;), got &apos;{code}&apos;</source>
        <translation>doit être le nom du fichier sans &apos;.toml&apos; (&apos;{stem}&apos;)&#xa0;; reçu &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>must be {expected}, got {kind} ({value})</source>
        <translation>doit être {expected}&#xa0;; reçu {kind} ({value})</translation>
    </message>
    <message>
        <source>must be {what}, got {value}</source>
        <translation>doit être {what}&#xa0;; reçu {value}</translation>
    </message>
    <message>
        <source>must be {what}: one of {options}, got {value}</source>
        <translation>doit être {what}&#xa0;: l&apos;une des valeurs {options}&#xa0;; reçu {value}</translation>
    </message>
    <message>
        <source>must contain {missing} so that every certificate code is different</source>
        <translation>doit contenir {missing} pour que chaque code de certificat soit différent</translation>
    </message>
    <message>
        <source>must have a text in the chapter&apos;s first language &apos;{language}&apos;</source>
        <translation>doit avoir un texte dans la première langue du chapitre, &apos;{language}&apos;</translation>
    </message>
    <message>
        <source>must list at least one requirement</source>
        <translation>doit comporter au moins une exigence</translation>
    </message>
    <message>
        <source>must list at least one signatory</source>
        <translation>doit comporter au moins un signataire</translation>
    </message>
    <message>
        <source>must name at least one language</source>
        <translation>doit indiquer au moins une langue</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must not be longer than deadlines.minor ({minor} days), got {major}</source>
        <translation>ne doit pas dépasser deadlines.minor ({minor} jours)&#xa0;; reçu {major}</translation>
    </message>
    <message>
        <source>names &apos;{name}&apos;, but there is no such file next to the chapter file</source>
        <translation>indique &apos;{name}&apos;, mais aucun fichier de ce nom ne se trouve à côté du fichier du chapitre</translation>
    </message>
    <message>
        <source>names &apos;{value}&apos; twice</source>
        <translation>indique &apos;{value}&apos; deux fois</translation>
    </message>
    <message>
        <source>names a language twice</source>
        <translation>indique une langue deux fois</translation>
    </message>
    <message>
        <source>unknown key ({hint})</source>
        <translation>clé inconnue ({hint})</translation>
    </message>
    <message>
        <source>uses the placeholder {{{name}}}; the pattern may only use {allowed}</source>
        <translation>utilise le paramètre {{{name}}}&#xa0;; le modèle ne peut utiliser que {allowed}</translation>
    </message>
    <message>
        <source>{code} is not a certificate code of this chapter: expected the shape {pattern}, for example {example}.</source>
        <translation>{code} n&apos;est pas un code de certificat de ce chapitre&#xa0;: forme attendue {pattern}, par exemple {example}.</translation>
    </message>
    <message>
        <source>{company} was changed by someone else since you opened it. Reload to see it.</source>
        <translation>{company} a été modifiée par quelqu&apos;un d&apos;autre depuis que vous l&apos;avez ouverte. Rechargez pour voir les changements.</translation>
    </message>
    <message>
        <source>{file}: key &apos;{key}&apos;: {reason}</source>
        <translation>{file}&#xa0;: clé &apos;{key}&apos;&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}&#xa0;: champ obligatoire.</translation>
    </message>
    <message>
        <source>{label} is too long: {length} characters, at most {max_length}.</source>
        <translation>{label}&#xa0;: le texte compte {length} caractères&#xa0;; le maximum est {max_length}.</translation>
    </message>
    <message>
        <source>{label} must be a web address such as www.company.com.</source>
        <translation>{label}&#xa0;: doit être une adresse web comme www.entreprise.com.</translation>
    </message>
    <message>
        <source>{label} must look like name@company.com; got “{value}”.</source>
        <translation>{label}&#xa0;: doit être de la forme nom@entreprise.com&#xa0;; reçu «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>{label} must start with + and the country code, e.g. +57 601 555 0101.</source>
        <translation>{label}&#xa0;: doit commencer par + et l&apos;indicatif du pays, p. ex. +57 601 555 0101.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} est un dossier, pas un fichier de base de données.</translation>
    </message>
    <message>
        <source>{path} is the real database; the demo is never written over it.</source>
        <translation>{path} est la vraie base de données&#xa0;; la démonstration ne l&apos;écrase jamais.</translation>
    </message>
    <message>
        <source>“{url}” is not a database address. Use e.g. postgresql+psycopg://user@server/basc.</source>
        <translation>«&#xa0;{url}&#xa0;» n&apos;est pas une adresse de base de données. Utilisez par exemple postgresql+psycopg://utilisateur@serveur/basc.</translation>
    </message>
    <message>
        <source>“{value}” is not a business type.</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;est pas un type d&apos;entreprise.</translation>
    </message>
</context>
</TS>
