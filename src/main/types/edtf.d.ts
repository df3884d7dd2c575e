declare module 'edtf' {
  /** An EDTF object; throws on much that is not EDTF, but reads some strings as `Date` does (`19370512` as milliseconds). */
  export default function edtf(value: string): unknown;
  /** The parse tree of an EDTF string (type, level, values); throws on a syntax error. */
  export function parse(value: string): { type: string; level: number; values: unknown[] };
}
