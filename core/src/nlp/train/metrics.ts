// Classification metrics shared by training (tuning on valid) and eval:nlp (reporting on test).

/** Macro-F1 over the given label set (a label never predicted nor present counts as F1 0 only if present). */
export function macroF1<L extends string | number>(gold: L[], pred: L[], labels: readonly L[]): number {
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === l && gold[i] === l) tp++;
      else if (pred[i] === l) fp++;
      else if (gold[i] === l) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / labels.length;
}

/** Share of exact matches. */
export function accuracy<L>(gold: L[], pred: L[]): number {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return gold.length === 0 ? 0 : ok / gold.length;
}

/** Expected calibration error of top-class confidences, equal-width bins. */
export function expectedCalibrationError(confidence: number[], correct: boolean[], bins = 10): number {
  const sumConf = new Array(bins).fill(0);
  const sumAcc = new Array(bins).fill(0);
  const count = new Array(bins).fill(0);
  for (let i = 0; i < confidence.length; i++) {
    const b = Math.min(bins - 1, Math.floor(confidence[i] * bins));
    sumConf[b] += confidence[i];
    sumAcc[b] += correct[i] ? 1 : 0;
    count[b]++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b] > 0) ece += (count[b] / confidence.length) * Math.abs(sumAcc[b] / count[b] - sumConf[b] / count[b]);
  return ece;
}
