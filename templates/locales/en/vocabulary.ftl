# The closed vocabularies shared by many pages: audiences, levels, credit
# types, enrolment methods and roles. Ids end in the stored value.

audience-public = Public & patients
audience-scientists = Scientists
audience-clinicians = Clinicians & trial staff
audience-gmp_staff = GMP operators & QA/QC
audience-stakeholders = Companies & stakeholders
level-introductory = Introductory
level-intermediate = Intermediate
level-advanced = Advanced
credit-type-ects = ECTS
credit-type-cpd_hours = CPD hours
enrolment-method-open = Open enrolment
enrolment-method-approval = Enrolment by approval
role-learner = Learner
role-network_admin = Network administrator
role-coordinator = CoE coordinator
role-instructor = Instructor
role-assessor = Assessor
role-auditor = Auditor
