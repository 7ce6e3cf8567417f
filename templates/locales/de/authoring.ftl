# Authoring: the course editor (list of courses, a draft's overview, the
# lesson and question-bank editors, the version history and its list of
# changes). "Draft": the next version of a course while it is being written.

author-heading = Kurserstellung
author-title-editing = Bearbeiten: { $title }
author-title-editing-lesson = Lektion bearbeiten: { $title }
# { $module } is the module's title.
author-title-assessment = Prüfung: { $module }
# { $slug } is the course's address name, e.g. gmp-basics.
author-title-history = Verlauf von { $slug }

## The list of courses

author-courses-caption = Kurse, die Sie bearbeiten oder prüfen können
author-column-course = Kurs
author-column-coe = Exzellenzzentrum
author-column-managed = Verwaltet
author-column-actions = Aktionen
# A course never published has no title yet; { $slug } is its address name.
author-course-unpublished = { $slug } (noch nicht veröffentlicht)
author-managed-files = über Kursdateien (hier nur lesbar)
author-managed-web = im Web-Editor
# Link to the editor; screen readers hear the course title after it.
author-edit = Bearbeiten
# Link to the version history; screen readers hear the course title after it.
author-history = Verlauf
author-no-courses = Sie haben keine Kurse zum Bearbeiten oder Prüfen. Lehrende und Koordinatoren eines Exzellenzzentrums sehen dessen Kurse hier.
author-new-course = Neuer Kurs
author-owning-coe = Zuständiges Exzellenzzentrum
author-field-slug = Adressname (optional; leer: aus dem Titel gebildet)
author-create-course = Kurs anlegen

## A draft's overview

author-course-heading = Bearbeiten: { $title }
# Same as English: the same word (or name, or abbreviation) in this language.
author-status-label = Status:
author-status-draft = Entwurf
author-status-in-review = In Prüfung
author-status-published = Veröffentlicht (kein offener Entwurf)
author-version-history = Versionsverlauf
author-start-explained = Um den Kurs zu ändern, beginnen Sie eine neue Version: einen Entwurf als Kopie der veröffentlichten Version, den Lernende erst sehen, wenn er geprüft und veröffentlicht ist.
author-start = Neue Version beginnen
# Followed by the reviewer's note.
author-sent-back = Von der Prüferin bzw. dem Prüfer zurückgegeben:
author-review = Prüfung
author-review-explained = Prüfen Sie den Entwurf unten und veröffentlichen Sie ihn dann als nächste Version, oder geben Sie ihn mit den nötigen Änderungen zurück. Bereits eingeschriebene Lernende behalten ihre Version.
author-approve = Freigeben und veröffentlichen
author-review-note = Was muss geändert werden?
author-send-back = An den Entwurf zurückgeben
author-waits-for-review = Dieser Entwurf wartet auf die Prüfung durch eine Lehrperson oder einen Koordinator des Exzellenzzentrums, die ihn nicht verfasst haben; bis dahin kann er nicht bearbeitet werden.
author-course-details = Kursangaben
author-details = Angaben
author-field-title = Titel
author-field-summary = Zusammenfassung
author-field-description = Beschreibung (Markdown)
author-field-audience = Zielgruppe
author-field-level = Niveau
author-field-language = Sprache (Code, z. B. de)
author-field-credits = Leistungspunkte (optional)
# The unit of the credits (ECTS or CPD hours).
author-field-credit-unit = Einheit
# No credit unit chosen.
author-credit-unit-none = keine
author-field-topics = Themen (durch Kommas getrennt)
author-field-certificate = Der Abschluss ergibt ein Zertifikat
author-field-validity = Zertifikat gültig für (Monate; leer: unbefristet)
author-field-enrolment = Einschreibung
author-enrolment-open = Offen
author-enrolment-approval = Nach Genehmigung
author-field-retraining = Diese Version erfordert eine Nachschulung (Inhaber von Zertifikaten früherer Versionen müssen sich neu qualifizieren)
author-field-change-note = Änderungsvermerk: was geändert wurde und warum
author-field-change-note-required = Änderungsvermerk: was geändert wurde und warum (für die Einreichung erforderlich)
author-save-details = Angaben speichern
author-modules-and-lessons = Module und Lektionen
author-module-title = Modultitel
# Label of the module's summary field, next to its title.
author-module-summary = Zusammenfassung
author-save-module = Modul speichern
# Buttons; screen readers hear the module's title after them.
author-module-up = Modul nach oben
author-module-down = Modul nach unten
author-module-delete = Modul löschen
# Link to the module's question bank; the assessment's title follows.
author-assessment = Prüfung
author-assessment-none = Prüfung (keine)
# After a lesson's title in the list of lessons.
author-lesson-minutes = ({ $minutes } Min.)
author-lesson-minutes-optional = ({ $minutes } Min., optional)
# Buttons that move or delete a lesson; screen readers hear its title after them.
author-lesson-up = Nach oben
author-lesson-down = Nach unten
author-lesson-delete = Löschen
author-new-lesson-title = Titel der neuen Lektion
author-add-lesson = Lektion hinzufügen
author-no-modules = Noch keine Module.
author-new-module-title = Titel des neuen Moduls
author-add-module = Modul hinzufügen
author-submit-heading = Zur Prüfung einreichen
author-submit-explained = Eine zweite Lehrperson oder ein Koordinator des Exzellenzzentrums prüft den Entwurf und veröffentlicht ihn.
author-submit = Zur Prüfung einreichen

## The lesson editor

