# The closed vocabularies shared by many pages: audiences, levels, credit
# types, enrolment methods and roles. Ids end in the stored value.

audience-public = Öffentlichkeit & Patienten
audience-scientists = Wissenschaftler/innen
audience-clinicians = Klinisches Personal & Studienteams
audience-gmp_staff = GMP-Personal & QS/QK
audience-stakeholders = Unternehmen & Interessengruppen
level-introductory = Einführung
level-intermediate = Mittelstufe
level-advanced = Fortgeschritten
# Same as English: the same word (or name, or abbreviation) in this language.
credit-type-ects = ECTS
credit-type-cpd_hours = CPD-Stunden
enrolment-method-open = Offene Einschreibung
enrolment-method-approval = Einschreibung nach Genehmigung
role-learner = Lernende/r
role-network_admin = Netzwerkadministrator/in
role-coordinator = Koordinator/in des Exzellenzzentrums
role-instructor = Lehrkraft
role-assessor = Bewerter/in
role-auditor = Auditor/in
