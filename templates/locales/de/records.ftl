# GxP records: the audit trail, the training matrix (which role holders are
# qualified for their job roles) and the network reports.

## The audit trail

audit-heading = Audit-Trail
audit-explained = Jede Änderung an einem Schulungsnachweis oder an der Konfiguration, neueste zuerst. Einträge können nur angefügt werden und sind durch Hashes verkettet.
# Followed by the command that checks the chain (not translated).
audit-verify = Dieser Befehl prüft die Kette:
audit-filter-label = Audit-Trail filtern
audit-field-actor = Person (E-Mail enthält)
# The kind of record an entry is about (course, enrolment, certificate…).
audit-field-type = Datensatztyp
audit-field-id = Datensatz-ID
# The action's stored name, or its beginning (e.g. "certificate.").
audit-field-action = Aktion (oder ihr Anfang)
audit-field-from = Von (Datum)
audit-field-until = Bis (Datum, einschließlich)
audit-filter = Filtern
audit-export-csv = Als CSV exportieren
audit-caption = Einträge (neueste zuerst)
audit-column-when = Wann (UTC)
audit-column-who = Wer
audit-column-what = Was
audit-column-record = Datensatz
audit-column-old = Alter Wert
audit-column-new = Neuer Wert
audit-column-reason = Begründung
audit-older = Ältere Einträge
audit-none = Kein Eintrag entspricht den Filtern.

## The training matrix

matrix-heading = Schulungsmatrix
matrix-back = Zurück zur Koordination
matrix-export-csv = Als CSV exportieren
matrix-export-pdf = Als PDF exportieren
matrix-states-intro = Die Zustände eines erforderlichen Kurses:
# The states of a requirement, shown in the matrix and explained above it.
matrix-state-current = aktuell
matrix-state-due-soon = bald fällig
matrix-state-overdue = überfällig
matrix-state-expired = abgelaufen
# { $days } is a number of days (30).
matrix-state-current-means = gültig, mehr als { $days } Tage verbleibend
matrix-state-due-soon-means = läuft innerhalb von { $days } Tagen ab, oder neu zugewiesen und noch nicht absolviert
matrix-state-overdue-means = vor mehr als { $days } Tagen zugewiesen und nie absolviert
matrix-state-expired-means = das Zertifikat ist abgelaufen
matrix-equivalents-count = Zertifikate von als gleichwertig anerkannten Kursen zählen mit.
matrix-caption = Rolleninhaber und ihre erforderlichen Kurse, heute
# Same as English: the same word (or name, or abbreviation) in this language.
matrix-column-person = Person
matrix-column-role = Rolle
matrix-column-requirements = Anforderungen
matrix-column-qualified = Qualifiziert
# After a requirement's state: the certificate's code and the date it expires.
matrix-evidence-until = ({ $code }, gültig bis { $date })
matrix-qualified-yes = Ja
matrix-qualified-no = Nein
matrix-no-holders = Noch hat niemand eine Rolle.
matrix-roles = Rollen
matrix-no-roles = Noch keine Rollen.
matrix-new-role = Neue Rolle
matrix-field-title = Bezeichnung
matrix-field-courses = Erforderliche Kurse (Kurznamen, durch Kommas getrennt)
matrix-create-role = Rolle anlegen
matrix-assign-heading = Einer Person eine Rolle zuweisen
matrix-field-role = Rolle
matrix-field-email = E-Mail
matrix-assign = Zuweisen

## Reports

reports-heading-network = Berichte: das Netzwerk
# { $coe } is the name of a Centre of Excellence.
reports-heading-coe = Berichte: { $coe }
reports-export-csv = Die Monatszahlen als CSV exportieren
reports-total-learners = Eingeschriebene Lernende (insgesamt)
reports-total-valid-certificates = Gültige Zertifikate
reports-total-expiring = Laufen innerhalb von 90 Tagen ab
reports-total-outreach = Reichweite der Öffentlichkeitsarbeit (Lernende öffentlicher Kurse)
reports-chart-enrolments = Einschreibungen pro Monat
reports-chart-completions = Abschlüsse pro Monat
reports-chart-pass-rate = Bestehensquote der Prüfungen pro Monat (%)
reports-chart-certificates = Ausgestellte Zertifikate pro Monat
reports-chart-outreach = Einschreibungen in öffentliche Kurse pro Monat
# What a screen reader hears for one bar of a chart: { $month } is a month
# with its year (reports-month-year), { $value } a number (perhaps with %).
reports-chart-point = { $month }: { $value }
# A month and its year, e.g. "November 2026"; { $month } is one of month-1 … month-12.
reports-month-year = { $month } { $year }
# Short month names, written under a chart's bars (little room: at most 5 letters).
reports-month-short-1 = Jan.
reports-month-short-2 = Feb.
reports-month-short-3 = März
reports-month-short-4 = Apr.
reports-month-short-5 = Mai
reports-month-short-6 = Juni
reports-month-short-7 = Juli
reports-month-short-8 = Aug.
reports-month-short-9 = Sept.
reports-month-short-10 = Okt.
reports-month-short-11 = Nov.
reports-month-short-12 = Dez.
reports-months-caption = Die letzten zwölf Monate (UTC)
reports-column-month = Monat
reports-column-enrolments = Einschreibungen
reports-column-completions = Abschlüsse
reports-column-graded = Bewertete Versuche
reports-column-pass-rate = Bestehensquote
reports-column-certificates = Ausgestellte Zertifikate
reports-column-outreach = Einschreibungen in öffentliche Kurse
