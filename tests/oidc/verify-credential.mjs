// A third-party verifier of Open Badges 3.0 VC-JWTs, built on `jose`:
// fetches the issuer's key set, checks the EdDSA signature, the issuer and
// the time claims, and prints {"ok": true, "payload": ...} or
// {"ok": false, "error": "<jose error code>"} as one JSON line.
//
// usage: node verify-credential.mjs <jwks-url> <expected-issuer> <jwt>
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [jwksUrl, issuer, token] = process.argv.slice(2);
try {
  const keys = createRemoteJWKSet(new URL(jwksUrl));
  const { payload, protectedHeader } = await jwtVerify(token, keys, {
    issuer,
    algorithms: ['EdDSA'],
  });
  console.log(JSON.stringify({ ok: true, header: protectedHeader, payload }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: error.code ?? String(error) }));
}
