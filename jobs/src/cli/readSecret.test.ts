import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readToken, SecretInputError } from "./readSecret";

/** A stand-in terminal: a readable stream with isTTY and a raw mode switch, like process.stdin. */
function fakeTty() {
  const input = new PassThrough() as PassThrough & { isTTY: boolean; isRaw: boolean; setRawMode(v: boolean): void };
  input.isTTY = true;
  input.isRaw = false;
  const modes: boolean[] = [];
  input.setRawMode = (v: boolean) => { input.isRaw = v; modes.push(v); };
  let shown = "";
  const output = new PassThrough();
  output.on("data", (d) => (shown += String(d)));
  return { input: input as unknown as NodeJS.ReadStream, output, modes, shown: () => shown };
}

describe("readToken", () => {
  it("at a terminal: prompts, never echoes what is typed, honours backspace, restores the terminal", async () => {
    const tty = fakeTty();
    const token = readToken("Token: ", { input: tty.input, output: tty.output });
    tty.input.emit("data", "EAAB-sec");
    tty.input.emit("data", "retX\u007f-123\r");
    expect(await token).toBe("EAAB-secret-123");
    expect(tty.shown()).toBe("Token: \n");
    expect(tty.modes).toEqual([true, false]);
  });

  it("at a terminal: Ctrl-C cancels", async () => {
    const tty = fakeTty();
    const token = readToken("Token: ", { input: tty.input, output: tty.output });
    tty.input.emit("data", "abc\u0003");
    await expect(token).rejects.toThrow(new SecretInputError("cancelled"));
    expect(tty.modes).toEqual([true, false]);
  });

  it("from a pipe: reads it whole, trims the newline, rejects spaces and oversized input", async () => {
    const pipe = (text: string) => {
      const s = new PassThrough();
      s.end(text);
      return s as unknown as NodeJS.ReadStream;
    };
    expect(await readToken("", { input: pipe("EAAB-from-file-1\n") })).toBe("EAAB-from-file-1");
    await expect(readToken("", { input: pipe("two words\n") })).rejects.toThrow("single line");
    await expect(readToken("", { input: pipe("x".repeat(70_000)) })).rejects.toThrow("larger than 64 KB");
  });
});
