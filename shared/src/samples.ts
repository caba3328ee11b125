// When a share is too thin to print as a percentage: one rule for every screen that shows shares of a
// week's comments (the weekly review's KPI cards, the comparison page), so "sampel kecil" means the
// same thing everywhere.

/** Below this many rated (non-spam) comments, a share or its change in points says little. */
export const MIN_SHARE_SAMPLE = 20;

/** Whether `rated` comments are too few to stand behind a percentage: show the counts instead. */
export function isSmallSample(rated: number): boolean {
  return rated < MIN_SHARE_SAMPLE;
}
