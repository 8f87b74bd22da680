/**
 * The waiting runs of the pool: a queue per user and per size, users served round robin (one
 * user's burst does not starve another), and small runs taken in batches bounded by a count and
 * a work budget (model scalars × steps), so that a batch stays short.
 */
export type Size = 'small' | 'large';

export interface Waiting {
  user: string;
  size: Size;
  /** Model scalars × steps (the batch budget when not known yet: such a run goes alone). */
  work: number;
  /** Runs only in a batch of its own (set when a batch failed without pinning the failure on one run). */
  alone?: boolean;
}

interface UserQueues<T> {
  small: T[];
  large: T[];
}

export class RunQueue<T extends Waiting> {
  private readonly users = new Map<string, UserQueues<T>>();
  /** Users with waiting runs, in the order they are served. */
  private turn: string[] = [];
  private count = { small: 0, large: 0 };

  get length(): number {
    return this.count.small + this.count.large;
  }

  waiting(size: Size): number {
    return this.count[size];
  }

  waitingFor(user: string): number {
    const q = this.users.get(user);
    return q ? q.small.length + q.large.length : 0;
  }

  /** At the back of its user's queue; `first`: at the front (a run put back after another run's failure). */
  add(item: T, first = false): void {
    let q = this.users.get(item.user);
    if (!q) {
      q = { small: [], large: [] };
      this.users.set(item.user, q);
      this.turn.push(item.user);
    }
    if (first) q[item.size].unshift(item);
    else q[item.size].push(item);
    this.count[item.size]++;
  }

  /**
   * The next batch of a size: users in turn, one run each round, until `maxRuns` runs or the
   * next run would pass `maxWork` (a batch always takes its first run). Large runs go one at a time.
   * `workOf` may weigh a run afresh (its model's size may have been learnt while it waited).
   */
  take(size: Size, maxRuns: number, maxWork: number, workOf: (item: T) => number = (item) => item.work): T[] {
    const batch: T[] = [];
    let work = 0;
    const limit = size === 'large' ? 1 : maxRuns;
    while (batch.length < limit) {
      const i = this.turn.findIndex((u) => this.users.get(u)![size].length > 0);
      if (i < 0) break;
      const user = this.turn[i]!;
      const q = this.users.get(user)!;
      const next = q[size][0]!;
      const w = workOf(next);
      if (batch.length && (next.alone || work + w > maxWork)) break;
      q[size].shift();
      this.count[size]--;
      batch.push(next);
      work += w;
      // This user goes to the back of the line; users with nothing left leave it.
      this.turn.splice(i, 1);
      if (q.small.length + q.large.length) this.turn.push(user);
      else this.users.delete(user);
      if (next.alone) break;
    }
    return batch;
  }

  /** Empties the queue, returning what waited. */
  drain(): T[] {
    const all = [...this.users.values()].flatMap((q) => [...q.small, ...q.large]);
    this.users.clear();
    this.turn = [];
    this.count = { small: 0, large: 0 };
    return all;
  }
}
