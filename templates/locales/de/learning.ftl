# The public and learner pages: home, catalogue, course and lesson pages,
# the network and its Centres of Excellence, programmes, signing in and
# the profile. Course titles, lesson titles, CoE names and people's names
# come in as variables and are never translated.

## Course cards (home, catalogue, CoE pages) and the facts of a course

card-for = Für
card-level = Niveau
card-study-time = Lernzeit
card-credits = Leistungspunkte
# A study time: { $hours } whole hours and { $minutes } minutes left over
# (0–59). "h" and "min" are the usual abbreviations.
card-duration = { $hours ->
    [0] { $minutes } Min.
   *[other] { $minutes ->
        [0] { $hours } Std.
       *[other] { $hours } Std. { $minutes } Min.
    }
 }
# A course's credits: { $amount } is a number (may have decimals, e.g. 1.5);
# { $unit } is "ects", "cpd_hours" or empty.
card-credits-amount = { $unit ->
    [ects] { $amount } ECTS
    [cpd_hours] { $amount } CPD-Stunden
   *[other] { $amount } Leistungspunkte
 }

## Syllabus (course page, lesson page)

# A module heading: its number and its title (in the course's language).
syllabus-module = Modul { $position }: { $title }
# After a lesson's title in the syllabus.
syllabus-lesson-minutes = ({ $minutes } Min.)
syllabus-lesson-minutes-optional = ({ $minutes } Min., optional)
# Followed by the title of the module's assessment.
syllabus-assessment = Prüfung:

## Home page

home-heading = Lernen Sie neuartige Therapien mit Europas Exzellenzzentren
home-lead = Gemeinsame Kurse zu Gentherapien, Zelltherapien und biotechnologisch bearbeiteten Gewebeprodukten – für Wissenschaftlerinnen und Wissenschaftler, klinisches Personal und GMP-Personal im gesamten Netzwerk, dazu offene Kurse für Patientinnen, Patienten und die Öffentlichkeit.
home-search-label = { $count ->
    [one] { $count } Kurs durchsuchen
   *[other] { $count } Kurse durchsuchen
 }
home-search-placeholder = z. B. Reinraumklassen, CAR-T, Krankenhausausnahme
home-search-button = Suchen
# Heading above the list of audiences (Public & patients, Scientists, …).
home-courses-for = Kurse für
home-courses = Kurse
home-all-courses = { $count ->
    [one] Der einzige Kurs im Katalog
   *[other] Alle { $count } Kurse im Katalog
 }
home-all-coes = { $count ->
    [one] Das Exzellenzzentrum dahinter
   *[other] Die { $count } Exzellenzzentren dahinter
 }

## Course catalogue

catalogue-heading = Kurskatalog
catalogue-filters = Kurse suchen und filtern
catalogue-search = Suche
catalogue-audience = Zielgruppe
catalogue-any-audience = Alle Zielgruppen
catalogue-coe = Exzellenzzentrum
catalogue-any-coe = Alle Exzellenzzentren
catalogue-topic = Thema
catalogue-any-topic = Alle Themen
catalogue-level = Niveau
catalogue-any-level = Alle Niveaus
catalogue-language = Sprache
catalogue-any-language = Alle Sprachen
catalogue-show-courses = Kurse anzeigen
catalogue-clear-filters = Filter zurücksetzen
# The results heading, e.g. "Showing 11–20 of 34 courses".
catalogue-showing = { $total ->
    [one] { $first }–{ $last } von { $total } Kurs
   *[other] { $first }–{ $last } von { $total } Kursen
 }
catalogue-no-match = Keine passenden Kurse
catalogue-no-match-hint = Versuchen Sie es mit weniger Wörtern oder einer anderen Schreibweise.
catalogue-clear-the-filters = Filter zurücksetzen
catalogue-pages = Ergebnisseiten
catalogue-previous-page = Vorherige Seite
catalogue-next-page = Nächste Seite
catalogue-page-of = Seite { $page } von { $pages }

## Course page

