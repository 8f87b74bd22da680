import { describe, expect, it } from 'vitest';
import { RunQueue, type Size, type Waiting } from './run-queue.js';

interface Item extends Waiting {
  id: string;
}

const item = (id: string, user: string, work = 1, size: Size = 'small', alone = false): Item => ({ id, user, work, size, alone });
const ids = (xs: Item[]) => xs.map((x) => x.id);

describe('run queue', () => {
  it('batches small runs round robin across users, up to the run count', () => {
    const q = new RunQueue<Item>();
    for (const id of ['a1', 'a2', 'a3', 'a4']) q.add(item(id, 'a'));
    for (const id of ['b1', 'b2']) q.add(item(id, 'b'));
    expect(q.waitingFor('a')).toBe(4);
    expect(ids(q.take('small', 4, Infinity))).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(ids(q.take('small', 4, Infinity))).toEqual(['a3', 'a4']);
    expect(q.length).toBe(0);
    expect(q.take('small', 4, Infinity)).toEqual([]);
  });

  it('stops a batch before the work budget is passed, but always takes one run', () => {
    const q = new RunQueue<Item>();
    q.add(item('big', 'a', 50));
    q.add(item('s1', 'a', 10));
    q.add(item('s2', 'a', 10));
    q.add(item('s3', 'a', 10));
    expect(ids(q.take('small', 64, 20))).toEqual(['big']);
    expect(ids(q.take('small', 64, 20))).toEqual(['s1', 's2']);
    expect(ids(q.take('small', 64, 20))).toEqual(['s3']);
  });

  it('weighs runs afresh when asked (a model whose size was learnt while its runs waited)', () => {
    const q = new RunQueue<Item>();
    for (const id of ['u1', 'u2', 'u3']) q.add(item(id, 'a', 100));
    expect(ids(q.take('small', 64, 100))).toEqual(['u1']);
    expect(ids(q.take('small', 64, 100, () => 10))).toEqual(['u2', 'u3']);
  });

  it('takes large runs one at a time and keeps them apart from small batches', () => {
    const q = new RunQueue<Item>();
    q.add(item('L1', 'a', Infinity, 'large'));
    q.add(item('L2', 'b', Infinity, 'large'));
    q.add(item('s1', 'a'));
    expect(q.waiting('large')).toBe(2);
    expect(ids(q.take('large', 64, Infinity))).toEqual(['L1']);
    expect(ids(q.take('small', 64, Infinity))).toEqual(['s1']);
    expect(ids(q.take('large', 64, Infinity))).toEqual(['L2']);
  });

  it('puts a run back at the front, and a run marked alone travels in a batch of its own', () => {
    const q = new RunQueue<Item>();
    q.add(item('s1', 'a'));
    q.add(item('s2', 'a'));
    q.add(item('back', 'a', 1, 'small', true), true);
    expect(ids(q.take('small', 64, Infinity))).toEqual(['back']);
    q.add(item('s3', 'a', 1, 'small', true));
    expect(ids(q.take('small', 64, Infinity))).toEqual(['s1', 's2']);
    expect(ids(q.take('small', 64, Infinity))).toEqual(['s3']);
  });

  it('drains everything that waits', () => {
    const q = new RunQueue<Item>();
    q.add(item('s1', 'a'));
    q.add(item('L1', 'b', Infinity, 'large'));
    expect(ids(q.drain()).sort()).toEqual(['L1', 's1']);
    expect(q.length).toBe(0);
    expect(q.waitingFor('a')).toBe(0);
  });
});
