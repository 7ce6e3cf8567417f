# The page shell: header, navigation, footer, language switcher, error
# pages, page titles, and how dates are written.

# Same as English: the same word (or name, or abbreviation) in this language.
site-name = ATMP Academy
skip-to-main = Zum Hauptinhalt springen
nav-main = Hauptmenü
nav-courses = Kurse
nav-programmes = Kursprogramme
nav-network = Das Netzwerk
nav-my-learning = Mein Lernen
nav-certificates = Zertifikate
nav-authoring = Kurserstellung
nav-administration = Verwaltung
nav-profile = Ihr Profil: { $name }
sign-out = Abmelden
sign-in = Anmelden
footer-about = Die ATMP Academy ist die Lernplattform des europäischen Netzwerks der Exzellenzzentren für Arzneimittel für neuartige Therapien (ATMP): Gentherapien, Zelltherapien und biotechnologisch bearbeitete Gewebeprodukte.
footer-links = Links dieser Website
footer-coes = Exzellenzzentren
footer-catalogue = Kurskatalog
footer-verify = Zertifikat überprüfen
# Same as English: the same word (or name, or abbreviation) in this language.
footer-api = API (OpenAPI)
language-switcher = Sprache
language-switch-to = Diese Website auf { $language } anzeigen

# Error pages
error-heading-not-found = Seite nicht gefunden
error-heading-bad-request = Diese Anfrage konnte nicht verstanden werden
error-heading-unauthorized = Bitte melden Sie sich an
error-heading-forbidden = Sie haben keinen Zugriff auf diese Seite
error-heading-conflict = Das ist im Moment nicht möglich
error-heading-too-many-requests = Zu viele Anfragen
error-heading-unavailable = Der Dienst ist ausgelastet
error-heading-internal = Etwas ist schiefgelaufen
error-heading-other = Die Anfrage konnte nicht abgeschlossen werden
error-message-internal = Bei uns ist ein Fehler aufgetreten; er wurde protokolliert.
error-reference = Wenn Sie uns deswegen kontaktieren, nennen Sie bitte die Referenz { $reference }.
error-home = Zur Startseite
error-browse = Kurse durchsuchen

# Dates: { $day } and { $year } are numbers, { $month } one of month-1 … month-12.
date-long = { $day }. { $month } { $year }
date-moment = { $day }. { $month } { $year }, { $time } UTC
month-1 = Januar
month-2 = Februar
month-3 = März
# Same as English: the same word (or name, or abbreviation) in this language.
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
# Same as English: the same word (or name, or abbreviation) in this language.
month-8 = August
# Same as English: the same word (or name, or abbreviation) in this language.
month-9 = September
month-10 = Oktober
# Same as English: the same word (or name, or abbreviation) in this language.
month-11 = November
month-12 = Dezember

# Page titles (the browser tab)
# Same as English: the same word (or name, or abbreviation) in this language.
title-atmp-academy = ATMP Academy
title-audit-trail = Audit-Trail
title-authoring = Kurserstellung
title-certificates = Zertifikate
title-check-your-email = Prüfen Sie Ihre E-Mails
title-cohort-enrolment = Einschreibung einer Kohorte
title-course-catalogue = Kurskatalog
title-course-equivalences = Kursäquivalenzen
title-email-outbox = E-Mail-Postausgang
title-essays-to-grade = Zu bewertende Freitextantworten
title-gift-check = GIFT-Prüfung
title-identity-providers = Identitätsanbieter
title-lesson-preview = Lektionsvorschau
title-my-certificates = Meine Zertifikate
title-my-learning = Mein Lernen
title-not-saved = Nicht gespeichert
title-programmes = Kursprogramme
title-regrade = Neubewertung
title-sign-in = Anmelden
title-the-network = Das Netzwerk
title-training-matrix = Schulungsmatrix
title-verify-a-certificate = Zertifikat überprüfen
title-your-profile = Ihr Profil
