# Certificates: my certificates, one certificate, the public verification
# page (read by employers and inspectors), and the administrators' list.

## Shared by the certificate pages

# The browser tab: "Certificate" and the certificate's code.
certificate-title = Certificat { $code }
certificate-status-valid = Valide
certificate-status-expired = Expiré
certificate-status-revoked = Révoqué
# The version of the course a certificate was earned in, e.g. "version 2".
certificate-version = version n° { $version }
# Credits with their unit ("ects" or "cpd_hours"), e.g. "1.5 ECTS".
certificate-credits-amount = { $unit ->
        [ects] { $amount } ECTS
        [cpd_hours] { $amount } heures de DPC
       *[other] { $amount } crédits
    }

## My certificates (pages/certificates)

certificate-my-heading = Mes certificats
# Followed by the certificate's code.
certificate-code-lower = code :
certificate-completed-on = obtenu le { $date }
certificate-expired-on = expiré le { $date }
certificate-valid-until = valide jusqu’au { $date }
certificate-no-expiry-lower = sans date d’expiration
certificate-expires-soon = Expire bientôt : requalifiez-vous avant le { $date } pour rester qualifié.
# Followed by the reasons given by the course's authors.
certificate-retraining-required-label = Nouvelle formation requise :
# Followed by a link to "My learning".
certificate-none-yet = Vous n’avez pas encore de certificat. Terminez un cours qui en délivre un :
certificate-none-yet-link = Mon apprentissage

## One certificate (pages/certificate)

# Followed by the title of the course or programme.
certificate-heading = Certificat :
certificate-revoked-on = Révoqué le { $date }.
# Followed by the reason an administrator gave.
certificate-reason = Motif :
certificate-holder = Titulaire
certificate-course = Cours
certificate-programme = Programme de formation
certificate-offered-by = Proposé par
certificate-credits = Crédits
certificate-completed = Obtenu le
certificate-valid-until-label = Valide jusqu’au
certificate-no-expiry = Sans date d’expiration
certificate-code = Code du certificat
# The code of the earlier certificate this one renews.
certificate-renews = Renouvelle
certificate-retraining-required = Nouvelle formation requise.
certificate-expires-on-requalify = Ce certificat expire le { $date }. Requalifiez-vous avant cette date pour rester qualifié.
certificate-download = Téléchargement
certificate-download-pdf = Certificat (PDF, A4)
# Open Badges is the name of a standard; a VC-JWT is a signed verifiable credential.
certificate-download-jwt = Attestation Open Badges 3.0 (VC-JWT signé, pour les portefeuilles numériques)
certificate-download-json = Attestation Open Badges 3.0 (JSON)
certificate-verification = Vérification
# Followed by the address of the certificate's verification page.
certificate-verification-text = Toute personne peut vérifier ce certificat, sans compte, à cette adresse (le code QR du PDF y mène) :
certificate-requalify-heading = Requalification
certificate-requalify-text = La requalification vous inscrit à la version actuelle du cours ; une fois celle-ci terminée, un nouveau certificat est délivré qui renouvelle celui-ci.
certificate-requalify = Se requalifier

## Administration: all certificates (pages/admin_certificates)

certificate-admin-heading = Certificats
certificate-admin-search-label = Code, titulaire ou titre
certificate-admin-search = Rechercher
certificate-admin-caption = Les plus récents d’abord ({ $limit } au maximum) ; ouvrez-en un pour le révoquer
certificate-admin-column-code = Code du certificat
certificate-admin-column-holder = Titulaire
certificate-admin-column-certifies = Atteste
certificate-admin-column-issued = Délivré le
certificate-admin-column-valid-until = Valide jusqu’au
certificate-admin-column-status = Statut
certificate-admin-status = { $status ->
        [valid] valide
        [expired] expiré
       *[revoked] révoqué
    }
certificate-admin-no-match = Aucun certificat ne correspond.

## Verifying a certificate (pages/verify_form, pages/verify)
# Read by employers and inspectors: keep it precise and formal.

verify-form-heading = Vérifier un certificat
# { $example } is an example code.
verify-form-intro = Saisissez le code imprimé sur le certificat (12 lettres et chiffres, par exemple { $example }) ou scannez son code QR.
verify-form-code = Code du certificat
verify-form-submit = Vérifier
# Followed by the certificate's code.
verify-heading = Certificat
# The verdict, in bold, followed by verify-valid-until or verify-valid-no-expiry.
verify-valid = Valide.
verify-valid-until = Ce certificat a été délivré par ATMP Academy et n’a pas été révoqué ; il est valide jusqu’au { $date }.
verify-valid-no-expiry = Ce certificat a été délivré par ATMP Academy et n’a pas été révoqué.
# The verdict, in bold, followed by verify-expired-detail.
verify-expired-on = Expiré le { $date }.
verify-expired-detail = Il a été délivré par ATMP Academy ; son titulaire doit se requalifier.
verify-retraining-required = Une version plus récente de ce cours exige une nouvelle formation : le titulaire a été invité à se requalifier.
# The verdict, in bold, followed by verify-reason and the reason.
verify-revoked-on = Révoqué le { $date }.
verify-reason = Motif :
verify-holder = Titulaire
verify-course = Cours
verify-programme = Programme de formation
verify-certifies = Atteste
verify-certifies-course = La réussite du cours : toutes les leçons requises suivies et toutes les évaluations requises réussies.
verify-certifies-programme = La réussite du programme : toutes ses exigences remplies.
verify-offered-by = Proposé par
verify-credits = Crédits
verify-completed = Obtenu le
verify-valid-until-label = Valide jusqu’au
verify-no-expiry = Sans date d’expiration
# Followed by the address of the published keys.
verify-keys = L’attestation numérique du titulaire (Open Badges 3.0) peut être vérifiée à l’aide des clés publiées à l’adresse :
verify-revoke-heading = Révoquer
verify-revoke-reason = Motif (affiché sur cette page et conservé dans la piste d’audit)
verify-revoke-submit = Révoquer ce certificat
