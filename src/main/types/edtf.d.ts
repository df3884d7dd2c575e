declare module 'edtf' {
  /** Parses an EDTF string; throws on anything that is not valid EDTF. */
  export default function edtf(value: string): unknown;
}
