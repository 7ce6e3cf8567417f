# Enrolment: "My learning", the coordinators' page (requests, enrolled
# learners, cohort upload, hands-on sessions) and a session's bookings.

## My learning (pages/learning)

learning-heading = Mein Lernen
# Followed by a link to the certificates page.
learning-certificates-note = Ihre erworbenen Zertifikate finden Sie auf einer eigenen Seite:
learning-certificates-link = Meine Zertifikate
learning-version = Kursversion { $version }
learning-status-active = In Bearbeitung
learning-status-pending = Wartet auf Genehmigung
learning-status-completed = Abgeschlossen
learning-status-completed-on = Abgeschlossen am { $date }
learning-status-withdrawn = Abgemeldet
learning-status-declined = Anfrage abgelehnt
# After the status: the date the coordinator wants the course finished by.
learning-due = fällig am { $date }
learning-progress = Fortschritt
# How much of the course is done, e.g. "50%".
learning-percent = { $percent } %
# Followed by the title of the next lesson.
learning-next = Weiter:
learning-empty = Sie sind noch in keinen Kurs eingeschrieben.
learning-browse = Kurskatalog durchsuchen

## Coordinating a Centre of Excellence (pages/coordinate)

# The browser tab; { $coe } is the name of a Centre of Excellence.
coordinate-title = Koordination { $coe }
coordinate-heading = Koordination: { $coe }
coordinate-matrix-link = Schulungsmatrix
coordinate-reports-link = Berichte
coordinate-pending-heading = Anfragen für einen Platz
coordinate-pending-caption = Warten auf eine Entscheidung, älteste zuerst
coordinate-column-learner = Lernende/r
coordinate-column-course = Kurs
coordinate-column-asked-on = Angefragt am
coordinate-column-decision = Entscheidung
coordinate-decline-reason = Begründung (für eine Ablehnung erforderlich)
coordinate-approve = Genehmigen
coordinate-decline = Ablehnen
coordinate-no-pending = Keine Anfrage wartet.
coordinate-enrolled-heading = Eingeschriebene Lernende
coordinate-enrolled-caption = Aktive Einschreibungen, älteste zuerst
coordinate-column-withdraw = Abmelden
coordinate-withdraw-reason = Begründung (erforderlich)
coordinate-withdraw = Abmelden
coordinate-no-enrolled = Derzeit ist niemand in die Kurse dieses Exzellenzzentrums eingeschrieben.

## Enrolling a cohort from a CSV file (pages/coordinate, pages/cohort_result)
# The CSV header "email,name,institution" stays in English: the file must use it.

cohort-form-heading = Eine Kohorte einschreiben
# Followed by the header line, "email,name,institution".
cohort-form-header = Eine CSV-Datei (UTF-8) mit dieser Kopfzeile:
cohort-form-rules = Die Einrichtung (Name oder Kurzname) darf leer sein. Jede Zeile wird zuerst geprüft: Hat eine Zeile ein Problem, wird niemand eingeschrieben, und jedes Problem wird mit seiner Zeile aufgeführt.
cohort-form-course = Kurs
cohort-form-due = Fälligkeitsdatum (optional)
cohort-form-file = CSV-Datei
cohort-form-submit = Kohorte einschreiben
# { $course } is the course's slug (the short name in its address).
cohort-result-heading = Einschreibung einer Kohorte: { $course }
cohort-result-enrolled = { $enrolled ->
        [one] { $enrolled } Person eingeschrieben
       *[other] { $enrolled } Personen eingeschrieben
    } ({ $created ->
        [one] { $created } neues Konto
       *[other] { $created } neue Konten
    }).
# { $lines } lists line numbers of the file, e.g. "3, 7".
cohort-result-already-enrolled = { $count ->
        [one] Bereits eingeschrieben, unverändert gelassen: Zeile { $lines }.
       *[other] Bereits eingeschrieben, unverändert gelassen: Zeilen { $lines }.
    }
cohort-result-problems-caption = Zu korrigierende Zeilen (Zeile 1 ist die Kopfzeile)
cohort-result-column-line = Zeile
cohort-result-column-problem = Fehler
cohort-result-back = Zurück zur Koordination
cohort-rows-have-problems = { $count ->
        [one] { $count } Zeile hat ein Problem; niemand wurde eingeschrieben.
       *[other] { $count } Zeilen haben Probleme; niemand wurde eingeschrieben.
    }
# Problems with the whole file.
cohort-file-too-large = Die Datei ist größer als { $megabytes } MB: Teilen Sie die Kohorte auf mehrere Dateien auf.
cohort-file-not-utf8 = Die Datei ist kein UTF-8-Text (erstes ungültiges Byte an Position { $offset }): Speichern Sie sie als „CSV UTF-8“.
# { $error } is a technical description, in English.
cohort-file-header-unreadable = Die Kopfzeile kann nicht gelesen werden: { $error }.
cohort-file-wrong-header = Die erste Zeile muss die Kopfzeile email,name,institution sein (gefunden: { $found }).
cohort-file-too-many-rows = Die Datei hat mehr als { $rows } Zeilen: Teilen Sie sie auf.
cohort-file-no-learners = Die Datei hat eine Kopfzeile, aber keine Lernenden.
cohort-file-no-course = Es gibt keinen Kurs „{ $course }“.
cohort-file-account-race = Zeile { $line }: Das Konto für { $email } wurde zwischenzeitlich angelegt; versuchen Sie es erneut.
# Problems with one row (shown next to its line number).
cohort-problem-unreadable-row = die Zeile kann nicht gelesen werden: { $error }
cohort-problem-field-count = 3 Felder erwartet (email, name, institution), { $count } gefunden
cohort-problem-not-an-email = „{ $value }“ ist keine E-Mail-Adresse
cohort-problem-name-length = der Name muss 1 bis 200 Zeichen lang sein
cohort-problem-duplicate = { $email } steht bereits in Zeile { $first }
cohort-problem-unknown-institution = unbekannte Einrichtung „{ $institution }“ (verwenden Sie einen Namen oder Kurznamen aus der Liste des Netzwerks)
# { $reason } is the enrolment rules' reason, in English.
cohort-problem-not-enrolled = kann nicht eingeschrieben werden: { $reason }

## Hands-on sessions (pages/coordinate, pages/session)

session-form-heading = Eine Praxisschulung planen
session-form-course = Kurs
session-form-title = Titel
session-form-location = Ort (Einrichtung, Raum)
session-form-starts = Beginn (UTC)
session-form-ends = Ende (UTC)
session-form-seats = Plätze
session-form-submit = Planen
session-seats = { $count ->
        [one] { $count } Platz
       *[other] { $count } Plätze
    }
session-bookings-caption = Plätze, in der Reihenfolge der Anfragen
session-column-learner = Lernende/r
session-column-status = Buchungsstatus
session-column-attendance = Anwesenheit
session-booking-status = { $status ->
        [booked] gebucht
        [waitlisted] auf der Warteliste
        [attended] anwesend
        [absent] abwesend
       *[cancelled] storniert
    }
session-attended = Anwesend
session-absent = Abwesend
session-no-bookings = Noch niemand hat gebucht.
