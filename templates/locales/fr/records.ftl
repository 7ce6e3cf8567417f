# GxP records: the audit trail, the training matrix (which role holders are
# qualified for their job roles) and the network reports.

## The audit trail

audit-heading = Piste d'audit
audit-explained = Chaque modification d'un dossier de formation ou de la configuration, les plus récentes d'abord. Les entrées ne peuvent qu'être ajoutées et sont chaînées par hachage.
# Followed by the command that checks the chain (not translated).
audit-verify = Cette commande vérifie la chaîne :
audit-filter-label = Filtrer la piste d'audit
audit-field-actor = Personne (l'e-mail contient)
# The kind of record an entry is about (course, enrolment, certificate…).
audit-field-type = Type d'enregistrement
audit-field-id = Identifiant de l'enregistrement
# The action's stored name, or its beginning (e.g. "certificate.").
audit-field-action = Action (ou son début)
audit-field-from = Du (date)
audit-field-until = Au (date, incluse)
audit-filter = Filtrer
audit-export-csv = Exporter en CSV
audit-caption = Entrées (les plus récentes d'abord)
audit-column-when = Quand (UTC)
audit-column-who = Qui
audit-column-what = Quoi
audit-column-record = Enregistrement
audit-column-old = Ancienne valeur
audit-column-new = Nouvelle valeur
audit-column-reason = Motif
audit-older = Entrées plus anciennes
audit-none = Aucune entrée ne correspond.

## The training matrix

matrix-heading = Matrice de formation
matrix-back = Retour à la coordination
matrix-export-csv = Exporter en CSV
matrix-export-pdf = Exporter en PDF
matrix-states-intro = Les états d'un cours requis :
# The states of a requirement, shown in the matrix and explained above it.
matrix-state-current = à jour
matrix-state-due-soon = bientôt dû
matrix-state-overdue = en retard
matrix-state-expired = expiré
# { $days } is a number of days (30).
matrix-state-current-means = valide, plus de { $days } jours restants
matrix-state-due-soon-means = expire dans les { $days } jours, ou nouvellement attribué et pas encore suivi
matrix-state-overdue-means = attribué il y a plus de { $days } jours et jamais suivi
matrix-state-expired-means = le certificat a expiré
matrix-equivalents-count = Les certificats des cours reconnus comme équivalents comptent.
matrix-caption = Titulaires de rôles et leurs cours requis, aujourd'hui
matrix-column-person = Personne
matrix-column-role = Rôle
matrix-column-requirements = Exigences
matrix-column-qualified = Qualifié
# After a requirement's state: the certificate's code and the date it expires.
matrix-evidence-until = ({ $code }, jusqu'au { $date })
matrix-qualified-yes = Oui
matrix-qualified-no = Non
matrix-no-holders = Personne n'a encore de rôle.
matrix-roles = Rôles
matrix-no-roles = Aucun rôle pour l'instant.
matrix-new-role = Nouveau rôle
matrix-field-title = Intitulé
matrix-field-courses = Cours requis (identifiants, séparés par des virgules)
matrix-create-role = Créer le rôle
matrix-assign-heading = Attribuer un rôle à une personne
matrix-field-role = Rôle
matrix-field-email = E-mail
matrix-assign = Attribuer

## Reports

reports-heading-network = Rapports : le réseau
# { $coe } is the name of a Centre of Excellence.
reports-heading-coe = Rapports : { $coe }
reports-export-csv = Exporter les chiffres mensuels en CSV
reports-total-learners = Apprenants inscrits (depuis le début)
reports-total-valid-certificates = Certificats valides
reports-total-expiring = Expirant dans les 90 jours
reports-total-outreach = Portée de la sensibilisation (apprenants des cours publics)
reports-chart-enrolments = Inscriptions par mois
reports-chart-completions = Achèvements par mois
reports-chart-pass-rate = Taux de réussite aux évaluations par mois (%)
reports-chart-certificates = Certificats délivrés par mois
reports-chart-outreach = Inscriptions aux cours de sensibilisation par mois
# What a screen reader hears for one bar of a chart: { $month } is a month
# with its year (reports-month-year), { $value } a number (perhaps with %).
reports-chart-point = { $month } : { $value }
# A month and its year, e.g. "November 2026"; { $month } is one of month-1 … month-12.
reports-month-year = { $month } { $year }
# Short month names, written under a chart's bars (little room: at most 5 letters).
reports-month-short-1 = janv.
reports-month-short-2 = févr.
reports-month-short-3 = mars
reports-month-short-4 = avr.
reports-month-short-5 = mai
reports-month-short-6 = juin
reports-month-short-7 = juil.
reports-month-short-8 = août
reports-month-short-9 = sept.
reports-month-short-10 = oct.
reports-month-short-11 = nov.
reports-month-short-12 = déc.
reports-months-caption = Les douze derniers mois (UTC)
reports-column-month = Mois
reports-column-enrolments = Inscriptions
reports-column-completions = Achèvements
reports-column-graded = Tentatives notées
reports-column-pass-rate = Taux de réussite
reports-column-certificates = Certificats délivrés
reports-column-outreach = Inscriptions aux cours de sensibilisation
