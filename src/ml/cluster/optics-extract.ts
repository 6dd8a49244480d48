import type { OpticsGraph } from './optics-graph.js';

/**
 * DBSCAN clusters read off an OPTICS ordering at radius eps (scikit-learn's cluster_optics_dbscan):
 * a new cluster starts at every row that is not reachable within eps but is itself a core point
 * at eps; rows reachable within eps join the current cluster; the rest are noise.
 */
export function clusterOpticsDbscan(graph: OpticsGraph, eps: number): Int32Array {
  const { ordering, reachability, coreDistances } = graph;
  const labels = new Int32Array(ordering.length);
  let label = -1;
  for (const row of ordering) {
    const farReach = reachability[row] > eps;
    const nearCore = coreDistances[row] <= eps;
    if (farReach && nearCore) label++;
    labels[row] = farReach && !nearCore ? -1 : label;
  }
  return labels;
}

interface SteepDownArea {
  start: number;
  end: number;
  /** Largest reachability seen between this area and the current position. */
  mib: number;
}

/**
 * The Xi method (Ankerst et al. 1999, section 4.3, with the corrections of Schubert and Gertz
 * 2018) on a reachability plot: a cluster starts in a steep down area (reachability falling by at
 * least a factor 1 - xi) and ends in a steep up area that climbs back to about the same level.
 * Returns [start, end] positions in the ordering, inclusive, smaller clusters before the larger
 * ones that contain them, exactly as scikit-learn's _xi_cluster lists them.
 */
export function xiClusters(
  graph: OpticsGraph,
  xi: number,
  minSamples: number,
  minClusterSize: number,
  predecessorCorrection: boolean,
): Array<[number, number]> {
  const { ordering } = graph;
  const n = ordering.length;
  // The plot in visiting order, with an infinite end so that a cluster can close at the very end.
  const plot = new Float64Array(n + 1);
  ordering.forEach((row, position) => (plot[position] = graph.reachability[row]));
  plot[n] = Infinity;
  const predecessors = Int32Array.from(ordering, (row) => graph.predecessor[row]);
  const keep = 1 - xi;
  const steepUp = new Uint8Array(n);
  const steepDown = new Uint8Array(n);
  const down = new Uint8Array(n);
  const up = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // NaN (0/0, Infinity/Infinity) is none of these, as with numpy's comparisons.
    const ratio = plot[i] / plot[i + 1];
    steepUp[i] = ratio <= keep ? 1 : 0;
    steepDown[i] = ratio >= 1 / keep ? 1 : 0;
    down[i] = ratio > 1 ? 1 : 0;
    up[i] = ratio < 1 ? 1 : 0;
  }

  let areas: SteepDownArea[] = [];
  const clusters: Array<[number, number]> = [];
  let index = 0;
  let mib = 0;
  for (let steep = 0; steep < n; steep++) {
    if (!(steepUp[steep] || steepDown[steep]) || steep < index) continue;
    for (let i = index; i <= steep; i++) if (plot[i] > mib) mib = plot[i];
    areas = filterAreas(areas, mib, keep, plot);
    if (steepDown[steep]) {
      const end = extendRegion(steepDown, up, steep, minSamples);
      areas.push({ start: steep, end, mib: 0 });
      index = end + 1;
      mib = plot[index];
      continue;
    }
    const upStart = steep;
    const upEnd = extendRegion(steepUp, down, upStart, minSamples);
    index = upEnd + 1;
    mib = plot[index];
    const found: Array<[number, number]> = [];
    for (const area of areas) {
      let start = area.start;
      let end = upEnd;
      if (plot[end + 1] * keep < area.mib) continue;
      const areaMax = plot[area.start];
      if (areaMax * keep >= plot[end + 1]) {
        while (plot[start + 1] > plot[end + 1] && start < area.end) start++;
      } else if (plot[end + 1] * keep >= areaMax) {
        while (plot[end - 1] > areaMax && end > upStart) end--;
      }
      if (predecessorCorrection) {
        const corrected = correctPredecessor(plot, predecessors, ordering, start, end);
        if (corrected === null) continue;
        [start, end] = corrected;
      }
      if (end - start + 1 < minClusterSize || start > area.end || end < upStart) continue;
      found.push([start, end]);
    }
    clusters.push(...found.reverse());
  }
  return clusters;
}

/** Labels from Xi clusters: each cluster, smaller first, labels its rows unless some already have one. */
export function xiLabels(ordering: Int32Array, clusters: Array<[number, number]>): Int32Array {
  const byPosition = new Int32Array(ordering.length).fill(-1);
  let label = 0;
  for (const [start, end] of clusters) {
    if (byPosition.subarray(start, end + 1).some((l) => l !== -1)) continue;
    byPosition.fill(label++, start, end + 1);
  }
  const labels = new Int32Array(ordering.length);
  ordering.forEach((row, position) => (labels[row] = byPosition[position]));
  return labels;
}

/** End of a steep region: it may hold at most minSamples consecutive points that are neither steep nor against the direction. */
function extendRegion(steep: Uint8Array, against: Uint8Array, start: number, minSamples: number): number {
  let gentle = 0;
  let end = start;
  for (let index = start; index < steep.length; index++) {
    if (steep[index]) {
      gentle = 0;
      end = index;
    } else if (!against[index]) {
      if (++gentle > minSamples) break;
    } else {
      return end;
    }
  }
  return end;
}

/** Steep down areas still able to start a cluster after passing a maximum of `mib`. */
function filterAreas(areas: SteepDownArea[], mib: number, keep: number, plot: Float64Array): SteepDownArea[] {
  if (mib === Infinity) return [];
  const kept = areas.filter((area) => mib <= plot[area.start] * keep);
  for (const area of kept) area.mib = Math.max(area.mib, mib);
  return kept;
}

/**
 * Schubert and Gertz's predecessor correction: shrink the end until the cluster's last point was
 * reached from inside the cluster. scikit-learn 1.2 compares ordering[predecessor] (a position
 * lookup applied to a row index, -1 reading the last position) with the rows of the cluster, and
 * we do the same so that the clusters agree.
 */
function correctPredecessor(
  plot: Float64Array,
  predecessors: Int32Array,
  ordering: Int32Array,
  start: number,
  end: number,
): [number, number] | null {
  const n = ordering.length;
  while (start < end) {
    if (plot[start] > plot[end]) return [start, end];
    const predecessor = predecessors[end];
    const expected = ordering[predecessor < 0 ? n + predecessor : predecessor];
    for (let i = start; i < end; i++) if (ordering[i] === expected) return [start, end];
    end--;
  }
  return null;
}