course-breadcrumb = Brotkrümelnavigation
course-breadcrumb-courses = Kurse
course-archived = Dieser Kurs wurde archiviert: Er steht neuen Lernenden nicht mehr offen.
course-about = Über diesen Kurs
course-before-you-start = Bevor Sie beginnen
# Followed by a list of the courses this one builds on.
course-builds-on = Dieser Kurs baut auf folgenden Kursen auf:
course-syllabus = Lehrplan
course-lessons-public = Alle können diese Lektionen lesen, auch ohne Konto.
course-lessons-sign-in = Melden Sie sich mit dem Konto Ihrer Einrichtung oder über einen E-Mail-Link an, um die Lektionen zu bearbeiten.
course-your-place = Ihr Platz
# { $version } is the number of the course version the learner is enrolled in.
course-enrolled-version = Sie sind eingeschrieben (Version { $version }).
course-progress = Fortschritt
# A button; { $lesson } is the title of the next lesson.
course-continue-lesson = Weiter: { $lesson }
course-start-lesson = Beginnen: { $lesson }
# { $assessments } is a comma-separated list of assessment titles.
course-still-to-pass = Noch zu bestehen: { $assessments }.
course-withdraw = Vom Kurs abmelden
course-pending = Ihre Anfrage für einen Platz wartet auf die Entscheidung der Koordination. Sie erhalten eine E-Mail.
course-withdraw-request = Anfrage zurückziehen
course-completed = Sie haben diesen Kurs abgeschlossen.
course-completed-on = Sie haben diesen Kurs am { $date } abgeschlossen.
course-withdrawn = Sie haben sich von diesem Kurs abgemeldet.
course-declined = Ihre letzte Anfrage für einen Platz wurde abgelehnt.
course-enrol-again = Erneut einschreiben
course-ask-for-place = Um einen Platz bitten
course-enrol = Einschreiben
course-sign-in-to-enrol = Anmelden, um sich einzuschreiben
course-at-a-glance = Auf einen Blick
course-fact-offered-by = Angeboten von
course-fact-language = Sprache
# { $duration } is a study time such as "2 h 15 min".
course-study-time = { $count ->
    [one] { $duration } in { $count } Lektion
   *[other] { $duration } in { $count } Lektionen
 }
course-fact-certificate = Zertifikat
course-certificate-yes = Ja
course-certificate-no = Nein
course-certificate-valid = { $months ->
    [one] Ja, { $months } Monat gültig
   *[other] Ja, { $months } Monate gültig
 }
course-fact-enrolment = Einschreibung
# Same as English: the same word (or name, or abbreviation) in this language.
course-fact-version = Version
# { $version } is a version number, { $date } a date.
course-version-published = { $version }, veröffentlicht am { $date }
course-sessions = Praxistermine
course-session-seats = { $seats ->
    [one] { $left } von { $seats } Platz frei
   *[other] { $left } von { $seats } Plätzen frei
 }
course-session-booked = Sie sind angemeldet.
course-session-waitlisted = Sie stehen auf der Warteliste.
course-session-give-up = Meinen Platz freigeben
course-session-book = Platz buchen
course-session-join-waitlist = Auf die Warteliste setzen
course-topics = Themen

## Lesson page and the page asking to sign in or enrol

# The browser tab of a lesson a visitor may not read; { $course } is its title.
lesson-title-sign-in-to-study = Anmelden, um { $course } zu bearbeiten
lesson-title-enrol-to-study = Einschreiben, um { $course } zu bearbeiten
lesson-minutes = { $minutes ->
    [one] Etwa { $minutes } Minute
   *[other] Etwa { $minutes } Minuten
 }
