# Authoring: the course editor (list of courses, a draft's overview, the
# lesson and question-bank editors, the version history and its list of
# changes). "Draft": the next version of a course while it is being written.

author-heading = Création de cours
author-title-editing = Modification : { $title }
author-title-editing-lesson = Modification de la leçon : { $title }
# { $module } is the module's title.
author-title-assessment = Évaluation : { $module }
# { $slug } is the course's address name, e.g. gmp-basics.
author-title-history = Historique de { $slug }

## The list of courses

author-courses-caption = Cours que vous pouvez modifier ou relire
author-column-course = Cours
author-column-coe = Centre d'excellence
author-column-managed = Géré
# Same as English: the same word (or name, or abbreviation) in this language.
author-column-actions = Actions
# A course never published has no title yet; { $slug } is its address name.
author-course-unpublished = { $slug } (pas encore publié)
author-managed-files = par les fichiers de cours (lecture seule ici)
author-managed-web = dans l'éditeur web
# Link to the editor; screen readers hear the course title after it.
author-edit = Modifier
# Link to the version history; screen readers hear the course title after it.
author-history = Historique
author-no-courses = Vous n'avez aucun cours à modifier ou à relire. Les formateurs et les coordinateurs d'un centre d'excellence voient ici ses cours.
author-new-course = Nouveau cours
author-owning-coe = Centre d'excellence responsable
author-field-slug = Nom d'adresse (facultatif ; vide : tiré du titre)
author-create-course = Créer le cours

## A draft's overview

author-course-heading = Modification : { $title }
author-status-label = Statut :
author-status-draft = Brouillon
author-status-in-review = En relecture
author-status-published = Publié (aucun brouillon ouvert)
author-version-history = Historique des versions
author-start-explained = Pour modifier le cours, commencez une nouvelle version : un brouillon copié de la version publiée, que les apprenants ne voient qu'une fois relu et publié.
author-start = Commencer une nouvelle version
# Followed by the reviewer's note.
author-sent-back = Renvoyé par le relecteur :
author-review = Relecture
author-review-explained = Vérifiez le brouillon ci-dessous, puis publiez-le comme version suivante, ou renvoyez-le en indiquant ce qui doit changer. Les apprenants déjà inscrits conservent leur version.
author-approve = Approuver et publier
author-review-note = Ce qui doit changer
author-send-back = Renvoyer en brouillon
author-waits-for-review = Ce brouillon attend la relecture d'un formateur ou d'un coordinateur du centre d'excellence qui ne l'a pas rédigé ; il ne peut pas être modifié entre-temps.
author-course-details = Informations sur le cours
author-details = Informations
author-field-title = Titre
author-field-summary = Résumé
# Same as English: the same word (or name, or abbreviation) in this language.
author-field-description = Description (Markdown)
author-field-audience = Public
author-field-level = Niveau
author-field-language = Langue (code, p. ex. fr)
author-field-credits = Crédits (facultatif)
# The unit of the credits (ECTS or CPD hours).
author-field-credit-unit = unité
# No credit unit chosen.
author-credit-unit-none = aucune
author-field-topics = Thèmes (séparés par des virgules)
author-field-certificate = L'achèvement donne droit à un certificat
author-field-validity = Certificat valable pendant (mois ; vide : sans expiration)
author-field-enrolment = Inscription
author-enrolment-open = Ouverte
author-enrolment-approval = Sur approbation
author-field-retraining = Cette version exige une nouvelle formation (les titulaires de certificats de versions antérieures doivent se requalifier)
author-field-change-note = Note de modification : ce qui a changé et pourquoi
author-field-change-note-required = Note de modification : ce qui a changé et pourquoi (requise pour soumettre)
author-save-details = Enregistrer les informations
author-modules-and-lessons = Modules et leçons
author-module-title = Titre du module
# Label of the module's summary field, next to its title.
author-module-summary = résumé
author-save-module = Enregistrer le module
# Buttons; screen readers hear the module's title after them.
author-module-up = Monter le module
author-module-down = Descendre le module
author-module-delete = Supprimer le module
# Link to the module's question bank; the assessment's title follows.
author-assessment = Évaluation
author-assessment-none = Évaluation (aucune)
# After a lesson's title in the list of lessons.
# Same as English: the same word (or name, or abbreviation) in this language.
author-lesson-minutes = ({ $minutes } min)
author-lesson-minutes-optional = ({ $minutes } min, facultative)
# Buttons that move or delete a lesson; screen readers hear its title after them.
author-lesson-up = Monter
author-lesson-down = Descendre
author-lesson-delete = Supprimer
author-new-lesson-title = Titre de la nouvelle leçon
author-add-lesson = Ajouter une leçon
author-no-modules = Aucun module pour l'instant.
author-new-module-title = Titre du nouveau module
author-add-module = Ajouter un module
author-submit-heading = Soumettre à la relecture
author-submit-explained = Un second formateur ou un coordinateur du centre d'excellence relit le brouillon et le publie.
author-submit = Soumettre à la relecture

