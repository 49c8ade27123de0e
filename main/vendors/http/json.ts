import { isSafeNumber, parse } from 'lossless-json';

/**
 * JSON.parse that never corrupts large integers: a number that does not fit a double exactly
 * (YouProxy's 19-digit ids) comes back as its decimal string; every other number as a number.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, (value: string) => (isSafeNumber(value) ? Number(value) : value));
}
