// The session on the client: who is logged in (a React context filled by <AuthGate>) and the
// calls behind the login, setup and logout screens. The cookie is httpOnly: the client never sees
// the token, it only learns from /api/auth/me whether it is logged in.
import { createContext, useContext } from "react";

export type AuthRole = "admin" | "pimpinan" | "perangkat" | "viewer";

/** The logged-in user as GET /api/auth/me returns it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: AuthRole;
  disabled: boolean;
  /** An admin set a temporary password: the user replaces it before using the app. */
  mustChangePassword?: boolean;
  villages: Array<{ id: number; code: string; name: string }>;
}

/** An API failure with the server's code (unauthorized, locked, rate_limited, csrf…). */
export class AuthApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "AuthApiError";
  }
}

async function call<T>(method: "GET" | "POST", url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      // JSON body: what the server's CSRF check expects from a same-origin client.
      headers: { Accept: "application/json", ...(method === "POST" ? { "Content-Type": "application/json" } : {}) },
      body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch (err) {
    throw new AuthApiError("network", err instanceof Error ? err.message : String(err), 0);
  }
  type Body = { data?: T; error?: { code: string; message: string } };
  let json: Body | null = null;
  try {
    json = (await res.json()) as Body;
  } catch {
    /* a proxy error page: reported by status below */
  }
  if (!res.ok || !json || json.data === undefined) {
    const retry = Number(res.headers.get("Retry-After"));
    throw new AuthApiError(json?.error?.code ?? "http", json?.error?.message ?? `HTTP ${res.status}`, res.status, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return json.data;
}

/** The current user, or null when not logged in (401). */
export async function fetchMe(): Promise<AuthUser | null> {
  try {
    return (await call<{ user: AuthUser }>("GET", "/api/auth/me")).user;
  } catch (e) {
    if (e instanceof AuthApiError && e.status === 401) return null;
    throw e;
  }
}

/** Whether the first-run setup is needed (no account exists). */
export async function fetchSetupNeeded(): Promise<boolean> {
  return (await call<{ needed: boolean }>("GET", "/api/auth/setup")).needed;
}

/** Logs in; the server sets the session cookie. */
export async function login(username: string, password: string): Promise<AuthUser> {
  return (await call<{ user: AuthUser }>("POST", "/api/auth/login", { username, password })).user;
}

/** Creates the first admin and logs in. */
export async function setupFirstAdmin(input: { username: string; password: string; displayName: string }): Promise<AuthUser> {
  return (await call<{ user: AuthUser }>("POST", "/api/auth/setup", input)).user;
}

/** Replaces the logged-in user's own password. */
export async function changePassword(currentPassword: string, password: string): Promise<AuthUser> {
  return (await call<{ user: AuthUser }>("POST", "/api/auth/password", { currentPassword, password })).user;
}

/** Ends the session. */
export async function logout(): Promise<void> {
  await call<{ ok: boolean }>("POST", "/api/auth/logout");
}

export interface AuthState {
  user: AuthUser;
  /** Ends the session and shows the login page. */
  logout(): Promise<void>;
  /** Re-checks the session (call after any 401 from the API: the session may have expired). */
  refresh(): void;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The logged-in user and session actions; only inside <AuthGate>. */
export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth must be used inside <AuthGate>");
  return ctx;
}
