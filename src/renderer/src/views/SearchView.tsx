import type { KeyboardEvent, RefObject } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/types';
import type { useSearch } from '../hooks/useSearch';
import type { OpenSource } from '../navigation';
import { FacetList, Highlighted, quoteValue, SearchHelp, SearchStatus } from './SearchParts';

export function SearchView(props: {
  search: ReturnType<typeof useSearch>;
  inputRef: RefObject<HTMLInputElement | null>;
  onOpen(target: OpenSource): void;
  onClose(): void;
}) {
  const { search } = props;
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const hits = useMemo(() => search.response?.hits ?? [], [search.response]);

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
    props.onOpen({
      sourceId: hit.sourceId,
      passageId: hit.passageId,
      start: hit.start,
      end: hit.end,
      annotationId: hit.annotationId,
      claimId: hit.claimId,
    });

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
      {help && <SearchHelp onPick={addFilter} />}
      <SearchStatus search={search} />
      <div className="search-body">
        <div className="search-results" id="search-results" ref={listRef} role="listbox" aria-label="Results">
          {groups.map(([sourceId, g]) => (
            <div key={sourceId} role="group" aria-label={g.title} className="result-group">
              {/* The group is named by the source; in a listbox only its options are read. */}
              <h3 className="result-source" aria-hidden="true">
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
                  <span className="ordinal">
                    {hit.kind === 'note'
                      ? 'Note'
                      : hit.kind === 'claim'
                        ? 'Claim'
                        : hit.pageLabel !== undefined
                          ? `p. ${hit.pageLabel}`
                          : `¶${hit.ordinal}`}
                  </span>
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
