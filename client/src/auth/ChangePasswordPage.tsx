// After an admin's reset: the temporary password is replaced by the user's own before the app
// opens. Each missing or wrong field is named under that field.
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import { LanguageSwitch } from "../widgets/LanguageSwitch";
import { authErrorMessage } from "./errorMessage";
import { useAuthStrings } from "./strings";
import { changePassword, type AuthUser } from "./useAuth";
import "./auth.css";

type Field = "current" | "password" | "confirm";

/** The "Ganti kata sandi" screen; calls onDone with the updated user. */
export function ChangePasswordPage({ user, onDone, onLogout }: { user: AuthUser; onDone: (u: AuthUser) => void; onLogout: () => void }) {
  const t = useAuthStrings();
  const { lang } = useI18n();
  const [values, setValues] = useState({ current: "", password: "", confirm: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!values.current) next.current = t("required");
    if (values.password.length < 8) next.password = t("passwordTooShort");
    else if (values.password !== values.confirm) next.confirm = t("passwordMismatch");
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      onDone(await changePassword(values.current, values.password));
    } catch (err) {
      const message = authErrorMessage(err, t, lang);
      // The server names the field: "currentPassword: …" or "password: …".
      if (/^currentPassword: /.test(message)) setErrors({ current: message.replace(/^currentPassword: /, "") });
      else if (/^password: /.test(message)) setErrors({ password: message.replace(/^password: /, "") });
      else setErrors({ current: message });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, label: string, autoComplete: string) => (
    <label className="auth-field">
      <span>{label}</span>
      <input name={name} type="password" autoComplete={autoComplete} required value={values[name]} disabled={busy}
        aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `change-${name}-error` : undefined}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
      {errors[name] && <small className="auth-field-error" id={`change-${name}-error`}>{errors[name]}</small>}
    </label>
  );

  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <div className="auth-top">
          <p className="auth-brand">{t("appName")}</p>
          <LanguageSwitch />
        </div>
        <h1 id="auth-title">{t("changeTitle")}</h1>
        <p className="auth-intro">{t("changeIntro", { name: user.displayName || user.username })}</p>
        {field("current", t("currentTemporary"), "current-password")}
        {field("password", t("newPassword"), "new-password")}
        <small className="auth-hint">{t("passwordHint")}</small>
        {field("confirm", t("passwordConfirm"), "new-password")}
        <button type="submit" className="auth-submit" disabled={busy}>{busy ? t("submitting") : t("submitChange")}</button>
        <button type="button" className="auth-link" onClick={onLogout}>{t("logout")}</button>
      </form>
    </main>
  );
}
