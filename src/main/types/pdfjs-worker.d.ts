declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** PDF.js's worker side; set as `globalThis.pdfjsWorker`, it runs in the calling thread. */
  export const WorkerMessageHandler: unknown;
}
