declare module 'citeproc' {
  /** What citeproc-js asks of its host: the locale XML for a language, and items by id. */
  export interface CiteprocSys {
    retrieveLocale(lang: string): string | false | undefined;
    retrieveItem(id: string): unknown;
  }
  export interface CiteprocCiteItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
    'suppress-author'?: boolean;
    /** 0 first, 1 subsequent, 2 ibid, 3 ibid with locator. */
    position?: number;
  }
  export interface CiteprocBibliographyParams {
    maxoffset: number;
    entryspacing: number;
    linespacing: number;
    hangingindent: number;
    'second-field-align': string | false;
    bibstart: string;
    bibend: string;
    bibliography_errors: unknown[];
    entry_ids: string[][];
  }
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CiteprocCiteItem[]): string;
    makeBibliography(): [CiteprocBibliographyParams, string[]] | false;
    opt: { class?: string; [key: string]: unknown };
  }
  const CSL: { Engine: typeof Engine; [key: string]: unknown };
  export default CSL;
}
