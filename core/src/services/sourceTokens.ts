// The access token a source's calls use. Pasted tokens and Page tokens are used as stored; an X
// token from "Hubungkan akun" expires after two hours and is refreshed with its sealed refresh
// token shortly before that (and once more when X answers 401 anyway). A refresh X refuses means
// the login is gone: the caller marks the source "perlu login ulang".
import type { Database } from "../db/client";
import { withSourceTokenLock } from "../db/locks";
import { getSource, swapSourceTokens, type SourceRow } from "../db/sourceRepository";
import { OAuthError, oauthConfig, xRefresh, type OAuthConfig } from "./platformOAuth";
import { openSecret, sealSecret } from "./secretBox";

/** Refresh this long before the expiry, so a call started just before it still works. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** The stored login no longer works (no token, a token that cannot be opened, a refused refresh). */
export class TokenExpiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenExpiredError";
  }
}

/** The platform could not be asked for a new token right now (try later; the source stays active). */
export class TokenRefreshUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenRefreshUnavailableError";
  }
}

function open(sealed: string): string {
  try {
    return openSecret(sealed);
  } catch (err) {
    throw new TokenExpiredError((err as Error).message);
  }
}

/**
 * A usable access token for `source`. With `force` (the platform just answered 401) an X token
 * with a refresh token is refreshed whatever its expiry says. Refreshes of one source run one at a
 * time across processes; one that waited finds the tokens the other stored and uses them.
 */
export async function sourceAccessToken(
  db: Database,
  source: SourceRow,
  opts: { now?: Date; force?: boolean; config?: OAuthConfig } = {},
): Promise<string> {
  if (!source.tokenEnc) throw new TokenExpiredError("no token stored for this source");
  const now = opts.now ?? new Date();
  const due = (s: SourceRow) => s.tokenExpiresAt !== null && s.tokenExpiresAt.getTime() - REFRESH_MARGIN_MS <= now.getTime();
  if (source.platform !== "x" || !source.refreshTokenEnc || !(due(source) || opts.force)) return open(source.tokenEnc);
  return withSourceTokenLock(db, source.id, async () => {
    const current = await getSource(db, source.id);
    if (!current?.tokenEnc) throw new TokenExpiredError("no token stored for this source");
    // Refreshed (or replaced by a pasted token) while we waited: that token is the current one.
    if (!current.refreshTokenEnc || current.refreshTokenEnc !== source.refreshTokenEnc) return open(current.tokenEnc);
    const used = current.refreshTokenEnc;
    let tokens;
    try {
      tokens = await xRefresh(opts.config ?? oauthConfig(), open(used), now);
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      if (err.kind === "unavailable") throw new TokenRefreshUnavailableError(err.message);
      throw new TokenExpiredError(err.message);
    }
    const next = {
      tokenEnc: sealSecret(tokens.accessToken),
      // X sends a new refresh token with every refresh; keep the old one if it ever does not.
      refreshTokenEnc: tokens.refreshToken ? sealSecret(tokens.refreshToken) : used,
      tokenExpiresAt: tokens.expiresAt,
    };
    // Compare-and-set: a token pasted meanwhile (not under this lock) wins over the refresh.
    if (await swapSourceTokens(db, source.id, used, next)) return tokens.accessToken;
    const latest = await getSource(db, source.id);
    if (!latest?.tokenEnc) throw new TokenExpiredError("no token stored for this source");
    return open(latest.tokenEnc);
  });
}
