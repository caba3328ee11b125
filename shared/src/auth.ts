// Who is asking. Built from the session by the auth middleware and passed to every service, which
// checks it with the policies in core/src/policies.
export const ROLES = ["admin", "pimpinan", "perangkat", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface AuthContext {
  userId: number;
  username: string;
  role: Role;
  /** Villages the user belongs to; admins reach every village. */
  villageIds: number[];
  /** Logged in with a temporary password an admin set: only changing it is allowed until then. */
  mustChangePassword?: boolean;
  /** Set for a system actor (the command line): it has no User row, so the audit log records no userId. */
  system?: "cli";
}

declare module "express-serve-static-core" {
  interface Request {
    auth?: AuthContext;
  }
}
