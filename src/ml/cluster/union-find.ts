/** Disjoint sets over 0..size-1 with path halving; the root of a union is the first argument's root. */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of a and b under `root`, an element that is in neither (a new tree node). */
  mergeInto(a: number, b: number, root: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    this.parent[rootA] = root;
    this.parent[rootB] = root;
  }

  /** Joins the sets of a and b; returns the root of the joined set. */
  union(a: number, b: number): number {
    const rootA = this.find(a);
    this.parent[this.find(b)] = rootA;
    return rootA;
  }
}
