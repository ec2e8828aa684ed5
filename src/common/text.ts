import { z } from 'zod';

/**
 * Characters that have no place in a name or a file name: C0 controls (NUL included), DEL, and
 * the bidirectional controls (U+200E/F, U+202A–U+202E, U+2066–U+2069) that make `exe.pdf` read as
 * `fdp.exe` or reorder a unit's name on screen.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function hasUnsafeChars(s: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s);
}

/** The text with those characters removed (for file names, which the user cannot easily retype). */
export function stripUnsafeChars(s: string): string {
  return s.replace(UNSAFE, '');
}

const UNSAFE_MESSAGE = '不能包含控制字符或文字方向控制符 / must not contain control or bidirectional characters';

/** A required one-line name or title: trimmed, 1…max characters, no control or bidi characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasUnsafeChars(s), UNSAFE_MESSAGE);
}
