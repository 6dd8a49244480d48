import type { BestSplit } from './split-finder.js';

/**
 * Learners on several threads growing one tree together, each building and scanning the
 * histograms of its own share of the features. Every member takes every other decision itself,
 * on the same data, in the same order, so the members stay in step; exchange() is where they meet.
 */
export interface SplitTeam {
  /** Whether this member builds and scans feature f. */
  owns(feature: number): boolean;
  /**
   * Replaces best, this member's best split of the node over its own features (found at visit
   * position `position` of the node's feature order, -1 for none), with the best of all members:
   * the largest proxy, ties going to the earliest position, which is the split one learner
   * visiting every feature in that order keeps. Blocks until every member has offered its own.
   */
  exchange(best: BestSplit, position: number): void;
}
