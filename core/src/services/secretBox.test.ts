import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secretBox";

const KEY = "a".repeat(64);
const OTHER = "b".repeat(64);

describe("secretBox", () => {
  it("round-trips and never contains the plain token", () => {
    const sealed = sealSecret("EAAB-page-token-123", KEY);
    expect(sealed).not.toContain("EAAB");
    expect(openSecret(sealed, KEY)).toBe("EAAB-page-token-123");
  });
  it("uses a fresh IV each time", () => {
    expect(sealSecret("same", KEY)).not.toBe(sealSecret("same", KEY));
  });
  it("refuses another key and tampered data", () => {
    const sealed = sealSecret("token", KEY);
    expect(() => openSecret(sealed, OTHER)).toThrow(/cannot decrypt/);
    const parts = sealed.split(":");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => openSecret(parts.join(":"), KEY)).toThrow(/cannot decrypt/);
    expect(() => openSecret("plain-token", KEY)).toThrow(/unknown format/);
  });
  it("rejects a key of the wrong length", () => {
    expect(() => sealSecret("x", "abcd")).toThrow(/TOKEN_ENCRYPTION_KEY/);
  });
});
