import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { metaDialogUrl, pkceChallenge, pkcePair, xAuthorizeUrl } from "./platformOAuth";

describe("PKCE", () => {
  it("derives the S256 challenge of RFC 7636 appendix B", () => {
    expect(pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });
  it("makes verifiers of 43 unreserved characters, new each time", () => {
    const a = pkcePair();
    const b = pkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(pkceChallenge(a.verifier));
  });
});

describe("login addresses", () => {
  const c = parseEnv({ NODE_ENV: "test", X_CLIENT_ID: "client-1", X_CLIENT_SECRET: "s", META_APP_ID: "1234", META_APP_SECRET: "s" });
  it("X: response_type code, the client, space-separated scopes, state and S256 challenge", () => {
    const u = new URL(xAuthorizeUrl(c, { redirectUri: "https://desa.example/api/oauth/x/callback", state: "st", challenge: "ch" }));
    expect(`${u.origin}${u.pathname}`).toBe("https://x.com/i/oauth2/authorize");
    expect(Object.fromEntries(u.searchParams)).toEqual({
      response_type: "code", client_id: "client-1", redirect_uri: "https://desa.example/api/oauth/x/callback",
      scope: "tweet.read tweet.write users.read offline.access", state: "st", code_challenge: "ch", code_challenge_method: "S256",
    });
  });
  it("Facebook: the dialog of the Graph version, comma-separated permissions, an S256 challenge, no secret", () => {
    const u = new URL(metaDialogUrl(c, { redirectUri: "https://desa.example/api/oauth/meta/callback", state: "st", challenge: "ch" }));
    expect(`${u.origin}${u.pathname}`).toBe("https://www.facebook.com/v23.0/dialog/oauth");
    expect(u.searchParams.get("scope")).toContain("pages_show_list,");
    expect([u.searchParams.get("code_challenge"), u.searchParams.get("code_challenge_method")]).toEqual(["ch", "S256"]);
    expect(u.toString()).not.toContain("secret");
  });
});