## The lesson editor

author-back-to-draft = Retour au brouillon
author-lesson-heading = Leçon : { $title }
author-lesson-preview-only = Aperçu seulement : pas encore enregistré.
# Follows the reason why the text could not be saved.
author-lesson-text-kept = Votre texte est conservé ci-dessous : copiez-le avant de recharger la page.
author-lesson-legend = Leçon
# Same as English: the same word (or name, or abbreviation) in this language.
author-field-minutes = Minutes
author-field-required = Requise pour l'achèvement
author-field-text = Texte (Markdown)
author-preview = Aperçu
author-save = Enregistrer
author-files = Fichiers
# After an attached file's name; { $type } is its file type (e.g. application/pdf),
# { $size } its size in kilobytes. Its address follows.
author-attachment-details = ({ $type }, { $size } Ko) : les apprenants le voient sous la leçon. Son adresse après publication :
# Button; screen readers hear the file name after it.
author-attachment-remove = Retirer
author-no-files = Aucun fichier joint.
author-attach-label = Joindre un PDF ou une image (PNG, JPEG, GIF, WebP ; 10 Mo au plus)
author-attach = Joindre

## The question-bank editor

# { $module } is the module's title.
author-quiz-heading = Évaluation de « { $module } »
author-quiz-explained = Rédigez la banque de questions au format GIFT de Moodle (ou collez un export GIFT). L'enregistrement vérifie chaque question ; une banque vide supprime l'évaluation.
author-field-pass-mark = Seuil de réussite (%)
author-field-questions-per-attempt = Questions par tentative
author-field-attempts = Tentatives autorisées (vide : illimitées)
author-field-time-limit = Durée limite en minutes (vide : aucune)
author-field-gift = Banque de questions (GIFT)
author-save-assessment = Enregistrer l'évaluation

## The version history

author-history-heading = Historique des versions : { $slug }
# Same as English: the same word (or name, or abbreviation) in this language.
author-version = Version { $number }
# { $date } is a date, { $publisher } the name of the person who published.
author-published-by = Publiée par { $publisher } le { $date }
author-published-from-files = Publiée par l'import des fichiers de cours le { $date }
author-published = Publiée le { $date }
author-requires-retraining = exige une nouvelle formation
# Followed by the author's change note.
author-change-note-why = Pourquoi :
author-no-versions = Aucune version n'a encore été publiée.

## What changed between two versions. { $old } and { $new } are the values
## before and after; { $module } and { $lesson } are titles.

author-change-first-version = Première version
author-change-title = Titre : « { $old } » → « { $new } »
author-change-summary = Résumé : « { $old } » → « { $new } »
author-change-description = Description modifiée
author-change-audience = Public : « { $old } » → « { $new } »
author-change-level = Niveau : « { $old } » → « { $new } »
author-change-language = Langue : « { $old } » → « { $new } »
author-change-credits = Crédits : « { $old } » → « { $new } »
# A course without credits, as a value of author-change-credits.
author-change-credits-none = aucun
author-change-tags = Thèmes : « { $old } » → « { $new } »
author-change-prerequisites = Prérequis : « { $old } » → « { $new } »
author-change-certificate = Certificat : « { $old } » → « { $new } »
# Values of author-change-certificate.
author-change-certificate-none = pas de certificat
author-change-certificate-no-expiry = certificat sans expiration
author-change-certificate-months = certificat valable { $months } mois
author-change-enrolment = Inscription : « { $old } » → « { $new } »
author-change-module-added = Module « { $module } » ajouté avec { $count ->
        [one] { $count } leçon
       *[other] { $count } leçons
    }
author-change-module-removed = Module « { $module } » supprimé
author-change-modules-reordered = Modules réordonnés
author-change-module-title = Module « { $module } » : titre : « { $old } » → « { $new } »
author-change-module-summary = Module « { $module } » : résumé : « { $old } » → « { $new } »
author-change-assessment-added = Module « { $module } » : évaluation ajoutée
author-change-assessment-removed = Module « { $module } » : évaluation supprimée
author-change-assessment-settings = Module « { $module } » : paramètres de l'évaluation modifiés
author-change-question-bank = Module « { $module } » : banque de questions modifiée
author-change-lesson-added = Module « { $module } » : leçon « { $lesson } » ajoutée
author-change-lesson-removed = Module « { $module } » : leçon « { $lesson } » supprimée
author-change-lessons-reordered = Module « { $module } » : leçons réordonnées
author-change-lesson-title = Module « { $module } », leçon « { $lesson } » : titre : « { $old } » → « { $new } »
author-change-lesson-minutes = Module « { $module } », leçon « { $lesson } » : minutes : « { $old } » → « { $new } »
author-change-lesson-now-required = Module « { $module } », leçon « { $lesson } » : désormais requise
author-change-lesson-now-optional = Module « { $module } », leçon « { $lesson } » : désormais facultative
author-change-lesson-text = Module « { $module } », leçon « { $lesson } » : texte modifié
