// First-run setup: shown while no account exists; creates the first admin and logs them in.
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import { authErrorMessage } from "./errorMessage";
import { useAuthStrings, type AuthStringKey } from "./strings";
import { AuthApiError, setupFirstAdmin, type AuthUser } from "./useAuth";
import "./auth.css";

const USERNAME = /^[a-z0-9._-]{3,32}$/;

/** Client-side checks mirroring the server's, so the common mistakes are caught before sending. */
export function validateSetup(v: { username: string; displayName: string; password: string; confirm: string }): AuthStringKey | null {
  if (!v.username.trim() || !v.displayName.trim() || !v.password) return "required";
  if (!USERNAME.test(v.username.trim().toLowerCase())) return "usernameInvalid";
  if (v.password.length < 8) return "passwordTooShort";
  if (v.password !== v.confirm) return "passwordMismatch";
  return null;
}

/** Setup form; onDone receives the new admin, onAlreadyDone is called when someone was faster. */
export function SetupPage({ onDone, onAlreadyDone }: { onDone: (user: AuthUser) => void; onAlreadyDone: () => void }) {
  const t = useAuthStrings();
  const { lang } = useI18n();
  const [form, setForm] = useState({ username: "", displayName: "", password: "", confirm: "" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = validateSetup(form);
    if (problem) {
      setError(t(problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await setupFirstAdmin({ username: form.username.trim().toLowerCase(), displayName: form.displayName.trim(), password: form.password }));
    } catch (err) {
      if (err instanceof AuthApiError && err.status === 409) onAlreadyDone();
      else setError(authErrorMessage(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <p className="auth-brand">{t("appName")}</p>
        <h1 id="auth-title">{t("setupTitle")}</h1>
        <p className="auth-intro">{t("setupIntro")}</p>
        <label className="auth-field">
          <span>{t("displayName")}</span>
          <input name="displayName" autoComplete="name" value={form.displayName} onChange={set("displayName")} disabled={busy} autoFocus />
        </label>
        {/* Hints sit outside the <label> so the field's accessible name stays short; they are
            linked with aria-describedby instead. */}
        <div className="auth-field">
          <label htmlFor="setup-username">{t("username")}</label>
          <input id="setup-username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false}
            aria-describedby="setup-username-hint" value={form.username} onChange={set("username")} disabled={busy} />
          <small id="setup-username-hint" className="auth-hint">{t("usernameHint")}</small>
        </div>
        <div className="auth-field">
          <label htmlFor="setup-password">{t("password")}</label>
          <input id="setup-password" name="password" type="password" autoComplete="new-password"
            aria-describedby="setup-password-hint" value={form.password} onChange={set("password")} disabled={busy} />
          <small id="setup-password-hint" className="auth-hint">{t("passwordHint")}</small>
        </div>
        <label className="auth-field">
          <span>{t("passwordConfirm")}</span>
          <input name="confirm" type="password" autoComplete="new-password" value={form.confirm} onChange={set("confirm")} disabled={busy} />
        </label>
        {error && <p className="auth-error" role="alert">{error}</p>}
        <button type="submit" className="auth-submit" disabled={busy}>
          {busy ? t("submitting") : t("submitSetup")}
        </button>
      </form>
    </main>
  );
}
