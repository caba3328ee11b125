import { describe, expect, it } from "vitest";
import { authErrorMessage } from "./errorMessage";
import { validateSetup } from "./SetupPage";
import { AUTH_STRINGS, fill, type AuthStringKey } from "./strings";
import { AuthApiError } from "./useAuth";

const tFor = (lang: "id" | "en") => (key: AuthStringKey, params?: Record<string, string | number>) => fill(AUTH_STRINGS[lang][key], params);

describe("auth strings", () => {
  it("have the same keys and placeholders in Indonesian and English", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(AUTH_STRINGS.en).sort()).toEqual(Object.keys(AUTH_STRINGS.id).sort());
    for (const key of Object.keys(AUTH_STRINGS.id) as AuthStringKey[]) {
      expect(placeholders(AUTH_STRINGS.en[key]), key).toEqual(placeholders(AUTH_STRINGS.id[key]));
    }
  });
});

describe("authErrorMessage", () => {
  it("explains each server refusal in the reader's language", () => {
    const id = tFor("id");
    expect(authErrorMessage(new AuthApiError("unauthorized", "x", 401), id, "id")).toBe("Nama pengguna atau kata sandi salah.");
    const locked = new AuthApiError("locked", "Akun dikunci sementara … Coba lagi dalam 12 menit", 423);
    expect(authErrorMessage(locked, id, "id")).toContain("12 menit");
    expect(authErrorMessage(locked, tFor("en"), "en")).toContain("temporarily locked");
    expect(authErrorMessage(new AuthApiError("rate_limited", "x", 429, 42), id, "id")).toContain("42 detik");
    expect(authErrorMessage(new AuthApiError("rate_limited", "x", 429, 900), id, "id")).toContain("15 menit");
    expect(authErrorMessage(new AuthApiError("rate_limited", "x", 429, 900), tFor("en"), "en")).toContain("15 minutes");
    expect(authErrorMessage(new AuthApiError("network", "fetch failed", 0), tFor("en"), "en")).toContain("Cannot reach the server");
    expect(authErrorMessage(new Error("boom"), id, "id")).toBe("Terjadi kesalahan: boom");
  });
});

describe("validateSetup", () => {
  const ok = { username: "kades", displayName: "Pak Kades", password: "rahasia-1", confirm: "rahasia-1" };
  it("catches the common mistakes before sending", () => {
    expect(validateSetup(ok)).toBeNull();
    expect(validateSetup({ ...ok, displayName: " " })).toBe("required");
    expect(validateSetup({ ...ok, username: "pak kades" })).toBe("usernameInvalid");
    expect(validateSetup({ ...ok, password: "pendek", confirm: "pendek" })).toBe("passwordTooShort");
    expect(validateSetup({ ...ok, confirm: "rahasia-2" })).toBe("passwordMismatch");
  });
});
