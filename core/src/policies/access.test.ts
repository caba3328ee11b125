import { describe, expect, it } from "vitest";
import { ROLES, type AuthContext, type Role } from "@suara-desa/shared/auth";
import { HttpError } from "../errors";
import * as p from "./access";

const as = (role: Role, villageIds: number[] = [1]): AuthContext => ({ userId: 1, username: role, role, villageIds });

// The role table from the issue, written out independently of the implementation.
const VILLAGE_RULES: Record<string, Role[]> = {
  canReadVillage: ["admin", "pimpinan", "perangkat", "viewer"],
  canViewRawPersonalData: ["admin", "pimpinan"],
  canCorrectLabels: ["admin", "pimpinan", "perangkat"],
  canExport: ["admin", "pimpinan", "perangkat"],
  canManagePrivacy: ["admin"],
};
const GLOBAL_RULES: Record<string, Role[]> = {
  canManageSources: ["admin"],
  canManageVillages: ["admin"],
  canManageUsers: ["admin"],
  canReadAudit: ["admin"],
};

describe("village policies", () => {
  for (const [name, allowed] of Object.entries(VILLAGE_RULES)) {
    const fn = p[name as keyof typeof p] as (a: AuthContext | null, v: number) => boolean;
    it(`${name}: allows ${allowed.join(", ")} in their own village only`, () => {
      for (const role of ROLES) {
        expect(fn(as(role, [1]), 1), `${role} in own village`).toBe(allowed.includes(role));
        // Another village: only an admin (who reaches every village) keeps the right.
        expect(fn(as(role, [1]), 2), `${role} in another village`).toBe(role === "admin" && allowed.includes(role));
      }
      expect(fn(null, 1)).toBe(false);
    });
  }

  it("a member of several villages reaches each of them and no other", () => {
    const viewer = as("viewer", [3, 7]);
    expect([1, 3, 7, 8].map((v) => p.canReadVillage(viewer, v))).toEqual([false, true, true, false]);
  });
});

describe("global policies", () => {
  for (const [name, allowed] of Object.entries(GLOBAL_RULES)) {
    const fn = p[name as keyof typeof p] as (a: AuthContext | null) => boolean;
    it(`${name}: ${allowed.join(", ")}`, () => {
      for (const role of ROLES) expect(fn(as(role)), role).toBe(allowed.includes(role));
      expect(fn(undefined as unknown as null)).toBe(false);
    });
  }
});

describe("assert helpers", () => {
  it("throw a 403 HttpError when denied and return when allowed", () => {
    expect(() => p.assertCanReadVillage(as("viewer", [1]), 1)).not.toThrow();
    const denied = (() => {
      try {
        p.assertCanViewRawPersonalData(as("viewer", [1]), 1);
      } catch (e) {
        return e;
      }
    })();
    expect(denied).toBeInstanceOf(HttpError);
    expect((denied as HttpError).status).toBe(403);
    expect((denied as HttpError).code).toBe("forbidden");
    expect(() => p.assertCanReadAudit(as("pimpinan"))).toThrow(HttpError);
    expect(() => p.assertCanManageUsers(null)).toThrow(HttpError);
    expect(() => p.assertCanManagePrivacy(as("admin", []), 5)).not.toThrow();
  });
});
