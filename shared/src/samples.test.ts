import { describe, expect, it } from "vitest";
import { isSmallSample, MIN_SHARE_SAMPLE } from "./samples";

describe("isSmallSample", () => {
  it("calls fewer than 20 rated comments a small sample, 20 and more not", () => {
    expect(MIN_SHARE_SAMPLE).toBe(20);
    expect([0, 1, 19].map(isSmallSample)).toEqual([true, true, true]);
    expect([20, 21, 500].map(isSmallSample)).toEqual([false, false, false]);
  });
});
