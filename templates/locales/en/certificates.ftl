# Certificates: my certificates, one certificate, the public verification
# page (read by employers and inspectors), and the administrators' list.

## Shared by the certificate pages

# The browser tab: "Certificate" and the certificate's code.
certificate-title = Certificate { $code }
certificate-status-valid = Valid
certificate-status-expired = Expired
certificate-status-revoked = Revoked
# The version of the course a certificate was earned in, e.g. "version 2".
certificate-version = version { $version }
# Credits with their unit ("ects" or "cpd_hours"), e.g. "1.5 ECTS".
certificate-credits-amount = { $unit ->
        [ects] { $amount } ECTS
        [cpd_hours] { $amount } CPD hours
       *[other] { $amount } credits
    }

## My certificates (pages/certificates)

certificate-my-heading = My certificates
# Followed by the certificate's code.
certificate-code-lower = code
certificate-completed-on = completed { $date }
certificate-expired-on = expired { $date }
certificate-valid-until = valid until { $date }
certificate-no-expiry-lower = does not expire
certificate-expires-soon = Expires soon: requalify before { $date } to stay qualified.
# Followed by the reasons given by the course's authors.
certificate-retraining-required-label = Retraining required:
# Followed by a link to "My learning".
certificate-none-yet = You have no certificates yet. Complete a course that gives one:
certificate-none-yet-link = My learning

## One certificate (pages/certificate)

# Followed by the title of the course or programme.
certificate-heading = Certificate:
certificate-revoked-on = Revoked on { $date }.
# Followed by the reason an administrator gave.
certificate-reason = Reason:
certificate-holder = Holder
certificate-course = Course
certificate-programme = Programme
certificate-offered-by = Offered by
certificate-credits = Credits
certificate-completed = Completed
certificate-valid-until-label = Valid until
certificate-no-expiry = Does not expire
certificate-code = Certificate code
# The code of the earlier certificate this one renews.
certificate-renews = Renews
certificate-retraining-required = Retraining required.
certificate-expires-on-requalify = This certificate expires on { $date }. Requalify before then to stay qualified.
certificate-download = Download
certificate-download-pdf = Certificate (PDF, A4)
# Open Badges is the name of a standard; a VC-JWT is a signed verifiable credential.
certificate-download-jwt = Open Badges 3.0 credential (signed VC-JWT, for digital wallets)
certificate-download-json = Open Badges 3.0 credential (JSON)
certificate-verification = Verification
# Followed by the address of the certificate's verification page.
certificate-verification-text = Anyone can check this certificate, without an account, at this address (the QR code on the PDF leads there):
certificate-requalify-heading = Requalify
certificate-requalify-text = Requalifying enrols you in the current version of the course; completing it issues a new certificate that renews this one.
certificate-requalify = Requalify

## Administration: all certificates (pages/admin_certificates)

certificate-admin-heading = Certificates
certificate-admin-search-label = Code, holder or title
certificate-admin-search = Search
certificate-admin-caption = Newest first (at most { $limit }); open one to revoke it
certificate-admin-column-code = Code
certificate-admin-column-holder = Holder
certificate-admin-column-certifies = Certifies
certificate-admin-column-issued = Issued
certificate-admin-column-valid-until = Valid until
certificate-admin-column-status = Status
certificate-admin-status = { $status ->
        [valid] valid
        [expired] expired
       *[revoked] revoked
    }
certificate-admin-no-match = No certificate matches.

## Verifying a certificate (pages/verify_form, pages/verify)
# Read by employers and inspectors: keep it precise and formal.

verify-form-heading = Verify a certificate
# { $example } is an example code.
verify-form-intro = Enter the code printed on the certificate (12 letters and digits, for example { $example }), or scan its QR code.
verify-form-code = Certificate code
verify-form-submit = Verify
# Followed by the certificate's code.
verify-heading = Certificate
# The verdict, in bold, followed by verify-valid-until or verify-valid-no-expiry.
verify-valid = Valid.
verify-valid-until = This certificate was issued by ATMP Academy and has not been revoked; it is valid until { $date }.
verify-valid-no-expiry = This certificate was issued by ATMP Academy and has not been revoked.
# The verdict, in bold, followed by verify-expired-detail.
verify-expired-on = Expired on { $date }.
verify-expired-detail = It was issued by ATMP Academy; the holder must requalify.
verify-retraining-required = A newer version of this course requires retraining: the holder has been asked to requalify.
# The verdict, in bold, followed by verify-reason and the reason.
verify-revoked-on = Revoked on { $date }.
verify-reason = Reason:
verify-holder = Holder
verify-course = Course
verify-programme = Programme
verify-certifies = Certifies
verify-certifies-course = Completion of the course: every required lesson and every required assessment passed.
verify-certifies-programme = Completion of the programme: every one of its requirements met.
verify-offered-by = Offered by
verify-credits = Credits
verify-completed = Completed
verify-valid-until-label = Valid until
verify-no-expiry = Does not expire
# Followed by the address of the published keys.
verify-keys = The holder's digital credential (Open Badges 3.0) can be checked against the keys published at:
verify-revoke-heading = Revoke
verify-revoke-reason = Reason (shown on this page and kept in the audit trail)
verify-revoke-submit = Revoke this certificate
