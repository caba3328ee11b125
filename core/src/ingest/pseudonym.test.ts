import { describe, expect, it } from "vitest";
import { rekeyPseudonym } from "../secrets";
import { authorPseudonym } from "./pseudonym";

describe("authorPseudonym", () => {
  const old = { pseudonymSecret: "secret-of-the-old-install", pseudonymChain: [] };
  const moved = { pseudonymSecret: "secret-after-the-move-1234", pseudonymChain: ["secret-of-the-old-install"] };

  it("is stable per platform account, case- and space-insensitive, and differs across platforms", () => {
    expect(authorPseudonym("x", " Budi_RT03 ", old)).toBe(authorPseudonym("x", "budi_rt03", old));
    expect(authorPseudonym("x", "budi", old)).not.toBe(authorPseudonym("facebook", "budi", old));
    expect(authorPseudonym("x", "budi", old)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("after a move gives a new comment exactly the value its author's re-keyed old comments hold", () => {
    const stored = authorPseudonym("facebook", "fb-siti", old);
    expect(authorPseudonym("facebook", "fb-siti", moved)).toBe(rekeyPseudonym(moved.pseudonymSecret, stored));
    expect(authorPseudonym("facebook", "fb-siti", moved)).not.toBe(stored);
    // Two moves chain the same way.
    const twice = { pseudonymSecret: "third-generation-secret-5678", pseudonymChain: [...moved.pseudonymChain, moved.pseudonymSecret] };
    expect(authorPseudonym("facebook", "fb-siti", twice)).toBe(rekeyPseudonym(twice.pseudonymSecret, authorPseudonym("facebook", "fb-siti", moved)));
  });
});
