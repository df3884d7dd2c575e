import { formatDuration } from '../../../shared/duration';
import { foundSummary } from '../../../shared/searchSummary';
import type { SnippetStyle } from '../../../shared/types';
import type { useSearch } from '../hooks/useSearch';
import { styledText } from '../notes/styledText';
import { snippetPieces } from './snippetPieces';

/**
 * A snippet as the reader shows the passage: Markdown styles set (bold, italic, code…) and
 * the matches <mark>ed, as React text nodes, never markup from the source.
 */
export function Highlighted(props: { text: string; ranges: [number, number][]; styles?: SnippetStyle[]; className?: string }) {
  return (
    <>
      {snippetPieces(props.text, props.ranges, props.styles ?? []).map((piece) => {
        const text = piece.styles.length ? styledText(piece.text, piece.styles) : piece.text;
        return piece.match ? (
          <mark key={piece.start} className={props.className}>
            {text}
          </mark>
        ) : (
          <span key={piece.start}>{text}</span>
        );
      })}
    </>
  );
}

export function quoteValue(v: string): string {
  const clean = v.replace(/"/g, '');
  return /\s/.test(clean) ? `"${clean}"` : clean;
}

/** Counts of matches per source or tag; picking one adds it to the query as a filter. A source that shares its title shows what tells it apart. */
export function FacetList(props: {
  title: string;
  items: { label: string; tell?: string; count: number; filter: string }[];
  onPick(filter: string): void;
}) {
  if (!props.items.length) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul>
        {props.items.map((item, i) => (
          <li key={`${item.filter}#${i}`}>
            <button
              type="button"
              className="link"
              onClick={() => props.onPick(item.filter)}
              title={item.tell ? `${item.label} (${item.tell})` : undefined}
            >
              {item.label}
              {item.tell && <span className="facet-tell"> ({item.tell})</span>}
            </button>
            <span className="muted count">{item.count}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export const HELP: [string, string][] = [
  ['yezhov purge', 'passages with all the words, best first'],
  ['yezhov OR yagoda', 'either word'],
  ['"enemies of the people"', 'the exact phrase'],
  ['-trotsky', 'leave out passages with this word'],
  ['depor*', 'words starting with these letters (3 or more)'],
  ['source:"great purge"', 'only sources whose title has these words'],
  ['source:#12', 'only source number 12 (facets name a source so when another shares its title)'],
  ['tag:memoir', 'only sources with this tag'],
  ['date:1936..1938', 'only sources dated within these years'],
  ['in:claims', 'search the recorded claims (sources and notes are searched unless told)'],
];

/** The query language, each example a filter to add. */
export function SearchHelp(props: { onPick(example: string): void }) {
  return (
    <div id="search-help" className="search-help" role="region" aria-label="Query help">
      <table>
        <tbody>
          {HELP.map(([example, meaning]) => (
            <tr key={example}>
              <td>
                <button type="button" className="link" onClick={() => props.onPick(example)}>
                  <code>{example}</code>
                </button>
              </td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Case and accents are ignored. Words of 5 letters or more also find spellings one or two letters away (Ezhov finds Yezhov), ranked after exact
        matches.
      </p>
    </div>
  );
}

/** What was found (passages, notes, claims, and from how many sources), in what time; the spellings matched, and what else was searched. */
export function SearchStatus({ search }: { search: ReturnType<typeof useSearch> }) {
  const r = search.response;
  const expansions = r?.expansions ?? [];
  return (
    <div className="search-status" aria-live="polite">
      {search.error ? (
        <span className="error-text">{search.error}</span>
      ) : r ? (
        <>
          <span>
            {foundSummary(r)}
            {r.hits.length < r.total ? ` · best ${r.hits.length} shown` : ''} ({formatDuration(r.tookMs)})
          </span>
          {r.matched.length > 0 && <span className="search-matched"> · matched {r.matched.map((m) => `${m.found} for ${m.typed}`).join(', ')}</span>}
          {expansions.length > 0 && (
            <span className="muted">
              {' '}
              · also searched: {expansions.map((x) => `${x.word} → ${x.alternatives.slice(0, 4).join(', ')}`).join('; ')}
            </span>
          )}
          {r.problems.map((p) => (
            <span key={p} className="warn-text">
              {' '}
              · {p}
            </span>
          ))}
        </>
      ) : search.query.trim() ? (
        <span className="muted">Searching…</span>
      ) : (
        <span className="muted">Type to search every passage of this project. ↑↓ to move, Enter to open, Esc to go back.</span>
      )}
    </div>
  );
}
