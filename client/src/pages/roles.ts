// What the interface offers to which role. The server enforces the same rules (core/src/policies);
// hiding a button only spares the user a 403.
import type { Role } from "@suara-desa/shared/auth";

const EXPORTERS: readonly string[] = ["admin", "pimpinan", "perangkat"] satisfies Role[];

/** Roles allowed to download reports and exports. */
export function canExportRole(role: string): boolean {
  return EXPORTERS.includes(role);
}

/** Only administrators add, edit, test or run sources. */
export function canManageSourcesRole(role: string): boolean {
  return role === "admin";
}

/** Officials who follow up residents' requests (change status, assign, reply). */
export function canFollowUpRole(role: string): boolean {
  return EXPORTERS.includes(role);
}
