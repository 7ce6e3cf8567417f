# Network administration: identity providers, the email outbox and course
# equivalences.

## Links between the administration pages

admin-link-outbox = Email outbox and dead letters
admin-link-certificates = Certificates (search, revoke)
admin-link-audit = Audit trail
admin-link-equivalences = Course equivalences
admin-link-reports = Network reports

## Identity providers (OpenID Connect sign-in)

providers-heading = Identity providers
providers-explained = Institutions sign in through these OpenID Connect providers. A federation proxy (such as Life Science Login) is one provider serving many institutions. Client secrets are stored and never shown again.
providers-caption = Configured providers
providers-column-name = Name
# The provider's short name used in web addresses.
providers-column-slug = Slug
providers-column-issuer = Issuer
providers-column-client-id = Client id
# Where a person's home institution is read from (a claim of the sign-in).
providers-column-institution-from = Institution from
providers-column-status = Status
providers-enabled = Enabled
providers-disabled = Disabled
providers-none = No provider is configured yet.
providers-add-heading = Add a provider
providers-field-name = Name people see
providers-field-slug = Slug (used in URLs)
# { $callback } is a web address with <slug> standing for the provider's slug.
providers-slug-hint = Lower-case letters, digits and hyphens, e.g. life-science-login. The callback URL is { $callback }.
providers-field-issuer = Issuer URL
providers-field-client-id = Client id
providers-field-client-secret = Client secret
providers-field-institution-from = Home institution from
# "schac_home_organization" is the technical name of the claim: keep it as it is.
providers-claim-schac = the schac_home_organization claim
providers-claim-email-domain = the email domain
providers-field-institutions = Institutions it serves (slugs, separated by commas)
# { $list } is a list of institutions' slugs.
providers-known-institutions = Known institutions: { $list }.
providers-add = Add provider

## The email outbox

outbox-heading = Email outbox
# Emails not sent yet.
outbox-waiting = Waiting
outbox-sent = Sent
# Emails that failed every attempt to send them.
outbox-dead = Dead letters
outbox-dead-caption = Emails that failed every attempt, newest first
outbox-column-kind = Kind
outbox-column-to = To
outbox-column-queued = Queued
outbox-column-attempts = Attempts
outbox-column-last-error = Last error
outbox-no-dead = None: every email was sent or is still being tried.

## Course equivalences (a course at one CoE recognised as equivalent to one at another)

equivalence-heading = Course equivalences
equivalence-explained = Recognise a course at one CoE as equivalent to a course at another: completing either meets a programme requirement naming the other. Each pair is decided on its own; a pair that would close a cycle is refused.
equivalence-add-heading = Record an equivalence
equivalence-field-course = Course (slug)
# Continues the label above: "Course (slug) … is equivalent to (slug)".
equivalence-field-other = is equivalent to (slug)
equivalence-field-reason = Why (kept in the audit trail)
equivalence-record = Record
equivalence-caption = Recorded equivalences
equivalence-column-course = Course
equivalence-column-why = Why
equivalence-column-recorded = Recorded
equivalence-none = None yet.
