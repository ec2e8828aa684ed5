import { z } from 'zod';

/** The largest id either dialect stores in an integer column. */
const MAX_ID = 2_147_483_647;

/**
 * A row id as it arrives in a path or a query string: plain decimal digits, no sign, no leading
 * zero, no spaces, no exponent or hex (`0x10`, `1e1`, ` 16`, `016`, `-1` are all refused rather
 * than read as some other id).
 */
export const idValue = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, '编号应为不以 0 开头的正整数 / an id is a positive whole number without leading zeros')
  .transform(Number)
  .pipe(z.number().int().max(MAX_ID, '编号超出范围 / the id is out of range'));
