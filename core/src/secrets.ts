// The install's two secrets: the key of the keyed hash that pseudonymises comment authors, and the
// AES-256-GCM key that seals X/Meta access tokens. Earlier versions defaulted both to values
// committed in the code, so every install that kept the defaults sealed tokens with a public key
// and pseudonymised with a public salt. Now:
// - the environment (PSEUDONYM_SECRET, TOKEN_ENCRYPTION_KEY) wins when set;
// - otherwise random ones are generated at first start and kept: SQLite in `secrets.json` beside the
//   database file (0600), PostgreSQL in the InstallSecret row, so every server and worker machine
//   uses the same ones without copying anything;
// - fingerprints of the secrets in use are recorded in InstallSecret, and a process started with
//   other secrets refuses to run, naming the setting (a worker with another PSEUDONYM_SECRET would
//   otherwise write pseudonyms an erasure request can never match);
// - an install that ran on the old built-in values moves to new ones at its first start, in one
//   transaction: tokens are re-sealed with the new key, and every stored pseudonym p is re-keyed to
//   HMAC(new, "rekey:" + p). The raw author id is not stored, so pseudonyms cannot be recomputed from
//   it; instead the old salt stays in `pseudonymChain` and new comments get
//   HMAC(new, "rekey:" + HMAC(old, author)) — the very value the re-keyed rows hold. One author keeps
//   one pseudonym across the move, so erasure ("delete every comment of this author") still finds all
//   of them, and no stored value can be recomputed from the public salt alone.
// The row (fingerprints, chain) is written in the same transaction as the move, and the secrets
// file before it: a crash leaves either the old state (moved again at the next start) or the new.
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sqlitePath, type Database } from "./db/client";
import { inSecretsTransaction } from "./db/installSecretRepository";
import { pseudonymChainColumn } from "./db/jsonColumns";
import { env, LEGACY_PSEUDONYM_SECRET, LEGACY_TOKEN_ENCRYPTION_KEY, type Env } from "./env";
import { openSecret, sealSecret } from "./services/secretBox";

export { LEGACY_PSEUDONYM_SECRET, LEGACY_TOKEN_ENCRYPTION_KEY };

// Test runs (NODE_ENV=test) that set nothing use these, without files: many temporary databases
// live in one test process. Tests of this module pass their own configuration.
const TEST_PSEUDONYM_SECRET = "suara-desa-test-pseudonym-secret";
const TEST_TOKEN_ENCRYPTION_KEY = "7e57".repeat(16);

export interface InstallSecrets {
  pseudonymSecret: string;
  /** Earlier pseudonym secrets, oldest first, that stored pseudonyms were re-keyed from. */
  pseudonymChain: string[];
  tokenKey: string;
}

let current: InstallSecrets | null = null;

/** The secrets of this process (loaded by prepareDatabase). */
export function secrets(): InstallSecrets {
  if (current) return current;
  const config = env();
  if (config.NODE_ENV === "test") {
    return {
      pseudonymSecret: config.PSEUDONYM_SECRET ?? TEST_PSEUDONYM_SECRET,
      pseudonymChain: [],
      tokenKey: config.TOKEN_ENCRYPTION_KEY ?? TEST_TOKEN_ENCRYPTION_KEY,
    };
  }
  throw new Error("secrets not loaded: open the database with prepareDatabase() first");
}

/** A value that identifies a secret without revealing it (16 hex characters). */
export function fingerprint(secret: string): string {
  return createHmac("sha256", secret).update("suara-desa secret fingerprint v1").digest("hex").slice(0, 16);
}

/** Pseudonym re-keyed with `secret`: the step from one generation of pseudonyms to the next. */
export function rekeyPseudonym(secret: string, pseudonym: string): string {
  return createHmac("sha256", secret).update(`rekey:${pseudonym}`).digest("hex").slice(0, 16);
}

/** `secrets.json` beside a SQLite database file. */
export function secretsFileFor(databaseUrl: string): string {
  return path.join(path.dirname(sqlitePath(databaseUrl)), "secrets.json");
}

