# The public and learner pages: home, catalogue, course and lesson pages,
# the network and its Centres of Excellence, programmes, signing in and
# the profile. Course titles, lesson titles, CoE names and people's names
# come in as variables and are never translated.

## Course cards (home, catalogue, CoE pages) and the facts of a course

card-for = Pour
card-level = Niveau
card-study-time = Durée d'étude
card-credits = Crédits
# A study time: { $hours } whole hours and { $minutes } minutes left over
# (0–59). "h" and "min" are the usual abbreviations.
# Same as English: the same word (or name, or abbreviation) in this language.
card-duration = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
 }
# A course's credits: { $amount } is a number (may have decimals, e.g. 1.5);
# { $unit } is "ects", "cpd_hours" or empty.
card-credits-amount = { $unit ->
    [ects] { $amount } ECTS
    [cpd_hours] { $amount } heures de DPC
   *[other] { $amount } crédits
 }

## Syllabus (course page, lesson page)

# A module heading: its number and its title (in the course's language).
syllabus-module = Module { $position } : { $title }
# After a lesson's title in the syllabus.
# Same as English: the same word (or name, or abbreviation) in this language.
syllabus-lesson-minutes = ({ $minutes } min)
syllabus-lesson-minutes-optional = ({ $minutes } min, facultative)
# Followed by the title of the module's assessment.
syllabus-assessment = Évaluation :

## Home page

home-heading = Apprenez les thérapies innovantes avec les centres d'excellence européens
home-lead = Des cours partagés sur les thérapies géniques, les thérapies cellulaires et les produits issus de l'ingénierie tissulaire — pour les scientifiques, les cliniciens et le personnel BPF (GMP) de tout le réseau, ainsi que des cours ouverts aux patients et au public.
home-search-label = Rechercher parmi { $count } cours
home-search-placeholder = p. ex. classes de salles propres, CAR-T, exemption hospitalière
home-search-button = Rechercher
# Heading above the list of audiences (Public & patients, Scientists, …).
home-courses-for = Cours pour
home-courses = Cours
home-all-courses = { $count ->
    [1] Le seul cours du catalogue
   *[other] Les { $count } cours du catalogue
 }
home-all-coes = { $count ->
    [1] Le centre d'excellence qui le propose
   *[other] Les { $count } centres d'excellence qui les proposent
 }

## Course catalogue

catalogue-heading = Catalogue des cours
catalogue-filters = Rechercher et filtrer les cours
catalogue-search = Recherche
catalogue-audience = Public
catalogue-any-audience = Tous les publics
catalogue-coe = Centre d'excellence
catalogue-any-coe = Tous les centres
catalogue-topic = Thème
catalogue-any-topic = Tous les thèmes
catalogue-level = Niveau
catalogue-any-level = Tous les niveaux
catalogue-language = Langue
catalogue-any-language = Toutes les langues
catalogue-show-courses = Afficher les cours
catalogue-clear-filters = Effacer les filtres
# The results heading, e.g. "Showing 11–20 of 34 courses".
catalogue-showing = Cours { $first }–{ $last } sur { $total }
catalogue-no-match = Aucun cours ne correspond
catalogue-no-match-hint = Essayez avec moins de mots ou une autre orthographe.
catalogue-clear-the-filters = Effacer les filtres
catalogue-pages = Pages de résultats
catalogue-previous-page = Page précédente
catalogue-next-page = Page suivante
catalogue-page-of = Page { $page } sur { $pages }

## Course page

course-breadcrumb = Fil d'Ariane
course-breadcrumb-courses = Cours
course-archived = Ce cours a été archivé : il n'est plus ouvert à de nouveaux apprenants.
course-about = À propos de ce cours
course-before-you-start = Avant de commencer
# Followed by a list of the courses this one builds on.
course-builds-on = Ce cours s'appuie sur :
course-syllabus = Programme du cours
course-lessons-public = Tout le monde peut lire ces leçons, sans compte.
course-lessons-sign-in = Connectez-vous avec le compte de votre établissement ou par un lien envoyé par e-mail pour étudier les leçons.
course-your-place = Votre place
# { $version } is the number of the course version the learner is enrolled in.
course-enrolled-version = Vous êtes inscrit (version { $version }).
course-progress = Progression
# A button; { $lesson } is the title of the next lesson.
course-continue-lesson = Continuer : { $lesson }
course-start-lesson = Commencer : { $lesson }
# { $assessments } is a comma-separated list of assessment titles.
course-still-to-pass = Reste à réussir : { $assessments }.
course-withdraw = Se désinscrire du cours
course-pending = Votre demande de place attend la décision du coordinateur. Vous recevrez un e-mail.
course-withdraw-request = Retirer la demande
course-completed = Vous avez terminé ce cours.
course-completed-on = Vous avez terminé ce cours le { $date }.
course-withdrawn = Vous vous êtes désinscrit de ce cours.
course-declined = Votre dernière demande de place a été refusée.
course-enrol-again = S'inscrire à nouveau
course-ask-for-place = Demander une place
course-enrol = S'inscrire
course-sign-in-to-enrol = Se connecter pour s'inscrire
course-at-a-glance = En bref
course-fact-offered-by = Proposé par
course-fact-language = Langue
# { $duration } is a study time such as "2 h 15 min".
course-study-time = { $count ->
    [one] { $duration } en { $count } leçon
   *[other] { $duration } en { $count } leçons
 }
