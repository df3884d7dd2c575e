/** The citation styles Sourcebench ships (main reads their files; the views and the API list them). */

/** The styles shipped in resources/csl/ (see its README for their origin and licence). */
export const BUILTIN_STYLES = [
  { id: 'chicago-notes-bibliography', file: 'chicago-notes-bibliography.csl', title: 'Chicago 18th edition (notes and bibliography)' },
  {
    id: 'chicago-notes-bibliography-17th-edition',
    file: 'chicago-notes-bibliography-17th-edition.csl',
    title: 'Chicago 17th edition (notes and bibliography)',
  },
  { id: 'chicago-author-date', file: 'chicago-author-date.csl', title: 'Chicago 18th edition (author-date)' },
  { id: 'apa', file: 'apa.csl', title: 'APA 7th edition' },
  { id: 'modern-language-association', file: 'modern-language-association.csl', title: 'MLA 9th edition' },
] as const;

export type BuiltinStyleId = (typeof BUILTIN_STYLES)[number]['id'];

export const DEFAULT_STYLE: BuiltinStyleId = 'chicago-notes-bibliography';

/** A style for exports: a shipped one, or the project's own `.csl` file. */
export const STYLE_CHOICES = [...BUILTIN_STYLES.map((s) => s.id), 'custom'] as const;
export type StyleChoice = BuiltinStyleId | 'custom';
