/**
 * Nodes whose split is decided but not yet applied. Depth-first growth takes the newest (a stack,
 * scikit-learn's DepthFirstTreeBuilder); with max_leaf_nodes the one with the largest impurity
 * improvement goes first (a max-heap, its BestFirstTreeBuilder), so the leaf budget is spent
 * where it helps most.
 */
export class NodeFrontier {
  private nodes = new Int32Array(64);
  private priorities = new Float64Array(64);
  size = 0;

  constructor(private readonly bestFirst: boolean) {}

  clear(): void {
    this.size = 0;
  }

  push(node: number, priority: number): void {
    if (this.size === this.nodes.length) this.grow();
    let i = this.size++;
    if (this.bestFirst) {
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.priorities[parent] >= priority) break;
        this.nodes[i] = this.nodes[parent];
        this.priorities[i] = this.priorities[parent];
        i = parent;
      }
    }
    this.nodes[i] = node;
    this.priorities[i] = priority;
  }

  pop(): number {
    const top = this.bestFirst ? this.nodes[0] : this.nodes[this.size - 1];
    this.size--;
    if (this.bestFirst && this.size > 0) this.siftDown(this.nodes[this.size], this.priorities[this.size]);
    return top;
  }

  private siftDown(node: number, priority: number): void {
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.priorities[child + 1] > this.priorities[child]) child++;
      if (this.priorities[child] <= priority) break;
      this.nodes[i] = this.nodes[child];
      this.priorities[i] = this.priorities[child];
      i = child;
    }
    this.nodes[i] = node;
    this.priorities[i] = priority;
  }

  private grow(): void {
    const nodes = new Int32Array(2 * this.nodes.length);
    const priorities = new Float64Array(2 * this.nodes.length);
    nodes.set(this.nodes);
    priorities.set(this.priorities);
    this.nodes = nodes;
    this.priorities = priorities;
  }
}
