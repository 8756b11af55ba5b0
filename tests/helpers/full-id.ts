import { idNumberProblem } from '../../shared/domain/helmet';

/**
 * Every full resident ID number in `text`: each 18-character run of the shape /\d{17}[\dXx]/ (found
 * at every offset, so one hidden inside a longer digit run is found too) that is a real ID — a birth
 * date that exists (born 1900–2100) and a right check character. The shape alone also matches hex digests (the audit
 * chain's genesis is 64 zeros), which are not anyone's ID; a valid check character is what makes one.
 */
export function findFullIds(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?=(\d{17}[\dXx]))/g)) if (idNumberProblem(m[1]!) === undefined) found.add(m[1]!);
  return [...found];
}
