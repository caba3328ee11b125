// The access token a source's calls use. Pasted tokens and Page tokens are used as stored; an X
// token from "Hubungkan akun" expires after two hours and is refreshed with its sealed refresh
// token shortly before that (and once more when X answers 401 anyway). A refresh X refuses means
// the login is gone: the caller marks the source "perlu login ulang".
import type { Database } from "../db/client";
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
 * with a refresh token is refreshed whatever its expiry says.
 */
export async function sourceAccessToken(
  db: Database,
  source: SourceRow,
  opts: { now?: Date; force?: boolean; config?: OAuthConfig } = {},
): Promise<string> {
  if (!source.tokenEnc) throw new TokenExpiredError("no token stored for this source");
  const now = opts.now ?? new Date();
  const due = source.tokenExpiresAt !== null && source.tokenExpiresAt.getTime() - REFRESH_MARGIN_MS <= now.getTime();
  if (source.platform !== "x" || !source.refreshTokenEnc || !(due || opts.force)) return open(source.tokenEnc);
  const used = source.refreshTokenEnc;
  try {
    const tokens = await xRefresh(opts.config ?? oauthConfig(), open(used), now);
    const next = {
      tokenEnc: sealSecret(tokens.accessToken),
      // X sends a new refresh token with every refresh; keep the old one if it ever does not.
      refreshTokenEnc: tokens.refreshToken ? sealSecret(tokens.refreshToken) : used,
      tokenExpiresAt: tokens.expiresAt,
    };
    if (await swapSourceTokens(db, source.id, used, next)) return tokens.accessToken;
  } catch (err) {
    if (!(err instanceof OAuthError)) throw err;
    if (err.kind === "unavailable") throw new TokenRefreshUnavailableError(err.message);
    // Refused: unless another process refreshed meanwhile (its rotation made ours invalid).
    const current = await getSource(db, source.id);
    if (current?.tokenEnc && current.refreshTokenEnc && current.refreshTokenEnc !== used) return open(current.tokenEnc);
    throw new TokenExpiredError(err.message);
  }
  // Another process stored newer tokens between our read and our write: theirs are current.
  const current = await getSource(db, source.id);
  if (!current?.tokenEnc) throw new TokenExpiredError("no token stored for this source");
  return open(current.tokenEnc);
}
