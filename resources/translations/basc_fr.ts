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
    <name>ActionFilterBar</name>
    <message>
        <source>&amp;Overdue</source>
        <translation>En &amp;retard</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Toute gravité</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tout état</translation>
    </message>
    <message>
        <source>Due this &amp;week</source>
        <translation>Échéance cette &amp;semaine</translation>
    </message>
    <message>
        <source>Not closed yet</source>
        <translation>Pas encore clôturées</translation>
    </message>
    <message>
        <source>Search company, tax ID or city (Ctrl+F)</source>
        <translation>Rechercher une entreprise, un numéro fiscal ou une ville (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>ActionPlanDialog</name>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Owner at the company:</source>
        <translation>&amp;Responsable dans l&apos;entreprise :</translation>
    </message>
    <message>
        <source>Corrective action plan</source>
        <translation>Plan de l&apos;action corrective</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>Date d&apos;é&amp;chéance :</translation>
    </message>
</context>
<context>
    <name>ActionStepDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;Follow-up audit:</source>
        <translation>Audit de &amp;suivi :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>A corrective action is verified by a follow-up audit of the same company. Plan and start one first.</source>
        <translation>Une action corrective est vérifiée par un audit de suivi de la même entreprise. Planifiez-en un et commencez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>Close corrective action</source>
        <translation>Clôturer l&apos;action corrective</translation>
    </message>
    <message>
        <source>Follow-up of {date} ({lead})</source>
        <translation>Suivi du {date} ({lead})</translation>
    </message>
    <message>
        <source>No follow-up audit of this company is in progress</source>
        <translation>Aucun audit de suivi de cette entreprise n&apos;est en cours</translation>
    </message>
    <message>
        <source>Submit corrective action</source>
        <translation>Soumettre l&apos;action corrective</translation>
    </message>
    <message>
        <source>Verify corrective action</source>
        <translation>Vérifier l&apos;action corrective</translation>
    </message>
    <message>
        <source>What the company did, what was seen, documents received…</source>
        <translation>Ce que l&apos;entreprise a fait, ce qui a été vu, documents reçus…</translation>
    </message>
</context>
<context>
    <name>ActionsArea</name>
    <message>
        <source>&amp;Edit plan…</source>
        <translation>&amp;Modifier le plan…</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Soumettre…</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Vérifier…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation>C&amp;lôturer…</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Exporter vers E&amp;xcel…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Select a corrective action to see its details.</source>
        <translation>Sélectionnez une action corrective pour voir ses détails.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumise</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <source>{count} corrective actions</source>
        <translation>{count} actions correctives</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Exigence</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>ActivityArea</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the activity</source>
        <translation>Exporter l’activité</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Exporter vers E&amp;xcel…</translation>
    </message>
    <message>
        <source>No fields.</source>
        <translation>Aucun champ.</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Type d’enregistrement</translation>
    </message>
    <message>
        <source>Select an event to see every field it changed.</source>
        <translation>Sélectionnez un événement pour voir chaque champ qu’il a modifié.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Écriture de {file}…</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} événements</translation>
    </message>
    <message>
        <source>{count} events were written to {path}.</source>
        <translation>{count} événements ont été écrits dans {path}.</translation>
    </message>
</context>
<context>
    <name>ActivityFilterBar</name>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Toute action</translation>
    </message>
    <message>
        <source>Any record</source>
        <translation>Tout enregistrement</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>N’importe qui</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Search record, code or changed value (Ctrl+F)</source>
        <translation>Rechercher un enregistrement, un code ou une valeur modifiée (Ctrl+F)</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Type d’enregistrement</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
</context>
<context>
    <name>AdmissionChecklistModel</name>
    <message>
        <source>Attached file</source>
        <translation>Fichier joint</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>The chapter does not ask this document of this business type.</source>
        <translation>Le chapitre ne demande pas ce document pour ce type d&apos;activité.</translation>
    </message>
    <message>
        <source>{received} of {required} documents</source>
        <translation>{received} documents sur {required}</translation>
    </message>
</context>
<context>
    <name>AdmissionCommands</name>
    <message>
        <source>&amp;Committee session…</source>
        <translation>Séance du &amp;comité…</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Décider…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>&amp;Minutes…</source>
        <translation>&amp;Procès-verbal…</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>&amp;Nouvelle demande…</translation>
    </message>
    <message>
        <source>&amp;Welcome letter…</source>
        <translation>Lettre de &amp;bienvenue…</translation>
    </message>
    <message>
        <source>Committee decision</source>
        <translation>Décision du comité</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Procès-verbal</translation>
    </message>
    <message>
        <source>Only an admitted company gets a welcome letter.</source>
        <translation>Seule une entreprise admise reçoit une lettre de bienvenue.</translation>
    </message>
    <message>
        <source>Open it now?</source>
        <translation>Voulez-vous l’ouvrir maintenant ?</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>Enregistrer le procès-verbal</translation>
    </message>
    <message>
        <source>Save the welcome letter</source>
        <translation>Enregistrer la lettre de bienvenue</translation>
    </message>
    <message>
        <source>The committee decides on the applications on its agenda: put this application on a committee session first.</source>
        <translation>Le comité décide des demandes inscrites à son ordre du jour : inscrivez d&apos;abord cette demande à une séance du comité.</translation>
    </message>
    <message>
        <source>The minutes of the committee of {date} were saved to {path}.</source>
        <translation>Le procès-verbal du comité du {date} a été enregistré dans {path}.</translation>
    </message>
    <message>
        <source>The welcome letter of {company} was saved to {path}.</source>
        <translation>La lettre de bienvenue de {company} a été enregistrée dans {path}.</translation>
    </message>
    <message>
        <source>This application has not been on a committee session yet.</source>
        <translation>Cette demande n&apos;a encore été inscrite à aucune séance du comité.</translation>
    </message>
    <message>
        <source>Welcome letter</source>
        <translation>Lettre de bienvenue</translation>
    </message>
    <message>
        <source>Writing the minutes of the committee of {date}…</source>
        <translation>Rédaction du procès-verbal du comité du {date}…</translation>
    </message>
    <message>
        <source>Writing the welcome letter of {company}…</source>
        <translation>Rédaction de la lettre de bienvenue de {company}…</translation>
    </message>
    <message>
        <source>the application of {company}</source>
        <translation>la demande de {company}</translation>
    </message>
