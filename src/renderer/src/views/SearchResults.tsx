import type { RefObject } from 'react';
import type { SearchHit, SearchResponse } from '../../../shared/types';
import { EmptyState } from '../components/EmptyState';
import { Highlighted } from './SearchParts';

/** A source's hits, with their places in the response. */
export interface ResultGroup {
  title: string;
  hits: { hit: SearchHit; index: number }[];
}

function place(hit: SearchHit): string {
  if (hit.kind === 'note') return 'Note';
  if (hit.kind === 'claim') return 'Claim';
  return hit.pageLabel !== undefined ? `p. ${hit.pageLabel}` : `¶${hit.ordinal}`;
}

/** The results grouped by source (a source that shares its title says what tells it apart), or what to try when there are none. */
export function SearchResults(props: {
  listRef: RefObject<HTMLDivElement | null>;
  response: SearchResponse | null;
  error: string | null;
  groups: [number, ResultGroup][];
  tells: Map<number, string>;
  selected: number;
  onSelect(index: number): void;
  onOpen(hit: SearchHit): void;
  /** Opens the query help; absent while it is open. */
  onHelp?(): void;
}) {
  const r = props.response;
  return (
    <div className="search-results" id="search-results" ref={props.listRef} role="listbox" aria-label="Results">
      {props.groups.map(([sourceId, g]) => {
        const tell = props.tells.get(sourceId);
        return (
          <div key={sourceId} role="group" aria-label={tell ? `${g.title} (${tell})` : g.title} className="result-group">
            {/* The group is named by the source; in a listbox only its options are read. */}
            <h3 className="result-source" aria-hidden="true">
              {g.title}
              {tell && <span className="facet-tell"> ({tell})</span>} <span className="muted">({g.hits.length})</span>
            </h3>
            {g.hits.map(({ hit, index }) => (
              <div
                key={`${hit.kind}:${hit.annotationId ?? hit.claimId ?? hit.passageId}`}
                role="option"
                aria-selected={index === props.selected}
                className={index === props.selected ? 'result selected' : 'result'}
                onMouseEnter={() => props.onSelect(index)}
                onClick={() => props.onOpen(hit)}
              >
                <span className="ordinal">{place(hit)}</span>
                <span className="snippet">
                  <Highlighted text={hit.snippet} ranges={hit.highlights} styles={hit.styles} />
                </span>
              </div>
            ))}
          </div>
        );
      })}
      {r && !r.hits.length && !props.error && (
        <EmptyState
          title={`Nothing matches “${r.query.trim()}”`}
          action={
            props.onHelp && (
              <button type="button" onClick={props.onHelp}>
                Show the query language
              </button>
            )
          }
        >
          Check the spelling, leave out a word or a filter, or search the recorded claims with in:claims.
        </EmptyState>
      )}
    </div>
  );
}
