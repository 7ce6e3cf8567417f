# The closed vocabularies shared by many pages: audiences, levels, credit
# types, enrolment methods and roles. Ids end in the stored value.

audience-public = Pubblico e pazienti
audience-scientists = Ricercatori
audience-clinicians = Clinici e personale delle sperimentazioni
audience-gmp_staff = Operatori GMP e QA/QC
audience-stakeholders = Aziende e portatori di interesse
level-introductory = Introduttivo
level-intermediate = Intermedio
level-advanced = Avanzato
# Same as English: the same word (or name, or abbreviation) in this language.
credit-type-ects = ECTS
credit-type-cpd_hours = Ore di CPD
enrolment-method-open = Iscrizione libera
enrolment-method-approval = Iscrizione su approvazione
role-learner = Discente
role-network_admin = Amministratore della rete
role-coordinator = Coordinatore del centro di eccellenza
role-instructor = Docente
role-assessor = Valutatore
role-auditor = Revisore