interface SecretsFile { pseudonymSecret?: string; tokenEncryptionKey?: string; createdAt?: string }

const HEX64 = /^[0-9a-f]{64}$/i;

/** Reads a secrets file; null when it does not exist. Throws naming the file when it is damaged. */
export function readSecretsFile(file: string): SecretsFile | null {
  if (!fs.existsSync(file)) return null;
  let data: SecretsFile;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8")) as SecretsFile;
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message}); restore it from a backup (npm run restore brings it back)`);
  }
  if (data.pseudonymSecret !== undefined && (typeof data.pseudonymSecret !== "string" || data.pseudonymSecret.length < 16)) {
    throw new Error(`${file}: pseudonymSecret must be a string of at least 16 characters`);
  }
  if (data.tokenEncryptionKey !== undefined && (typeof data.tokenEncryptionKey !== "string" || !HEX64.test(data.tokenEncryptionKey))) {
    throw new Error(`${file}: tokenEncryptionKey must be 64 hex characters`);
  }
  // Ours, and it must stay readable by the service account only, whatever the umask gave it.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return data;
}

/** Writes a secrets file atomically, owner-only (0600). */
export function writeSecretsFile(file: string, data: SecretsFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, "w", 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(data, null, 2) + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** What ensureSecrets did, for the start-up log. */
export interface SecretsOutcome {
  secrets: InstallSecrets;
  generated: Array<"PSEUDONYM_SECRET" | "TOKEN_ENCRYPTION_KEY">;
  /** Set when an install on the built-in values was moved to new secrets. */
  moved: { tokens: number; pseudonyms: number } | null;
  /** Where generated secrets are kept. */
  storedIn: string | null;
}

const random = () => randomBytes(32).toString("hex");

/**
 * Resolves, generates, verifies and (for an install on the built-in values) moves the secrets of
 * the database `db`; installs them for this process unless `install` is false.
 */
export async function ensureSecrets(db: Database, opts: { config?: Env; install?: boolean } = {}): Promise<SecretsOutcome> {
  const config = opts.config ?? env();
  if (config.NODE_ENV === "test" && (config.PSEUDONYM_SECRET === undefined || config.TOKEN_ENCRYPTION_KEY === undefined) && opts.config === undefined) {
    const s = secrets();
    return { secrets: s, generated: [], moved: null, storedIn: null };
  }
  const file = db.provider === "sqlite" ? secretsFileFor(db.url) : null;
  const outcome = await inSecretsTransaction(db, async (tx) => {
    const row = await tx.readInstallSecret();
    const stored: SecretsFile = file ? (readSecretsFile(file) ?? {}) : { pseudonymSecret: row?.pseudonymSecret ?? undefined, tokenEncryptionKey: row?.tokenKey ?? undefined };
    // The database was written with secrets that are neither set nor kept any more (secrets.json
    // lost, or values that came from the environment): generating new ones would make its tokens
    // unreadable and its pseudonyms unmatchable, so stop and say what to bring back.
    if (row) {
      const where = file ? `${file} (npm run restore brings it back with the database)` : "the environment of the processes that wrote it";
      if (config.PSEUDONYM_SECRET === undefined && stored.pseudonymSecret === undefined) {
        throw new Error(`PSEUDONYM_SECRET: not set, and this database's pseudonyms were made with a secret that is not kept here: restore it from ${where}, or set PSEUDONYM_SECRET to the original value`);
      }
      if (config.TOKEN_ENCRYPTION_KEY === undefined && stored.tokenEncryptionKey === undefined) {
        throw new Error(`TOKEN_ENCRYPTION_KEY: not set, and this database's tokens were sealed with a key that is not kept here: restore it from ${where}, or set TOKEN_ENCRYPTION_KEY to the original value`);
      }
    }
    const generated: SecretsOutcome["generated"] = [];
    const pseudonymSecret = config.PSEUDONYM_SECRET ?? stored.pseudonymSecret ?? (generated.push("PSEUDONYM_SECRET"), random());
    const tokenKey = config.TOKEN_ENCRYPTION_KEY ?? stored.tokenEncryptionKey ?? (generated.push("TOKEN_ENCRYPTION_KEY"), random());
    // Generated secrets are kept before anything is written with them.
    const keep: SecretsFile = {
      pseudonymSecret: config.PSEUDONYM_SECRET === undefined ? pseudonymSecret : undefined,
      tokenEncryptionKey: config.TOKEN_ENCRYPTION_KEY === undefined ? tokenKey : undefined,
    };
    if (file && generated.length) writeSecretsFile(file, { ...keep, createdAt: new Date().toISOString() });

    if (row) {
      // The data was written with the secrets these fingerprints describe: any other would corrupt it.
      const where = file ? file : "the database (InstallSecret)";
      if (fingerprint(pseudonymSecret) !== row.pseudonymCheck) {
        throw new Error(
          `PSEUDONYM_SECRET: differs from the secret this database's author pseudonyms were made with (kept in ${where}). ` +
            "Remove the setting to use the kept one, or set the original value: with another one, erasure requests would no longer find an author's comments.",
        );
      }
      if (fingerprint(tokenKey) !== row.tokenKeyCheck) {
        throw new Error(
          `TOKEN_ENCRYPTION_KEY: differs from the key this database's source tokens were sealed with (kept in ${where}). ` +
            "Remove the setting to use the kept one, or set the original value.",
        );
      }
      return { secrets: { pseudonymSecret, tokenKey, pseudonymChain: pseudonymChainColumn.parse(row.pseudonymChain) }, generated, moved: null };
    }

    // No row: a new database, or one written by a version that used the built-in values unless the
    // environment supplied its own. Secrets taken from the environment are taken as the ones used.
    const hasComments = await tx.hasComments();
    const moveTokens = config.TOKEN_ENCRYPTION_KEY === undefined;
    const movePseudonyms = config.PSEUDONYM_SECRET === undefined && hasComments;
    let tokens = 0;
    if (moveTokens) {
      const sealed = await tx.findSealedTokens();
      for (const s of sealed) {
        let plain: string;
        try {
          plain = openSecret(s.tokenEnc, LEGACY_TOKEN_ENCRYPTION_KEY);
        } catch {
          throw new Error(
            `TOKEN_ENCRYPTION_KEY: the token of source #${s.id} was not sealed with the old built-in key, so this database was ` +
              "written with your own TOKEN_ENCRYPTION_KEY: set it again (nothing was changed)",
          );
        }
        await tx.setSourceToken(s.id, sealSecret(plain, tokenKey));
        tokens++;
      }
    }
    let pseudonyms = 0;
    const chain: string[] = [];
    if (movePseudonyms) {
      chain.push(LEGACY_PSEUDONYM_SECRET);
      pseudonyms = await tx.rekeyPseudonyms((p) => rekeyPseudonym(pseudonymSecret, p));
    }
    await tx.insertInstallSecret({
      // PostgreSQL keeps what it generated here; SQLite keeps it in the file.
      pseudonymSecret: file ? null : (keep.pseudonymSecret ?? null),
      tokenKey: file ? null : (keep.tokenEncryptionKey ?? null),
      pseudonymChain: pseudonymChainColumn.serialise(chain),
      pseudonymCheck: fingerprint(pseudonymSecret),
      tokenKeyCheck: fingerprint(tokenKey),
    });
    const moved = tokens > 0 || pseudonyms > 0 ? { tokens, pseudonyms } : null;
    return { secrets: { pseudonymSecret, tokenKey, pseudonymChain: chain }, generated, moved };
  });
  if (opts.install !== false) current = outcome.secrets;
  return { ...outcome, storedIn: outcome.generated.length ? (file ?? "the database (InstallSecret)") : null };
}

/** Forgets the secrets installed in this process (tests of ensureSecrets). */
export function resetSecretsForTests(): void {
  current = null;
}
