/**
 * Internal clustering indices compare clusters with each other and with their own spread, so they
 * need 2..n-1 clusters; scikit-learn raises outside that range and so do we.
 */
export function clusterCountProblem(nClusters: number, nSamples: number): string | null {
  if (nClusters > 1 && nClusters < nSamples) return null;
  return `${nClusters} cluster${nClusters === 1 ? '' : 's'} over ${nSamples} sample${nSamples === 1 ? '' : 's'}: ` +
    'defined only for 2 to n_samples - 1 clusters';
}

export function assertClusterCount(nClusters: number, nSamples: number): void {
  const problem = clusterCountProblem(nClusters, nSamples);
  if (problem !== null) throw new RangeError(problem);
}
