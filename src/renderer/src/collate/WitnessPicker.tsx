import { useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { MAX_WITNESSES } from '../../../shared/limits';
import { toggleWitness } from './cells';

/** The sources to collate, ticked in the order they become witnesses (w1, w2…); folded away once the view opens on a choice. */
export function WitnessPicker(props: { sources: SourceSummary[]; chosen: number[]; onChange(ids: number[]): void }) {
  const { chosen } = props;
  const [open, setOpen] = useState(chosen.length < 2);
  return (
    <div className="collate-picker">
      <button type="button" className="link" aria-expanded={open} aria-controls="collate-sources" onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} Witnesses: {chosen.length} chosen (2 to {MAX_WITNESSES})
      </button>
      {open && (
        <ul className="collate-sources" id="collate-sources" aria-label="Sources to collate">
          {props.sources.map((s) => {
            const at = chosen.indexOf(s.id);
            return (
              <li key={s.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={at >= 0}
                    disabled={at < 0 && chosen.length >= MAX_WITNESSES}
                    onChange={() => props.onChange(toggleWitness(chosen, s.id, MAX_WITNESSES))}
                  />
                  {at >= 0 && <span className="collate-siglum">w{at + 1}</span>}
                  {s.title}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
