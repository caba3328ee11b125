import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { districtName, findRegistryVillage, regencyName, searchRegistry, timeZoneOf, titleCase } from "./registryService";

describe("registry (idn-area-data)", () => {
  it("resolves a Kemendagri code to village, kecamatan, kabupaten and province", () => {
    expect(findRegistryVillage("32.15.04.2006")).toEqual({
      code: "32.15.04.2006", name: "Mulyasari", kind: "desa", kecamatan: "Ciampel", kabupaten: "Karawang", province: "Jawa Barat",
    });
    expect(findRegistryVillage("32.15.04.9999")).toBeNull();
  });

  it("searches by name within a province, exact and prefix matches first", () => {
    const hits = searchRegistry({ q: "mulyasari", province: "32", limit: 50 });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((h) => h.code.startsWith("32.") && h.name.toLowerCase().includes("mulyasari"))).toBe(true);
    expect(hits.map((h) => h.code)).toContain("32.15.04.2006");
    const ranks = hits.map((h) => (h.name.toLowerCase() === "mulyasari" ? 0 : h.name.toLowerCase().startsWith("mulyasari") ? 1 : 2));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it("searches by code prefix and honours the limit", () => {
    const hits = searchRegistry({ q: "32.15.04", limit: 5 });
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => h.code.startsWith("32.15.04.") && h.kecamatan === "Ciampel")).toBe(true);
  });

  it("formats names for display and picks the time zone by province", () => {
    expect(titleCase("DKI JAKARTA")).toBe("DKI Jakarta");
    expect(titleCase("KEPULAUAN BANGKA BELITUNG")).toBe("Kepulauan Bangka Belitung");
    expect(regencyName("KABUPATEN KARAWANG")).toBe("Karawang");
    expect(regencyName("KOTA BANDUNG")).toBe("Kota Bandung");
    expect([timeZoneOf("32.15.04.2006"), timeZoneOf("51.71.01.1001"), timeZoneOf("91.01.01.2001")]).toEqual([
      "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura",
    ]);
  });

  it("reads quoted names whole: a comma or a double quote inside a name", () => {
    expect(findRegistryVillage("12.07.28.1007")?.name).toBe("Lubuk Pakam I,II");
    expect(findRegistryVillage("35.13.15.2017")).toMatchObject({ name: 'Soka"an', kecamatan: "Krejengan", kabupaten: "Probolinggo", province: "Jawa Timur" });
  });

  it("names the file and line of a malformed registry row", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-"));
    try {
      fs.writeFileSync(path.join(dir, "provinces.csv"), "code,name\n32,Jawa Barat\n");
      fs.writeFileSync(path.join(dir, "regencies.csv"), "code,province_code,name\n32.15,32,Kabupaten Karawang\n");
      fs.writeFileSync(path.join(dir, "districts.csv"), "code,regency_code,name\n32.15.04,32.15\n");
      fs.writeFileSync(path.join(dir, "villages.csv"), "code,district_code,name\n32.15.04.2006,32.15.04,Mulyasari\n");
      expect(() => findRegistryVillage("32.15.04.2006", dir)).toThrow("districts.csv line 2: expected 3 columns, got 2");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("spells the West Java kecamatan the 2025 data misspells as residents do, and leaves correct names alone", () => {
    expect(districtName("32.03.20", "Cubinong")).toBe("Cibinong");
    expect(districtName("32.09.22", "Kepetakan")).toBe("Kapetakan");
    expect(districtName("32.03.20", "Cibinong")).toBe("Cibinong");
    expect(districtName("32.01.02", "Gunungputri")).toBe("Gunungputri");
    expect(findRegistryVillage("32.03.20.2001")?.kecamatan).toBe("Cibinong");
  });
});
