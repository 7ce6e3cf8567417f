# Certificates: my certificates, one certificate, the public verification
# page (read by employers and inspectors), and the administrators' list.

## Shared by the certificate pages

# The browser tab: "Certificate" and the certificate's code.
certificate-title = Zertifikat { $code }
certificate-status-valid = Gültig
certificate-status-expired = Abgelaufen
certificate-status-revoked = Widerrufen
# The version of the course a certificate was earned in, e.g. "version 2".
certificate-version = Version { $version }
# Credits with their unit ("ects" or "cpd_hours"), e.g. "1.5 ECTS".
certificate-credits-amount = { $unit ->
        [ects] { $amount } ECTS
        [cpd_hours] { $amount } CPD-Stunden
       *[other] { $amount } Leistungspunkte
    }

## My certificates (pages/certificates)

certificate-my-heading = Meine Zertifikate
# Followed by the certificate's code.
certificate-code-lower = Code
certificate-completed-on = abgeschlossen am { $date }
certificate-expired-on = abgelaufen am { $date }
certificate-valid-until = gültig bis { $date }
certificate-no-expiry-lower = läuft nicht ab
certificate-expires-soon = Läuft bald ab: Requalifizieren Sie sich vor dem { $date }, um qualifiziert zu bleiben.
# Followed by the reasons given by the course's authors.
certificate-retraining-required-label = Nachschulung erforderlich:
# Followed by a link to "My learning".
certificate-none-yet = Sie haben noch keine Zertifikate. Schließen Sie einen Kurs ab, der ein Zertifikat vergibt:
certificate-none-yet-link = Mein Lernen

## One certificate (pages/certificate)

# Followed by the title of the course or programme.
certificate-heading = Zertifikat:
certificate-revoked-on = Widerrufen am { $date }.
# Followed by the reason an administrator gave.
certificate-reason = Begründung:
certificate-holder = Inhaber/in
certificate-course = Kurs
certificate-programme = Programm
certificate-offered-by = Angeboten von
certificate-credits = Leistungspunkte
certificate-completed = Abgeschlossen
certificate-valid-until-label = Gültig bis
certificate-no-expiry = Läuft nicht ab
certificate-code = Zertifikatscode
# The code of the earlier certificate this one renews.
certificate-renews = Erneuert
certificate-retraining-required = Nachschulung erforderlich.
certificate-expires-on-requalify = Dieses Zertifikat läuft am { $date } ab. Requalifizieren Sie sich vorher, um qualifiziert zu bleiben.
certificate-download = Herunterladen
certificate-download-pdf = Zertifikat (PDF, A4)
# Open Badges is the name of a standard; a VC-JWT is a signed verifiable credential.
certificate-download-jwt = Open-Badges-3.0-Nachweis (signiertes VC-JWT, für digitale Wallets)
certificate-download-json = Open-Badges-3.0-Nachweis (JSON)
certificate-verification = Überprüfung
# Followed by the address of the certificate's verification page.
certificate-verification-text = Jede Person kann dieses Zertifikat ohne Konto unter dieser Adresse überprüfen (der QR-Code auf dem PDF führt dorthin):
certificate-requalify-heading = Requalifizierung
certificate-requalify-text = Mit der Requalifizierung werden Sie in die aktuelle Version des Kurses eingeschrieben; nach deren Abschluss erhalten Sie ein neues Zertifikat, das dieses erneuert.
certificate-requalify = Requalifizieren

## Administration: all certificates (pages/admin_certificates)

certificate-admin-heading = Zertifikate
certificate-admin-search-label = Code, Inhaber/in oder Titel
certificate-admin-search = Suchen
certificate-admin-caption = Neueste zuerst (höchstens { $limit }); öffnen Sie ein Zertifikat, um es zu widerrufen
certificate-admin-column-code = Zertifikatscode
certificate-admin-column-holder = Inhaber/in
certificate-admin-column-certifies = Bescheinigt
certificate-admin-column-issued = Ausgestellt
certificate-admin-column-valid-until = Gültig bis
certificate-admin-column-status = Gültigkeit
certificate-admin-status = { $status ->
        [valid] gültig
        [expired] abgelaufen
       *[revoked] widerrufen
    }
certificate-admin-no-match = Kein Zertifikat passt zur Suche.

## Verifying a certificate (pages/verify_form, pages/verify)
# Read by employers and inspectors: keep it precise and formal.

verify-form-heading = Zertifikat überprüfen
# { $example } is an example code.
verify-form-intro = Geben Sie den auf dem Zertifikat gedruckten Code ein (12 Buchstaben und Ziffern, zum Beispiel { $example }) oder scannen Sie seinen QR-Code.
verify-form-code = Zertifikatscode
verify-form-submit = Überprüfen
# Followed by the certificate's code.
verify-heading = Zertifikat
# The verdict, in bold, followed by verify-valid-until or verify-valid-no-expiry.
verify-valid = Gültig.
verify-valid-until = Dieses Zertifikat wurde von der ATMP Academy ausgestellt und nicht widerrufen; es ist gültig bis { $date }.
verify-valid-no-expiry = Dieses Zertifikat wurde von der ATMP Academy ausgestellt und nicht widerrufen.
# The verdict, in bold, followed by verify-expired-detail.
verify-expired-on = Abgelaufen am { $date }.
verify-expired-detail = Es wurde von der ATMP Academy ausgestellt; die Inhaberin oder der Inhaber muss sich requalifizieren.
verify-retraining-required = Eine neuere Version dieses Kurses erfordert eine Nachschulung: Die Inhaberin oder der Inhaber wurde zur Requalifizierung aufgefordert.
# The verdict, in bold, followed by verify-reason and the reason.
verify-revoked-on = Widerrufen am { $date }.
verify-reason = Begründung:
verify-holder = Inhaber/in
verify-course = Kurs
verify-programme = Programm
verify-certifies = Bescheinigt
verify-certifies-course = Abschluss des Kurses: alle erforderlichen Lektionen absolviert und alle erforderlichen Prüfungen bestanden.
verify-certifies-programme = Abschluss des Programms: alle seine Anforderungen erfüllt.
verify-offered-by = Angeboten von
verify-credits = Leistungspunkte
verify-completed = Abgeschlossen
verify-valid-until-label = Gültig bis
verify-no-expiry = Läuft nicht ab
# Followed by the address of the published keys.
verify-keys = Der digitale Nachweis der Inhaberin oder des Inhabers (Open Badges 3.0) kann mit den hier veröffentlichten Schlüsseln geprüft werden:
verify-revoke-heading = Widerrufen
verify-revoke-reason = Begründung (wird auf dieser Seite angezeigt und im Audit-Trail gespeichert)
verify-revoke-submit = Dieses Zertifikat widerrufen
