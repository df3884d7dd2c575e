/**
 * JSON encoding for the HTTP transport. Byte arrays (file contents) travel as
 * `{ "$bytes": base64 }` and are revived on the other side, so the contract can speak
 * of `Uint8Array` whatever the transport.
 */

function toBase64(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(out);
}

function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: toBase64(v) } : v,
  );
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const b = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof b === 'string') {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b)) throw new SyntaxError('invalid base64 in $bytes');
        return fromBase64(b);
      }
    }
    return v;
  });
}
