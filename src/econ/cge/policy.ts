/**
 * Exogenous inputs of one static solve (one year): world prices, tax changes, factor supplies,
 * productivity and energy efficiency, the fixed levels of closure variables. Arrays are by
 * position in the calibration's index lists (C, A, F, INS, T); absent means "base value".
 */
export interface Policy {
  /** Numeraire value (CPI or EXR level); 1 reproduces the base. E34. */
  num?: number;
  /** World import / export prices (foreign currency), by commodity. E1, E2. */
  pwm?: number[];
  pwe?: number[];
  /** Additive change of commodity-tax rates, [tax account][commodity]. E4. */
  dtq?: number[][];
  /** Carbon tax (SAM currency units per tCO2) and emission factors (tCO2 per base-value unit) by commodity. E4, E40. */
  carbonTax?: number;
  ef?: number[];
  /** Value-added productivity and energy-efficiency indices by activity (1 = base). E9, E10. */
  tfp?: number[];
  /**
   * Real GDP target (E43): when set, a uniform productivity multiplier on `tfp` becomes an unknown
   * and real GDP at base prices (E38) must equal this value, in the same Newton system.
   */
  gdpTarget?: number;
  aeei?: number[];
  /** Supply of mobile factors, by factor (base value units). E23. */
  qfs?: number[];
  /** Sector-specific factor stocks [factor][activity]. E24. */
  ks?: number[][];
  /** Fixed levels of closure variables when not endogenous. */
  gadj?: number;
  iadj?: number;
  mpsadj?: number;
  tyadj?: number;
  /** Foreign savings (foreign currency) when the exchange rate is flexible; E33. */
  fsav?: number;
  /** Exchange-rate level relative to the numeraire when the exchange rate is fixed. */
  exr?: number;
  /** Real government savings target (× CPI) under the fixed-savings closure; default base. E35. */
  gsav?: number;
  /** Population shares of households (by INS position; 0 for non-households), for lump-sum per person. */
  popShare?: number[];
  /** INS positions of the poorest groups (lumpsum-poorest instrument). */
  poorest?: number[];
  /** Composition of green public investment by commodity (sums to 1). */
  greenBundle?: number[];
  /** Fixed real values of the recycling instruments when they are not the adjusting one. */
  lumpsum?: number;
  labourWedge?: number;
  vatAdj?: number;
  green?: number;
}
