# Assessments: the overview of a module's assessment, an attempt and its
# result, the essay review queue, the GIFT check and regrading.

## The assessment overview (pages/assessment)

assessment-breadcrumb = Brotkrumennavigation
assessment-back-to-course = Zurück zum Kurs
assessment-questions = Fragen
# { $count } questions are drawn from the module's question bank.
assessment-questions-drawn = { $count }, für jeden Versuch zufällig ausgewählt
assessment-pass-mark = Bestehensgrenze
# A percentage, e.g. a pass mark or a score: "60%".
assessment-percent = { $percent } %
assessment-attempts = Versuche
# The number of attempts allowed in total, and how many are left.
assessment-attempts-limited-left = { $total } insgesamt, { $left } übrig
assessment-attempts-limited = { $total } insgesamt
assessment-attempts-unlimited = Unbegrenzt
assessment-time-limit = Zeitlimit
assessment-time-limit-minutes = { $minutes ->
        [one] { $minutes } Minute, vom Server ab dem Beginn Ihres Versuchs gemessen
       *[other] { $minutes } Minuten, vom Server ab dem Beginn Ihres Versuchs gemessen
    }
assessment-time-limit-none = Keines
assessment-passed-note = Sie haben diese Prüfung bestanden.
assessment-continue = Versuch fortsetzen
assessment-start = Versuch beginnen
assessment-no-attempts-left = Sie haben alle Ihre Versuche aufgebraucht.
assessment-your-attempts = Ihre Versuche
assessment-column-attempt = Versuch
assessment-column-status = Bearbeitungsstand
assessment-column-score = Ergebnis
assessment-column-result = Bewertung
assessment-attempt-number = Versuch { $number }
assessment-status-in-progress = In Bearbeitung
assessment-status-awaiting-review = Wartet auf eine Lehrkraft
assessment-status-graded = Bewertet
assessment-result-passed = Bestanden
assessment-result-not-passed = Nicht bestanden

## An attempt and its result (pages/attempt)

# The browser tab: the assessment's title and the attempt's number.
attempt-title = { $title } – Versuch { $number }
attempt-heading = { $title }: Versuch { $number }
attempt-time-up = Die Zeit ist abgelaufen: Reichen Sie den Versuch ein, um Ihr Ergebnis zu sehen. Antworten, die nach Ablauf des Zeitlimits gegeben werden, zählen nicht.
# { $deadline } is a date and time, e.g. "5 June 2026, 14:30:00 UTC".
attempt-time-left = { $minutes ->
        [one] Noch etwa { $minutes } Minute (der Server schließt den Versuch am { $deadline }).
       *[other] Noch etwa { $minutes } Minuten (der Server schließt den Versuch am { $deadline }).
    }
attempt-question = Frage { $number }
attempt-choose-all = Wählen Sie alle zutreffenden Antworten.
attempt-true = Wahr
attempt-false = Falsch
attempt-your-answer = Ihre Antwort
attempt-your-answer-number = Ihre Antwort (eine Zahl)
# The empty first choice of a drop-down list.
attempt-choose = Bitte wählen…
attempt-question-of = Frage { $current } von { $total }
attempt-save-and-go-back = Speichern und zurück
attempt-save-and-continue = Speichern und weiter
attempt-submit = Zur Bewertung einreichen
attempt-save = Meine Antworten speichern
attempt-submitted-awaiting-review = Eingereicht. Eine Lehrkraft muss einen Teil noch bewerten; Ihr Ergebnis folgt.
# Followed by the score in bold, e.g. "Your score: 80%".
attempt-your-score = Ihr Ergebnis:
attempt-pass-mark = (Bestehensgrenze { $percent } %).
attempt-passed = Sie haben bestanden.
attempt-not-passed = Sie haben diesmal nicht bestanden.
# After "Question 3 — ": the share of the question's marks earned, e.g. "50%".
attempt-question-marks = { $marks } der Punkte dieser Frage
attempt-question-awaiting-review = wartet auf eine Lehrkraft
# Followed by the learner's answer.
attempt-your-answer-was = Ihre Antwort:
# Followed by the instructor's comment on an essay.
attempt-instructor-comment = Ihre Lehrkraft:
# Followed by the right answer (True, False, a range, or text from the course).
attempt-correct-answer = Richtige Antwort:
# The right answer of a numeric question: any number in a range.
attempt-answer-range = zwischen { $min } und { $max }
attempt-back-to-assessment = Zurück zur Prüfung

