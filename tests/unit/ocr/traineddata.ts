/** A traineddata archive's shape: 24 entries, only those given present (each 4 bytes of data). */
export function traineddata(present: number[]): Uint8Array {
  const table = 4 + 8 * 24;
  const b = Buffer.alloc(table + 4 * present.length);
  b.writeInt32LE(24, 0);
  for (let i = 0; i < 24; i++) {
    const at = present.indexOf(i);
    b.writeBigInt64LE(BigInt(at < 0 ? -1 : table + 4 * at), 4 + 8 * i);
  }
  return new Uint8Array(b);
}
