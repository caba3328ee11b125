// The server names the field of a bad input by its API name ("password: minimal 8 karakter");
// people see the label of that field instead ("Kata sandi: minimal 8 karakter").

const FIELD = /^([A-Za-z]+)(?:\.[\w.]+)?: (.*)$/;

/** Replaces API field names at the start of each "; "-separated message by `label(field)`. */
export function humanizeFieldErrors(message: string, label: (field: string) => string | null): string {
  return message
    .split("; ")
    .map((part) => {
      const m = FIELD.exec(part);
      const name = m ? label(m[1]) : null;
      return m && name ? `${name}: ${m[2]}` : part;
    })
    .join("; ");
}
