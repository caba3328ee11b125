// Reading a secret (an access token) without it ever being a command-line argument: arguments end
// up in the shell history and in `ps` for every user of the machine. A terminal gets a prompt that
// does not echo; a pipe or a redirected file is read to its end.

/** Thrown when no usable secret was given; the message names what is wrong. */
export class SecretInputError extends Error {}

/** Reads all of `input` (a pipe or a file) as UTF-8. */
async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of input) {
    const b = typeof c === "string" ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    // A token is a few hundred bytes; a multi-megabyte stdin is a mistake (wrong file piped in).
    if (size > 64 * 1024) throw new SecretInputError("token: stdin is larger than 64 KB — pipe only the token");
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Prompts on `output` and reads one line from a terminal without echoing it. */
function promptHidden(input: NodeJS.ReadStream, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(prompt);
    let value = "";
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    const finish = (err: Error | null) => {
      input.setRawMode(wasRaw);
      input.pause();
      input.removeListener("data", onData);
      output.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish(null);
        if (ch === "\u0003") return finish(new SecretInputError("cancelled"));
        if (ch === "\u0004") return finish(null);
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on("data", onData);
  });
}

/** Checks a token's shape: one line, no spaces, of a plausible length. */
export function validateToken(raw: string): string {
  const token = raw.trim();
  if (token === "") throw new SecretInputError("token: empty — pipe it on stdin or type it at the prompt");
  if (/\s/.test(token)) throw new SecretInputError("token: must be a single line without spaces");
  if (token.length < 8) throw new SecretInputError("token: too short (at least 8 characters)");
  if (token.length > 4096) throw new SecretInputError("token: too long (at most 4096 characters)");
  return token;
}

/** Reads a token from a hidden prompt (terminal) or from stdin (pipe/file), validated. */
export async function readToken(prompt: string, io: { input?: NodeJS.ReadStream; output?: NodeJS.WritableStream } = {}): Promise<string> {
  const input = io.input ?? process.stdin;
  const output = io.output ?? process.stderr;
  const raw = input.isTTY ? await promptHidden(input, output, prompt) : await readAll(input);
  return validateToken(raw);
}
