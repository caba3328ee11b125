-- Login throttling moves off the user row: the per-account lock (failedLogins, lockedUntil) let anyone
-- lock any admin out and its 423 told an attacker the name exists. LoginThrottle counts per client
-- address and per username + address instead, in the database so every server process shares it.
-- InstallSecret records the install's secrets (PostgreSQL) and fingerprints of those in use (both),
-- replacing the demo values that used to be committed in the code (server/src/secrets.ts).

-- AlterTable
ALTER TABLE "User" DROP COLUMN "failedLogins",
DROP COLUMN "lockedUntil";

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" BIGINT NOT NULL,
    "blockedUntil" BIGINT,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "InstallSecret" (
    "id" INTEGER NOT NULL,
    "pseudonymSecret" TEXT,
    "tokenKey" TEXT,
    "pseudonymChain" TEXT NOT NULL DEFAULT '[]',
    "pseudonymCheck" TEXT NOT NULL,
    "tokenKeyCheck" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstallSecret_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoginThrottle_windowStart_idx" ON "LoginThrottle"("windowStart");
