import { describe, expect, it } from "vitest";
import { extractPlaces } from "./places";

describe("places mentioned", () => {
  it("finds RT/RW in their many spellings and canonicalises them", () => {
    expect(extractPlaces("Jalan di RT 03 RW 02 rusak")).toEqual(["RT 03/RW 02"]);
    expect(extractPlaces("rt3/rw2 banjir lagi, rt.05 juga")).toEqual(["RT 03/RW 02", "RT 05"]);
    expect(extractPlaces("warga RW 4 belum dapat")).toEqual(["RW 04"]);
  });

  it("finds dusun, kampung and gang names in Indonesian and Sundanese comments", () => {
    expect(extractPlaces("Dusun Krajan kebanjiran, Kp. Babakan juga")).toEqual(["Dusun Krajan", "Kampung Babakan"]);
    expect(extractPlaces("jalan di dusun sukamaju bolong-bolong")).toEqual(["Dusun Sukamaju"]);
    expect(extractPlaces("cai di kampung cikalong tos saminggu pareum")).toEqual(["Kampung Cikalong"]);
    expect(extractPlaces("dusun 2 belum ada lampu")).toEqual(["Dusun 2"]);
  });

  it("does not invent a place from ordinary words", () => {
    expect(extractPlaces("terima kasih pak kades, pelayanan cepat")).toEqual([]);
    expect(extractPlaces("di dusun yang sebelah sana")).toEqual([]);
  });
});
