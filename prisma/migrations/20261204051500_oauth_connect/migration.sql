-- "Hubungkan akun": refresh token and expiry of OAuth-connected sources, logins in progress.
ALTER TABLE "Source" ADD COLUMN "refreshTokenEnc" TEXT;
ALTER TABLE "Source" ADD COLUMN "tokenExpiresAt" DATETIME;
CREATE TABLE "OAuthSession" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stateHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "sourceId" INTEGER,
    "redirectUri" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "OAuthSession_stateHash_key" ON "OAuthSession"("stateHash");
CREATE INDEX "OAuthSession_expiresAt_idx" ON "OAuthSession"("expiresAt");
