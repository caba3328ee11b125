// Tokens of social accounts are stored encrypted at rest with AES-256-GCM. Format of a sealed
// value: "v1:<iv b64url>:<tag b64url>:<ciphertext b64url>". The key comes from
// install's secrets (TOKEN_ENCRYPTION_KEY, or the key generated at first start: core/src/secrets.ts);
// a value sealed with another key fails to open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { secrets } from "../secrets";

function keyFrom(hex: string): Buffer {
  const key = Buffer.from(hex, "hex");
  if (key.length !== 32) throw new Error("TOKEN_ENCRYPTION_KEY: must be 64 hex characters (32 bytes)");
  return key;
}

/** Encrypts a secret (a platform access token). */
export function sealSecret(plain: string, keyHex: string = secrets().tokenKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(keyHex), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

/** Decrypts a value made by sealSecret; throws when it was tampered with or the key changed. */
export function openSecret(sealed: string, keyHex: string = secrets().tokenKey): string {
  const [version, iv, tag, data] = sealed.split(":");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("sealed secret: unknown format");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(keyHex), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("sealed secret: cannot decrypt (TOKEN_ENCRYPTION_KEY changed or value damaged)");
  }
}
