declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  /** PDF.js's baseline and progressive JPEG decoder (used outside PDFs to crop photographs). */
  export class JpegImage {
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
    /** The pixels, 3 bytes each with `forceRGB` (grey and CMYK converted). */
    getData(options: { width: number; height: number; forceRGB?: boolean; forceRGBA?: boolean }): Uint8Array | Uint8ClampedArray;
  }
}
