declare module '@citation-js/core' {
  export interface CiteOptions {
    forceType?: string;
    generateGraph?: boolean;
  }
  export class Cite {
    constructor(data: unknown, options?: CiteOptions);
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
