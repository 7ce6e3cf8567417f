# Network administration: identity providers, the email outbox and course
# equivalences.

## Links between the administration pages

admin-link-outbox = Boîte d'envoi des e-mails et messages non distribuables
admin-link-certificates = Certificats (rechercher, révoquer)
admin-link-audit = Piste d'audit
admin-link-equivalences = Équivalences de cours
admin-link-reports = Rapports du réseau

## Identity providers (OpenID Connect sign-in)

providers-heading = Fournisseurs d'identité
providers-explained = Les établissements se connectent par ces fournisseurs OpenID Connect. Un proxy de fédération (comme Life Science Login) est un seul fournisseur qui sert de nombreux établissements. Les secrets client sont enregistrés et ne sont plus jamais affichés.
providers-caption = Fournisseurs configurés
providers-column-name = Nom
# The provider's short name used in web addresses.
providers-column-slug = Identifiant
providers-column-issuer = Émetteur
providers-column-client-id = Identifiant client
# Where a person's home institution is read from (a claim of the sign-in).
providers-column-institution-from = Établissement tiré de
providers-column-status = Statut
providers-enabled = Activé
providers-disabled = Désactivé
providers-none = Aucun fournisseur n'est encore configuré.
providers-add-heading = Ajouter un fournisseur
providers-field-name = Nom affiché
providers-field-slug = Identifiant (utilisé dans les URL)
# { $callback } is a web address with <slug> standing for the provider's slug.
providers-slug-hint = Lettres minuscules, chiffres et traits d'union, p. ex. life-science-login. L'URL de retour est { $callback }.
providers-field-issuer = URL de l'émetteur
providers-field-client-id = Identifiant client
providers-field-client-secret = Secret client
providers-field-institution-from = Établissement d'origine tiré de
# "schac_home_organization" is the technical name of the claim: keep it as it is.
providers-claim-schac = la revendication schac_home_organization
providers-claim-email-domain = le domaine de l'adresse e-mail
providers-field-institutions = Établissements servis (identifiants, séparés par des virgules)
# { $list } is a list of institutions' slugs.
providers-known-institutions = Établissements connus : { $list }.
providers-add = Ajouter le fournisseur

## The email outbox

outbox-heading = Boîte d'envoi des e-mails
# Emails not sent yet.
outbox-waiting = En attente
outbox-sent = Envoyés
# Emails that failed every attempt to send them.
outbox-dead = Messages non distribuables
outbox-dead-caption = E-mails dont chaque tentative a échoué, les plus récents d'abord
outbox-column-kind = Type
outbox-column-to = Destinataire
outbox-column-queued = Mis en file
outbox-column-attempts = Tentatives
outbox-column-last-error = Dernière erreur
outbox-no-dead = Aucun : chaque e-mail a été envoyé ou est encore en cours d'essai.

## Course equivalences (a course at one CoE recognised as equivalent to one at another)

equivalence-heading = Équivalences de cours
equivalence-explained = Reconnaissez un cours d'un centre d'excellence comme équivalent à un cours d'un autre : suivre l'un ou l'autre satisfait une exigence de programme qui nomme l'autre. Chaque paire est décidée séparément ; une paire qui fermerait un cycle est refusée.
equivalence-add-heading = Enregistrer une équivalence
equivalence-field-course = Cours (identifiant)
# Continues the label above: "Course (slug) … is equivalent to (slug)".
equivalence-field-other = est équivalent à (identifiant)
equivalence-field-reason = Motif (conservé dans la piste d'audit)
equivalence-record = Enregistrer
equivalence-caption = Équivalences enregistrées
equivalence-column-course = Cours
equivalence-column-why = Motif
equivalence-column-recorded = Enregistrée le
equivalence-none = Aucune pour l'instant.
