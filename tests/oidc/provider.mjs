// A real OpenID Connect provider (npm oidc-provider) for interop tests.
// Usage: node provider.mjs <port> <email-domain> <client-id> <client-secret> <redirect-uri>
// Any login name signs in; the account's claims are derived from it.
import Provider from 'oidc-provider';

const [port, domain, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'schac_home_organization'],
  },
  conformIdTokenClaims: false,
  cookies: { keys: ['interop-test-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: `${id}@${domain}`,
          email_verified: true,
          name: `Test ${id}`,
          schac_home_organization: domain,
        };
      },
    };
  },
});
provider.proxy = false;
provider.listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
