/**
 * Subscript mappings for the differential generator, following Vensim's reference, "Mapping of
 * Subscript Ranges" (https://www.vensim.com/documentation/ref_subscript_mapping.htm):
 * - `Src: s1, s2, s3 -> Tgt` lets Src appear on the right of an equation whose left has Tgt;
 *   s1 stands for Tgt's first element and so on, which "works because both the order and number of
 *   subscripts match up" (so Src and Tgt have as many elements);
 * - the general form names the map-to elements: `Src: s1, s2 -> (Tgt: t2, t1)`, one entry per
 *   element of Src in order, each entry an element of Tgt (the reference's `(lhopposite: lho2, lho1)`
 *   reverses the order) or a sub-range of Tgt, whose elements then all take that one element of Src
 *   (`(Lhbigger: Lhbsubr1, Lhbsubr2)`);
 * - several map-to choices are separated by commas (`-> (Lhsub: …), (Lhbigger: …), …`).
 * The generator writes mappings whose entries cover every element of the target once, so that
 * every element of an equation over the target has one source element.
 *
 * Decisions come from their own random stream, so that a seed without a mapping gives the same
 * model as before mappings were generated (and the recorded seeds of such models stay valid).
 */
import prand from 'pure-rand';

export interface MappingPlan {
  /** Elements of the source range DimB. */
  sourceSize: number;
  /** The text after `->`. */
  text: string;
  kind: 'plain' | 'permuted' | 'sub-range entry';
  /** A second map-to range (DimC, as many elements as DimB), declared by the generator. */
  second?: { name: string; elements: string[] };
}

/** About one in three seeds that have DimA get a mapping from DimB onto it. */
export const MAPPING_SHARE = 1 / 3;

export function planMapping(seed: number, target: { name: string; elements: string[]; sub?: { name: string; elements: string[] } }): MappingPlan | undefined {
  // Mixed first: the first draws of xoroshiro128+ from nearby seeds are alike.
  const rng = prand.xoroshiro128plus(mix32(seed ^ 0x5bd1e995));
  const int = (lo: number, hi: number): number => prand.unsafeUniformIntDistribution(lo, hi, rng);
  const shuffle = <T>(xs: T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  if (int(0, 999) >= MAPPING_SHARE * 1000) return undefined;
  const kinds: MappingPlan['kind'][] = target.sub ? ['plain', 'permuted', 'sub-range entry'] : ['plain', 'permuted'];
  const kind = kinds[int(0, kinds.length - 1)]!;
  let sourceSize = target.elements.length;
  let text: string;
  if (kind === 'plain') text = target.name;
  else if (kind === 'permuted') text = `(${target.name}: ${shuffle(target.elements).join(', ')})`;
  else {
    // The sub-range stands for all of its elements; the other elements of the target are entries of their own.
    const sub = target.sub!;
    const entries = shuffle([sub.name, ...target.elements.filter((e) => !sub.elements.includes(e))]);
    sourceSize = entries.length;
    text = `(${target.name}: ${entries.join(', ')})`;
  }
  let second: MappingPlan['second'];
  if (int(0, 9) < 3) {
    const elements = Array.from({ length: sourceSize }, (_, i) => `c${i + 1}`);
    second = { name: 'DimC', elements };
    text += int(0, 1) ? `, (DimC: ${shuffle(elements).join(', ')})` : ', DimC';
  }
  return { sourceSize, text, kind, second };
}

/** A 32-bit integer hash (MurmurHash3's finalizer), so that consecutive seeds start far apart. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}
