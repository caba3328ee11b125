-- A password set by an admin is temporary: the user replaces it at the next login.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
