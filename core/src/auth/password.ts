// Credentials: password hashing and the rules for new usernames and passwords. Password hashing: bcrypt (cost 10) through bcryptjs: pure JavaScript, so no native build on the
// village office's machine; argon2 is not available in this deployment.
import bcrypt from "bcryptjs";
import { z } from "zod";

export const BCRYPT_COST = 10;

// bcrypt only reads the first 72 bytes; longer passwords would silently collide, so refuse them.
const MAX_PASSWORD_BYTES = 72;

/** A new password: 8 characters or more, at most 72 bytes (bcrypt's limit). */
export const PasswordSchema = z
  .string()
  .min(8, "minimal 8 karakter")
  .refine((p) => Buffer.byteLength(p, "utf8") <= MAX_PASSWORD_BYTES, "terlalu panjang (paling banyak 72 byte)");

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** True when the password matches the stored hash. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A real hash of a random string, computed once, so a login for an unknown user costs as much as
// one for a known user and response times do not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;
/** Burns one bcrypt comparison (for unknown usernames). */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash(`dummy-${Math.random()}`, BCRYPT_COST);
  await bcrypt.compare(password, await dummyHash);
  return false;
}

/** A new username: 3–32 characters of a–z, 0–9, dot, underscore, dash (stored lower case). */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, "harus 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung");
