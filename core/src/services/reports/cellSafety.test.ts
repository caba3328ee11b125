import { describe, expect, it } from "vitest";
import { safeCell } from "./cellSafety";

describe("safeCell", () => {
  it("prefixes cells that a spreadsheet would run as a formula", () => {
    for (const v of ["=HYPERLINK(\"x\")", "+62812", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd"]) expect(safeCell(v)).toBe(`'${v}`);
  });
  it("leaves ordinary text alone, including signs inside the text", () => {
    for (const v of ["Jalan rusak", "harga 1+1", "email a@b.id", "", " =spasi dulu"]) expect(safeCell(v)).toBe(v);
  });
});
