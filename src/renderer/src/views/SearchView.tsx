import type { KeyboardEvent, RefObject } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/types';
import type { useSearch } from '../hooks/useSearch';
import type { OpenSource } from '../navigation';
import type { Command } from '../shortcuts';
import { commandFor } from '../shortcuts';
import { FacetList, quoteValue, SearchHelp, SearchStatus } from './SearchParts';
import type { ResultGroup } from './SearchResults';
import { SearchResults } from './SearchResults';

export function SearchView(props: {
  search: ReturnType<typeof useSearch>;
  inputRef: RefObject<HTMLInputElement | null>;
  onOpen(target: OpenSource): void;
  onClose(): void;
}) {
  const { search } = props;
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  /** The facets, in a view too narrow to show them beside the results (styles.css). */
  const [facetsShown, setFacetsShown] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const hits = useMemo(() => search.response?.hits ?? [], [search.response]);

  // Results grouped by source, in the order of each source's best hit.
  const groups = useMemo(() => {
    const bySource = new Map<number, ResultGroup>();
    hits.forEach((hit, index) => {
      const g = bySource.get(hit.sourceId) ?? { title: hit.sourceTitle, hits: [] };
      g.hits.push({ hit, index });
      bySource.set(hit.sourceId, g);
    });
    return [...bySource.entries()];
  }, [hits]);
  // What tells apart sources that share a title, as the facets name them.
  const tells = useMemo(() => new Map((search.response?.facets.sources ?? []).filter((f) => f.tell).map((f) => [f.id, f.tell!])), [search.response]);
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

  /** The search field's keys (the shortcut table's `search` entries). */
  const onKey = (e: KeyboardEvent) => {
    const pos = order.indexOf(selected);
    const command = commandFor('search', e, true);
    const keys: Record<Command<'search'>, () => boolean | void> = {
      nextResult: () => (order.length ? setSelected(order[Math.min(order.length - 1, pos + 1)]!) : false),
      previousResult: () => (order.length ? setSelected(order[Math.max(0, pos - 1)]!) : false),
      openResult: () => (hits[selected] ? open(hits[selected]!) : false),
      close: () => (help ? setHelp(false) : props.onClose()),
    };
    if (command && keys[command]() !== false) e.preventDefault();
  };

  const addFilter = (filter: string) => {
    search.setQuery(`${search.query.trim()} ${filter} `.trimStart());
    props.inputRef.current?.focus();
  };

  const r = search.response;
  const facets = !!r && r.facets.sources.length > 0;
  return (
    <section className={facetsShown ? 'search facets-shown' : 'search'} aria-label="Search">
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
        {facets && (
          <button
            type="button"
            className="facets-toggle"
            aria-expanded={facetsShown}
            aria-controls="search-facets"
            onClick={() => setFacetsShown(!facetsShown)}
          >
            Filters
          </button>
        )}
      </header>
      {help && <SearchHelp onPick={addFilter} />}
      <SearchStatus search={search} />
      <div className="search-body">
        <SearchResults
          listRef={listRef}
          response={r}
          error={search.error}
          groups={groups}
          tells={tells}
          selected={selected}
          onSelect={setSelected}
          onOpen={open}
          onHelp={help ? undefined : () => setHelp(true)}
        />
        {facets && (
          <aside className="facets" id="search-facets" aria-label="Facets">
            <FacetList
              title="Sources"
              items={r.facets.sources.slice(0, 30).map((f) => ({
                label: f.title,
                tell: f.tell,
                count: f.count,
                filter: f.tell ? `source:#${f.id}` : `source:${quoteValue(f.title)}`,
              }))}
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
