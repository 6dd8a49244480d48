/**
 * scikit-learn HistGradientBoosting's stopping rule: scores (higher is better; the negated
 * validation loss, starting with the baseline's) are kept per iteration, and training stops once
 * none of the last nIterNoChange scores beats the one just before them by more than tol.
 */
export class NoImprovementStop {
  private readonly scores: number[] = [];

  constructor(
    private readonly nIterNoChange: number,
    private readonly tol: number,
  ) {}

  /** Records one score; true when training should stop. */
  record(score: number): boolean {
    const scores = this.scores;
    scores.push(score);
    const referencePosition = this.nIterNoChange + 1;
    if (scores.length < referencePosition) return false;
    const reference = scores[scores.length - referencePosition] + this.tol;
    for (let i = scores.length - referencePosition + 1; i < scores.length; i++) {
      if (scores[i] > reference) return false;
    }
    return true;
  }
}
