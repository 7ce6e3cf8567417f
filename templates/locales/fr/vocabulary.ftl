# The closed vocabularies shared by many pages: audiences, levels, credit
# types, enrolment methods and roles. Ids end in the stored value.

audience-public = Grand public et patients
audience-scientists = Scientifiques
audience-clinicians = Cliniciens et personnel des essais
audience-gmp_staff = Opérateurs BPF (GMP) et AQ/CQ
audience-stakeholders = Entreprises et parties prenantes
level-introductory = Initiation
level-intermediate = Intermédiaire
level-advanced = Avancé
# Same as English: the same word (or name, or abbreviation) in this language.
credit-type-ects = ECTS
credit-type-cpd_hours = Heures de DPC
enrolment-method-open = Inscription libre
enrolment-method-approval = Inscription sur approbation
role-learner = Apprenant
role-network_admin = Administrateur du réseau
role-coordinator = Coordinateur du centre d'excellence
role-instructor = Formateur
role-assessor = Évaluateur
role-auditor = Auditeur
