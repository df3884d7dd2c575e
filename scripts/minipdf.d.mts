export interface MiniPage {
  width?: number;
  height?: number;
  lines?: { x: number; y: number; size?: number; angle?: number; text: string }[];
  rects?: [number, number, number, number][];
  /** An RGB JPEG and its size in pixels, drawn over the whole page (a scanned page). */
  jpeg?: { bytes: Uint8Array; width: number; height: number };
}

export function makePdf(doc: { pages: MiniPage[]; info?: Record<string, string>; pageLabels?: string; xmp?: string; encrypt?: boolean }): Uint8Array;

export function textLines(
  texts: string[],
  options?: { x?: number; top?: number; size?: number; leading?: number },
): { x: number; y: number; size: number; text: string }[];
