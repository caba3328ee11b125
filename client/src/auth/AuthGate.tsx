// Decides what the visitor sees: the app (with the user in context) when logged in, otherwise the
// login page, or the first-run setup when no account exists yet.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { ChangePasswordPage } from "./ChangePasswordPage";
import { LoginPage } from "./LoginPage";
import { SetupPage } from "./SetupPage";
import { useAuthStrings } from "./strings";
import { AuthContext, fetchMe, fetchSetupNeeded, logout as apiLogout, type AuthState, type AuthUser } from "./useAuth";
import "./auth.css";

type GateState =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "login"; notice?: string }
  | { kind: "setup" }
  | { kind: "in"; user: AuthUser };

/** Wraps the app: children render only for a logged-in user, who is available through useAuth(). */
export function AuthGate({ children }: { children: ReactNode }) {
  const t = useAuthStrings();
  const [state, setState] = useState<GateState>({ kind: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const user = await fetchMe();
      if (user) return { kind: "in", user } as const;
      return (await fetchSetupNeeded()) ? ({ kind: "setup" } as const) : ({ kind: "login" } as const);
    })().then(
      (next) => !cancelled && setState(next),
      (err: unknown) => !cancelled && setState({ kind: "error", message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setState({ kind: "login" });
    }
  }, []);
  const user = state.kind === "in" ? state.user : null;
  const value = useMemo<AuthState | null>(() => (user ? { user, logout, refresh } : null), [user, logout, refresh]);

  switch (state.kind) {
    case "loading":
      return (
        <div className="auth-page" role="status" aria-live="polite">
          <p className="auth-loading">{t("loading")}</p>
        </div>
      );
    case "error":
      return (
        <div className="auth-page">
          <div className="auth-card" role="alert">
            <p className="auth-error">{t("network")}</p>
            <p className="auth-hint">{state.message}</p>
            <button type="button" className="auth-submit" onClick={refresh}>{t("retry")}</button>
          </div>
        </div>
      );
    case "setup":
      return <SetupPage onDone={(u) => setState({ kind: "in", user: u })} onAlreadyDone={() => setState({ kind: "login", notice: t("setupDone") })} />;
    case "login":
      return <LoginPage notice={state.notice} onLoggedIn={(u) => setState({ kind: "in", user: u })} />;
    case "in":
      // A temporary password from an admin is replaced before anything else.
      if (state.user.mustChangePassword) return <ChangePasswordPage user={state.user} onDone={(u) => setState({ kind: "in", user: u })} onLogout={() => void logout()} />;
      return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
  }
}
