import type { KeyboardEvent, ReactElement, RefObject } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/types';
import type { useSearch } from '../hooks/useSearch';

export interface ReaderTarget {
  sourceId: number;
  /** 0 when the target is known by its offsets only. */
  passageId: number;
  start: number;
  end: number;
  /** Open this annotation's note. */
  annotationId?: number;
  /** Open this claim. */
  claimId?: number;
}

/** A snippet as text with <mark>ed matches: React text nodes, never markup from the source. */
export function Highlighted(props: { text: string; ranges: [number, number][]; className?: string }) {
  const parts: ReactElement[] = [];
  let at = 0;
  props.ranges.forEach(([s, e], i) => {
    if (s > at) parts.push(<span key={`t${i}`}>{props.text.slice(at, s)}</span>);
    parts.push(
      <mark key={`m${i}`} className={props.className}>
        {props.text.slice(s, e)}
      </mark>,
    );
    at = e;
  });
  parts.push(<span key="rest">{props.text.slice(at)}</span>);
  return <>{parts}</>;
}

function quoteValue(v: string): string {
  const clean = v.replace(/"/g, '');
  return /\s/.test(clean) ? `"${clean}"` : clean;
}

/** Counts of matches per source or tag; picking one adds it to the query as a filter. */
function FacetList(props: { title: string; items: { label: string; count: number; filter: string }[]; onPick(filter: string): void }) {
  if (!props.items.length) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul>
        {props.items.map((item, i) => (
          <li key={`${item.filter}#${i}`}>
            <button type="button" className="link" onClick={() => props.onPick(item.filter)}>
              {item.label}
            </button>
            <span className="muted count">{item.count}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

const HELP: [string, string][] = [
  ['yezhov purge', 'passages with all the words, best first'],
  ['yezhov OR yagoda', 'either word'],
  ['"enemies of the people"', 'the exact phrase'],
  ['-trotsky', 'leave out passages with this word'],
  ['depor*', 'words starting with these letters (3 or more)'],
  ['source:"great purge"', 'only sources whose title has these words'],
  ['tag:memoir', 'only sources with this tag'],
  ['date:1936..1938', 'only sources dated within these years'],
  ['in:claims', 'search the recorded claims (sources and notes are searched unless told)'],
];

export function SearchView(props: {
  search: ReturnType<typeof useSearch>;
  inputRef: RefObject<HTMLInputElement | null>;
  onOpen(target: ReaderTarget): void;
  onClose(): void;
}) {
  const { search } = props;
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const hits = search.response?.hits ?? [];

  // Results grouped by source, in the order of each source's best hit.
  const groups = useMemo(() => {
    const bySource = new Map<number, { title: string; hits: { hit: SearchHit; index: number }[] }>();
    hits.forEach((hit, index) => {
      const g = bySource.get(hit.sourceId) ?? { title: hit.sourceTitle, hits: [] };
      g.hits.push({ hit, index });
      bySource.set(hit.sourceId, g);
    });
    return [...bySource.entries()];
  }, [hits]);
  const order = useMemo(() => groups.flatMap(([, g]) => g.hits.map((h) => h.index)), [groups]);

  useEffect(() => setSelected(0), [search.response]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const open = (hit: SearchHit) =>
    props.onOpen({ sourceId: hit.sourceId, passageId: hit.passageId, start: hit.start, end: hit.end, annotationId: hit.annotationId, claimId: hit.claimId });

  const onKey = (e: KeyboardEvent) => {
    const pos = order.indexOf(selected);
    if (e.key === 'ArrowDown' && order.length) {
      e.preventDefault();
      setSelected(order[Math.min(order.length - 1, pos + 1)]!);
    } else if (e.key === 'ArrowUp' && order.length) {
      e.preventDefault();
      setSelected(order[Math.max(0, pos - 1)]!);
    } else if (e.key === 'Enter' && hits[selected]) {
      e.preventDefault();
      open(hits[selected]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (help) setHelp(false);
      else props.onClose();
    }
  };

  const addFilter = (filter: string) => {
    search.setQuery(`${search.query.trim()} ${filter} `.trimStart());
    props.inputRef.current?.focus();
  };

  const r = search.response;
  const expansions = r?.expansions ?? [];
  return (
    <section className="search" aria-label="Search">
      <header className="search-bar">
        <input
          ref={props.inputRef}
          type="search"
          role="searchbox"
          aria-label="Search everything"
          aria-controls="search-results"
          placeholder='Search passages — try a name, a "phrase", tag:memoir, date:1936..1938'
          value={search.query}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={onKey}
          autoFocus
          spellCheck={false}
        />
        <button type="button" aria-expanded={help} aria-controls="search-help" onClick={() => setHelp(!help)}>
          Query help
        </button>
      </header>
      {help && (
        <div id="search-help" className="search-help" role="region" aria-label="Query help">
          <table>
            <tbody>
              {HELP.map(([example, meaning]) => (
                <tr key={example}>
                  <td>
                    <button type="button" className="link" onClick={() => addFilter(example)}>
                      <code>{example}</code>
                    </button>
                  </td>
                  <td>{meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Case and accents are ignored. Words of 5 letters or more also find spellings one or two letters away (Ezhov finds Yezhov),
            ranked after exact matches.
          </p>
        </div>
      )}
      <div className="search-status" aria-live="polite">
        {search.error ? (
          <span className="error-text">{search.error}</span>
        ) : r ? (
          <>
            <span>
              {r.total.toLocaleString()}
              {r.totalCapped ? '+' : ''} {r.total === 1 ? 'passage' : 'passages'} in {r.facets.sources.length.toLocaleString()}{' '}
              {r.facets.sources.length === 1 ? 'source' : 'sources'}
              {r.hits.length < r.total ? ` · best ${r.hits.length} shown` : ''} · {r.tookMs} ms
            </span>
            {expansions.length > 0 && (
              <span className="muted"> · also searched: {expansions.map((x) => `${x.word} → ${x.alternatives.slice(0, 4).join(', ')}`).join('; ')}</span>
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
      <div className="search-body">
        <div className="search-results" id="search-results" ref={listRef} role="listbox" aria-label="Results">
          {groups.map(([sourceId, g]) => (
            <div key={sourceId} role="group" aria-label={g.title} className="result-group">
              <h3 className="result-source">
                {g.title} <span className="muted">({g.hits.length})</span>
              </h3>
              {g.hits.map(({ hit, index }) => (
                <div
                  key={hit.passageId}
                  role="option"
                  aria-selected={index === selected}
                  className={index === selected ? 'result selected' : 'result'}
                  onMouseEnter={() => setSelected(index)}
                  onClick={() => open(hit)}
                >
                  <span className="ordinal">{hit.kind === 'note' ? 'Note' : hit.kind === 'claim' ? 'Claim' : hit.pageLabel !== undefined ? `p. ${hit.pageLabel}` : `¶${hit.ordinal}`}</span>
                  <span className="snippet">
                    <Highlighted text={hit.snippet} ranges={hit.highlights} />
                    {hit.matched.length > 0 && (
                      <span className="matched muted"> matched {hit.matched.map((m) => `${m.found} for ${m.typed}`).join(', ')}</span>
                    )}
                  </span>
                </div>
              ))}
            </div>
          ))}
          {r && !r.hits.length && !search.error && <p className="muted pad">No passage matches.</p>}
        </div>
        {r && r.facets.sources.length > 0 && (
          <aside className="facets" aria-label="Facets">
            <FacetList
              title="Sources"
              items={r.facets.sources.slice(0, 30).map((f) => ({ label: f.title, count: f.count, filter: `source:${quoteValue(f.title)}` }))}
              onPick={addFilter}
            />
            <FacetList
              title="Tags"
              items={r.facets.tags.map((f) => ({ label: f.name, count: f.count, filter: `tag:${quoteValue(f.name)}` }))}
              onPick={addFilter}
            />
          </aside>
        )}
      </div>
    </section>
  );
}
