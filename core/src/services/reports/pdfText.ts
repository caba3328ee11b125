// Text for PDFKit's standard fonts: they encode WinAnsi (Latin-1 plus a few typographic marks),
// so emoji and other scripts would print as garbage. Emoji are dropped; anything else outside
// WinAnsi is replaced by its closest ASCII form or removed.
const WINANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
// Pictographs, regional-indicator letters (flags), skin tones, joiners and variation selectors.
const EMOJI_RE = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\u200D|\uFE0E|\uFE0F|\u20E3/gu;
const REPLACEMENTS: Record<string, string> = { "−": "-", "‐": "-", "‑": "-", "→": "->", "←": "<-", "×": "x", "\u00A0": " " };

/** The text with what Helvetica cannot draw removed; whitespace runs collapsed. */
export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC").replace(EMOJI_RE, "")) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || WINANSI_EXTRA.has(ch)) out += ch;
    else if (REPLACEMENTS[ch]) out += REPLACEMENTS[ch];
    else if (code === 0x09) out += " ";
    else {
      // Accented letters outside Latin-1 (ő, ş…) keep their base letter.
      const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
      if (base.length === 1 && base.charCodeAt(0) < 0x7f) out += base;
    }
  }
  return out.replace(/[ ]{2,}/g, " ").replace(/ +\n/g, "\n").trim();
}