author-back-to-draft = Zurück zum Entwurf
author-lesson-heading = Lektion: { $title }
author-lesson-preview-only = Nur Vorschau: noch nicht gespeichert.
# Follows the reason why the text could not be saved.
author-lesson-text-kept = Ihr Text ist unten erhalten: Kopieren Sie ihn, bevor Sie die Seite neu laden.
author-lesson-legend = Lektion
author-field-minutes = Minuten
author-field-required = Für den Abschluss erforderlich
# Same as English: the same word (or name, or abbreviation) in this language.
author-field-text = Text (Markdown)
author-preview = Vorschau
author-save = Speichern
author-files = Dateien
# After an attached file's name; { $type } is its file type (e.g. application/pdf),
# { $size } its size in kilobytes. Its address follows.
author-attachment-details = ({ $type }, { $size } KB): Lernende sehen die Datei unter der Lektion. Ihre Adresse nach der Veröffentlichung:
# Button; screen readers hear the file name after it.
author-attachment-remove = Entfernen
author-no-files = Keine Dateien angehängt.
author-attach-label = Eine PDF-Datei oder ein Bild anhängen (PNG, JPEG, GIF, WebP; höchstens 10 MB)
author-attach = Anhängen

## The question-bank editor

# { $module } is the module's title.
author-quiz-heading = Prüfung zu „{ $module }“
author-quiz-explained = Schreiben Sie den Fragenpool im GIFT-Format von Moodle (oder fügen Sie einen GIFT-Export ein). Beim Speichern wird jede Frage geprüft; ein leerer Fragenpool entfernt die Prüfung.
author-field-pass-mark = Bestehensgrenze (%)
author-field-questions-per-attempt = Fragen pro Versuch
author-field-attempts = Erlaubte Versuche (leer: unbegrenzt)
author-field-time-limit = Zeitlimit in Minuten (leer: keines)
author-field-gift = Fragenpool (GIFT)
author-save-assessment = Prüfung speichern

## The version history

author-history-heading = Versionsverlauf: { $slug }
# Same as English: the same word (or name, or abbreviation) in this language.
author-version = Version { $number }
# { $date } is a date, { $publisher } the name of the person who published.
author-published-by = Veröffentlicht von { $publisher } am { $date }
author-published-from-files = Veröffentlicht durch den Import der Kursdateien am { $date }
author-published = Veröffentlicht am { $date }
author-requires-retraining = erfordert Nachschulung
# Followed by the author's change note.
author-change-note-why = Warum:
author-no-versions = Es wurde noch keine Version veröffentlicht.

## What changed between two versions. { $old } and { $new } are the values
## before and after; { $module } and { $lesson } are titles.

author-change-first-version = Erste Version
author-change-title = Titel: „{ $old }“ → „{ $new }“
author-change-summary = Zusammenfassung: „{ $old }“ → „{ $new }“
author-change-description = Beschreibung geändert
author-change-audience = Zielgruppe: „{ $old }“ → „{ $new }“
author-change-level = Niveau: „{ $old }“ → „{ $new }“
author-change-language = Sprache: „{ $old }“ → „{ $new }“
author-change-credits = Leistungspunkte: „{ $old }“ → „{ $new }“
# A course without credits, as a value of author-change-credits.
author-change-credits-none = keine
author-change-tags = Themen: „{ $old }“ → „{ $new }“
author-change-prerequisites = Voraussetzungen: „{ $old }“ → „{ $new }“
author-change-certificate = Zertifikat: „{ $old }“ → „{ $new }“
# Values of author-change-certificate.
author-change-certificate-none = kein Zertifikat
author-change-certificate-no-expiry = Zertifikat, unbefristet
author-change-certificate-months = Zertifikat gültig für { $months ->
        [one] { $months } Monat
       *[other] { $months } Monate
    }
author-change-enrolment = Einschreibung: „{ $old }“ → „{ $new }“
author-change-module-added = Modul „{ $module }“ mit { $count ->
        [one] { $count } Lektion
       *[other] { $count } Lektionen
    } hinzugefügt
author-change-module-removed = Modul „{ $module }“ entfernt
author-change-modules-reordered = Module neu angeordnet
author-change-module-title = Modul „{ $module }“: Titel: „{ $old }“ → „{ $new }“
author-change-module-summary = Modul „{ $module }“: Zusammenfassung: „{ $old }“ → „{ $new }“
author-change-assessment-added = Modul „{ $module }“: Prüfung hinzugefügt
author-change-assessment-removed = Modul „{ $module }“: Prüfung entfernt
author-change-assessment-settings = Modul „{ $module }“: Prüfungseinstellungen geändert
author-change-question-bank = Modul „{ $module }“: Fragenpool geändert
author-change-lesson-added = Modul „{ $module }“: Lektion „{ $lesson }“ hinzugefügt
author-change-lesson-removed = Modul „{ $module }“: Lektion „{ $lesson }“ entfernt
author-change-lessons-reordered = Modul „{ $module }“: Lektionen neu angeordnet
author-change-lesson-title = Modul „{ $module }“, Lektion „{ $lesson }“: Titel: „{ $old }“ → „{ $new }“
author-change-lesson-minutes = Modul „{ $module }“, Lektion „{ $lesson }“: Minuten: „{ $old }“ → „{ $new }“
author-change-lesson-now-required = Modul „{ $module }“, Lektion „{ $lesson }“: jetzt erforderlich
author-change-lesson-now-optional = Modul „{ $module }“, Lektion „{ $lesson }“: jetzt optional
author-change-lesson-text = Modul „{ $module }“, Lektion „{ $lesson }“: Text geändert
