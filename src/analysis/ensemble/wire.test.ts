import { describe, expect, it } from 'vitest';
import { InputError, ModelError, SimulationError } from '../../sd/ir/diagnostics.js';
import { decodeFailure, encodeFailure } from './queue-protocol.js';
import { fromWireError, packedFromJson, packedToJson, packOutputs, toWireError, unpackOutputs } from './wire.js';

describe('packed outputs', () => {
  const special = [0, -0, NaN, Infinity, -Infinity, 5e-324, 1.7976931348623157e308, 0.1 + 0.2];
  const outputs = [
    { index: 7, time: Float64Array.of(0, 1, 2), values: [Float64Array.of(1, 2, 3), Float64Array.from(special.slice(0, 3))] },
    { index: 2, time: Float64Array.of(0, 0.5, 1, 1.5, 2), values: [Float64Array.from(special.slice(3)), Float64Array.of(9, 8, 7, 6, 5)] },
  ];

  it('round-trips through a thread (typed array) and through JSON (base64), bit for bit', () => {
    const packed = packOutputs(outputs, 2);
    expect(packed.data.length).toBe(3 * 3 + 5 * 3);
    const viaJson = packedFromJson(JSON.parse(JSON.stringify(packedToJson(packed))));
    for (const back of [unpackOutputs(packed, 2), unpackOutputs(viaJson, 2)]) {
      expect(back.map((o) => o.index)).toEqual([7, 2]);
      back.forEach((o, r) => {
        expect(Array.from(o.time)).toEqual(Array.from(outputs[r].time));
        o.values.forEach((v, c) => expect(Array.from(v)).toEqual(Array.from(outputs[r].values[c])));
      });
    }
    // JSON alone would turn these into null and 0: base64 keeps them.
    const [first, second] = unpackOutputs(viaJson, 2);
    expect(Object.is(first.values[1][1], -0)).toBe(true);
    expect(Number.isNaN(first.values[1][2])).toBe(true);
    expect(second.values[0][1]).toBe(-Infinity);
  });

  it('refuses outputs of the wrong shape', () => {
    const packed = packOutputs(outputs, 2);
    expect(() => unpackOutputs(packed, 3)).toThrow(/packed outputs hold/);
  });
});

describe('errors across the boundary', () => {
  it('keep their class and message', () => {
    const errors = [
      new SimulationError({ en: 'Stock became NaN at time 3', es: 'Stock se volvió NaN en el tiempo 3' }, 'Stock', 3),
      new InputError('growth rate', { en: 'is not a constant of this model', es: 'no es una constante de este modelo' }),
      ModelError.at('E_PARSE', { en: 'unexpected token', es: 'símbolo inesperado' }, { file: 'm.mdl', line: 3, column: 7 }),
      new Error('plain'),
    ];
    for (const err of errors) {
      for (const back of [fromWireError(toWireError(err)), fromWireError(decodeFailure(encodeFailure(toWireError(err))))]) {
        expect(back.constructor).toBe(err.constructor);
        expect(back.message).toBe(err.message);
        // The Spanish crosses too: the parent process prints it in the user's language.
        if (err instanceof SimulationError || err instanceof InputError) expect((back as typeof err).messageEs).toBe(err.messageEs);
        if (err instanceof ModelError) expect((back as ModelError).diagnostics[0]!.messageEs).toBe('símbolo inesperado');
      }
    }
    expect((fromWireError(toWireError(errors[0])) as SimulationError).variable).toBe('Stock');
    expect((fromWireError(toWireError(errors[1])) as InputError).where).toBe('growth rate');
    expect(decodeFailure('job stalled more than allowable limit')).toEqual({ kind: 'other', message: 'job stalled more than allowable limit' });
  });
});
