// The InstallSecret row (fingerprints of the secrets in use, the pseudonym chain) and the rewrites
// a move to new secrets makes, all on the one connection that holds the start-up transaction.
// The rules (which secret wins, when to move) are in core/src/secrets.ts.
import type { Database } from "./client";
import { pgQuery, pgTransaction, sqliteStatement } from "./sql";

export interface InstallRow {
  pseudonymSecret: string | null;
  tokenKey: string | null;
  pseudonymChain: string;
  pseudonymCheck: string;
  tokenKeyCheck: string;
}

/** What the start-up transaction may read and write. */
export interface SecretsTx {
  /** The InstallSecret row, or undefined on a database that has none yet. */
  readInstallSecret(): Promise<InstallRow | undefined>;
  /** Whether any comment is stored. */
  hasComments(): Promise<boolean>;
  /** Sources with a sealed token, in id order. */
  findSealedTokens(): Promise<Array<{ id: number; tokenEnc: string }>>;
  setSourceToken(id: number, tokenEnc: string): Promise<void>;
  insertInstallSecret(row: InstallRow): Promise<void>;
  /** Rewrites every stored author pseudonym p to rekey(p); returns the number of distinct pseudonyms. */
  rekeyPseudonyms(rekey: (pseudonym: string) => string): Promise<number>;
}

// One SQL text on the connection that holds the transaction: better-sqlite3's own connection
// (synchronous; nothing else runs during start-up) or one pooled PostgreSQL client.
type Query = <T>(sql: string, params?: Record<string, unknown>) => Promise<T[]>;

/** Runs `fn` in one transaction; on PostgreSQL under an advisory lock, so one machine at a time. */
export async function inSecretsTransaction<T>(db: Database, fn: (tx: SecretsTx) => Promise<T>): Promise<T> {
  if (db.raw) {
    const raw = db.raw;
    const q: Query = async <R>(sql: string, params: Record<string, unknown> = {}) => {
      const st = sqliteStatement(raw, sql);
      return (st.reader ? st.all(params) : (st.run(params), [])) as R[];
    };
    raw.exec("BEGIN IMMEDIATE");
    try {
      const out = await fn(secretsTx(db, q));
      raw.exec("COMMIT");
      return out;
    } catch (e) {
      if (raw.inTransaction) raw.exec("ROLLBACK");
      throw e;
    }
  }
  return pgTransaction(db, async (client) => {
    // Several machines starting at once: the first generates, the others wait and read its row.
    await client.query("SELECT pg_advisory_xact_lock(7302155)");
    return fn(secretsTx(db, async <R>(sql: string, params: Record<string, unknown> = {}) => (await pgQuery<R>(client, sql, params)).rows));
  });
}

function secretsTx(db: Database, q: Query): SecretsTx {
  return {
    async readInstallSecret() {
      return (await q<InstallRow>(`SELECT "pseudonymSecret", "tokenKey", "pseudonymChain", "pseudonymCheck", "tokenKeyCheck" FROM "InstallSecret" WHERE id = 1`))[0];
    },
    async hasComments() {
      return (await q<{ n: number }>(`SELECT 1 AS n FROM "Comment" LIMIT 1`)).length > 0;
    },
    findSealedTokens: () => q<{ id: number; tokenEnc: string }>(`SELECT id, "tokenEnc" FROM "Source" WHERE "tokenEnc" IS NOT NULL ORDER BY id`),
    async setSourceToken(id, tokenEnc) {
      await q(`UPDATE "Source" SET "tokenEnc" = @sealed WHERE id = @id`, { sealed: tokenEnc, id });
    },
    async insertInstallSecret(row) {
      await q(
        `INSERT INTO "InstallSecret" (id, "pseudonymSecret", "tokenKey", "pseudonymChain", "pseudonymCheck", "tokenKeyCheck")
         VALUES (1, @pseudonymSecret, @tokenKey, @chain, @pseudonymCheck, @tokenKeyCheck)`,
        { pseudonymSecret: row.pseudonymSecret, tokenKey: row.tokenKey, chain: row.pseudonymChain, pseudonymCheck: row.pseudonymCheck, tokenKeyCheck: row.tokenKeyCheck },
      );
    },
    rekeyPseudonyms: (rekey) => rekeyStoredPseudonyms(db, q, rekey),
  };
}

// Re-keys every distinct stored pseudonym through a temporary mapping table, then rewrites the
// comments in one statement; memory holds one page of authors at a time.
async function rekeyStoredPseudonyms(db: Database, q: Query, rekey: (pseudonym: string) => string): Promise<number> {
  const temp = db.provider === "postgres" ? "CREATE TEMP TABLE pseudonym_map (old_p TEXT PRIMARY KEY, new_p TEXT) ON COMMIT DROP" : "CREATE TEMP TABLE pseudonym_map (old_p TEXT PRIMARY KEY, new_p TEXT)";
  await q(temp);
  await q(`INSERT INTO pseudonym_map (old_p) SELECT DISTINCT "authorPseudonym" FROM "Comment"`);
  let after = "";
  let n = 0;
  for (;;) {
    const page = await q<{ old_p: string }>(`SELECT old_p FROM pseudonym_map WHERE old_p > @after ORDER BY old_p LIMIT 2000`, { after });
    if (!page.length) break;
    for (const r of page) await q(`UPDATE pseudonym_map SET new_p = @newP WHERE old_p = @oldP`, { newP: rekey(r.old_p), oldP: r.old_p });
    n += page.length;
    after = page[page.length - 1].old_p;
  }
  await q(`UPDATE "Comment" SET "authorPseudonym" = m.new_p FROM pseudonym_map m WHERE "Comment"."authorPseudonym" = m.old_p`);
  if (db.provider === "sqlite") await q("DROP TABLE pseudonym_map");
  return n;
}