course-fact-certificate = Certificat
course-certificate-yes = Oui
course-certificate-no = Non
course-certificate-valid = Oui, valable { $months } mois
course-fact-enrolment = Inscription
# Same as English: the same word (or name, or abbreviation) in this language.
course-fact-version = Version
# { $version } is a version number, { $date } a date.
course-version-published = { $version }, publiée le { $date }
course-sessions = Sessions pratiques
course-session-seats = { $left ->
    [one] { $left } place libre sur { $seats }
   *[other] { $left } places libres sur { $seats }
 }
course-session-booked = Votre place est réservée.
course-session-waitlisted = Vous êtes sur la liste d'attente.
course-session-give-up = Libérer ma place
course-session-book = Réserver une place
course-session-join-waitlist = S'inscrire sur la liste d'attente
course-topics = Thèmes

## Lesson page and the page asking to sign in or enrol

# The browser tab of a lesson a visitor may not read; { $course } is its title.
lesson-title-sign-in-to-study = Se connecter pour étudier { $course }
lesson-title-enrol-to-study = S'inscrire pour étudier { $course }
lesson-minutes = { $minutes ->
    [one] Environ { $minutes } minute
   *[other] Environ { $minutes } minutes
 }
lesson-position = leçon { $position } sur { $count }
lesson-optional = facultative
# { $document } is a document id such as SOP-QA-012, { $version } its version.
lesson-controlled-document = Document maîtrisé { $document }, version { $version }
# { $name } is the signer's name, { $moment } a date and time.
lesson-signed = Signé comme lu et compris par { $name } le { $moment } (version { $version }).
lesson-signature-code = Le code de l'e-mail que nous vous avons envoyé
lesson-signature-statement = En signant, vous déclarez avoir lu et compris la version { $version } de ce document. Votre nom, l'heure et la version sont enregistrés.
lesson-sign = Signer : lu et compris
lesson-signature-explained = Lorsque vous avez lu le document, signez-le comme lu et compris. Nous vous envoyons par e-mail un code à usage unique pour confirmer votre identité.
lesson-email-code = M'envoyer un code de signature par e-mail
# A link to the sign-in page.
lesson-sign-in-to-sign = Se connecter pour signer ce document
lesson-files = Fichiers
# After a file's name; { $size } is in kilobytes.
lesson-file-size = ({ $size } Ko)
lesson-file-image-size = (image, { $size } Ko)
lesson-completed = Vous avez terminé cette leçon.
lesson-mark-complete = Marquer comme terminée
lesson-mark-complete-continue = Marquer comme terminée et continuer
lesson-pager = Leçons
lesson-back-to-course = Retour au cours
lesson-enrol-to-study = Inscrivez-vous pour étudier cette leçon
lesson-for-enrolled-learners = Les leçons de { $course } sont réservées aux apprenants inscrits au cours.
lesson-go-to-course-to-enrol = Aller au cours pour s'inscrire
lesson-sign-in-to-study = Connectez-vous pour étudier cette leçon
lesson-for-signed-in-learners = Les leçons de { $course } sont réservées aux apprenants connectés du réseau. Les leçons des cours ouverts au public et aux patients ne nécessitent pas de compte.
lesson-sign-in-to-continue = Se connecter pour continuer
lesson-what-course-covers = Contenu de ce cours
lesson-back-to-course-page = Retour à la page du cours

## The network and one Centre of Excellence

network-heading = Les centres d'excellence du réseau
network-lead = Chaque centre d'excellence apporte son expertise et ses installations, et enseigne ce qu'il connaît le mieux.
# Same as English: the same word (or name, or abbreviation) in this language.
network-expertise = Expertise
coe-breadcrumb-network = Le réseau
coe-facilities = Installations
coe-no-facilities = Aucune installation n'est encore répertoriée.
coe-courses = Cours
coe-no-courses = Ce centre ne propose pas encore de cours.
# Kinds of facility, shown after a facility's name.
coe-facility-gmp_suite = Zone de fabrication BPF (GMP)
coe-facility-vector_core = Plateforme de vecteurs viraux
coe-facility-clinical_trial_unit = Unité d'essais cliniques
coe-facility-laboratory = Laboratoire
coe-facility-training_centre = Centre de formation
coe-facility-other = Autre installation

## Programmes

