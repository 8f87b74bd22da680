/** The parts of jstat (which ships no types) that the analyses use. */
declare module 'jstat' {
  interface Jstat {
    normal: {
      inv(p: number, mean: number, sd: number): number;
      pdf(x: number, mean: number, sd: number): number;
      cdf(x: number, mean: number, sd: number): number;
    };
  }
  const jstat: { jStat: Jstat };
  export default jstat;
}
