# Network administration: identity providers, the email outbox and course
# equivalences.

## Links between the administration pages

admin-link-outbox = E-Mail-Postausgang und unzustellbare E-Mails
admin-link-certificates = Zertifikate (suchen, widerrufen)
admin-link-audit = Audit-Trail
admin-link-equivalences = Kursäquivalenzen
admin-link-reports = Netzwerkberichte

## Identity providers (OpenID Connect sign-in)

providers-heading = Identitätsanbieter
providers-explained = Einrichtungen melden sich über diese OpenID-Connect-Anbieter an. Ein Föderations-Proxy (etwa Life Science Login) ist ein Anbieter, der viele Einrichtungen bedient. Client-Geheimnisse werden gespeichert und nie wieder angezeigt.
providers-caption = Eingerichtete Anbieter
# Same as English: the same word (or name, or abbreviation) in this language.
providers-column-name = Name
# The provider's short name used in web addresses.
providers-column-slug = Kurzname
providers-column-issuer = Aussteller
providers-column-client-id = Client-ID
# Where a person's home institution is read from (a claim of the sign-in).
providers-column-institution-from = Einrichtung aus
# Same as English: the same word (or name, or abbreviation) in this language.
providers-column-status = Status
providers-enabled = Aktiviert
providers-disabled = Deaktiviert
providers-none = Es ist noch kein Anbieter eingerichtet.
providers-add-heading = Anbieter hinzufügen
providers-field-name = Angezeigter Name
providers-field-slug = Kurzname (in URLs verwendet)
# { $callback } is a web address with <slug> standing for the provider's slug.
providers-slug-hint = Kleinbuchstaben, Ziffern und Bindestriche, z. B. life-science-login. Die Callback-URL lautet { $callback }.
providers-field-issuer = Aussteller-URL
providers-field-client-id = Client-ID
providers-field-client-secret = Client-Geheimnis
providers-field-institution-from = Heimateinrichtung aus
# "schac_home_organization" is the technical name of the claim: keep it as it is.
providers-claim-schac = dem Claim schac_home_organization
providers-claim-email-domain = der E-Mail-Domain
providers-field-institutions = Bediente Einrichtungen (Kurznamen, durch Kommas getrennt)
# { $list } is a list of institutions' slugs.
providers-known-institutions = Bekannte Einrichtungen: { $list }.
providers-add = Anbieter hinzufügen

## The email outbox

outbox-heading = E-Mail-Postausgang
# Emails not sent yet.
outbox-waiting = Wartend
outbox-sent = Gesendet
# Emails that failed every attempt to send them.
outbox-dead = Unzustellbare E-Mails
outbox-dead-caption = E-Mails, bei denen jeder Versuch fehlschlug, neueste zuerst
outbox-column-kind = Art
outbox-column-to = An
outbox-column-queued = Eingereiht
outbox-column-attempts = Versuche
outbox-column-last-error = Letzter Fehler
outbox-no-dead = Keine: Jede E-Mail wurde gesendet oder wird noch versucht.

## Course equivalences (a course at one CoE recognised as equivalent to one at another)

equivalence-heading = Kursäquivalenzen
equivalence-explained = Erkennen Sie einen Kurs eines Exzellenzzentrums als gleichwertig mit einem Kurs eines anderen an: Der Abschluss eines der beiden erfüllt eine Programmanforderung, die den anderen nennt. Jedes Paar wird einzeln entschieden; ein Paar, das einen Kreis schließen würde, wird abgelehnt.
equivalence-add-heading = Äquivalenz erfassen
equivalence-field-course = Kurs (Kurzname)
# Continues the label above: "Course (slug) … is equivalent to (slug)".
equivalence-field-other = ist gleichwertig mit (Kurzname)
equivalence-field-reason = Begründung (wird im Audit-Trail gespeichert)
equivalence-record = Erfassen
equivalence-caption = Erfasste Äquivalenzen
equivalence-column-course = Kurs
equivalence-column-why = Begründung
equivalence-column-recorded = Erfasst
equivalence-none = Noch keine.
