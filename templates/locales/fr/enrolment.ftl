# Enrolment: "My learning", the coordinators' page (requests, enrolled
# learners, cohort upload, hands-on sessions) and a session's bookings.

## My learning (pages/learning)

learning-heading = Mon apprentissage
# Followed by a link to the certificates page.
learning-certificates-note = Les certificats que vous avez obtenus ont leur propre page :
learning-certificates-link = Mes certificats
learning-version = Version n° { $version }
learning-status-active = En cours
learning-status-pending = En attente d’approbation
learning-status-completed = Terminé
learning-status-completed-on = Terminé le { $date }
learning-status-withdrawn = Désinscrit
learning-status-declined = Demande refusée
# After the status: the date the coordinator wants the course finished by.
learning-due = échéance le { $date }
learning-progress = Progression
# How much of the course is done, e.g. "50%".
learning-percent = { $percent } %
# Followed by the title of the next lesson.
learning-next = Suite :
learning-empty = Vous n’êtes encore inscrit à aucun cours.
learning-browse = Parcourir le catalogue

## Coordinating a Centre of Excellence (pages/coordinate)

# The browser tab; { $coe } is the name of a Centre of Excellence.
coordinate-title = Coordination { $coe }
coordinate-heading = Coordination : { $coe }
coordinate-matrix-link = Matrice de formation
coordinate-reports-link = Rapports
coordinate-pending-heading = Demandes de place
coordinate-pending-caption = En attente d’une décision, les plus anciennes d’abord
coordinate-column-learner = Apprenant
coordinate-column-course = Cours
coordinate-column-asked-on = Demandé le
coordinate-column-decision = Décision
coordinate-decline-reason = Motif (requis pour refuser)
coordinate-approve = Approuver
coordinate-decline = Refuser
coordinate-no-pending = Aucune demande en attente.
coordinate-enrolled-heading = Apprenants inscrits
coordinate-enrolled-caption = Inscriptions actives, les plus anciennes d’abord
coordinate-column-withdraw = Désinscrire
coordinate-withdraw-reason = Motif (obligatoire)
coordinate-withdraw = Désinscrire
coordinate-no-enrolled = Personne n’est actuellement inscrit aux cours de ce centre d’excellence.

## Enrolling a cohort from a CSV file (pages/coordinate, pages/cohort_result)
# The CSV header "email,name,institution" stays in English: the file must use it.

cohort-form-heading = Inscrire une cohorte
# Followed by the header line, "email,name,institution".
cohort-form-header = Un fichier CSV (UTF-8) avec cette ligne d’en-tête :
cohort-form-rules = L’établissement (nom ou identifiant court) peut rester vide. Chaque ligne est d’abord vérifiée : si une ligne pose problème, personne n’est inscrit et chaque problème est indiqué avec sa ligne.
cohort-form-course = Cours
cohort-form-due = Date d’échéance (facultative)
cohort-form-file = Fichier CSV
cohort-form-submit = Inscrire la cohorte
# { $course } is the course's slug (the short name in its address).
cohort-result-heading = Inscription d’une cohorte : { $course }
cohort-result-enrolled = { $enrolled ->
        [one] { $enrolled } apprenant inscrit
       *[other] { $enrolled } apprenants inscrits
    } ({ $created ->
        [one] { $created } nouveau compte
       *[other] { $created } nouveaux comptes
    }).
# { $lines } lists line numbers of the file, e.g. "3, 7".
cohort-result-already-enrolled = { $count ->
        [one] Déjà inscrit, laissé tel quel : ligne { $lines }.
       *[other] Déjà inscrits, laissés tels quels : lignes { $lines }.
    }
cohort-result-problems-caption = Lignes à corriger (la ligne 1 est l’en-tête)
cohort-result-column-line = Ligne
cohort-result-column-problem = Problème
cohort-result-back = Retour à la coordination
cohort-rows-have-problems = { $count ->
        [one] { $count } ligne pose problème ; personne n’a été inscrit.
       *[other] { $count } lignes posent problème ; personne n’a été inscrit.
    }
# Problems with the whole file.
cohort-file-too-large = Le fichier dépasse { $megabytes } Mo : répartissez la cohorte sur plusieurs fichiers.
cohort-file-not-utf8 = Le fichier n’est pas du texte UTF-8 (premier octet invalide à la position { $offset }) : enregistrez-le au format « CSV UTF-8 ».
# { $error } is a technical description, in English.
cohort-file-header-unreadable = La ligne d’en-tête est illisible : { $error }.
cohort-file-wrong-header = La première ligne doit être l’en-tête email,name,institution (trouvé : { $found }).
cohort-file-too-many-rows = Le fichier compte plus de { $rows } lignes : divisez-le.
cohort-file-no-learners = Le fichier a un en-tête mais aucun apprenant.
cohort-file-no-course = Il n’existe aucun cours « { $course } ».
cohort-file-account-race = Ligne { $line } : le compte de { $email } a été créé entre-temps ; réessayez.
# Problems with one row (shown next to its line number).
cohort-problem-unreadable-row = la ligne est illisible : { $error }
cohort-problem-field-count = 3 champs attendus (email, name, institution), { $count } trouvés
cohort-problem-not-an-email = « { $value } » n’est pas une adresse e-mail
cohort-problem-name-length = le nom doit compter de 1 à 200 caractères
cohort-problem-duplicate = { $email } figure déjà à la ligne { $first }
cohort-problem-unknown-institution = établissement inconnu « { $institution } » (utilisez un nom ou un identifiant court de la liste du réseau)
# { $reason } is the enrolment rules' reason, in English.
cohort-problem-not-enrolled = inscription impossible : { $reason }

## Hands-on sessions (pages/coordinate, pages/session)

session-form-heading = Planifier une session pratique
session-form-course = Cours
session-form-title = Titre
session-form-location = Lieu (installation, salle)
session-form-starts = Début (UTC)
session-form-ends = Fin (UTC)
session-form-seats = Places
session-form-submit = Planifier
session-seats = { $count ->
        [one] { $count } place
       *[other] { $count } places
    }
session-bookings-caption = Places, dans l’ordre des demandes
session-column-learner = Apprenant
session-column-status = Statut
session-column-attendance = Présence
session-booking-status = { $status ->
        [booked] réservé
        [waitlisted] en liste d’attente
        [attended] présent
        [absent] absent
       *[cancelled] annulé
    }
session-attended = Marquer présent
session-absent = Marquer absent
session-no-bookings = Personne n’a encore réservé.
