export interface MiniPage {
  width?: number;
  height?: number;
  lines?: { x: number; y: number; size?: number; angle?: number; text: string }[];
  rects?: [number, number, number, number][];
}

export function makePdf(doc: { pages: MiniPage[]; info?: Record<string, string>; pageLabels?: string; xmp?: string; encrypt?: boolean }): Uint8Array;

export function textLines(
  texts: string[],
  options?: { x?: number; top?: number; size?: number; leading?: number },
): { x: number; y: number; size: number; text: string }[];