lesson-position = Lektion { $position } von { $count }
# Same as English: the same word (or name, or abbreviation) in this language.
lesson-optional = optional
# { $document } is a document id such as SOP-QA-012, { $version } its version.
lesson-controlled-document = Gelenktes Dokument { $document }, Version { $version }
# { $name } is the signer's name, { $moment } a date and time.
lesson-signed = Als gelesen und verstanden unterschrieben von { $name } am { $moment } (Version { $version }).
lesson-signature-code = Der Code aus der E-Mail, die wir Ihnen gesendet haben
lesson-signature-statement = Mit Ihrer Unterschrift bestätigen Sie, dass Sie Version { $version } dieses Dokuments gelesen und verstanden haben. Ihr Name, die Uhrzeit und die Version werden aufgezeichnet.
lesson-sign = Unterschreiben: gelesen und verstanden
lesson-signature-explained = Wenn Sie das Dokument gelesen haben, unterschreiben Sie es als gelesen und verstanden. Wir senden Ihnen per E-Mail einen Einmalcode, um zu bestätigen, dass Sie es sind.
lesson-email-code = Code zum Unterschreiben per E-Mail senden
# A link to the sign-in page.
lesson-sign-in-to-sign = Anmelden, um dieses Dokument zu unterschreiben
lesson-files = Dateien
# After a file's name; { $size } is in kilobytes.
# Same as English: the same word (or name, or abbreviation) in this language.
lesson-file-size = ({ $size } KB)
lesson-file-image-size = (Bild, { $size } KB)
lesson-completed = Sie haben diese Lektion abgeschlossen.
lesson-mark-complete = Als abgeschlossen markieren
lesson-mark-complete-continue = Als abgeschlossen markieren und weiter
lesson-pager = Lektionen
lesson-back-to-course = Zurück zum Kurs
lesson-enrol-to-study = Schreiben Sie sich ein, um diese Lektion zu bearbeiten
lesson-for-enrolled-learners = Die Lektionen von { $course } sind für die in den Kurs eingeschriebenen Lernenden bestimmt.
lesson-go-to-course-to-enrol = Zum Kurs, um sich einzuschreiben
lesson-sign-in-to-study = Melden Sie sich an, um diese Lektion zu bearbeiten
lesson-for-signed-in-learners = Die Lektionen von { $course } sind für angemeldete Lernende des Netzwerks bestimmt. Für die Lektionen der offenen Kurse für die Öffentlichkeit sowie Patientinnen und Patienten ist kein Konto nötig.
lesson-sign-in-to-continue = Anmelden und weiter
lesson-what-course-covers = Was dieser Kurs behandelt
lesson-back-to-course-page = Zurück zur Kursseite

## The network and one Centre of Excellence

network-heading = Die Exzellenzzentren des Netzwerks
network-lead = Jedes Exzellenzzentrum bringt eigene Expertise und Einrichtungen ein und lehrt, was es am besten kann.
# Same as English: the same word (or name, or abbreviation) in this language.
network-expertise = Expertise
coe-breadcrumb-network = Das Netzwerk
coe-facilities = Einrichtungen
coe-no-facilities = Es sind noch keine Einrichtungen aufgeführt.
coe-courses = Kurse
coe-no-courses = Dieses Zentrum bietet noch keine Kurse an.
# Kinds of facility, shown after a facility's name.
coe-facility-gmp_suite = GMP-Herstellungsbereich
coe-facility-vector_core = Einrichtung für virale Vektoren
coe-facility-clinical_trial_unit = Einheit für klinische Prüfungen
coe-facility-laboratory = Labor
coe-facility-training_centre = Schulungszentrum
coe-facility-other = Sonstige Einrichtung

## Programmes

programme-list-heading = Programme
programme-list-intro = Curricula, die Kurse mehrerer Exzellenzzentren verbinden. Wer alle Pflichtkurse (oder einen als gleichwertig anerkannten Kurs) und die verlangten Wahlkurse abschließt, erhält ein Programmzertifikat.
# { $credits } is a sum such as "3.5 ECTS + 8 CPD hours".
programme-list-required-credits = Pflichtkurse: { $credits }
programme-list-none = Es wird noch kein Programm angeboten.
programme-required-credits = Die Pflichtkurse umfassen { $credits }.
programme-completed-on = Abgeschlossen am { $date }.
# A link to the certificates page, after "Completed on …".
programme-certificate-link = Ihr Programmzertifikat ansehen
# The caption of the table of a programme's courses.
programme-courses = Kurse
programme-courses-electives = { $count ->
    [one] Kurse ({ $count } Wahlkurs erforderlich)
   *[other] Kurse ({ $count } Wahlkurse erforderlich)
 }
