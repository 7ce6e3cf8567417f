# The page shell: header, navigation, footer, language switcher, error
# pages, page titles, and how dates are written.

# Same as English: the same word (or name, or abbreviation) in this language.
site-name = ATMP Academy
skip-to-main = Aller au contenu principal
nav-main = Navigation principale
nav-courses = Cours
nav-programmes = Parcours
nav-network = Le réseau
nav-my-learning = Mon apprentissage
nav-certificates = Certificats
nav-authoring = Création de cours
nav-administration = Gestion du réseau
nav-profile = Votre profil : { $name }
sign-out = Se déconnecter
sign-in = Se connecter
footer-about = ATMP Academy est la plateforme d'apprentissage du réseau européen des centres d'excellence pour les médicaments de thérapie innovante (MTI) : thérapies géniques, thérapies cellulaires et produits issus de l'ingénierie tissulaire.
footer-links = Liens du site
footer-coes = Centres d'excellence
footer-catalogue = Catalogue des cours
footer-verify = Vérifier un certificat
# Same as English: the same word (or name, or abbreviation) in this language.
footer-api = API (OpenAPI)
language-switcher = Langue
language-switch-to = Afficher ce site en { $language }

# Error pages
error-heading-not-found = Page introuvable
error-heading-bad-request = Cette requête n'a pas pu être comprise
error-heading-unauthorized = Veuillez vous connecter
error-heading-forbidden = Vous n'avez pas accès à cette page
error-heading-conflict = Cette action est impossible pour le moment
error-heading-too-many-requests = Trop de requêtes
error-heading-unavailable = Le service est surchargé
error-heading-internal = Une erreur s'est produite
error-heading-other = La requête n'a pas pu aboutir
error-message-internal = Une erreur s'est produite de notre côté ; elle a été enregistrée.
error-reference = Si vous nous contactez à ce sujet, indiquez la référence { $reference }.
error-home = Aller à la page d'accueil
error-browse = Parcourir les cours

# Dates: { $day } and { $year } are numbers, { $month } one of month-1 … month-12.
# The spaces in the dates are non-breaking spaces (U+00A0).
date-long = { $day } { $month } { $year }
date-moment = { $day } { $month } { $year } à { $time } UTC
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

# Page titles (the browser tab)
# Same as English: the same word (or name, or abbreviation) in this language.
title-atmp-academy = ATMP Academy
title-audit-trail = Piste d'audit
title-authoring = Création de cours
title-certificates = Certificats
title-check-your-email = Consultez vos e-mails
title-cohort-enrolment = Inscription d'une cohorte
title-course-catalogue = Catalogue des cours
title-course-equivalences = Équivalences de cours
title-email-outbox = Boîte d'envoi des e-mails
title-essays-to-grade = Rédactions à noter
title-gift-check = Vérification GIFT
title-identity-providers = Fournisseurs d'identité
title-lesson-preview = Aperçu de la leçon
title-my-certificates = Mes certificats
title-my-learning = Mon apprentissage
title-not-saved = Non enregistré
title-programmes = Parcours
title-regrade = Renotation
title-sign-in = Connexion
title-the-network = Le réseau
title-training-matrix = Matrice de formation
title-verify-a-certificate = Vérifier un certificat
title-your-profile = Votre profil
