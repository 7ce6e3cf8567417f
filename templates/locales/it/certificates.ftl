# Certificates: my certificates, one certificate, the public verification
# page (read by employers and inspectors), and the administrators' list.

## Shared by the certificate pages

# The browser tab: "Certificate" and the certificate's code.
certificate-title = Certificato { $code }
certificate-status-valid = Valido
certificate-status-expired = Scaduto
certificate-status-revoked = Revocato
# The version of the course a certificate was earned in, e.g. "version 2".
certificate-version = versione { $version }
# Credits with their unit ("ects" or "cpd_hours"), e.g. "1.5 ECTS".
certificate-credits-amount = { $unit ->
        [ects] { $amount } ECTS
        [cpd_hours] { $amount } ore di CPD
       *[other] { $amount } crediti
    }

## My certificates (pages/certificates)

certificate-my-heading = I miei certificati
# Followed by the certificate's code.
certificate-code-lower = codice
certificate-completed-on = conseguito il { $date }
certificate-expired-on = scaduto il { $date }
certificate-valid-until = valido fino al { $date }
certificate-no-expiry-lower = senza scadenza
certificate-expires-soon = In scadenza: si riqualifichi prima del { $date } per restare qualificato.
# Followed by the reasons given by the course's authors.
certificate-retraining-required-label = Nuova formazione richiesta:
# Followed by a link to "My learning".
certificate-none-yet = Non ha ancora certificati. Completi un corso che ne rilascia uno:
certificate-none-yet-link = Il mio apprendimento

## One certificate (pages/certificate)

# Followed by the title of the course or programme.
certificate-heading = Certificato:
certificate-revoked-on = Revocato il { $date }.
# Followed by the reason an administrator gave.
certificate-reason = Motivazione:
certificate-holder = Titolare
certificate-course = Corso
certificate-programme = Programma
certificate-offered-by = Offerto da
certificate-credits = Crediti
certificate-completed = Conseguito il
certificate-valid-until-label = Valido fino al
certificate-no-expiry = Senza scadenza
certificate-code = Codice del certificato
# The code of the earlier certificate this one renews.
certificate-renews = Rinnova
certificate-retraining-required = Nuova formazione richiesta.
certificate-expires-on-requalify = Questo certificato scade il { $date }. Si riqualifichi prima di tale data per restare qualificato.
certificate-download = File scaricabili
certificate-download-pdf = Certificato (PDF, A4)
# Open Badges is the name of a standard; a VC-JWT is a signed verifiable credential.
certificate-download-jwt = Credenziale Open Badges 3.0 (VC-JWT firmato, per portafogli digitali)
certificate-download-json = Credenziale Open Badges 3.0 (JSON)
certificate-verification = Verifica
# Followed by the address of the certificate's verification page.
certificate-verification-text = Chiunque può verificare questo certificato, senza account, a questo indirizzo (il codice QR sul PDF vi conduce):
certificate-requalify-heading = Riqualificazione
certificate-requalify-text = La riqualificazione La iscrive alla versione attuale del corso; al suo completamento viene rilasciato un nuovo certificato che rinnova questo.
certificate-requalify = Avvia la riqualificazione

## Administration: all certificates (pages/admin_certificates)

certificate-admin-heading = Certificati
certificate-admin-search-label = Codice, titolare o titolo
certificate-admin-search = Cerca
certificate-admin-caption = Dal più recente (al massimo { $limit }); ne apra uno per revocarlo
certificate-admin-column-code = Codice
certificate-admin-column-holder = Titolare
certificate-admin-column-certifies = Attesta
certificate-admin-column-issued = Rilasciato il
certificate-admin-column-valid-until = Valido fino al
certificate-admin-column-status = Stato
certificate-admin-status = { $status ->
        [valid] valido
        [expired] scaduto
       *[revoked] revocato
    }
certificate-admin-no-match = Nessun certificato corrisponde.

## Verifying a certificate (pages/verify_form, pages/verify)
# Read by employers and inspectors: keep it precise and formal.

verify-form-heading = Verifica di un certificato
# { $example } is an example code.
verify-form-intro = Inserisca il codice stampato sul certificato (12 lettere e cifre, ad esempio { $example }) oppure ne scansioni il codice QR.
verify-form-code = Codice del certificato
verify-form-submit = Verifica
# Followed by the certificate's code.
verify-heading = Certificato
# The verdict, in bold, followed by verify-valid-until or verify-valid-no-expiry.
verify-valid = Valido.
verify-valid-until = Questo certificato è stato rilasciato da ATMP Academy e non è stato revocato; è valido fino al { $date }.
verify-valid-no-expiry = Questo certificato è stato rilasciato da ATMP Academy e non è stato revocato.
# The verdict, in bold, followed by verify-expired-detail.
verify-expired-on = Scaduto il { $date }.
verify-expired-detail = È stato rilasciato da ATMP Academy; il titolare deve riqualificarsi.
verify-retraining-required = Una versione più recente di questo corso richiede una nuova formazione: al titolare è stato chiesto di riqualificarsi.
# The verdict, in bold, followed by verify-reason and the reason.
verify-revoked-on = Revocato il { $date }.
verify-reason = Motivazione:
verify-holder = Titolare
verify-course = Corso
verify-programme = Programma
verify-certifies = Attesta
verify-certifies-course = Il completamento del corso: tutte le lezioni richieste seguite e tutte le valutazioni richieste superate.
verify-certifies-programme = Il completamento del programma: tutti i suoi requisiti soddisfatti.
verify-offered-by = Offerto da
verify-credits = Crediti
verify-completed = Conseguito il
verify-valid-until-label = Valido fino al
verify-no-expiry = Senza scadenza
# Followed by the address of the published keys.
verify-keys = La credenziale digitale del titolare (Open Badges 3.0) può essere verificata con le chiavi pubblicate all’indirizzo:
verify-revoke-heading = Revoca
verify-revoke-reason = Motivazione (mostrata su questa pagina e conservata nell’audit trail)
verify-revoke-submit = Revoca questo certificato
