import type { RefObject } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { MoreMenu } from '../components/MoreMenu';
import type { Command } from '../shortcuts';
import { keyed } from '../shortcuts';

function SourceSelect(props: {
  label: string;
  command: Command<'compare'>;
  selectRef: RefObject<HTMLSelectElement | null>;
  sources: SourceSummary[];
  value: number | null;
  onChange(id: number): void;
}) {
  return (
    <select
      ref={props.selectRef}
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) => props.onChange(Number(e.target.value))}
      {...keyed('compare', props.command)}
    >
      {props.sources.map((s) => (
        <option key={s.id} value={s.id}>
          {s.title}
        </option>
      ))}
    </select>
  );
}

/**
 * The two sources, and what can be done with their comparison. In a narrow window export and
 * "Keep aligned" fold into the More menu first, then moving between pairs (n and p still do).
 */
export function CompareToolbar(props: {
  sources: SourceSummary[];
  a: number | null;
  b: number | null;
  onA(id: number): void;
  onB(id: number): void;
  /** The selects, for the keys that focus them. */
  selectA: RefObject<HTMLSelectElement | null>;
  selectB: RefObject<HTMLSelectElement | null>;
  sync: boolean;
  onSync(sync: boolean): void;
  /** Whether there are pairs to move between, and a comparison to export. */
  hasPairs: boolean;
  canExport: boolean;
  onPrevious(): void;
  onNext(): void;
  onExport(): void;
}) {
  return (
    <header className="toolbar compare-toolbar">
      <h1 className="view-title">Compare</h1>
      <SourceSelect label="Source A" command="sourceA" selectRef={props.selectA} sources={props.sources} value={props.a} onChange={props.onA} />
      <span aria-hidden="true">⇆</span>
      <SourceSelect label="Source B" command="sourceB" selectRef={props.selectB} sources={props.sources} value={props.b} onChange={props.onB} />
      <div className="spacer" />
      <label className="check fold-1" title={keyed('compare', 'keepAligned').title}>
        <input
          type="checkbox"
          checked={props.sync}
          onChange={(e) => props.onSync(e.target.checked)}
          aria-keyshortcuts={keyed('compare', 'keepAligned')['aria-keyshortcuts']}
        />{' '}
        Keep aligned
      </label>
      <button type="button" className="fold-2" disabled={!props.hasPairs} onClick={props.onPrevious} {...keyed('compare', 'previousPair')}>
        ↑ Previous pair
      </button>
      <button type="button" className="fold-2" disabled={!props.hasPairs} onClick={props.onNext} {...keyed('compare', 'nextPair')}>
        ↓ Next pair
      </button>
      <button type="button" className="fold-1" disabled={!props.canExport} onClick={props.onExport} {...keyed('compare', 'exportMarkdown')}>
        Export Markdown
      </button>
      <MoreMenu
        items={[
          { label: 'Keep aligned', checked: props.sync, onSelect: () => props.onSync(!props.sync), tier: 1 },
          { label: '↑ Previous pair', disabled: !props.hasPairs, onSelect: props.onPrevious, tier: 2 },
          { label: '↓ Next pair', disabled: !props.hasPairs, onSelect: props.onNext, tier: 2 },
          { label: 'Export Markdown', disabled: !props.canExport, onSelect: props.onExport, tier: 1 },
        ]}
      />
    </header>
  );
}
