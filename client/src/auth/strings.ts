// The auth screens' own strings (Indonesian first, English second), kept here so these screens do
// not touch the shared catalogues; the language comes from the app's I18nProvider.
import { useI18n } from "../i18n";

const id = {
  appName: "Suara Desa",
  loginTitle: "Masuk",
  loginIntro: "Masuk untuk melihat aspirasi warga desa Anda.",
  username: "Nama pengguna",
  password: "Kata sandi",
  passwordConfirm: "Ulangi kata sandi",
  displayName: "Nama lengkap",
  submitLogin: "Masuk",
  submitting: "Memproses…",
  badCredentials: "Nama pengguna atau kata sandi salah.",
  locked: "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti atau minta admin mengatur ulang kata sandi.",
  rateLimited: "Terlalu banyak percobaan masuk. Tunggu {seconds} detik lalu coba lagi.",
  rateLimitedMinutes: "Terlalu banyak percobaan masuk yang gagal. Tunggu {minutes} menit lalu coba lagi.",
  disabled: "Akun ini dinonaktifkan. Hubungi admin desa.",
  network: "Tidak dapat terhubung ke server. Periksa koneksi lalu coba lagi.",
  unknownError: "Terjadi kesalahan: {message}",
  required: "Wajib diisi.",
  usernameRequired: "Nama pengguna wajib diisi.",
  passwordRequired: "Kata sandi wajib diisi.",
  forgotPassword: "Lupa kata sandi?",
  changeTitle: "Ganti kata sandi",
  changeIntro: "Halo {name}, kata sandi Anda baru diatur ulang oleh admin. Buat kata sandi baru milik Anda sendiri sebelum melanjutkan.",
  currentTemporary: "Kata sandi sementara dari admin",
  newPassword: "Kata sandi baru",
  submitChange: "Simpan kata sandi baru",
  forgotPasswordHelp: "Minta admin desa Anda mengatur ulang kata sandi lewat halaman Admin. Admin akan memberi kata sandi sementara; setelah itu Anda bisa masuk seperti biasa.",
  setupTitle: "Penyiapan awal",
  setupIntro: "Belum ada akun. Buat akun admin pertama untuk mengelola desa, sumber data, dan pengguna.",
  usernameHint: "3–32 karakter: huruf kecil, angka, titik, garis bawah, atau tanda hubung.",
  passwordHint: "Minimal 8 karakter.",
  passwordTooShort: "Kata sandi minimal 8 karakter.",
  passwordMismatch: "Kedua kata sandi tidak sama.",
  usernameInvalid: "Nama pengguna hanya boleh 3–32 huruf kecil, angka, titik, garis bawah, atau tanda hubung.",
  submitSetup: "Buat akun admin",
  setupDone: "Penyiapan sudah dilakukan. Silakan masuk.",
  loading: "Memuat…",
  retry: "Coba lagi",
  logout: "Keluar",
  loggedInAs: "Masuk sebagai {name}",
} as const;

export type AuthStringKey = keyof typeof id;
type AuthStrings = Record<AuthStringKey, string>;

const en: AuthStrings = {
  appName: "Suara Desa",
  loginTitle: "Sign in",
  loginIntro: "Sign in to see what your village's residents are saying.",
  username: "Username",
  password: "Password",
  passwordConfirm: "Repeat password",
  displayName: "Full name",
  submitLogin: "Sign in",
  submitting: "Working…",
  badCredentials: "Wrong username or password.",
  locked: "This account is temporarily locked after too many failed attempts. Try again later or ask an admin to reset the password.",
  rateLimited: "Too many sign-in attempts. Wait {seconds} seconds and try again.",
  rateLimitedMinutes: "Too many failed sign-in attempts. Wait {minutes} minutes and try again.",
  disabled: "This account is disabled. Contact the village admin.",
  network: "Cannot reach the server. Check the connection and try again.",
  unknownError: "Something went wrong: {message}",
  required: "Required.",
  usernameRequired: "Enter your username.",
  passwordRequired: "Enter your password.",
  forgotPassword: "Forgot your password?",
  changeTitle: "Change password",
  changeIntro: "Hello {name}, an admin has just reset your password. Choose a password of your own before you go on.",
  currentTemporary: "Temporary password from the admin",
  newPassword: "New password",
  submitChange: "Save the new password",
  forgotPasswordHelp: "Ask your village admin to reset it on the Admin page. They will give you a temporary password; then sign in as usual.",
  setupTitle: "First-run setup",
  setupIntro: "There is no account yet. Create the first admin account to manage villages, sources and users.",
  usernameHint: "3–32 characters: lower-case letters, digits, dot, underscore or dash.",
  passwordHint: "At least 8 characters.",
  passwordTooShort: "The password needs at least 8 characters.",
  passwordMismatch: "The two passwords differ.",
  usernameInvalid: "A username is 3–32 lower-case letters, digits, dots, underscores or dashes.",
  submitSetup: "Create admin account",
  setupDone: "Setup is already done. Please sign in.",
  loading: "Loading…",
  retry: "Try again",
  logout: "Sign out",
  loggedInAs: "Signed in as {name}",
};

export const AUTH_STRINGS: Record<"id" | "en", AuthStrings> = { id, en };

/** Fills {placeholders}. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** t() for the auth screens in the current app language. */
export function useAuthStrings(): (key: AuthStringKey, params?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  const table = AUTH_STRINGS[lang] ?? AUTH_STRINGS.id;
  return (key, params) => fill(table[key], params);
}
