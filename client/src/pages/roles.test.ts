import { describe, expect, it } from "vitest";
import { commentPermissions } from "./roles";

describe("commentPermissions", () => {
  const member = (role: string) => ({ role, villages: [{ id: 1 }] });

  it("offers the erasure of an author's comments to admins only, as the server's canManagePrivacy", () => {
    expect(commentPermissions(member("admin"), 1).canErase).toBe(true);
    expect(commentPermissions({ role: "admin", villages: [] }, 2).canErase).toBe(true);
    for (const role of ["pimpinan", "perangkat", "viewer"]) expect(commentPermissions(member(role), 1).canErase, role).toBe(false);
  });

  it("keeps corrections and raw personal data to their roles, in the user's villages", () => {
    expect(commentPermissions(member("perangkat"), 1)).toEqual({ canCorrect: true, canViewRaw: false, canErase: false });
    expect(commentPermissions(member("pimpinan"), 1)).toEqual({ canCorrect: true, canViewRaw: true, canErase: false });
    expect(commentPermissions(member("pimpinan"), 2)).toEqual({ canCorrect: false, canViewRaw: false, canErase: false });
  });
});
