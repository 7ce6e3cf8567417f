# Assessments: the overview of a module's assessment, an attempt and its
# result, the essay review queue, the GIFT check and regrading.

## The assessment overview (pages/assessment)

assessment-breadcrumb = Fil d’Ariane
assessment-back-to-course = Retour au cours
assessment-questions = Nombre de questions
# { $count } questions are drawn from the module's question bank.
assessment-questions-drawn = { $count }, tirées au hasard pour chaque tentative
assessment-pass-mark = Seuil de réussite
# A percentage, e.g. a pass mark or a score: "60%".
assessment-percent = { $percent } %
assessment-attempts = Tentatives
# The number of attempts allowed in total, and how many are left.
assessment-attempts-limited-left = { $total } au total, { $left ->
        [one] { $left } restante
       *[other] { $left } restantes
    }
assessment-attempts-limited = { $total } au total
assessment-attempts-unlimited = Illimitées
assessment-time-limit = Limite de temps
assessment-time-limit-minutes = { $minutes ->
        [one] { $minutes } minute, décomptée par le serveur à partir du moment où vous commencez
       *[other] { $minutes } minutes, décomptées par le serveur à partir du moment où vous commencez
    }
assessment-time-limit-none = Aucune
assessment-passed-note = Vous avez réussi cette évaluation.
assessment-continue = Poursuivre votre tentative
assessment-start = Commencer une tentative
assessment-no-attempts-left = Vous avez utilisé toutes vos tentatives.
assessment-your-attempts = Vos tentatives
assessment-column-attempt = Tentative
assessment-column-status = Statut
assessment-column-score = Note obtenue
assessment-column-result = Résultat
assessment-attempt-number = Tentative { $number }
assessment-status-in-progress = En cours
assessment-status-awaiting-review = En attente d’un formateur
assessment-status-graded = Notée
assessment-result-passed = Réussie
assessment-result-not-passed = Non réussie

## An attempt and its result (pages/attempt)

# The browser tab: the assessment's title and the attempt's number.
attempt-title = { $title } — tentative { $number }
attempt-heading = { $title } : tentative { $number }
attempt-time-up = Le temps est écoulé : soumettez la tentative pour voir votre résultat. Les réponses données après la limite de temps ne sont pas comptées.
# { $deadline } is a date and time, e.g. "5 June 2026, 14:30:00 UTC".
attempt-time-left = { $minutes ->
        [one] Environ { $minutes } minute restante (le serveur clôt la tentative le { $deadline }).
       *[other] Environ { $minutes } minutes restantes (le serveur clôt la tentative le { $deadline }).
    }
attempt-question = Question n° { $number }
attempt-choose-all = Choisissez toutes les réponses qui conviennent.
attempt-true = Vrai
attempt-false = Faux
attempt-your-answer = Votre réponse
attempt-your-answer-number = Votre réponse (un nombre)
# The empty first choice of a drop-down list.
attempt-choose = Choisir…
attempt-question-of = Question { $current } sur { $total }
attempt-save-and-go-back = Enregistrer et revenir
attempt-save-and-continue = Enregistrer et continuer
attempt-submit = Soumettre pour notation
attempt-save = Enregistrer mes réponses
attempt-submitted-awaiting-review = Soumise. Un formateur doit encore en noter une partie ; votre résultat suivra.
# Followed by the score in bold, e.g. "Your score: 80%".
attempt-your-score = Votre score :
attempt-pass-mark = (seuil de réussite { $percent } %).
attempt-passed = Vous avez réussi.
attempt-not-passed = Vous n’avez pas réussi cette fois.
# After "Question 3 — ": the share of the question's marks earned, e.g. "50%".
attempt-question-marks = { $marks } des points de la question
attempt-question-awaiting-review = en attente d’un formateur
# Followed by the learner's answer.
attempt-your-answer-was = Votre réponse :
# Followed by the instructor's comment on an essay.
attempt-instructor-comment = Votre formateur :
# Followed by the right answer (True, False, a range, or text from the course).
attempt-correct-answer = Bonne réponse :
# The right answer of a numeric question: any number in a range.
attempt-answer-range = entre { $min } et { $max }
attempt-back-to-assessment = Retour à l’évaluation

## Essays to grade (pages/review)

review-heading = Rédactions à noter
review-submitted-on = Soumise le { $date }
# Followed by the question's text.
review-question = Question :
review-mark = Note (0–100 %)
review-comment = Commentaire pour l’apprenant
review-save-grade = Enregistrer la note
review-nothing-waiting = Aucune rédaction ne vous attend.

## Checking a GIFT question bank (pages/review, pages/gift_check)
# GIFT is the name of a file format for question banks (from Moodle): keep it.

gift-check-heading = Vérifier une banque de questions GIFT
gift-check-intro = Téléversez un fichier GIFT pour voir ses questions, ou la ligne du premier problème.
# Followed by the address pattern of a module's question bank.
gift-check-download = La banque d’un module peut être téléchargée à l’adresse :
# { $folder } is the name of a folder, "courses/".
gift-check-managed = Les banques des cours gérés depuis { $folder } se modifient par ces fichiers.
gift-check-file = Fichier GIFT
gift-check-submit = Vérifier
gift-check-result-heading = Vérification GIFT
gift-check-not-utf8 = Le fichier n’est pas du texte UTF-8 : enregistrez-le en UTF-8.
# Followed by the problem, described in English.
gift-check-problem-on-line = Le fichier présente un problème à la ligne { $line } :
gift-check-caption = Questions du fichier
gift-check-column-line = Ligne
gift-check-column-type = Type de question
gift-check-column-question = Intitulé
# The kind of a question in a GIFT file.
gift-check-type = { $type ->
        [description] Description
        [essay] Rédaction
        [true_false] Vrai/faux
        [single_choice] Choix unique
        [multiple_choice] Choix multiple
        [short_answer] Réponse courte
        [matching] Appariement
        [numeric] Numérique
       *[other] Autre type ({ $type })
    }
gift-check-back = Retour

## Regrading after a question is fixed (pages/review, pages/regrade)

regrade-form-heading = Renoter après la correction d’une question
regrade-form-intro = Après la publication d’une question corrigée dans une nouvelle version du cours, notez les réponses déjà données avec la question corrigée (retrouvée par son titre). Les notes attribuées par les formateurs aux rédactions sont conservées. Chaque note modifiée est enregistrée avec votre motif.
# A course's slug is the short name in its address, e.g. "cleanroom-basics".
regrade-course = Cours (identifiant court)
regrade-module = Module (identifiant court)
regrade-reason = Motif
regrade-submit = Renoter
regrade-heading = Renotation : { $course } / { $module }
regrade-report = { $answers ->
        [one] { $answers } réponse
       *[other] { $answers } réponses
    } dans { $attempts ->
        [one] { $attempts } tentative
       *[other] { $attempts } tentatives
    } { $answers ->
        [one] a reçu une nouvelle note.
       *[other] ont reçu une nouvelle note.
    }
regrade-unmatched = { $count ->
        [one] { $count } réponse n’a pu être rattachée à aucune question de la version actuelle (les questions doivent avoir le même titre).
       *[other] { $count } réponses n’ont pu être rattachées à aucune question de la version actuelle (les questions doivent avoir le même titre).
    }
regrade-back = Retour à la notation