## Essays to grade (pages/review)

review-heading = Zu bewertende Freitextantworten
review-submitted-on = Eingereicht am { $date }
# Followed by the question's text.
review-question = Frage:
review-mark = Bewertung (0–100 %)
review-comment = Kommentar für die Lernenden
review-save-grade = Bewertung speichern
review-nothing-waiting = Keine Freitextantwort wartet auf Sie.

## Checking a GIFT question bank (pages/review, pages/gift_check)
# GIFT is the name of a file format for question banks (from Moodle): keep it.

gift-check-heading = GIFT-Fragenpool prüfen
gift-check-intro = Laden Sie eine GIFT-Datei hoch, um ihre Fragen oder die Zeile des ersten Problems zu sehen.
# Followed by the address pattern of a module's question bank.
gift-check-download = Der Fragenpool eines Moduls kann hier heruntergeladen werden:
# { $folder } is the name of a folder, "courses/".
gift-check-managed = Die Fragenpools von Kursen, die über { $folder } verwaltet werden, ändern sich über diese Dateien.
gift-check-file = GIFT-Datei
gift-check-submit = Prüfen
gift-check-result-heading = GIFT-Prüfung
gift-check-not-utf8 = Die Datei ist kein UTF-8-Text: Speichern Sie sie als UTF-8.
# Followed by the problem, described in English.
gift-check-problem-on-line = Die Datei hat ein Problem in Zeile { $line }:
gift-check-caption = Fragen in der Datei
gift-check-column-line = Zeile
gift-check-column-type = Typ
gift-check-column-question = Frage
# The kind of a question in a GIFT file.
gift-check-type = { $type ->
        [description] Beschreibung
        [essay] Freitext
        [true_false] Wahr/Falsch
        [single_choice] Einfachauswahl
        [multiple_choice] Mehrfachauswahl
        [short_answer] Kurzantwort
        [matching] Zuordnung
        [numeric] Numerisch
       *[other] Anderer Typ ({ $type })
    }
gift-check-back = Zurück

## Regrading after a question is fixed (pages/review, pages/regrade)

regrade-form-heading = Nach der Korrektur einer Frage neu bewerten
regrade-form-intro = Nachdem eine korrigierte Frage in einer neuen Version des Kurses veröffentlicht wurde, werden die bereits gegebenen Antworten mit der korrigierten Frage bewertet (zugeordnet über ihren Titel). Die Bewertungen von Freitextantworten durch Lehrkräfte bleiben erhalten. Jede geänderte Bewertung wird mit Ihrer Begründung protokolliert.
# A course's slug is the short name in its address, e.g. "cleanroom-basics".
regrade-course = Kurs (Kurzname)
regrade-module = Modul (Kurzname)
regrade-reason = Begründung
regrade-submit = Neu bewerten
regrade-heading = Neubewertung: { $course } / { $module }
regrade-report = { $answers ->
        [one] { $answers } Antwort
       *[other] { $answers } Antworten
    } in { $attempts ->
        [one] { $attempts } Versuch
       *[other] { $attempts } Versuchen
    } neu bewertet.
regrade-unmatched = { $count ->
        [one] { $count } Antwort konnte keiner Frage der aktuellen Version zugeordnet werden (die Fragen brauchen denselben Titel).
       *[other] { $count } Antworten konnten keiner Frage der aktuellen Version zugeordnet werden (die Fragen brauchen denselben Titel).
    }
regrade-back = Zurück zur Bewertung
