// Who may do what. Pure functions of the AuthContext: services call the assertX form before
// touching data, so a route cannot forget a check that its service makes.
// Roles: admin (everything, every village), pimpinan (ketua BPD: read their villages, reports,
// raw personal data), perangkat (perangkat desa: explore, correct labels, follow up, export
// redacted), viewer (read; personal data always redacted).
import type { AuthContext, Role } from "@suara-desa/shared/auth";
import { forbidden } from "../errors";

type Auth = AuthContext | null | undefined;

function isMember(auth: AuthContext, villageId: number): boolean {
  return auth.role === "admin" || auth.villageIds.includes(villageId);
}

function roleIn(auth: Auth, roles: readonly Role[]): auth is AuthContext {
  return !!auth && roles.includes(auth.role);
}

/** Any member of the village (admins: every village). */
export function canReadVillage(auth: Auth, villageId: number): boolean {
  return !!auth && isMember(auth, villageId);
}

/** Unredacted names, phone numbers, NIK: admin and pimpinan of the village. */
export function canViewRawPersonalData(auth: Auth, villageId: number): boolean {
  return roleIn(auth, ["admin", "pimpinan"]) && isMember(auth, villageId);
}

/** Correcting sentiment/topic labels and following up: admin, pimpinan, perangkat. */
export function canCorrectLabels(auth: Auth, villageId: number): boolean {
  return roleIn(auth, ["admin", "pimpinan", "perangkat"]) && isMember(auth, villageId);
}

/** Exports and reports (redacted unless canViewRawPersonalData): admin, pimpinan, perangkat. */
export function canExport(auth: Auth, villageId: number): boolean {
  return roleIn(auth, ["admin", "pimpinan", "perangkat"]) && isMember(auth, villageId);
}

/** Adding, editing and connecting sources: admin. */
export function canManageSources(auth: Auth): boolean {
  return roleIn(auth, ["admin"]);
}

/** "Hubungkan akun" for a village: who may manage sources, for a village they belong to. */
export function canConnectSources(auth: Auth, villageId: number): boolean {
  return canManageSources(auth) && !!auth && isMember(auth, villageId);
}

/** Adding villages from the registry: admin. */
export function canManageVillages(auth: Auth): boolean {
  return roleIn(auth, ["admin"]);
}

/** Accounts and roles: admin. */
export function canManageUsers(auth: Auth): boolean {
  return roleIn(auth, ["admin"]);
}

/** The audit log: admin. */
export function canReadAudit(auth: Auth): boolean {
  return roleIn(auth, ["admin"]);
}

/** Background jobs (queues, failures): admin. */
export function canViewJobs(auth: Auth): boolean {
  return roleIn(auth, ["admin"]);
}

/** Retention settings and erasure requests: admin. */
export function canManagePrivacy(auth: Auth, villageId: number): boolean {
  return roleIn(auth, ["admin"]) && isMember(auth, villageId);
}

/** A village's own topics (added to the taxonomy): admin and pimpinan of the village. */
export function canEditTopics(auth: Auth, villageId: number): boolean {
  return roleIn(auth, ["admin", "pimpinan"]) && isMember(auth, villageId);
}

/** Throws 403 unless canEditTopics. */
export function assertCanEditTopics(auth: Auth, villageId: number): asserts auth is AuthContext {
  check(canEditTopics(auth, villageId), "Hanya admin atau pimpinan desa yang dapat mengubah topik");
}

function check(ok: boolean, message?: string): void {
  if (!ok) throw forbidden(message);
}

/** Throws 403 unless canReadVillage. */
export function assertCanReadVillage(auth: Auth, villageId: number): asserts auth is AuthContext {
  check(canReadVillage(auth, villageId));
}
/** Throws 403 unless canViewRawPersonalData. */
export function assertCanViewRawPersonalData(auth: Auth, villageId: number): asserts auth is AuthContext {
  check(canViewRawPersonalData(auth, villageId), "Hanya admin dan pimpinan yang dapat melihat data pribadi");
}
/** Throws 403 unless canCorrectLabels. */
export function assertCanCorrectLabels(auth: Auth, villageId: number): asserts auth is AuthContext {
  check(canCorrectLabels(auth, villageId), "Anda tidak berhak mengubah label");
}
/** Throws 403 unless canExport. */
export function assertCanExport(auth: Auth, villageId: number): asserts auth is AuthContext {
  check(canExport(auth, villageId), "Anda tidak berhak mengekspor data desa ini");
}
/** Throws 403 unless canManageSources. */
export function assertCanManageSources(auth: Auth): asserts auth is AuthContext {
  check(canManageSources(auth), "Hanya admin yang dapat mengelola sumber data");
}
/** Throws 403 unless canConnectSources. */
export function assertCanConnectSources(auth: Auth, villageId: number): asserts auth is AuthContext {
  check(canConnectSources(auth, villageId), "Hanya admin yang dapat menghubungkan akun desa ini");
}
/** Throws 403 unless canManageVillages. */
export function assertCanManageVillages(auth: Auth): asserts auth is AuthContext {
  check(canManageVillages(auth), "Hanya admin yang dapat menambah desa");
}
/** Throws 403 unless canManageUsers. */
export function assertCanManageUsers(auth: Auth): asserts auth is AuthContext {
  check(canManageUsers(auth), "Hanya admin yang dapat mengelola pengguna");
}
/** Throws 403 unless canReadAudit. */
export function assertCanReadAudit(auth: Auth): asserts auth is AuthContext {
  check(canReadAudit(auth), "Hanya admin yang dapat membaca log audit");
}
/** Throws 403 unless canViewJobs. */
export function assertCanViewJobs(auth: Auth): asserts auth is AuthContext {
  check(canViewJobs(auth), "Hanya admin yang dapat melihat pekerjaan latar");
}
/** Throws 403 unless canManagePrivacy. */
export function assertCanManagePrivacy(auth: Auth, villageId: number): asserts auth is AuthContext {
  check(canManagePrivacy(auth, villageId), "Hanya admin yang dapat mengatur privasi dan penghapusan data");
}