programme-list-heading = Parcours
programme-list-intro = Des cursus qui combinent des cours de plusieurs centres d'excellence. Réussir tous les cours obligatoires (ou un cours reconnu comme équivalent) et les cours optionnels demandés donne droit à un certificat de parcours.
# { $credits } is a sum such as "3.5 ECTS + 8 CPD hours".
programme-list-required-credits = Cours obligatoires : { $credits }
programme-list-none = Aucun parcours n'est encore proposé.
programme-required-credits = Les cours obligatoires représentent { $credits }.
programme-completed-on = Terminé le { $date }.
# A link to the certificates page, after "Completed on …".
programme-certificate-link = Voir votre certificat de parcours
# The caption of the table of a programme's courses.
programme-courses = Cours
programme-courses-electives = { $count ->
    [one] Cours ({ $count } cours optionnel requis)
   *[other] Cours ({ $count } cours optionnels requis)
 }
programme-column-course = Cours
programme-column-offered-by = Proposé par
programme-column-track = Type
programme-column-credits = Crédits
# The column with the signed-in person's progress.
programme-column-you = Votre statut
programme-track-required = Obligatoire
programme-track-elective = Optionnel
programme-done = Réussi
# { $course } is the short name (slug) of the equivalent course.
programme-done-through = Réussi (par le cours équivalent { $course })
programme-not-yet = Pas encore
programme-enrol-explained = L'inscription vous inscrit aux cours obligatoires que vous n'avez pas encore terminés, selon ce que chaque cours permet (certains nécessitent l'accord d'un coordinateur).
programme-enrol = S'inscrire à ce parcours
programme-enrolled = Vous êtes inscrit ; votre progression est indiquée ci-dessus.
# A link to the sign-in page.
programme-sign-in-to-enrol = Se connecter pour s'inscrire et suivre votre progression

## Signing in

login-heading = Connexion
login-institution-heading = Avec votre établissement
login-institution-intro = Utilisez le compte de votre université, de votre hôpital ou de votre entreprise.
login-find-institution = Trouver votre établissement
login-find = Trouver
# After an institution's name; { $provider } is the sign-in service.
# Same as English: the same word (or name, or abbreviation) in this language.
login-via = via { $provider }
login-no-institution-matches = Aucun établissement ne correspond. Essayez un autre nom ou connectez-vous avec un lien envoyé par e-mail.
login-no-institutions = Aucun établissement n'a encore configuré de connexion institutionnelle : utilisez un lien envoyé par e-mail.
login-choose-service = Ou choisissez un service de connexion
login-email-heading = Avec un lien par e-mail
login-email-intro = Pour les patients, le public et toute personne sans compte institutionnel. Nous vous envoyons par e-mail un lien qui vous connecte ; aucun mot de passe n'est nécessaire.
login-email-address = Adresse e-mail
login-email-send = M'envoyer un lien de connexion
login-check-email-heading = Consultez vos e-mails
login-check-email-sent = { $minutes ->
    [one] Si l'adresse saisie peut recevoir des e-mails, un lien de connexion est en route. Il fonctionne une seule fois, pendant { $minutes } minute, dans ce navigateur.
   *[other] Si l'adresse saisie peut recevoir des e-mails, un lien de connexion est en route. Il fonctionne une seule fois, pendant { $minutes } minutes, dans ce navigateur.
 }
login-check-email-nothing-arrived = Rien reçu ? Vérifiez votre dossier de courrier indésirable.
login-check-email-another-link = Demander un nouveau lien
login-confirm-heading = Se connecter à ATMP Academy
login-confirm-intro = Vous avez suivi un lien de connexion. Appuyez sur le bouton pour terminer la connexion.
login-confirm-button = Se connecter

## Profile

profile-heading = Votre profil
profile-deletion-requested = Vous avez demandé la suppression de votre compte le { $date }. Un administrateur le supprimera après avoir vérifié quels dossiers de formation doivent être conservés.
profile-name = Nom
profile-email = E-mail
profile-institution = Établissement de rattachement
profile-no-institution = Aucun enregistré
profile-language = Langue
# The interface language when the person has not chosen one.
profile-language-browser = Selon mon navigateur
profile-member-since = Membre depuis
profile-sign-in-services = Services de connexion
profile-email-link = Lien par e-mail
profile-language-heading = Langue du site
profile-language-explained = Les menus, les boutons et les e-mails que nous vous envoyons utilisent cette langue. Les cours restent dans la langue dans laquelle ils ont été rédigés.
profile-language-label = Afficher le site en
profile-language-save = Enregistrer la langue
profile-roles = Rôles
# After a role held for one course; { $course } is the course's id.
profile-role-course = cours { $course }
profile-your-data = Vos données
profile-download-data = Télécharger toutes vos données (JSON)
profile-deletion-explained = Vous pouvez demander la suppression de votre compte. Les dossiers de formation que la réglementation nous oblige à conserver sont gardés pendant leur durée de conservation.
profile-deletion-button = Demander la suppression de mon compte
