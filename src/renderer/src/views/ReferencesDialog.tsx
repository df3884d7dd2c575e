import { useMemo, useRef, useState } from 'react';
import type { ReferenceItem, SourceSummary } from '../../../shared/types';
import { messageOf } from '../api';
import { useReferences } from '../hooks/useReferences';
import { ReferencesTable } from './ReferencesTable';
import { Dialog } from '../components/Dialog';

const ACCEPT = '.bib,.bibtex,.biblatex,.ris,.json,.csljson';

/** What the historian decided for one item. */
export interface Choice {
  /** The source it goes to (the proposed one, or one chosen); null for none. */
  sourceId: number | null;
  /** For a source proposed or chosen: whether to update it (a sure match starts ticked, an unsure one does not). */
  apply: boolean;
  /** For an item with no source: make an empty source from it. */
  create: boolean;
}

export function initialChoice(item: ReferenceItem): Choice {
  return { sourceId: item.match.sourceId, apply: item.match.sourceId !== null && item.match.sure, create: false };
}

/**
 * References from a reference manager (a Zotero, Mendeley or JabRef export: BibTeX, RIS or
 * CSL-JSON): each item matched to a source by DOI, address or title; sure matches are
 * ticked, unsure ones wait for "Confirm", and an item with no source can become an empty
 * source (a file is attached to it later with Replace text…) or be given to one.
 */
export function ReferencesDialog(props: { sources: SourceSummary[]; onApplied(): void; onClose(): void }) {
  const references = useReferences();
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [items, setItems] = useState<ReferenceItem[] | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const byId = useMemo(() => new Map(props.sources.map((s) => [s.id, s])), [props.sources]);
  const sorted = useMemo(() => [...props.sources].sort((a, b) => a.title.localeCompare(b.title)), [props.sources]);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    setFileName(file.name);
    try {
      const r = await references.read(file);
      setItems(r.items);
      setChoices(r.items.map(initialChoice));
    } catch (err) {
      setItems(null);
      const message = messageOf(err);
      setError(message.includes(file.name) ? message : `${file.name}: ${message}`);
    } finally {
      setBusy(false);
    }
  };

  const set = (i: number, patch: Partial<Choice>) => setChoices((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const chosen = items ? items.map((item, i) => ({ item, c: choices[i]! })).filter(({ c }) => (c.sourceId !== null ? c.apply : c.create)) : [];
  const toUpdate = chosen.filter(({ c }) => c.sourceId !== null).length;
  const toCreate = chosen.length - toUpdate;

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      // An empty source made from an item without a title is called as the table calls it.
      const r = await references.apply({
        items: chosen.map(({ item, c }) => ({
          csl: c.sourceId === null && !item.csl.title ? { ...item.csl, title: item.title } : item.csl,
          sourceId: c.sourceId,
        })),
      });
      const n = r.updated.length;
      const m = r.created.length;
      setDone(`${n} ${n === 1 ? 'source' : 'sources'} updated, ${m} created.`);
      setItems(null);
      props.onApplied();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="References" onClose={props.onClose} className="references">
      <p className="dialog-text">
        Bring citation metadata from a reference manager: export your library (or a collection) from Zotero, Mendeley or JabRef as BibTeX (.bib), RIS
        (.ris) or CSL-JSON (.json). Each item is matched to a source by its DOI, its address or its title; what it says replaces what the source's
        metadata says.
      </p>
      <div className="references-file">
        <button type="button" onClick={() => input.current?.click()} disabled={busy} className={items ? '' : 'primary'}>
          Choose a file…
        </button>
        <span className="muted">{fileName ?? 'No file chosen'}</span>
        <input
          ref={input}
          type="file"
          hidden
          accept={ACCEPT}
          aria-label="Choose a reference file"
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="banner info" role="status">
          {done}
        </p>
      )}
      {items && (
        <>
          <p className="muted small">
            {items.length} {items.length === 1 ? 'item' : 'items'} in {fileName}: {items.filter((i) => i.match.sure).length} matched,{' '}
            {items.filter((i) => i.match.sourceId !== null && !i.match.sure).length} to confirm,{' '}
            {items.filter((i) => i.match.sourceId === null).length} without a source.
          </p>
          <ReferencesTable items={items} choices={choices} set={set} byId={byId} sorted={sorted} />
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        {items && (
          <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void apply()}>
            Apply{chosen.length ? ` (${[toUpdate && `update ${toUpdate}`, toCreate && `create ${toCreate}`].filter(Boolean).join(', ')})` : ''}
          </button>
        )}
      </div>
    </Dialog>
  );
}