</context>
<context>
    <name>AdmissionDetailPanel</name>
    <message>
        <source>&amp;Missing</source>
        <translation>&amp;Manquant</translation>
    </message>
    <message>
        <source>&amp;Not applicable</source>
        <translation>&amp;Sans objet</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Received</source>
        <translation>&amp;Reçu</translation>
    </message>
    <message>
        <source>A&amp;ttach file…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <source>Admission documents</source>
        <translation>Documents d&apos;admission</translation>
    </message>
    <message>
        <source>Attach a file to “{document}”</source>
        <translation>Joindre un fichier à « {document} »</translation>
    </message>
    <message>
        <source>Certification audit to be asked for by {date}</source>
        <translation>Audit de certification à demander au plus tard le {date}</translation>
    </message>
    <message>
        <source>Committee of {date}: {decision}</source>
        <translation>Comité du {date} : {decision}</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx);;All files (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Select an application to see its documents.</source>
        <translation>Sélectionnez une demande pour voir ses documents.</translation>
    </message>
    <message>
        <source>Welcome letter of {date}</source>
        <translation>Lettre de bienvenue du {date}</translation>
    </message>
    <message>
        <source>no decision yet</source>
        <translation>pas encore de décision</translation>
    </message>
    <message>
        <source>on</source>
        <translation>le</translation>
    </message>
    <message>
        <source>opened {date}</source>
        <translation>ouverte le {date}</translation>
    </message>
</context>
<context>
    <name>AdmissionFilterBar</name>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tout état</translation>
    </message>
    <message>
        <source>Audit &amp;deadline within</source>
        <translation>Délai d’&amp;audit dans les</translation>
    </message>
    <message>
        <source>Open (no final decision)</source>
        <translation>Ouvertes (sans décision finale)</translation>
    </message>
    <message>
        <source>Search company, tax ID or city (Ctrl+F)</source>
        <translation>Rechercher une entreprise, un identifiant fiscal ou une ville (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>AdmissionsArea</name>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>&amp;Applications</source>
        <translation>&amp;Demandes</translation>
    </message>
    <message>
        <source>D&amp;eadlines</source>
        <translation>D&amp;élais</translation>
    </message>
    <message>
        <source>Deadline past or within</source>
        <translation>Délai dépassé ou dans les</translation>
    </message>
    <message>
        <source>{count} companies, {overdue} overdue</source>
        <translation>{count} entreprises, {overdue} en retard</translation>
    </message>
    <message>
        <source>{shown} of {total} applications</source>
        <translation>{shown} sur {total} demandes</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <source>Audit deadline</source>
        <translation>Délai d&apos;audit</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>Type d&apos;activité</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>Comité</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>{received} of {required}</source>
        <translation>{received} sur {required}</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Admissions</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Audits</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
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
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Renouvellements</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Normes</translation>
    </message>
</context>
<context>
    <name>AuditCalendar</name>
    <message>
        <source>Audits planned on {date}: {count}</source>
        <translation>Audits prévus le {date} : {count}</translation>
    </message>
</context>
<context>
    <name>AuditCommands</name>
    <message>
        <source>&amp;Export report PDF…</source>
        <translation>&amp;Exporter le rapport en PDF…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>&amp;Plan audit…</source>
        <translation>&amp;Planifier un audit…</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Rapporter</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Commencer</translation>
    </message>
    <message>
        <source>A&amp;uditors…</source>
        <translation>A&amp;uditeurs…</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit checklist</source>
        <translation>Liste de vérification de l&apos;audit</translation>
    </message>
    <message>
        <source>C&amp;hange plan…</source>
        <translation>&amp;Modifier le plan…</translation>
    </message>
    <message>
        <source>C&amp;lose audit</source>
        <translation>C&amp;lôturer l&apos;audit</translation>
    </message>
    <message>
        <source>Close audit</source>
        <translation>Clôturer l&apos;audit</translation>
    </message>
    <message>
        <source>Close the audit of {company}? Nothing more can be recorded on it.</source>
        <translation>Clôturer l&apos;audit de {company} ? Plus rien ne pourra y être enregistré.</translation>
    </message>
    <message>
        <source>Export audit report</source>
        <translation>Exporter le rapport d&apos;audit</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Exporter vers E&amp;xcel…</translation>
    </message>
    <message>
        <source>Open &amp;checklist</source>
        <translation>Ouvrir la &amp;liste de vérification</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report audit</source>
        <translation>Rapporter l&apos;audit</translation>
    </message>
    <message>
        <source>Report of the audit of {date} saved to {path}</source>
        <translation>Rapport de l&apos;audit du {date} enregistré dans {path}</translation>
    </message>
    <message>
        <source>Report the audit of {company}? Its nonconformities become corrective actions, and its verdicts can no longer be changed.</source>
        <translation>Rapporter l&apos;audit de {company} ? Ses non-conformités deviennent des actions correctives et ses verdicts ne pourront plus être modifiés.</translation>
    </message>
    <message>
        <source>The checklist is made when the audit starts; start it first.</source>
        <translation>La liste de vérification est créée au début de l&apos;audit ; commencez d&apos;abord l&apos;audit.</translation>
    </message>
    <message>
        <source>Writing the audit report of {company}…</source>
        <translation>Rédaction du rapport d&apos;audit de {company}…</translation>
    </message>
    <message>
        <source>audit {id} of {company}</source>
        <translation>l&apos;audit {id} de {company}</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>Any auditor</source>
        <translation>Tout auditeur</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Tout type</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tout état</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Mois :</translation>
    </message>
    <message>
        <source>Search company, tax ID or city (Ctrl+F)</source>
        <translation>Rechercher une entreprise, un numéro fiscal ou une ville (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>AuditorForm</name>
    <message>
        <source>&amp;Chapter:</source>
        <translation>&amp;Chapitre :</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Courri&amp;el :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Any chapter</source>
        <translation>Tout chapitre</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Modifier {name}</translation>
    </message>
    <message>
        <source>New auditor</source>
        <translation>Nouvel auditeur</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
</context>
<context>
    <name>AuditorsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>Auditors</source>
        <translation>Auditeurs</translation>
    </message>
    <message>
        <source>C&amp;hapter:</source>
        <translation>C&amp;hapitre :</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>Reacti&amp;vate</source>
        <translation>Réacti&amp;ver</translation>
    </message>
    <message>
        <source>Retire auditor</source>
        <translation>Retirer l’auditeur</translation>
    </message>
    <message>
        <source>Retire {name}? They stay on the audits they took part in, but are no longer offered for new plans.</source>
        <translation>Retirer {name} ? Cette personne reste sur les audits auxquels elle a participé, mais n’est plus proposée pour les nouveaux plans.</translation>
    </message>
    <message>
        <source>Show &amp;retired</source>
        <translation>Afficher les &amp;retirés</translation>
    </message>
    <message>
        <source>{count} auditors</source>
        <translation>{count} auditeurs</translation>
    </message>
</context>
<context>
    <name>AuditorsModel</name>
    <message>
        <source>Audits</source>
        <translation>Audits</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>AuditsArea</name>
    <message>
        <source>{count} audits</source>
        <translation>{count} audits</translation>
    </message>
</context>
<context>
    <name>AuditsModel</name>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Lead auditor</source>
        <translation>Auditeur principal</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norme</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>{judged} of {total} judged</source>
        <translation>{judged} sur {total} évaluées</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Automatic backup saved: {file}</source>
        <translation>Sauvegarde automatique enregistrée : {file}</translation>
    </message>
    <message>
        <source>BASC Desktop backups ({patterns});;All files (*)</source>
        <translation>Sauvegardes BASC Desktop ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>BASC Desktop databases ({patterns})</source>
        <translation>Bases de données BASC Desktop ({patterns})</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>Impossible de restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>Copying {database} to {file}…</source>
        <translation>Copie de {database} vers {file}…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Restore the backup of {date} ({file})?

Everything in {database} will be replaced by the backup&apos;s data: changes made since then are undone. A copy of the current data is kept in {folder} first.</source>
        <translation>Restaurer la sauvegarde du {date} ({file}) ?

Tout le contenu de {database} sera remplacé par les données de la sauvegarde : les modifications faites depuis sont annulées. Une copie des données actuelles est d&apos;abord conservée dans {folder}.</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Restauration de {file}…</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>La sauvegarde automatique a échoué : {reason}</translation>
    </message>
    <message>
        <source>The backup was saved to {file} ({size}).</source>
        <translation>La sauvegarde a été enregistrée dans {file} ({size}).</translation>
    </message>
    <message>
        <source>The backup {file} was restored.</source>
        <translation>La sauvegarde {file} a été restaurée.</translation>
    </message>
    <message>
        <source>The data it replaced was kept in {file}.</source>
        <translation>Les données remplacées ont été conservées dans {file}.</translation>
    </message>
</context>
<context>
    <name>CertificateCommands</name>
    <message>
        <source>&amp;Issue…</source>
        <translation>É&amp;mettre…</translation>
    </message>
    <message>
        <source>&amp;Print/PDF…</source>
        <translation>&amp;Imprimer/PDF…</translation>
    </message>
    <message>
        <source>&amp;Reinstate…</source>
        <translation>&amp;Rétablir…</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>&amp;Suspendre…</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Vérifier…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
    <message>
        <source>Certificate {code} issued to {company}</source>
        <translation>Certificat {code} émis à {company}</translation>
    </message>
    <message>
        <source>Certificates — preview</source>
        <translation>Certificats — aperçu</translation>
    </message>
    <message>
        <source>Making the PDF of {count} certificates…</source>
        <translation>Création du PDF de {count} certificats…</translation>
    </message>
    <message>
        <source>No certificate was issued this month.</source>
        <translation>Aucun certificat n&apos;a été émis ce mois-ci.</translation>
    </message>
    <message>
        <source>Print all issued this &amp;month…</source>
        <translation>Imprimer tous ceux émis ce &amp;mois-ci…</translation>
    </message>
    <message>
        <source>Print certificates</source>
        <translation>Imprimer les certificats</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
</context>
<context>
    <name>CertificateDetailPanel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
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
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Issue number</source>
        <translation>Numéro d&apos;émission</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis</translation>
    </message>
    <message>
        <source>Renews</source>
        <translation>Renouvelle</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Select a certificate to see its details and history.</source>
        <translation>Sélectionnez un certificat pour voir ses données et son historique.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norme</translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation>Remplacé par</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
</context>
<context>
    <name>CertificateFilterBar</name>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>&amp;Expiring within</source>
        <translation>&amp;Expirant d&apos;ici</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tout état</translation>
    </message>
    <message>
        <source>Search code, company or tax ID (Ctrl+F)</source>
        <translation>Rechercher code, entreprise ou identifiant fiscal (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>CertificateHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Recorded on {when}</source>
        <translation>Enregistré le {when}</translation>
    </message>
</context>
<context>
    <name>CertificateMoveDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>An overdue major nonconformity, unpaid fees, a security incident…</source>
        <translation>Une non-conformité majeure en retard, des cotisations impayées, un incident de sûreté…</translation>
    </message>
    <message>
        <source>Issued {issued}, expires {expires}</source>
        <translation>Émis le {issued}, expire le {expires}</translation>
    </message>
    <message>
        <source>Reinstate certificate</source>
        <translation>Rétablir le certificat</translation>
    </message>
    <message>
        <source>Suspend certificate</source>
        <translation>Suspendre le certificat</translation>
    </message>
    <message>
        <source>What was put right, and how it was checked…</source>
        <translation>Ce qui a été corrigé, et comment cela a été vérifié…</translation>
    </message>
    <message>
        <source>Why the certificate is withdrawn…</source>
        <translation>Pourquoi le certificat est retiré…</translation>
    </message>
    <message>
        <source>Withdraw certificate</source>
        <translation>Retirer le certificat</translation>
    </message>
    <message>
        <source>Withdraw certificate {code} of {company} on {date}? This is final: it cannot be reinstated afterwards.</source>
        <translation>Retirer le certificat {code} de {company} le {date} ? C&apos;est définitif : il ne pourra pas être rétabli ensuite.</translation>
    </message>
    <message>
        <source>Withdrawal is final: the certificate cannot be reinstated afterwards.</source>
        <translation>Le retrait est définitif : le certificat ne pourra pas être rétabli ensuite.</translation>
    </message>
</context>
<context>
    <name>CertificatesArea</name>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>Exporter vers E&amp;xcel…</translation>
    </message>
    <message>
        <source>{shown} of {total} certificates</source>
        <translation>{shown} sur {total} certificats</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Jours restants</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} jours</translation>
    </message>
    <message>
        <source>{scope} · standard {version}</source>
        <translation>{scope} · norme {version}</translation>
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
    <name>ChecklistDialog</name>
    <message>
        <source>&amp;Evidence note:</source>
        <translation>Note de &amp;preuve :</translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation>&amp;Enregistrer la note</translation>
    </message>
    <message>
        <source>Audit checklist</source>
        <translation>Liste de vérification de l&apos;audit</translation>
    </message>
    <message>
        <source>Checklist — {company}</source>
        <translation>Liste de vérification — {company}</translation>
    </message>
    <message>
        <source>Evidence seen, documents, people interviewed…</source>
        <translation>Preuves vues, documents, personnes interrogées…</translation>
    </message>
    <message>
        <source>Key {key}, or Ctrl+{key} while writing the note</source>
        <translation>Touche {key}, ou Ctrl+{key} pendant la saisie de la note</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>Pas encore évaluée</translation>
    </message>
    <message>
        <source>Only &amp;unjudged</source>
        <translation>Seulement les non é&amp;valuées</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>standard {version}</source>
        <translation>norme {version}</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Exigence</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
</context>
<context>
    <name>CommitteeSessionDialog</name>
    <message>
        <source>&amp;Applications:</source>
        <translation>Dema&amp;ndes :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;Members present:</source>
        <translation>&amp;Membres présents :</translation>
    </message>
    <message>
        <source>C&amp;hapter:</source>
        <translation>C&amp;hapitre :</translation>
    </message>
    <message>
        <source>Committee session</source>
        <translation>Séance du comité</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>No application of this chapter is ready for the committee.</source>
        <translation>Aucune demande de ce chapitre n&apos;est prête pour le comité.</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>Un nom par ligne</translation>
    </message>
    <message>
        <source>Tick the applications the committee will hear.</source>
        <translation>Cochez les demandes que le comité examinera.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
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
        <source>&amp;PDF report…</source>
        <translation>Rapport &amp;PDF…</translation>
    </message>
    <message>
        <source>Certificates in force on {date} that expire in {month}</source>
        <translation>Certificats en vigueur au {date} qui expirent en {month}</translation>
    </message>
    <message>
        <source>Certified with more than 90 days left in {place} on {date}</source>
        <translation>Certifiées avec plus de 90 jours de validité — {place}, au {date}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>E&amp;xcel…</source>
        <translation>E&amp;xcel…</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>{file} enregistré</translation>
    </message>
    <message>
        <source>Show the dashboard as it was on this date</source>
        <translation>Afficher le tableau de bord tel qu&apos;il était à cette date</translation>
    </message>
    <message>
        <source>Status &amp;on:</source>
        <translation>Statut a&amp;u :</translation>
    </message>
    <message>
        <source>Status on {date} (from the history)</source>
        <translation>Statut au {date} (d&apos;après l&apos;historique)</translation>
    </message>
    <message>
        <source>Status today, {date}</source>
        <translation>Statut aujourd&apos;hui, {date}</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>Au&amp;jourd&apos;hui</translation>
    </message>
    <message>
        <source>all countries</source>
        <translation>tous les pays</translation>
    </message>
    <message>
        <source>chapter {chapter}</source>
        <translation>chapitre {chapter}</translation>
    </message>
    <message>
        <source>{figure} in {place} on {date}</source>
        <translation>{figure} — {place}, au {date}</translation>
    </message>
    <message>
        <source>{members} members in {countries} countries on {date}</source>
        <translation>{members} membres dans {countries} pays au {date}</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the dashboard as a PDF report</source>
        <translation>Enregistrer le tableau de bord en rapport PDF</translation>
    </message>
    <message>
        <source>Save the dashboard as an Excel workbook</source>
        <translation>Enregistrer le tableau de bord en classeur Excel</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Écriture de {file}…</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>All countries</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>Audits
this month</source>
        <translation>Audits
ce mois-ci</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Certifiées</translation>
    </message>
    <message>
        <source>Country and chapter</source>
        <translation>Pays et chapitre</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirées</translation>
    </message>
    <message>
        <source>Expiring
≤ 30 days</source>
        <translation>Expirent
≤ 30 jours</translation>
    </message>
    <message>
        <source>Expiring
≤ 60 days</source>
        <translation>Expirent
≤ 60 jours</translation>
    </message>
    <message>
        <source>Expiring
≤ 90 days</source>
        <translation>Expirent
≤ 90 jours</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Open
actions</source>
        <translation>Actions
ouvertes</translation>
    </message>
    <message>
        <source>Overdue
actions</source>
        <translation>Actions
en retard</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendues</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirées</translation>
    </message>
    <message>
        <source>{figure}: double-click to list them</source>
        <translation>{figure} : double-cliquez pour les voir en liste</translation>
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
    <name>DeadlinesModel</name>
    <message>
        <source>Admitted</source>
        <translation>Admise</translation>
    </message>
    <message>
        <source>Audit deadline</source>
        <translation>Délai d&apos;audit</translation>
    </message>
    <message>
        <source>Certification audit</source>
        <translation>Audit de certification</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Échéance aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Not planned</source>
        <translation>Non planifié</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>En retard de {days} jours</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>{days} jours restants</translation>
    </message>
</context>
<context>
    <name>DecideApplicationDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>Committee decision</source>
        <translation>Décision du comité</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Décision :</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Required: what the company is to bring</source>
        <translation>Obligatoire : ce que l&apos;entreprise doit apporter</translation>
    </message>
    <message>
        <source>Required: why the committee turned it down</source>
        <translation>Obligatoire : pourquoi le comité l’a refusée</translation>
    </message>
    <message>
        <source>committee of {date}</source>
        <translation>comité du {date}</translation>
    </message>
    <message>
        <source>{documents} documents</source>
        <translation>{documents} documents</translation>
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
    <name>ExcelExport</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export corrective actions</source>
        <translation>Exporter les actions correctives</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Exporter les membres</translation>
    </message>
    <message>
        <source>Export the audit plan</source>
        <translation>Exporter le plan d’audit</translation>
    </message>
    <message>
        <source>Export the certificates register</source>
        <translation>Exporter le registre des certificats</translation>
    </message>
    <message>
        <source>Put each country on a sheet of its own, after a summary sheet of counts by country and status?</source>
        <translation>Placer chaque pays sur sa propre feuille, après une feuille de synthèse des totaux par pays et par statut ?</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Écriture de {file}…</translation>
    </message>
    <message>
        <source>{count} audits were written to {path}.</source>
        <translation>{count} audits ont été écrits dans {path}.</translation>
    </message>
    <message>
        <source>{count} certificates were written to {path}.</source>
        <translation>{count} certificats ont été écrits dans {path}.</translation>
    </message>
    <message>
        <source>{count} corrective actions were written to {path}.</source>
        <translation>{count} actions correctives ont été écrites dans {path}.</translation>
    </message>
    <message>
        <source>{count} members were written to {path}.</source>
        <translation>{count} membres ont été écrits dans {path}.</translation>
    </message>
</context>
<context>
    <name>ExpiryChart</name>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Certificates expiring in the next 12 months</source>
        <translation>Certificats qui expirent dans les 12 prochains mois</translation>
    </message>
</context>
<context>
    <name>ImportMembersDialog</name>
    <message>
        <source>&amp;Back to the columns</source>
        <translation>&amp;Retour aux colonnes</translation>
    </message>
    <message>
        <source>&amp;Check the file</source>
        <translation>&amp;Vérifier le fichier</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Save report as .xlsx…</source>
        <translation>&amp;Enregistrer le rapport en .xlsx…</translation>
    </message>
    <message>
        <source>&amp;Skip them</source>
        <translation>&amp;Les ignorer</translation>
    </message>
    <message>
        <source>&amp;Update them with the file&apos;s data</source>
        <translation>Les &amp;mettre à jour avec les données du fichier</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(non importée)</translation>
    </message>
    <message>
        <source>Chapter of rows without one:</source>
        <translation>Chapitre des lignes qui n’en indiquent pas :</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Vérification de {file}…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Correct the file and check it again: nothing can be imported while a row has an error.</source>
        <translation>Corrigez le fichier et vérifiez-le à nouveau : rien ne peut être importé tant qu’une ligne a une erreur.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>En-tête dans le fichier</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importation de {file}…</translation>
    </message>
    <message>
        <source>Members already registered:</source>
        <translation>Membres déjà enregistrés :</translation>
    </message>
    <message>
        <source>None: every row names its chapter</source>
        <translation>Aucun : chaque ligne indique son chapitre</translation>
    </message>
    <message>
        <source>Only the first {shown} problems are listed.</source>
        <translation>Seuls les {shown} premiers problèmes sont affichés.</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lu comme</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Enregistrer le rapport d’importation</translation>
    </message>
    <message>
        <source>The first rows, as they will be read:</source>
        <translation>Les premières lignes, telles qu’elles seront lues :</translation>
    </message>
    <message>
        <source>The report cannot be saved to {path}: {reason}</source>
        <translation>Le rapport ne peut pas être enregistré dans {path} : {reason}</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>Il n’y a rien à importer.</translation>
    </message>
    <message>
        <source>Which field each column of the file is read into:</source>
        <translation>Dans quel champ chaque colonne du fichier est lue :</translation>
    </message>
    <message>
        <source>{added} members added, {updated} updated and {skipped} skipped from {file}.</source>
        <translation>{added} membres ajoutés, {updated} mis à jour et {skipped} ignorés depuis {file}.</translation>
    </message>
    <message>
        <source>{file}: sheet “{sheet}”, header on row {row}.</source>
        <translation>{file} : feuille « {sheet} », en-têtes à la ligne {row}.</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
</context>
<context>
    <name>IssueCertificateDialog</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>É&amp;mettre</translation>
    </message>
    <message>
        <source>Closed audits without a certificate:</source>
        <translation>Audits clôturés sans certificat :</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Issue &amp;date:</source>
        <translation>&amp;Date d&apos;émission :</translation>
    </message>
    <message>
        <source>Issue certificate</source>
        <translation>Émettre un certificat</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis</translation>
    </message>
    <message>
        <source>No audit matches the search.</source>
        <translation>Aucun audit ne correspond à la recherche.</translation>
    </message>
    <message>
        <source>No closed certification or recertification audit is waiting for its certificate.</source>
        <translation>Aucun audit de certification ou de recertification clôturé n&apos;attend son certificat.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Signataires</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norme</translation>
    </message>
    <message>
        <source>Supersedes</source>
        <translation>Remplace</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>This certificate cannot be issued:</source>
        <translation>Ce certificat ne peut pas être émis :</translation>
    </message>
    <message>
        <source>Type part of the company&apos;s name or tax ID</source>
        <translation>Tapez une partie du nom ou de l&apos;identifiant fiscal de l&apos;entreprise</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About BASC Desktop</source>
        <translation>À &amp;propos de BASC Desktop</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
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
        <source>&amp;Import members from Excel…</source>
        <translation>&amp;Importer des membres depuis Excel…</translation>
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
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Search members</source>
        <translation>&amp;Rechercher des membres</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Utilisateurs…</translation>
    </message>
    <message>
        <source>&amp;Verify a certificate…</source>
        <translation>&amp;Vérifier un certificat…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
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
        <source>Res&amp;tore a backup…</source>
        <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>Utilisateur&#xa0;: {user}</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <source>&amp;Archive…</source>
        <translation>&amp;Archiver…</translation>
    </message>
    <message>
        <source>&amp;Delete permanently…</source>
        <translation>&amp;Supprimer définitivement…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Importer depuis Excel…</translation>
    </message>
    <message>
        <source>&amp;New member…</source>
        <translation>&amp;Nouveau membre…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Archive {company}? An archived member is hidden from the list; its history is kept and it can be restored.</source>
        <translation>Archiver {company} ? Un membre archivé n’apparaît plus dans la liste ; son historique est conservé et il peut être restauré.</translation>
    </message>
    <message>
        <source>Archive {count} members? Archived members are hidden from the list; their history is kept and they can be restored.</source>
        <translation>Archiver {count} membres ? Les membres archivés n’apparaissent plus dans la liste ; leur historique est conservé et ils peuvent être restaurés.</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <source>Delete {company} permanently? This cannot be undone. (A member who leaves is usually archived instead.)</source>
        <translation>Supprimer {company} définitivement ? Cette action est irréversible. (Un membre qui part est d’habitude archivé.)</translation>
    </message>
    <message>
        <source>E&amp;xport the list…</source>
        <translation>E&amp;xporter la liste…</translation>
    </message>
    <message>
        <source>Export &amp;selected…</source>
        <translation>Exporter la &amp;sélection…</translation>
    </message>
    <message>
        <source>{company} has audits or certificates, so it cannot be deleted. Archive it instead.</source>
        <translation>{company} a des audits ou des certificats : il ne peut pas être supprimé. Archivez-le plutôt.</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>Date d&apos;archivage</translation>
    </message>
    <message>
        <source>Archived on {date}</source>
        <translation>Archivé le {date}</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Audits</translation>
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
        <source>Certificates</source>
        <translation>Certificats</translation>
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
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Raison sociale</translation>
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
        <source>No audits.</source>
        <translation>Aucun audit.</translation>
    </message>
    <message>
        <source>No certificates.</source>
        <translation>Aucun certificat.</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>Aucune modification enregistrée.</translation>
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
        <source>Registered</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Renewal reminder sent for certificate {certificate} (expires {expires_on})</source>
        <translation>Rappel de renouvellement envoyé pour le certificat {certificate} (expire le {expires_on})</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
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
        <source>Superseded</source>
        <translation>Remplacé</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nom commercial</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>finished {date}</source>
        <translation>terminé le {date}</translation>
    </message>
    <message>
        <source>planned {date}</source>
        <translation>prévu le {date}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>depuis le {date}</translation>
    </message>
    <message>
        <source>standard {version}</source>
        <translation>norme {version}</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>valable jusqu&apos;au {date}</translation>
    </message>
    <message>
        <source>{count} older changes are in the event log.</source>
        <translation>Les {count} modifications plus anciennes sont dans le journal des événements.</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} au {end}</translation>
    </message>
    <message>
        <source>{start} to {end} · standard {version}</source>
        <translation>{start} au {end} · norme {version}</translation>
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
        <translation>A&amp;jouter un contact</translation>
    </message>
    <message>
        <source>&amp;Add a program</source>
        <translation>A&amp;jouter un programme</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Business type:</source>
        <translation>&amp;Type d’entreprise :</translation>
    </message>
    <message>
        <source>&amp;Chapter:</source>
        <translation>&amp;Chapitre :</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Courri&amp;el :</translation>
    </message>
    <message>
        <source>&amp;Legal name:</source>
        <translation>Raison &amp;sociale :</translation>
    </message>
    <message>
        <source>&amp;Member since:</source>
        <translation>Membre dep&amp;uis :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Télé&amp;phone :</translation>
    </message>
    <message>
        <source>&amp;Reload the member</source>
        <translation>&amp;Recharger le membre</translation>
    </message>
    <message>
        <source>&amp;Trade name:</source>
        <translation>Nom co&amp;mmercial :</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>Site &amp;web :</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>V&amp;ille :</translation>
    </message>
    <message>
        <source>C&amp;ompany</source>
        <translation>S&amp;ociété</translation>
    </message>
    <message>
        <source>Choose a business type…</source>
        <translation>Choisissez un type d’entreprise…</translation>
    </message>
    <message>
        <source>Choose the business type.</source>
        <translation>Choisissez le type d’entreprise.</translation>
    </message>
    <message>
        <source>Contact&amp;s</source>
        <translation>Personnes &amp;de contact</translation>
    </message>
    <message>
        <source>Edit {company}</source>
        <translation>Modifier {company}</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nouveau membre</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Open {company}</source>
        <translation>Ouvrir {company}</translation>
    </message>
    <message>
        <source>Other pro&amp;grams</source>
        <translation>Autres pro&amp;grammes</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>{tax_id_name}:</source>
        <translation>{tax_id_name} :</translation>
    </message>
</context>
<context>
    <name>MemberExport</name>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Classeurs Excel (*.xlsx);;Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Exporter les membres</translation>
    </message>
    <message>
        <source>Writing the members to {file}…</source>
        <translation>Écriture des membres dans {file}…</translation>
    </message>
    <message>
        <source>{count} members were written to {path}.</source>
        <translation>{count} membres ont été écrits dans {path}.</translation>
    </message>
</context>
<context>
    <name>MemberFilterBar</name>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>All business types</source>
        <translation>Tous les types d’entreprise</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>Any expiry</source>
        <translation>Toute échéance</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Archived members</source>
        <translation>Membres archivés</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Current and archived</source>
        <translation>Actuels et archivés</translation>
    </message>
    <message>
        <source>Current members</source>
        <translation>Membres actuels</translation>
    </message>
    <message>
        <source>Expires within:</source>
        <translation>Expire dans :</translation>
    </message>
    <message>
        <source>Only members whose certificate expires within this many days</source>
        <translation>Seulement les membres dont le certificat expire dans ce nombre de jours</translation>
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
        <source>Trade name</source>
        <translation>Nom commercial</translation>
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Entreprise :</translation>
    </message>
    <message>
        <source>&amp;Opened on:</source>
        <translation>&amp;Ouverte le :</translation>
    </message>
    <message>
        <source>Choose the company that applies first.</source>
        <translation>Choisissez d&apos;abord l&apos;entreprise qui fait la demande.</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>Nouvelle demande</translation>
    </message>
    <message>
        <source>The checklist of documents follows the company&apos;s chapter and business type.</source>
        <translation>La liste des documents dépend du chapitre et du type d&apos;activité de l&apos;entreprise.</translation>
    </message>
    <message>
        <source>Type part of the name, tax ID or city</source>
        <translation>Tapez une partie du nom, de l&apos;identifiant fiscal ou de la ville</translation>
    </message>
    <message>
        <source>already admitted</source>
        <translation>déjà admise</translation>
    </message>
    <message>
        <source>has an open application</source>
        <translation>a une demande en cours</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>Set</source>
        <translation>Indiquer</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Ajuster à la &amp;largeur</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Page {page} sur {count}</translation>
    </message>
    <message>
        <source>Preview — {file}</source>
        <translation>Aperçu — {file}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Printing {count} pages…</source>
        <translation>Impression de {count} pages…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Enregistrer le PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {reason}</source>
        <translation>Le PDF n&apos;a pas pu être enregistré dans {path} : {reason}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>L&apos;imprimante n&apos;a pas pu être démarrée.</translation>
    </message>
    <message>
        <source>{file} could not be opened as a PDF.</source>
        <translation>{file} n&apos;a pas pu être ouvert comme PDF.</translation>
    </message>
</context>
<context>
    <name>PlanAuditDialog</name>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Entreprise :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Lead auditor:</source>
        <translation>Auditeur &amp;principal :</translation>
    </message>
    <message>
        <source>&amp;Standard:</source>
        <translation>&amp;Norme :</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>É&amp;quipe :</translation>
    </message>
    <message>
        <source>Change audit plan</source>
        <translation>Modifier le plan de l&apos;audit</translation>
    </message>
    <message>
        <source>Choose the company to audit first.</source>
        <translation>Choisissez d&apos;abord l&apos;entreprise à auditer.</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Pas encore choisi</translation>
    </message>
    <message>
        <source>Plan audit</source>
        <translation>Planifier un audit</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>Ré&amp;sumé :</translation>
    </message>
    <message>
        <source>The form now shows the audit as it is saved; make your changes again.</source>
        <translation>Le formulaire montre maintenant l&apos;audit tel qu&apos;il est enregistré ; refaites vos modifications.</translation>
    </message>
    <message>
        <source>Type part of the name, tax ID or city</source>
        <translation>Tapez une partie du nom, du numéro fiscal ou de la ville</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
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
        <source>And one a day for the last (days):</source>
        <translation>Et une par jour pendant les derniers (jours) :</translation>
    </message>
    <message>
        <source>And one a week for the last (weeks):</source>
        <translation>Et une par semaine pendant les dernières (semaines) :</translation>
    </message>
    <message>
        <source>Automatic backups (made at each start)</source>
        <translation>Sauvegardes automatiques (une à chaque démarrage)</translation>
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
        <source>Keep the newest:</source>
        <translation>Conserver les plus récentes :</translation>
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
    <name>ProgramsModel</name>
    <message>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valide depuis</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu’au</translation>
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
    <name>RecordHistory</name>
    <message>
        <source>History of changes</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>Aucune modification enregistrée.</translation>
    </message>
    <message>
        <source>{count} older changes are in the Activity area.</source>
        <translation>{count} modifications plus anciennes sont dans l’espace Activité.</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History of {record}</source>
        <translation>Historique de {record}</translation>
    </message>
</context>
<context>
    <name>RemindersModel</name>
    <message>
        <source> (suspended)</source>
        <translation> (suspendu)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Certificate {code} is suspended.</source>
        <translation>Le certificat {code} est suspendu.</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Jours restants</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Last reminder</source>
        <translation>Dernier rappel</translation>
    </message>
    <message>
        <source>{date} ({count} sent)</source>
        <translation>{date} ({count} envoyés)</translation>
    </message>
</context>
<context>
    <name>RenewalCommands</name>
    <message>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Marquer comme envoyés</translation>
    </message>
    <message>
        <source>E&amp;xcel…</source>
        <translation>E&amp;xcel…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the renewal reminders</source>
        <translation>Exporter les rappels de renouvellement</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Marquer comme envoyés</translation>
    </message>
    <message>
        <source>Mark these {count} reminders as sent?</source>
        <translation>Marquer ces {count} rappels comme envoyés ?</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Record that a renewal reminder was sent today to {count} companies?</source>
        <translation>Enregistrer qu&apos;un rappel de renouvellement a été envoyé aujourd&apos;hui à {count} entreprises ?</translation>
    </message>
    <message>
        <source>Reminder &amp;letters…</source>
        <translation>&amp;Lettres de rappel…</translation>
    </message>
    <message>
        <source>Reminder letters</source>
        <translation>Lettres de rappel</translation>
    </message>
    <message>
        <source>Reminder letters — preview</source>
        <translation>Lettres de rappel — aperçu</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Création du classeur…</translation>
    </message>
    <message>
        <source>Writing {count} reminder letters…</source>
        <translation>Création de {count} lettres de rappel…</translation>
    </message>
    <message>
        <source>{count} companies were written to {path}.</source>
        <translation>{count} entreprises ont été enregistrées dans {path}.</translation>
    </message>
</context>
<context>
    <name>RenewalsArea</name>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>Chapter:</source>
        <translation>Chapitre :</translation>
    </message>
    <message>
        <source>Include already &amp;reminded</source>
        <translation>Inclure les entreprises déjà &amp;relancées</translation>
    </message>
    <message>
        <source>Select a company to see its last reminder.</source>
        <translation>Sélectionnez une entreprise pour voir son dernier rappel.</translation>
    </message>
    <message>
        <source>{company}: last reminder sent on {date} for certificate {code} ({count} in all).</source>
        <translation>{company} : dernier rappel envoyé le {date} pour le certificat {code} ({count} au total).</translation>
    </message>
    <message>
        <source>{company}: no reminder sent yet for certificate {code}.</source>
        <translation>{company} : aucun rappel envoyé pour le moment pour le certificat {code}.</translation>
    </message>
    <message>
        <source>{count} companies to remind</source>
        <translation>{count} entreprises à relancer</translation>
    </message>
</context>
<context>
    <name>RequirementsModel</name>
    <message>
        <source>Requirements</source>
        <translation>Exigences</translation>
    </message>
    <message>
        <source>Standard, section or requirement</source>
        <translation>Norme, section ou exigence</translation>
    </message>
    <message>
        <source>Version {version} — {title}</source>
        <translation>Version {version} — {title}</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Double-click a cell to change it; Delete empties it.</source>
        <translation>Double-cliquez sur une cellule pour la modifier ; Suppr la vide.</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Enle&amp;ver</translation>
    </message>
</context>
<context>
    <name>ShownRecordsBanner</name>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Showing {count} from the dashboard: {caption}</source>
        <translation>{count} affichés depuis le tableau de bord : {caption}</translation>
    </message>
</context>
<context>
    <name>StandardsArea</name>
    <message>
        <source>Applies to</source>
        <translation>S&apos;applique à</translation>
    </message>
    <message>
        <source>Approved on {date}</source>
        <translation>Approuvée le {date}</translation>
    </message>
    <message>
        <source>Catalogue &amp;language:</source>
        <translation>&amp;Langue du catalogue :</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Every business type</source>
        <translation>Tous les types d&apos;entreprise</translation>
    </message>
    <message>
        <source>Select a requirement to read its text.</source>
        <translation>Sélectionnez une exigence pour lire son texte.</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>{count} requirements</source>
        <translation>{count} exigences</translation>
    </message>
    <message>
        <source>{count} standards</source>
        <translation>{count} normes</translation>
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
    <name>StatusChart</name>
    <message>
        <source>Certified</source>
        <translation>Certifiées</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirées</translation>
    </message>
    <message>
        <source>Expiring in 90 days</source>
        <translation>Expirent dans 90 jours</translation>
    </message>
    <message>
        <source>Members by status in each country</source>
        <translation>Membres par statut dans chaque pays</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendues</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirées</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Chapters:</source>
        <translation>&amp;Chapitres :</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>Co&amp;nnexion :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>&amp;Save chapters</source>
        <translation>&amp;Enregistrer les chapitres</translation>
    </message>
    <message>
        <source>A&amp;dministrator: sees every chapter, sets up users</source>
        <translation>A&amp;dministrateur : voit tous les chapitres, configure les utilisateurs</translation>
    </message>
    <message>
        <source>Nobody is set up yet: everyone who opens this database sees every chapter. The first person you add must be an administrator.</source>
        <translation>Personne n&apos;est encore configuré : tous ceux qui ouvrent cette base de données voient tous les chapitres. La première personne que vous ajoutez doit être un administrateur.</translation>
    </message>
    <message>
        <source>Only the people below open this database, each for their chapters. Administrators see every chapter.</source>
        <translation>Seules les personnes ci-dessous ouvrent cette base de données, chacune pour ses chapitres. Les administrateurs voient tous les chapitres.</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Retirer l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Remove {login}? They will no longer open this database; what they did stays in the history.</source>
        <translation>Retirer {login} ? Cette personne n&apos;ouvrira plus cette base de données ; ce qu&apos;elle a fait reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>You ({login}) are not an administrator: you can only look.</source>
        <translation>Vous ({login}) n&apos;êtes pas administrateur : vous pouvez seulement consulter.</translation>
    </message>
    <message>
        <source>the login name of the person&apos;s PC account</source>
        <translation>le nom de connexion du compte PC de la personne</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Every chapter (administrator)</source>
        <translation>Tous les chapitres (administrateur)</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>VerificationCard</name>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis</translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation>Remplacé par</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>&amp;Open PDF…</source>
        <translation>&amp;Ouvrir un PDF…</translation>
    </message>
    <message>
        <source>BASC1.… (paste the QR code&apos;s text)</source>
        <translation>BASC1.… (collez le texte du code QR)</translation>
    </message>
    <message>
        <source>Open a certificate PDF, or paste the text of its QR code, to check that it is genuine and what this register says about it today.</source>
        <translation>Ouvrez le PDF d&apos;un certificat, ou collez le texte de son code QR, pour vérifier qu&apos;il est authentique et ce que ce registre en dit aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Open certificate PDF</source>
        <translation>Ouvrir le PDF du certificat</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Pasted code</source>
        <translation>Code collé</translation>
    </message>
    <message>
        <source>Reading the QR code of {file}…</source>
        <translation>Lecture du code QR de {file}…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>Vérifier un certificat</translation>
    </message>
    <message>
        <source>{file}: {count} certificates</source>
        <translation>{file} : {count} certificats</translation>
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
        <source>--date must look like 2026-07-01; got “{value}”.</source>
        <translation>--date doit avoir la forme 2026-07-01 ; reçu « {value} ».</translation>
    </message>
    <message>
        <source>--due-within must be 0 days or more.</source>
        <translation>--due-within doit être de 0 jour ou plus.</translation>
    </message>
    <message>
        <source>--expires-within must be 0 or more days.</source>
        <translation>--expires-within doit valoir 0 jour ou plus.</translation>
    </message>
    <message>
        <source>--expiring must be 0 days or more.</source>
        <translation>--expiring doit être de 0 jour ou plus.</translation>
    </message>
    <message>
        <source>--kind must be one of: {choices}.</source>
        <translation>--kind doit être l’un de : {choices}.</translation>
    </message>
    <message>
        <source>--limit must be at least 1.</source>
        <translation>--limit doit valoir au moins 1.</translation>
    </message>
    <message>
        <source>--month must look like 2026-06; got “{value}”.</source>
        <translation>--month doit avoir la forme 2026-06 ; reçu « {value} ».</translation>
    </message>
    <message>
        <source>--on must look like 31/12/2025 or 2025-12-31; got “{value}”.</source>
        <translation>--on doit avoir la forme 31/12/2025 ou 2025-12-31 ; reçu « {value} ».</translation>
    </message>
    <message>
        <source>--team must be auditor IDs separated by commas; got “{value}”.</source>
        <translation>--team doit être des numéros d’auditeur séparés par des virgules ; reçu « {value} ».</translation>
    </message>
    <message>
        <source>1 major nonconformity is still open: {codes}.</source>
        <translation>1 non-conformité majeure est encore ouverte : {codes}.</translation>
    </message>
    <message>
        <source>1 minor nonconformity has no action plan: {codes}.</source>
        <translation>1 non-conformité mineure n&apos;a pas de plan d&apos;action : {codes}.</translation>
    </message>
    <message>
        <source>A backup cannot be written over its own database {path}.</source>
        <translation>Une sauvegarde ne peut pas écraser sa propre base de données {path}.</translation>
    </message>
    <message>
        <source>A certificate is issued only once: a renewal issues a new certificate with the next issue number.</source>
        <translation>Un certificat n&apos;est émis qu&apos;une fois&#xa0;: un renouvellement émet un nouveau certificat avec le numéro d&apos;émission suivant.</translation>
    </message>
    <message>
        <source>A certificate rests on a certification or recertification audit; audit {id} is “{kind}”.</source>
        <translation>Un certificat repose sur un audit de certification ou de recertification ; l&apos;audit {id} est « {kind} ».</translation>
    </message>
    <message>
        <source>A corrective action is verified while the follow-up audit is in progress; audit {id} is “{state}”.</source>
        <translation>Une action corrective se vérifie pendant l’audit de suivi ; l’audit {id} est « {state} ».</translation>
    </message>
    <message>
        <source>A decision cannot come before the application was opened ({date}).</source>
        <translation>Une décision ne peut pas précéder l’ouverture de la demande ({date}).</translation>
    </message>
    <message>
        <source>A month is written YYYY-MM, e.g. 2026-06: not {text}</source>
        <translation>Un mois s’écrit AAAA-MM, par ex. 2026-06 ; pas {text}</translation>
    </message>
    <message>
        <source>A planned audit can only be started; it cannot go to “{target}” before it is carried out.</source>
        <translation>Un audit planifié ne peut qu’être commencé ; il ne peut pas passer à « {target} » avant d’être réalisé.</translation>
    </message>
    <message>
        <source>A reminder cannot be dated after today ({today}).</source>
        <translation>Un rappel ne peut pas être daté après aujourd&apos;hui ({today}).</translation>
    </message>
    <message>
        <source>A reported audit can only be closed; it cannot go to “{target}”.</source>
        <translation>Un audit rapporté ne peut qu’être clôturé ; il ne peut pas passer à « {target} ».</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database is backed up on its server, e.g. with pg_dump; ask its administrator.</source>
        <translation>Une base de données PostgreSQL partagée se sauvegarde sur son serveur, par exemple avec pg_dump ; demandez à son administrateur.</translation>
    </message>
    <message>
        <source>A submitted corrective action must be verified by a follow-up audit; it cannot go to “{target}” now.</source>
        <translation>Une action corrective présentée doit être vérifiée par un audit de suivi ; elle ne peut pas passer à « {target} » maintenant.</translation>
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
        <source>A verified corrective action can only be closed; it cannot go to “{target}”.</source>
        <translation>Une action corrective vérifiée ne peut qu’être clôturée ; elle ne peut pas passer à « {target} ».</translation>
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
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admise</translation>
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
        <source>An audit in progress can only be reported; it cannot go to “{target}” now.</source>
        <translation>Un audit en cours ne peut qu’être rapporté ; il ne peut pas passer à « {target} » maintenant.</translation>
    </message>
    <message>
        <source>An open corrective action must first be submitted by the company; it cannot go to “{target}” yet.</source>
        <translation>Une action corrective ouverte doit d’abord être présentée par l’entreprise ; elle ne peut pas encore passer à « {target} ».</translation>
    </message>
    <message>
        <source>Another coordinator registered some of these members meanwhile: nothing was written. Check the file again.</source>
        <translation>Un autre coordinateur a enregistré certains de ces membres entre-temps : rien n’a été enregistré. Vérifiez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Application date</source>
        <translation>Date de la demande</translation>
    </message>
    <message>
        <source>Application {id}</source>
        <translation>Demande {id}</translation>
    </message>
    <message>
        <source>Application {id} does not exist.</source>
        <translation>La demande {id} n’existe pas.</translation>
    </message>
    <message>
        <source>Application {number} of {name}</source>
        <translation>Demande {number} de {name}</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>Archivé le</translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation>Au plus {max} caractères.</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit team</source>
        <translation>Équipe d’audit</translation>
    </message>
    <message>
        <source>Audit {id}</source>
        <translation>Audit {id}</translation>
    </message>
    <message>
        <source>Audit {id} already has its certificate, {code}.</source>
        <translation>L&apos;audit {id} a déjà son certificat, {code}.</translation>
    </message>
    <message>
        <source>Audit {id} does not exist.</source>
        <translation>L’audit {id} n’existe pas.</translation>
    </message>
    <message>
        <source>Audit {id} is of another company; it cannot verify this corrective action.</source>
        <translation>L’audit {id} porte sur une autre entreprise ; il ne peut pas vérifier cette action corrective.</translation>
    </message>
    <message>
        <source>Audit {id} is “{state}”: a certificate is issued once the audit is closed.</source>
        <translation>L&apos;audit {id} est « {state} » : le certificat est émis une fois l&apos;audit clôturé.</translation>
    </message>
    <message>
        <source>Audit {number} of {name}</source>
        <translation>Audit {number} de {name}</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditeur</translation>
    </message>
    <message>
        <source>Auditors of every chapter are shared: only the administrator of the database changes them.</source>
        <translation>Les auditeurs de tous les chapitres sont partagés : seul l&apos;administrateur de la base de données les modifie.</translation>
    </message>
    <message>
        <source>Audits planned this month</source>
        <translation>Audits planifiés ce mois-ci</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Autorité</translation>
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
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Certificate code</source>
        <translation>Code de certificat</translation>
    </message>
    <message>
        <source>Certificate {code}</source>
        <translation>Certificat {code}</translation>
    </message>
    <message>
        <source>Certificate {code} belongs to chapter {chapter}, whose file is missing.</source>
        <translation>Le certificat {code} appartient au chapitre {chapter}, dont le fichier est introuvable.</translation>
    </message>
    <message>
        <source>Certificate {code} is unknown to this register.</source>
        <translation>Le certificat {code} est inconnu de ce registre.</translation>
    </message>
    <message>
        <source>Certificate {id} does not exist.</source>
        <translation>Le certificat {id} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>Certification</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Certifiée</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Chapitre</translation>
    </message>
    <message>
        <source>Chapter {chapter} has no committee session on {date}.</source>
        <translation>Le chapitre {chapter} n’a pas de séance du comité le {date}.</translation>
    </message>
    <message>
        <source>Chapter {chapter}&apos;s file is missing: its letters cannot be written.</source>
        <translation>Le fichier du chapitre {chapter} est introuvable : ses lettres ne peuvent pas être créées.</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Choose C-TPAT, AEO/OEA or ISO 28000.</source>
        <translation>Choisissez C-TPAT, AEO/OEA ou ISO 28000.</translation>
    </message>
    <message>
        <source>Choose at least one certificate to print.</source>
        <translation>Choisissez au moins un certificat à imprimer.</translation>
    </message>
    <message>
        <source>Choose at least one member to remind.</source>
        <translation>Choisissez au moins un membre à qui envoyer le rappel.</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Clôturé le</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Collecting documents</source>
        <translation>Collecte des documents</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Committee session</source>
        <translation>Séance du comité</translation>
    </message>
    <message>
        <source>Committee session of {number}</source>
        <translation>Séance du comité du {number}</translation>
    </message>
    <message>
        <source>Committee session {id} does not exist.</source>
        <translation>La séance du comité {id} n’existe pas.</translation>
    </message>
    <message>
        <source>Conforming</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Contact {number}: {problem}</source>
        <translation>Contact {number} : {problem}</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Action corrective</translation>
    </message>
    <message>
        <source>Corrective action of audit {number} of {name}</source>
        <translation>Action corrective de l’audit {number} de {name}</translation>
    </message>
    <message>
        <source>Corrective action {id}</source>
        <translation>Action corrective {id}</translation>
    </message>
    <message>
        <source>Corrective action {id} does not exist.</source>
        <translation>L’action corrective {id} n’existe pas.</translation>
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
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Customs agent</source>
        <translation>Agent en douane</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Deadline within (days)</source>
        <translation>Délai dans (jours)</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Décidée</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Document “{document}” is not on the checklist of application {id}.</source>
        <translation>Le document « {document} » ne figure pas sur la liste de la demande {id}.</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Due within (days)</source>
        <translation>Échéance dans (jours)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Expires within (days)</source>
        <translation>Expire dans (jours)</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Expiring in 30 days</source>
        <translation>Expirent dans 30 jours</translation>
    </message>
    <message>
        <source>Expiring in 60 days</source>
        <translation>Expirent dans 60 jours</translation>
    </message>
    <message>
        <source>Expiring in 90 days</source>
        <translation>Expirent dans 90 jours</translation>
    </message>
    <message>
        <source>Exported on {date}</source>
        <translation>Exporté le {date}</translation>
    </message>
    <message>
        <source>Exporter / importer</source>
        <translation>Exportateur / importateur</translation>
    </message>
    <message>
        <source>Extraordinary</source>
        <translation>Extraordinaire</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation>Empreinte du fichier</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Finding of audit {number} of {name}</source>
        <translation>Constat de l’audit {number} de {name}</translation>
    </message>
    <message>
        <source>Finding {id} does not exist.</source>
        <translation>Le constat {id} n’existe pas.</translation>
    </message>
    <message>
        <source>Finished on</source>
        <translation>Terminé le</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Première ligne</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Forged</source>
        <translation>Falsifié</translation>
    </message>
    <message>
        <source>Forged: the signature does not match; the certificate was altered or not made by its chapter.</source>
        <translation>Falsifié : la signature ne correspond pas ; le certificat a été modifié ou n’a pas été émis par son chapitre.</translation>
    </message>
    <message>
        <source>Free-trade-zone user</source>
        <translation>Usager de zone franche</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Genuine and valid</source>
        <translation>Authentique et valide</translation>
    </message>
    <message>
        <source>Genuine and valid: certificate {code} of {company}, issued on {issued}, expires on {expires}.</source>
        <translation>Authentique et valide : certificat {code} de {company}, émis le {issued}, expire le {expires}.</translation>
    </message>
    <message>
        <source>Genuine but expired</source>
        <translation>Authentique mais expiré</translation>
    </message>
    <message>
        <source>Genuine but suspended</source>
        <translation>Authentique mais suspendu</translation>
    </message>
    <message>
        <source>Genuine but withdrawn</source>
        <translation>Authentique mais retiré</translation>
    </message>
    <message>
        <source>Genuine, but expired on {expires}.</source>
        <translation>Authentique, mais expiré le {expires}.</translation>
    </message>
    <message>
        <source>Genuine, but superseded on {on} by a newer certificate.</source>
        <translation>Authentique, mais remplacé le {on} par un certificat plus récent.</translation>
    </message>
    <message>
        <source>Genuine, but superseded on {on} by certificate {newer}.</source>
        <translation>Authentique, mais remplacé le {on} par le certificat {newer}.</translation>
    </message>
    <message>
        <source>Genuine, but suspended since {on}.</source>
        <translation>Authentique, mais suspendu depuis le {on}.</translation>
    </message>
    <message>
        <source>Genuine, but suspended since {on}: {reason}</source>
        <translation>Authentique, mais suspendu depuis le {on} : {reason}</translation>
    </message>
    <message>
        <source>Genuine, but withdrawn on {on}.</source>
        <translation>Authentique, mais retiré le {on}.</translation>
    </message>
    <message>
        <source>Genuine, but withdrawn on {on}: {reason}</source>
        <translation>Authentique, mais retiré le {on} : {reason}</translation>
    </message>
    <message>
        <source>Give at least one chapter this person works for (or make them an administrator).</source>
        <translation>Indiquez au moins un chapitre pour lequel cette personne travaille (ou faites-en un administrateur).</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Tenue le</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Import of {file}</source>
        <translation>Importation de {file}</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Rapport d’importation</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Date d&apos;émission</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Délivré le</translation>
    </message>
    <message>
        <source>Judged</source>
        <translation>Évalué</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Lead auditor</source>
        <translation>Auditeur principal</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <source>Letter sent</source>
        <translation>Lettre envoyée</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Logistics operator</source>
        <translation>Opérateur logistique</translation>
    </message>
    <message>
        <source>Major nonconformity</source>
        <translation>Non-conformité majeure</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
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
        <source>Member {id} does not exist.</source>
        <translation>Le membre {id} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Member {number} is not on the renewal reminders list.</source>
        <translation>Le membre {number} ne figure pas dans la liste des rappels de renouvellement.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Minor nonconformity</source>
        <translation>Non-conformité mineure</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name the certificates to print (their codes) or a month.</source>
        <translation>Indiquez les certificats à imprimer (leurs codes) ou un mois.</translation>
    </message>
    <message>
        <source>No QR code could be read in {file}: is it a BASC certificate?</source>
        <translation>Aucun code QR n’a pu être lu dans {file} : est-ce un certificat BASC ?</translation>
    </message>
    <message>
        <source>No auditors for {country}.</source>
        <translation>Aucun auditeur pour {country}.</translation>
    </message>
    <message>
        <source>No certificate has the code {code}.</source>
        <translation>Aucun certificat ne porte le code {code}.</translation>
    </message>
    <message>
        <source>No certificate payload could be read.</source>
        <translation>Aucun contenu de certificat n’a pu être lu.</translation>
    </message>
    <message>
        <source>No certificate was issued in {month}.</source>
        <translation>Aucun certificat n’a été émis en {month}.</translation>
    </message>
    <message>
        <source>No column is read as {label}: choose it, or a default chapter for every row.</source>
        <translation>Aucune colonne n’est lue comme {label} : choisissez-la, ou un chapitre par défaut pour toutes les lignes.</translation>
    </message>
    <message>
        <source>No column is read as {label}: choose the column that holds it.</source>
        <translation>Aucune colonne n’est lue comme {label} : choisissez la colonne qui le contient.</translation>
    </message>
    <message>
        <source>No company needs a renewal reminder.</source>
        <translation>Aucune entreprise n&apos;a besoin d&apos;un rappel de renouvellement.</translation>
    </message>
    <message>
        <source>No file is attached to document “{document}” of application {id}.</source>
        <translation>Aucun fichier n’est joint au document « {document} » de la demande {id}.</translation>
    </message>
    <message>
        <source>No header row was found in {file}: the first rows should name the columns, such as Razón social, NIT, País, Capítulo, Tipo de empresa.</source>
        <translation>Aucune ligne d’en-têtes n’a été trouvée dans {file} : les premières lignes doivent nommer les colonnes, comme Raison sociale, NIF, Pays, Chapitre, Type d’entreprise.</translation>
    </message>
    <message>
        <source>No member has the tax ID {tax_id}.</source>
        <translation>Aucun membre n’a l’identifiant fiscal {tax_id}.</translation>
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
        <source>Not applicable</source>
        <translation>Sans objet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>On a committee agenda</source>
        <translation>À l’ordre du jour du comité</translation>
    </message>
    <message>
        <source>Only a follow-up audit can verify a corrective action; audit {id} is “{kind}”.</source>
        <translation>Seul un audit de suivi peut vérifier une action corrective ; l’audit {id} est de type « {kind} ».</translation>
    </message>
    <message>
        <source>Only a planned audit can be re-planned; this one is “{state}”.</source>
        <translation>Seul un audit planifié peut être replanifié ; celui-ci est « {state} ».</translation>
    </message>
    <message>
        <source>Only a suspended certificate can be reinstated: this one is valid.</source>
        <translation>Seul un certificat suspendu peut être rétabli&#xa0;: celui-ci est valide.</translation>
    </message>
    <message>
        <source>Only an administrator of this database may set up users; {user} is not one.</source>
        <translation>Seul un administrateur de cette base de données peut configurer les utilisateurs ; {user} ne l&apos;est pas.</translation>
    </message>
    <message>
        <source>Only an admitted company gets a welcome letter.</source>
        <translation>Seule une entreprise admise reçoit une lettre de bienvenue.</translation>
    </message>
    <message>
        <source>Only an application waiting on a committee agenda can be taken off it.</source>
        <translation>Seule une demande en attente à l’ordre du jour peut en être retirée.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Open corrective actions</source>
        <translation>Actions correctives ouvertes</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Ouverte le</translation>
    </message>
    <message>
        <source>Other programs</source>
        <translation>Autres programmes</translation>
    </message>
    <message>
        <source>Overdue corrective actions</source>
        <translation>Actions correctives en retard</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Page {page} of {path} cannot be read.</source>
        <translation>La page {page} de {path} ne peut pas être lue.</translation>
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
        <source>Planned</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>Date prévue</translation>
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
        <source>Postponed</source>
        <translation>Ajournée</translation>
    </message>
    <message>
        <source>Printing was cancelled: no file was written.</source>
        <translation>L’impression a été annulée : aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Private security company</source>
        <translation>Entreprise de sécurité privée</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Program {number}: {problem}</source>
        <translation>Programme {number} : {problem}</translation>
    </message>
    <message>
        <source>Put on a committee session</source>
        <translation>Inscrite à une séance du comité</translation>
    </message>
    <message>
        <source>Put the application on a committee session before recording its decision.</source>
        <translation>Inscrivez la demande à une séance du comité avant d’enregistrer sa décision.</translation>
    </message>
    <message>
        <source>Reactivated</source>
        <translation>Réactivé</translation>
    </message>
    <message>
        <source>Ready for committee</source>
        <translation>Prête pour le comité</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Recertification</source>
        <translation>Recertification</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Type d’enregistrement</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Reinstated</source>
        <translation>Rétabli</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Rapporté</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Rapporté le</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Exigences</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Restoring replaces the database: add --yes to confirm.</source>
        <translation>La restauration remplace la base de données : ajoutez --yes pour confirmer.</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Road carrier</source>
        <translation>Transporteur routier</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation>Lignes par page</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Sea carrier</source>
        <translation>Transporteur maritime</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Date de la séance</translation>
    </message>
    <message>
        <source>Several chapters have a member {number}: say which with --chapter.</source>
        <translation>Plusieurs chapitres ont un membre {number} : précisez lequel avec --chapter.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signé</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Clé de signature</translation>
    </message>
    <message>
        <source>Signing key of {name}</source>
        <translation>Clé de signature de {name}</translation>
    </message>
    <message>
        <source>Someone else changed this member&apos;s certificates at the same time. Look at them again, then issue.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié les certificats de ce membre au même moment. Consultez-les de nouveau, puis émettez.</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norme</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Normes</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Commencé</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Commencé le</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Storage terminal or warehouse</source>
        <translation>Terminal de stockage ou entrepôt</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Présentée</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Remplacé</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendue</translation>
    </message>
    <message>
        <source>Taken off a committee session</source>
        <translation>Retirée d’une séance du comité</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Identifiant fiscal</translation>
    </message>
    <message>
        <source>Tax IDs of the country “{country}” cannot be checked.</source>
        <translation>Les identifiants fiscaux du pays «&#xa0;{country}&#xa0;» ne peuvent pas être vérifiés.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>The DV of this {label} must have 2 digits.</source>
        <translation>Le DV du numéro {label} doit comporter 2 chiffres.</translation>
    </message>
    <message>
        <source>The application is decided ({state}): its documents can no longer change.</source>
        <translation>La demande est tranchée ({state}) : ses documents ne peuvent plus changer.</translation>
    </message>
    <message>
        <source>The audit cannot be reported: {count} of {total} requirements are not judged yet.</source>
        <translation>L’audit ne peut pas être rapporté : {count} exigences sur {total} ne sont pas encore évaluées.</translation>
    </message>
    <message>
        <source>The audit is closed; nothing more can happen to it.</source>
        <translation>L’audit est clôturé ; plus rien ne peut lui arriver.</translation>
    </message>
    <message>
        <source>The backup {path} cannot be copied: {reason}.</source>
        <translation>Impossible de copier la sauvegarde {path} : {reason}.</translation>
    </message>
    <message>
        <source>The backup {path} cannot be read: {reason}.</source>
        <translation>Impossible de lire la sauvegarde {path} : {reason}.</translation>
    </message>
    <message>
        <source>The backup {path} cannot be written: {reason}.</source>
        <translation>Impossible d&apos;écrire la sauvegarde {path} : {reason}.</translation>
    </message>
    <message>
        <source>The backup {path} does not exist.</source>
        <translation>La sauvegarde {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({detail}); nothing was restored.</source>
        <translation>La sauvegarde {path} est endommagée ({detail}) ; rien n&apos;a été restauré.</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of BASC Desktop (schema {revision}). Install that version to restore it; nothing was restored.</source>
        <translation>La sauvegarde {path} a été faite par une version plus récente de BASC Desktop (schéma {revision}). Installez cette version pour la restaurer ; rien n&apos;a été restauré.</translation>
    </message>
    <message>
        <source>The certificate code {code} would not read back the same under the pattern {pattern}.</source>
        <translation>Le code de certificat {code} ne se relirait pas à l&apos;identique avec le modèle {pattern}.</translation>
    </message>
    <message>
        <source>The certificates could not be written to {path}: {reason}</source>
        <translation>Les certificats n’ont pas pu être écrits dans {path} : {reason}</translation>
    </message>
    <message>
        <source>The chapter is missing: fill it in, or choose a default chapter.</source>
        <translation>Le chapitre manque : indiquez-le, ou choisissez un chapitre par défaut.</translation>
    </message>
    <message>
        <source>The chapter {chapter} is in {chapter_country}, not in {country}.</source>
        <translation>Le chapitre {chapter} est en {chapter_country}, pas en {country}.</translation>
    </message>
    <message>
        <source>The chapter&apos;s signing key {path} cannot be read: {reason}</source>
        <translation>La clé de signature du chapitre {path} ne peut pas être lue : {reason}</translation>
    </message>
    <message>
        <source>The chapter&apos;s signing key {path} cannot be written: {reason}</source>
        <translation>La clé de signature du chapitre {path} ne peut pas être enregistrée : {reason}</translation>
    </message>
    <message>
        <source>The chapter&apos;s signing key {path} is not an Ed25519 key.</source>
        <translation>La clé de signature du chapitre {path} n’est pas une clé Ed25519.</translation>
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
        <source>The committee has already decided on {company}: {decision}.</source>
        <translation>Le comité a déjà statué sur {company} : {decision}.</translation>
    </message>
    <message>
        <source>The committee session of {date} has not been held yet: decide on it then.</source>
        <translation>La séance du comité du {date} n’a pas encore eu lieu : statuez à ce moment-là.</translation>
    </message>
    <message>
        <source>The company cannot be admitted while documents are missing: {documents}.</source>
        <translation>L’entreprise ne peut pas être admise tant qu’il manque des documents : {documents}.</translation>
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
        <source>The copy of the file cannot be kept in {folder}: {reason}</source>
        <translation>La copie du fichier ne peut pas être conservée dans {folder} : {reason}</translation>
    </message>
    <message>
        <source>The copy of {path} failed its check ({detail}); the database may be damaged.</source>
        <translation>La copie de {path} n&apos;a pas passé la vérification ({detail}) ; la base de données est peut-être endommagée.</translation>
    </message>
    <message>
        <source>The corrective action is closed; nothing more can happen to it.</source>
        <translation>L’action corrective est clôturée ; plus rien ne peut lui arriver.</translation>
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
        <source>The current database {path} cannot be kept in {folder}: {reason}.</source>
        <translation>Impossible de conserver la base de données actuelle {path} dans {folder} : {reason}.</translation>
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
        <source>The database file {path} does not exist.</source>
        <translation>Le fichier de base de données {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The database {path} cannot be copied: {detail}.</source>
        <translation>Impossible de copier la base de données {path} : {detail}.</translation>
    </message>
    <message>
        <source>The database {path} cannot be read: {detail}.</source>
        <translation>Impossible de lire la base de données {path} : {detail}.</translation>
    </message>
    <message>
        <source>The database {path} is in use by another window or program. Close it and restore again; nothing was changed.</source>
        <translation>La base de données {path} est utilisée par une autre fenêtre ou un autre programme. Fermez-la et relancez la restauration ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The database {where} already holds BASC tables at schema {revision}: use “basc db upgrade” to bring it to schema {head}.</source>
        <translation>La base de données {where} contient déjà des tables BASC au schéma {revision} : utilisez « basc db upgrade » pour la porter au schéma {head}.</translation>
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
        <source>The date must look like 2026-06-10; got “{value}”.</source>
        <translation>La date doit avoir la forme 2026-06-10 ; reçu « {value} ».</translation>
    </message>
    <message>
        <source>The decision “{decision}” needs a reason: it goes into the minutes.</source>
        <translation>La décision « {decision} » doit être motivée : le motif figure au procès-verbal.</translation>
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
        <source>The expiry date in the payload is not a date: {text}</source>
        <translation>La date d’expiration du contenu n’est pas une date : {text}</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>L’exportation a été annulée ; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>The file to write must end in .xlsx: “{path}”.</source>
        <translation>Le fichier à écrire doit se terminer par .xlsx : « {path} ».</translation>
    </message>
    <message>
        <source>The file {file} cannot be opened: {reason}</source>
        <translation>Le fichier {file} ne peut pas être ouvert : {reason}</translation>
    </message>
    <message>
        <source>The file {file} has no rows to import.</source>
        <translation>Le fichier {file} n’a aucune ligne à importer.</translation>
    </message>
    <message>
        <source>The file {file} is an old Excel 97-2003 workbook: save it as .xlsx and try again.</source>
        <translation>Le fichier {file} est un ancien classeur Excel 97-2003 : enregistrez-le en .xlsx et réessayez.</translation>
    </message>
    <message>
        <source>The file {file} is damaged and cannot be read: open it in Excel and save it again.</source>
        <translation>Le fichier {file} est endommagé et ne peut pas être lu : ouvrez-le dans Excel et enregistrez-le à nouveau.</translation>
    </message>
    <message>
        <source>The file {file} is empty.</source>
        <translation>Le fichier {file} est vide.</translation>
    </message>
    <message>
        <source>The file {file} is not a spreadsheet: choose an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>Le fichier {file} n’est pas un tableur : choisissez un classeur Excel (.xlsx) ou un fichier CSV.</translation>
    </message>
    <message>
        <source>The file {file} is protected by a password: save it without a password and try again.</source>
        <translation>Le fichier {file} est protégé par un mot de passe : enregistrez-le sans mot de passe et réessayez.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>Le fichier {path} ne peut pas être lu : {reason}</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Le fichier {path} n’existe pas.</translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a PDF.</source>
        <translation>Le fichier {path} est endommagé ou n’est pas un PDF.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop backup: it holds no BASC Desktop data.</source>
        <translation>Le fichier {path} n&apos;est pas une sauvegarde de BASC Desktop : il ne contient aucune donnée de BASC Desktop.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop backup: it holds other tables.</source>
        <translation>Le fichier {path} n&apos;est pas une sauvegarde de BASC Desktop : il contient d&apos;autres tables.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop backup: it is not an SQLite database.</source>
        <translation>Le fichier {path} n&apos;est pas une sauvegarde de BASC Desktop : ce n&apos;est pas une base de données SQLite.</translation>
    </message>
    <message>
        <source>The file {path} is not a BASC Desktop database, or it is damaged. Nothing was changed. Open another file or restore a backup.</source>
        <translation>Le fichier {path} n&apos;est pas une base BASC Desktop, ou il est endommagé. Rien n&apos;a été modifié. Ouvrez un autre fichier ou restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The file {path} is not a PDF.</source>
        <translation>Le fichier {path} n’est pas un PDF.</translation>
    </message>
    <message>
        <source>The first person set up must be an administrator: basc users add {login} --admin</source>
        <translation>La première personne configurée doit être un administrateur : basc users add {login} --admin</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be created: {reason}.</source>
        <translation>Impossible de créer le dossier {folder}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be made: {reason}</source>
        <translation>Le dossier {folder} ne peut pas être créé : {reason}</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written, so no database can be created there.</source>
        <translation>Impossible d&apos;écrire dans le dossier {folder}&#xa0;: aucune base de données ne peut y être créée.</translation>
    </message>
    <message>
        <source>The folder “{folder}” does not exist.</source>
        <translation>Le dossier « {folder} » n’existe pas.</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation>L’importation a été annulée : rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The issue date in the payload is not a date: {text}</source>
        <translation>La date d’émission du contenu n’est pas une date : {text}</translation>
    </message>
    <message>
        <source>The issue date {date} is before the audit was reported ({reported}).</source>
        <translation>La date d&apos;émission {date} est antérieure au rapport de l&apos;audit ({reported}).</translation>
    </message>
    <message>
        <source>The issue date {date} is in the future.</source>
        <translation>La date d&apos;émission {date} est une date future.</translation>
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
        <source>The kept copy of “{name}” cannot be read: {reason}</source>
        <translation>La copie conservée de « {name} » ne peut pas être lue : {reason}</translation>
    </message>
    <message>
        <source>The kept copy of “{name}” is missing from {folder}. Attach the file again.</source>
        <translation>La copie conservée de « {name} » est absente de {folder}. Joignez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>The kept copy of “{name}” was changed after it was attached (its SHA-256 no longer matches). Attach the original again.</source>
        <translation>La copie conservée de « {name} » a été modifiée après l’ajout (son SHA-256 ne correspond plus). Joignez de nouveau l’original.</translation>
    </message>
    <message>
        <source>The member already has certificate {code}, issued on {date}, after {issued}.</source>
        <translation>Le membre a déjà le certificat {code}, émis le {date}, après le {issued}.</translation>
    </message>
    <message>
        <source>The member was archived on {date}: restore it before issuing its certificate.</source>
        <translation>Le membre a été archivé le {date} : restaurez-le avant d&apos;émettre son certificat.</translation>
    </message>
    <message>
        <source>The payload is incomplete: some of its fields are missing.</source>
        <translation>Le contenu est incomplet : certains de ses champs manquent.</translation>
    </message>
    <message>
        <source>The payload&apos;s signature is damaged.</source>
        <translation>La signature du contenu est endommagée.</translation>
    </message>
    <message>
        <source>The public key could not be written to {path}: {reason}</source>
        <translation>La clé publique n’a pas pu être écrite dans {path} : {reason}</translation>
    </message>
    <message>
        <source>The reminder letters could not be written to {path}: {reason}</source>
        <translation>Les lettres de rappel n&apos;ont pas pu être enregistrées dans {path} : {reason}</translation>
    </message>
    <message>
        <source>The same {label} {tax_id} is on row {other}.</source>
        <translation>Le même {label} {tax_id} figure à la ligne {other}.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {reason}. Fix or delete it.</source>
        <translation>Impossible de lire le fichier de paramètres {path}&#xa0;: {reason}. Corrigez-le ou supprimez-le.</translation>
    </message>
    <message>
        <source>The signature is genuine ({chapter}), but certificate {code} is not in this register.</source>
        <translation>La signature est authentique ({chapter}), mais le certificat {code} n’est pas dans ce registre.</translation>
    </message>
    <message>
        <source>The signature is genuine, but this register holds certificate {code} with another {what}: ask the chapter.</source>
        <translation>La signature est authentique, mais ce registre contient le certificat {code} avec une autre donnée : {what}. Renseignez-vous auprès du chapitre.</translation>
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
        <source>The tax ID {tax_id} belongs to members in {countries}: add --country.</source>
        <translation>L’identifiant fiscal {tax_id} appartient à des membres de {countries} : ajoutez --country.</translation>
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
        <source>The {label} {tax_id} is of a member of chapter {chapter}, which {user} is not set up to work for.</source>
        <translation>Le {label} {tax_id} est celui d&apos;un membre du chapitre {chapter}, pour lequel {user} n&apos;est pas configuré.</translation>
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
        <source>There is no auditor number {id}.</source>
        <translation>Il n’y a pas d’auditeur numéro {id}.</translation>
    </message>
    <message>
        <source>There is no certificate with id {id}.</source>
        <translation>Aucun certificat n’a l’identifiant {id}.</translation>
    </message>
    <message>
        <source>There is no certificate {code}.</source>
        <translation>Le certificat {code} n’existe pas.</translation>
    </message>
    <message>
        <source>There is no chapter &apos;{code}&apos;.</source>
        <translation>Il n’existe pas de chapitre &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>There is no chapter with the code &apos;{code}&apos;. Known chapters: {known}</source>
        <translation>Aucun chapitre n&apos;a le code &apos;{code}&apos;. Chapitres connus&#xa0;: {known}</translation>
    </message>
    <message>
        <source>There is no chapter {code}.</source>
        <translation>Le chapitre {code} n’existe pas.</translation>
    </message>
    <message>
        <source>There is no chapter “{code}”.</source>
        <translation>Le chapitre «&#xa0;{code}&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This PC holds no key of chapter {chapter}, so the signature of certificate {code} cannot be checked: import the chapter&apos;s public key.</source>
        <translation>Cet ordinateur n’a pas la clé du chapitre {chapter} : la signature du certificat {code} ne peut pas être vérifiée. Importez la clé publique du chapitre.</translation>
    </message>
    <message>
        <source>This application is already decided: {decision}.</source>
        <translation>Cette demande est déjà tranchée : {decision}.</translation>
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
        <source>This corrective action is “{state}”; it can no longer be changed.</source>
        <translation>Cette action corrective est « {state} » ; elle ne peut plus être modifiée.</translation>
    </message>
    <message>
        <source>This is not a BASC certificate payload.</source>
        <translation>Ceci n’est pas le contenu d’un certificat BASC.</translation>
    </message>
    <message>
        <source>This payload was made by a newer program ({version}): update BASC Desktop.</source>
        <translation>Ce contenu a été produit par un programme plus récent ({version}) : mettez à jour BASC Desktop.</translation>
    </message>
    <message>
        <source>This record belongs to chapter {chapter}, and {user} is not set up to work for it. Ask the administrator of the database.</source>
        <translation>Cet enregistrement appartient au chapitre {chapter}, et {user} n&apos;est pas autorisé à y travailler. Adressez-vous à l&apos;administrateur de la base de données.</translation>
    </message>
    <message>
        <source>This user may not write in the folder {folder}.</source>
        <translation>Cet utilisateur ne peut pas écrire dans le dossier {folder}.</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nom commercial</translation>
    </message>
    <message>
        <source>Two columns are read as {label}: {first} and {second}. Keep one.</source>
        <translation>Deux colonnes sont lues comme {label} : {first} et {second}. Gardez-en une seule.</translation>
    </message>
    <message>
        <source>Type the login name of the person.</source>
        <translation>Tapez le nom de connexion de la personne.</translation>
    </message>
    <message>
        <source>Unknown record type “{value}”; use one of: {known}.</source>
        <translation>Type d’enregistrement inconnu « {value} » ; utilisez l’un de : {known}.</translation>
    </message>
    <message>
        <source>Unknown to this register</source>
        <translation>Inconnu de ce registre</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Updated from the files</source>
        <translation>Mis à jour depuis les fichiers</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valide depuis</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu’au</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Verdicts can only be recorded while the audit is in progress; it is “{state}”.</source>
        <translation>Les verdicts ne peuvent être saisis que pendant l’audit ; il est « {state} ».</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Welcome letter</source>
        <translation>Lettre de bienvenue</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
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
        <source>chapter</source>
        <translation>chapitre</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>raison sociale</translation>
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
        <source>issue or expiry date</source>
        <translation>date d’émission ou d’expiration</translation>
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
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>tax ID</source>
        <translation>identifiant fiscal</translation>
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
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>{code} is not a certificate code of this chapter: expected the shape {pattern}, for example {example}.</source>
        <translation>{code} n&apos;est pas un code de certificat de ce chapitre&#xa0;: forme attendue {pattern}, par exemple {example}.</translation>
    </message>
    <message>
        <source>{company} already has an application ({state}, opened {date}).</source>
        <translation>{company} a déjà une demande ({state}, ouverte le {date}).</translation>
    </message>
    <message>
        <source>{company} belongs to chapter {chapter}, not to {session_chapter}.</source>
        <translation>{company} appartient au chapitre {chapter}, pas à {session_chapter}.</translation>
    </message>
    <message>
        <source>{company} cannot go to the committee yet: missing {documents}.</source>
        <translation>{company} ne peut pas encore passer en comité : il manque {documents}.</translation>
    </message>
    <message>
        <source>{company} has no certificate in force to be reminded of.</source>
        <translation>{company} n&apos;a aucun certificat en vigueur à rappeler.</translation>
    </message>
    <message>
        <source>{company} has {audits} audits and {certificates} certificates, so it cannot be deleted: archive it instead.</source>
        <translation>{company} a {audits} audits et {certificates} certificats : elle ne peut pas être supprimée. Archivez-la plutôt.</translation>
    </message>
    <message>
        <source>{company} is already a member with the same data: nothing to change.</source>
        <translation>{company} est déjà membre avec les mêmes données : rien à changer.</translation>
    </message>
    <message>
        <source>{company} is already a member with this {label}: the row is skipped.</source>
        <translation>{company} est déjà membre avec ce {label} : la ligne est ignorée.</translation>
    </message>
    <message>
        <source>{company} is already a member with this {label}: {count} fields will be updated.</source>
        <translation>{company} est déjà membre avec ce {label} : {count} champs seront mis à jour.</translation>
    </message>
    <message>
        <source>{company} is already on the agenda of a committee session.</source>
        <translation>{company} est déjà à l’ordre du jour d’une séance du comité.</translation>
    </message>
    <message>
        <source>{company} is archived: restore it before opening an application.</source>
        <translation>{company} est archivée : restaurez-la avant d’ouvrir une demande.</translation>
    </message>
    <message>
        <source>{country} has several chapters ({chapters}): fill in the chapter.</source>
        <translation>{country} a plusieurs chapitres ({chapters}) : indiquez le chapitre.</translation>
    </message>
    <message>
        <source>{count} major nonconformities are still open: {codes}.</source>
        <translation>{count} non-conformités majeures sont encore ouvertes : {codes}.</translation>
    </message>
    <message>
        <source>{count} minor nonconformities have no action plan: {codes}.</source>
        <translation>{count} non-conformités mineures n&apos;ont pas de plan d&apos;action : {codes}.</translation>
    </message>
    <message>
        <source>{date} is before the certificate was issued ({issued}).</source>
        <translation>{date} est antérieure à l&apos;émission du certificat ({issued}).</translation>
    </message>
    <message>
        <source>{date} is before the certificate&apos;s last change ({last}).</source>
        <translation>{date} est antérieure à la dernière modification du certificat ({last}).</translation>
    </message>
    <message>
        <source>{date} is in the future.</source>
        <translation>{date} est une date future.</translation>
    </message>
    <message>
        <source>{file}, line {line}: key &apos;{key}&apos;: {reason}</source>
        <translation>{file}, ligne {line} : clé &apos;{key}&apos; : {reason}</translation>
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
        <source>{label} can have at most {max} characters.</source>
        <translation>{label} peut contenir au plus {max} caractères.</translation>
    </message>
    <message>
        <source>{label} cannot be after today.</source>
        <translation>{label} ne peut pas être postérieure à aujourd’hui.</translation>
    </message>
    <message>
        <source>{label} is before the date it is valid from.</source>
        <translation>{label} est antérieure à la date de début de validité.</translation>
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
        <source>{label} must be a whole number from {minimum} to {maximum}; got {value}.</source>
        <translation>{label} doit être un nombre entier de {minimum} à {maximum} ; reçu {value}.</translation>
    </message>
    <message>
        <source>{label} must be between {earliest} and {latest}; got {value}.</source>
        <translation>{label} doit être compris entre {earliest} et {latest} ; reçu {value}.</translation>
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
        <source>{login} is already set up.</source>
        <translation>{login} est déjà configuré.</translation>
    </message>
    <message>
        <source>{login} is not set up in this database.</source>
        <translation>{login} n&apos;est pas configuré dans cette base de données.</translation>
    </message>
    <message>
        <source>{login} is not set up to work in this database. Ask its administrator to add you: basc users add {login} --chapter …</source>
        <translation>{login} n&apos;est pas configuré pour travailler dans cette base de données. Demandez à son administrateur de vous ajouter : basc users add {login} --chapter …</translation>
    </message>
    <message>
        <source>{login} is the last administrator: set up another one first.</source>
        <translation>{login} est le dernier administrateur : configurez-en un autre d&apos;abord.</translation>
    </message>
    <message>
        <source>{name} is already an active auditor of this chapter (number {id}).</source>
        <translation>{name} est déjà un auditeur actif de ce chapitre (numéro {id}).</translation>
    </message>
    <message>
        <source>{name} is already an active auditor.</source>
        <translation>{name} est déjà un auditeur actif.</translation>
    </message>
    <message>
        <source>{name} is already retired.</source>
        <translation>{name} est déjà retiré.</translation>
    </message>
    <message>
        <source>{name} is no longer an active auditor.</source>
        <translation>{name} n’est plus un auditeur actif.</translation>
    </message>
    <message>
        <source>{option} must look like 2026-07-01; got “{value}”.</source>
        <translation>{option} doit avoir la forme 2026-07-01 ; reçu « {value} ».</translation>
    </message>
    <message>
        <source>{path} is a folder, not a PDF file.</source>
        <translation>{path} est un dossier, pas un fichier PDF.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} est un dossier, pas un fichier de base de données.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>{path} is a folder: choose a file name.</source>
        <translation>{path} est un dossier : choisissez un nom de fichier.</translation>
    </message>
    <message>
        <source>{path} is the real database; the demo is never written over it.</source>
        <translation>{path} est la vraie base de données&#xa0;; la démonstration ne l&apos;écrase jamais.</translation>
    </message>
    <message>
        <source>{program} is already listed in row {first}.</source>
        <translation>{program} figure déjà à la ligne {first}.</translation>
    </message>
    <message>
        <source>{record} was changed by someone else since you opened it. Reload to see it.</source>
        <translation>{record} a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. Rechargez pour le voir.</translation>
    </message>
    <message>
        <source>{record} was changed by {user} at {time} since you opened it. Reload to see it.</source>
        <translation>{record} a été modifié par {user} à {time} depuis que vous l’avez ouvert. Rechargez pour le voir.</translation>
    </message>
    <message>
        <source>{rows} rows: {added} to add, {updated} to update, {skipped} to skip; {errors} errors.</source>
        <translation>{rows} lignes : {added} à ajouter, {updated} à mettre à jour, {skipped} à ignorer ; {errors} erreurs.</translation>
    </message>
    <message>
        <source>{type} {id}</source>
        <translation>{type} {id}</translation>
    </message>
    <message>
        <source>{user} is not set up to work for chapter {chapter}.</source>
        <translation>{user} n&apos;est pas configuré pour travailler pour le chapitre {chapter}.</translation>
    </message>
    <message>
        <source>“{url}” is not a database address. Use e.g. postgresql+psycopg://user@server/basc.</source>
        <translation>«&#xa0;{url}&#xa0;» n&apos;est pas une adresse de base de données. Utilisez par exemple postgresql+psycopg://utilisateur@serveur/basc.</translation>
    </message>
    <message>
        <source>“{value}” is not a business type.</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;est pas un type d&apos;entreprise.</translation>
    </message>
    <message>
        <source>“{value}” is not a committee decision.</source>
        <translation>« {value} » n’est pas une décision du comité.</translation>
    </message>
    <message>
        <source>“{value}” is not a country BASC Desktop knows.</source>
        <translation>« {value} » n’est pas un pays que BASC Desktop connaît.</translation>
    </message>
    <message>
        <source>“{value}” is not a date: write it day first, like 31/12/2025.</source>
        <translation>« {value} » n’est pas une date : écrivez-la avec le jour d’abord, comme 31/12/2025.</translation>
    </message>
    <message>
        <source>“{value}” is not a document state.</source>
        <translation>« {value} » n’est pas un état de document.</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of audit.</source>
        <translation>« {value} » n’est pas un type d’audit.</translation>
    </message>
    <message>
        <source>“{value}” is not a login name: no spaces, at most {max} characters.</source>
        <translation>« {value} » n&apos;est pas un nom de connexion : sans espaces, au plus {max} caractères.</translation>
    </message>
    <message>
        <source>“{value}” is not a member field.</source>
        <translation>« {value} » n’est pas un champ de membre.</translation>
    </message>
    <message>
        <source>“{value}” is not one of: {choices}.</source>
        <translation>« {value} » n’est pas l’un de : {choices}.</translation>
    </message>
</context>
</TS>
