// The "Masuk" screen: username and password, with clear messages for wrong credentials, lockout,
// too many attempts and a lost connection.
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import { authErrorMessage } from "./errorMessage";
import { useAuthStrings } from "./strings";
import { login, type AuthUser } from "./useAuth";
import "./auth.css";

/** Login form; calls onLoggedIn with the user once the session cookie is set. */
export function LoginPage({ onLoggedIn, notice }: { onLoggedIn: (user: AuthUser) => void; notice?: string }) {
  const t = useAuthStrings();
  const { lang } = useI18n();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t("required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await login(username.trim(), password));
    } catch (err) {
      setError(authErrorMessage(err, t, lang));
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <p className="auth-brand">{t("appName")}</p>
        <h1 id="auth-title">{t("loginTitle")}</h1>
        <p className="auth-intro">{t("loginIntro")}</p>
        {notice && <p className="auth-notice" role="status">{notice}</p>}
        <label className="auth-field">
          <span>{t("username")}</span>
          <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required
            value={username} onChange={(e) => setUsername(e.target.value)} disabled={busy} autoFocus />
        </label>
        <label className="auth-field">
          <span>{t("password")}</span>
          <input name="password" type="password" autoComplete="current-password" required
            value={password} onChange={(e) => setPassword(e.target.value)} disabled={busy} />
        </label>
        {error && <p className="auth-error" role="alert">{error}</p>}
        <button type="submit" className="auth-submit" disabled={busy}>
          {busy ? t("submitting") : t("submitLogin")}
        </button>
      </form>
    </main>
  );
}