programme-column-course = Kurs
programme-column-offered-by = Angeboten von
programme-column-track = Art
programme-column-credits = Leistungspunkte
# The column with the signed-in person's progress.
programme-column-you = Ihr Stand
programme-track-required = Pflicht
programme-track-elective = Wahl
programme-done = Erledigt
# { $course } is the short name (slug) of the equivalent course.
programme-done-through = Erledigt (durch den gleichwertigen Kurs { $course })
programme-not-yet = Noch nicht
programme-enrol-explained = Mit der Einschreibung werden Sie in die Pflichtkurse eingeschrieben, die Sie noch nicht abgeschlossen haben, soweit der jeweilige Kurs es zulässt (manche erfordern die Zustimmung der Koordination).
programme-enrol = In dieses Programm einschreiben
programme-enrolled = Sie sind eingeschrieben; Ihr Fortschritt ist oben zu sehen.
# A link to the sign-in page.
programme-sign-in-to-enrol = Anmelden, um sich einzuschreiben und Ihren Fortschritt zu verfolgen

## Signing in

login-heading = Anmelden
login-institution-heading = Über Ihre Einrichtung
login-institution-intro = Verwenden Sie das Konto Ihrer Universität, Ihres Krankenhauses oder Ihres Unternehmens.
login-find-institution = Ihre Einrichtung finden
login-find = Finden
# After an institution's name; { $provider } is the sign-in service.
login-via = über { $provider }
login-no-institution-matches = Keine Einrichtung gefunden. Versuchen Sie einen anderen Namen oder melden Sie sich über einen E-Mail-Link an.
login-no-institutions = Noch keine Einrichtung hat eine institutionelle Anmeldung eingerichtet: Verwenden Sie einen E-Mail-Link.
login-choose-service = Oder wählen Sie einen Anmeldedienst
login-email-heading = Über einen E-Mail-Link
login-email-intro = Für Patientinnen und Patienten, die Öffentlichkeit und alle ohne institutionelles Konto. Wir senden Ihnen einen Link per E-Mail, der Sie anmeldet; kein Passwort nötig.
login-email-address = E-Mail-Adresse
login-email-send = Anmeldelink per E-Mail senden
login-check-email-heading = Prüfen Sie Ihre E-Mails
login-check-email-sent = { $minutes ->
    [one] Wenn die eingegebene Adresse E-Mails empfangen kann, ist ein Anmeldelink unterwegs. Er funktioniert einmal, { $minutes } Minute lang, in diesem Browser.
   *[other] Wenn die eingegebene Adresse E-Mails empfangen kann, ist ein Anmeldelink unterwegs. Er funktioniert einmal, { $minutes } Minuten lang, in diesem Browser.
 }
login-check-email-nothing-arrived = Nichts angekommen? Sehen Sie in Ihrem Spam-Ordner nach.
login-check-email-another-link = Einen neuen Link anfordern
login-confirm-heading = Bei der ATMP Academy anmelden
login-confirm-intro = Sie sind einem Anmeldelink gefolgt. Klicken Sie auf die Schaltfläche, um die Anmeldung abzuschließen.
login-confirm-button = Anmelden

## Profile

profile-heading = Ihr Profil
profile-deletion-requested = Sie haben am { $date } die Löschung Ihres Kontos beantragt. Eine Administratorin oder ein Administrator löscht es, nachdem geprüft wurde, welche Schulungsnachweise aufbewahrt werden müssen.
# Same as English: the same word (or name, or abbreviation) in this language.
profile-name = Name
profile-email = E-Mail
profile-institution = Heimateinrichtung
profile-no-institution = Keine erfasst
profile-language = Sprache
# The interface language when the person has not chosen one.
profile-language-browser = Wie mein Browser es vorgibt
profile-member-since = Mitglied seit
profile-sign-in-services = Anmeldedienste
profile-email-link = E-Mail-Link
profile-language-heading = Sprache der Website
profile-language-explained = Menüs, Schaltflächen und die E-Mails, die wir Ihnen senden, verwenden diese Sprache. Kurse bleiben in der Sprache, in der sie geschrieben wurden.
profile-language-label = Website anzeigen auf
profile-language-save = Sprache speichern
profile-roles = Rollen
# After a role held for one course; { $course } is the course's id.
profile-role-course = Kurs { $course }
profile-your-data = Ihre Daten
profile-download-data = Alle Ihre Daten herunterladen (JSON)
profile-deletion-explained = Sie können die Löschung Ihres Kontos beantragen. Schulungsnachweise, die wir nach den Vorschriften aufbewahren müssen, werden für ihre Aufbewahrungsfrist behalten.
profile-deletion-button = Löschung meines Kontos beantragen
