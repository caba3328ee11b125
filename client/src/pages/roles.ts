// What the interface offers to which role. The server enforces the same rules (core/src/policies);
// hiding a button only spares the user a 403.
import type { Role } from "@suara-desa/shared/auth";

const EXPORTERS: readonly string[] = ["admin", "pimpinan", "perangkat"] satisfies Role[];

/** Roles allowed to download reports and exports. */
export function canExportRole(role: string): boolean {
  return EXPORTERS.includes(role);
}

/** Roles allowed raw personal data (server: canViewRawPersonalData) may export authors' names. */
export function canExportNamesRole(role: string): boolean {
  return role === "admin" || role === "pimpinan";
}

/** Only administrators add, edit, test or run sources. */
export function canManageSourcesRole(role: string): boolean {
  return role === "admin";
}

/** Officials who follow up residents' requests (change status, assign, reply). */
export function canFollowUpRole(role: string): boolean {
  return EXPORTERS.includes(role);
}

/**
 * What a user may do with a village's comments: correct labels (server: canCorrectLabels), reveal
 * personal data (server: canViewRawPersonalData, audited) and erase an author's comments on a
 * resident's request (server: canManagePrivacy, admins). The server checks again.
 */
export function commentPermissions(
  user: { role: string; villages: Array<{ id: number }> },
  villageId: number,
): { canCorrect: boolean; canViewRaw: boolean; canErase: boolean } {
  const member = user.role === "admin" || user.villages.some((v) => v.id === villageId);
  return {
    canCorrect: EXPORTERS.includes(user.role) && member,
    canViewRaw: canExportNamesRole(user.role) && member,
    canErase: user.role === "admin" && member,
  };
}
