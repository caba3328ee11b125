-- Login throttling moves off the user row: the per-account lock (failedLogins, lockedUntil) let anyone
-- lock any admin out and its 423 told an attacker the name exists. LoginThrottle counts per client
-- address and per username + address instead, in the database so every server process shares it.
-- InstallSecret records the install's secrets (PostgreSQL) and fingerprints of those in use (both),
-- replacing the demo values that used to be committed in the code (server/src/secrets.ts).
-- DROP COLUMN, not a table rebuild: rebuilding "User" inside the migration's transaction would run
-- the cascades of its foreign keys (sessions, memberships, audit authors).
ALTER TABLE "User" DROP COLUMN "failedLogins";
ALTER TABLE "User" DROP COLUMN "lockedUntil";

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" BIGINT NOT NULL,
    "blockedUntil" BIGINT
);

-- CreateTable
CREATE TABLE "InstallSecret" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pseudonymSecret" TEXT,
    "tokenKey" TEXT,
    "pseudonymChain" TEXT NOT NULL DEFAULT '[]',
    "pseudonymCheck" TEXT NOT NULL,
    "tokenKeyCheck" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "LoginThrottle_windowStart_idx" ON "LoginThrottle"("windowStart");
