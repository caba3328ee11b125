// The "Masuk" screen: username and password, with clear messages for wrong credentials, lockout,
// too many attempts and a lost connection; a missing field is named under that field. The
// language can be switched before signing in, and "Lupa kata sandi?" says what to do: there is no
// e-mail reset, an admin sets a temporary password on the Admin page.
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import { LanguageSwitch } from "../widgets/LanguageSwitch";
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
  const [missing, setMissing] = useState<{ username: boolean; password: boolean }>({ username: false, password: false });
  const [forgot, setForgot] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const gaps = { username: !username.trim(), password: !password };
    setMissing(gaps);
    if (gaps.username || gaps.password) {
      setError(null);
      const form = e.currentTarget as HTMLFormElement;
      form.querySelector<HTMLInputElement>(gaps.username ? 'input[name="username"]' : 'input[name="password"]')?.focus();
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
        <div className="auth-top">
          <p className="auth-brand">{t("appName")}</p>
          <LanguageSwitch />
        </div>
        <h1 id="auth-title">{t("loginTitle")}</h1>
        <p className="auth-intro">{t("loginIntro")}</p>
        {notice && <p className="auth-notice" role="status">{notice}</p>}
        <label className="auth-field">
          <span>{t("username")}</span>
          <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required
            aria-invalid={missing.username || undefined} aria-describedby={missing.username ? "login-username-error" : undefined}
            value={username} onChange={(e) => setUsername(e.target.value)} disabled={busy} autoFocus />
          {missing.username && <small className="auth-field-error" id="login-username-error">{t("usernameRequired")}</small>}
        </label>
        <label className="auth-field">
          <span>{t("password")}</span>
          <input name="password" type="password" autoComplete="current-password" required
            aria-invalid={missing.password || undefined} aria-describedby={missing.password ? "login-password-error" : undefined}
            value={password} onChange={(e) => setPassword(e.target.value)} disabled={busy} />
          {missing.password && <small className="auth-field-error" id="login-password-error">{t("passwordRequired")}</small>}
        </label>
        {error && <p className="auth-error" role="alert">{error}</p>}
        <button type="submit" className="auth-submit" disabled={busy}>
          {busy ? t("submitting") : t("submitLogin")}
        </button>
        <button type="button" className="auth-link" aria-expanded={forgot} aria-controls="login-forgot" onClick={() => setForgot(!forgot)}>
          {t("forgotPassword")}
        </button>
        {forgot && <p className="auth-notice" id="login-forgot">{t("forgotPasswordHelp")}</p>}
      </form>
    </main>
  );
}
