import { describe, expect, it } from "vitest";
import { humanizeFieldErrors } from "./fieldErrors";

const labels: Record<string, string> = { password: "Kata sandi", keywords: "Kata kunci" };
const label = (f: string) => labels[f] ?? null;

describe("humanizeFieldErrors", () => {
  it("names the field as the form labels it, for every part", () => {
    expect(humanizeFieldErrors("password: minimal 8 karakter", label)).toBe("Kata sandi: minimal 8 karakter");
    expect(humanizeFieldErrors("keywords.2: setiap kata kunci minimal 2 huruf; password: minimal 8 karakter", label))
      .toBe("Kata kunci: setiap kata kunci minimal 2 huruf; Kata sandi: minimal 8 karakter");
  });

  it("leaves unknown fields and plain sentences alone", () => {
    expect(humanizeFieldErrors("cursor: bad", label)).toBe("cursor: bad");
    expect(humanizeFieldErrors("Minimal harus ada satu admin aktif", label)).toBe("Minimal harus ada satu admin aktif");
  });
});
