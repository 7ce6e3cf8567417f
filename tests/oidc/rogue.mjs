// A rogue OpenID Connect provider that answers every request correctly
// except for the ID token, which is broken as the scenario says.
// Usage: node rogue.mjs <port> <scenario> <client-id>
// Scenarios: valid, bad_signature, wrong_audience, wrong_issuer, expired,
// wrong_nonce, missing_nonce, no_id_token, unverified_email.
import http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

const [port, scenario, clientId] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const { publicKey, privateKey } = await generateKeyPair('RS256');
const { privateKey: otherKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'rogue-key', alg: 'RS256', use: 'sig' };
const nonces = new Map();

async function idToken(code) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { email: 'rogue@rogue.example', email_verified: scenario !== 'unverified_email', name: 'Rogue User' };
  if (scenario !== 'missing_nonce') {
    claims.nonce = scenario === 'wrong_nonce' ? 'not-the-nonce' : nonces.get(code);
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'rogue-key' })
    .setIssuer(scenario === 'wrong_issuer' ? 'http://evil.example' : issuer)
    .setAudience(scenario === 'wrong_audience' ? 'someone-else' : clientId)
    .setSubject('rogue-subject')
    .setIssuedAt(scenario === 'expired' ? now - 7200 : now)
    .setExpirationTime(scenario === 'expired' ? now - 3600 : now + 300)
    .sign(scenario === 'bad_signature' ? otherKey : privateKey);
}

function json(response, body) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

http.createServer(async (request, response) => {
  const url = new URL(request.url, issuer);
  if (url.pathname === '/.well-known/openid-configuration') {
    return json(response, {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
  }
  if (url.pathname === '/jwks') {
    return json(response, { keys: [jwk] });
  }
  if (url.pathname === '/authorize') {
    const code = `code-${Math.random().toString(36).slice(2)}`;
    nonces.set(code, url.searchParams.get('nonce'));
    const back = new URL(url.searchParams.get('redirect_uri'));
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state'));
    response.writeHead(302, { location: back.toString() });
    return response.end();
  }
  if (url.pathname === '/token' && request.method === 'POST') {
    let body = '';
    for await (const chunk of request) body += chunk;
    const code = new URLSearchParams(body).get('code');
    const tokens = { access_token: 'rogue-access-token', token_type: 'Bearer', expires_in: 300 };
    if (scenario !== 'no_id_token') tokens.id_token = await idToken(code);
    return json(response, tokens);
  }
  response.writeHead(404);
  response.end();
}).listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
