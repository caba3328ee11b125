-- "Hubungkan akun": refresh token and expiry of OAuth-connected sources, logins in progress.
ALTER TABLE "Source" ADD COLUMN "refreshTokenEnc" TEXT;
ALTER TABLE "Source" ADD COLUMN "tokenExpiresAt" TIMESTAMP(3);
CREATE TABLE "OAuthSession" (
    "id" SERIAL NOT NULL,
    "stateHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "sourceId" INTEGER,
    "redirectUri" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OAuthSession_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OAuthSession_stateHash_key" ON "OAuthSession"("stateHash");
CREATE INDEX "OAuthSession_expiresAt_idx" ON "OAuthSession"("expiresAt");
