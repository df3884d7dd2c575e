import { useState } from 'react';
import type { ClaimRecord, Measure } from '../../../shared/types';
import { MEASURES } from '../../../shared/types';
import { api } from '../api';
import type { useClaims } from '../hooks/useClaims';
import { formatValue } from './format';

function numberOrNull(v: string): number | null {
  const t = v.replace(/[,\s]/g, '');
  return t === '' ? null : Number(t);
}

/** Correct a claim: values, bounds, measure, event and question. */
function ClaimForm(props: { claim: ClaimRecord; claims: ReturnType<typeof useClaims>; onDone(): void }) {
  const c = props.claim;
  const [form, setForm] = useState({
    measure: c.measure,
    low: c.low === null ? '' : String(c.low),
    high: c.high === null ? '' : String(c.high),
    unit: c.unit,
    approx: c.approx,
    event: c.event,
    question: c.questionId === null ? '' : String(c.questionId),
    newQuestion: '',
  });
  const save = async () => {
    let questionId: number | null = form.question ? Number(form.question) : null;
    if (form.question === 'new') {
      const q = await props.claims.run(() => api.createQuestion({ label: form.newQuestion.trim() || `${form.event || 'Question'}: ${form.measure}` }));
      questionId = q?.id ?? null;
    }
    const saved = await props.claims.run(() =>
      api.updateClaim({
        id: c.id,
        measure: form.measure,
        low: numberOrNull(form.low),
        high: numberOrNull(form.high),
        unit: form.unit,
        approx: form.approx,
        event: form.event,
        questionId,
        status: 'confirmed',
      }),
    );
    if (saved) props.onDone();
  };
  return (
    <form
      className="claim-form"
      aria-label="Correct claim"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Measure
        <select value={form.measure} onChange={(e) => setForm({ ...form, measure: e.target.value as Measure })}>
          {MEASURES.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      <div className="claim-form-row">
        <label>
          From
          <input inputMode="decimal" value={form.low} onChange={(e) => setForm({ ...form, low: e.target.value })} placeholder="open" />
        </label>
        <label>
          To
          <input inputMode="decimal" value={form.high} onChange={(e) => setForm({ ...form, high: e.target.value })} placeholder="open" />
        </label>
        <label>
          Unit
          <select value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value as 'people' | 'percent' })}>
            <option value="people">people</option>
            <option value="percent">percent</option>
          </select>
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={form.approx} onChange={(e) => setForm({ ...form, approx: e.target.checked })} /> Hedged (about, roughly…)
      </label>
      <label>
        Event
        <input value={form.event} onChange={(e) => setForm({ ...form, event: e.target.value })} />
      </label>
      <label>
        Question
        <select value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })}>
          <option value="">None</option>
          {props.claims.questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label}
            </option>
          ))}
          <option value="new">New question…</option>
        </select>
      </label>
      {form.question === 'new' && (
        <input aria-label="New question" placeholder="How many were executed in the Great Purge?" value={form.newQuestion} onChange={(e) => setForm({ ...form, newQuestion: e.target.value })} />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save and confirm
        </button>
      </div>
    </form>
  );
}

/** The source's numeric claims in text order: confirm, correct or reject each suggestion. */
export function ClaimsPanel(props: { claims: ReturnType<typeof useClaims>; selected: number | null; onSelect(id: number | null): void }) {
  const { list, run, error } = props.claims;
  const [editing, setEditing] = useState<number | null>(null);
  const [showRejected, setShowRejected] = useState(false);
  const active = list.filter((c) => c.status !== 'rejected');
  const rejected = list.filter((c) => c.status === 'rejected');
  const question = (id: number | null) => props.claims.questions.find((q) => q.id === id)?.label;

  const item = (c: ClaimRecord) => (
    <li key={c.id} className={`claim ${c.status}${c.id === props.selected ? ' open' : ''}`} aria-label={`Claim: ${formatValue(c)} ${c.measure}`}>
      <button type="button" className="claim-head" onClick={() => props.onSelect(c.id === props.selected ? null : c.id)}>
        <span className="claim-value">{formatValue(c)}</span> <span className="claim-measure">{c.measure}</span>
        <span className={`claim-status ${c.status}`}>{c.status}</span>
      </button>
      <p className="claim-quote">
        {c.passage !== null ? <span className="muted">¶{c.passage} </span> : <span className="warn-text">not placed </span>}“{c.quote.replace(/\s+/g, ' ')}”
      </p>
      {(c.event || c.questionId !== null) && (
        <p className="claim-meta muted small">
          {c.event}
          {c.questionId !== null && <> · question: {question(c.questionId)}</>}
        </p>
      )}
      {editing === c.id ? (
        <ClaimForm claim={c} claims={props.claims} onDone={() => setEditing(null)} />
      ) : (
        <div className="claim-actions">
          {c.status !== 'confirmed' && (
            <button type="button" className="primary" onClick={() => void run(() => api.updateClaim({ id: c.id, status: 'confirmed' }))}>
              Confirm
            </button>
          )}
          <button type="button" onClick={() => setEditing(c.id)}>
            Correct…
          </button>
          {c.status === 'rejected' ? (
            <button type="button" onClick={() => void run(() => api.updateClaim({ id: c.id, status: 'suggested' }))}>
              Restore
            </button>
          ) : (
            <button type="button" className="link danger-text" onClick={() => void run(() => api.updateClaim({ id: c.id, status: 'rejected' }))}>
              Reject
            </button>
          )}
        </div>
      )}
    </li>
  );

  return (
    <aside className="claims-panel" aria-label="Claims">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!active.length && (
        <p className="muted small pad-s">
          No numeric claims found in this source. Select a sentence that states a figure and choose Claim to record one by hand.
        </p>
      )}
      <ul className="annotation-list">{active.map(item)}</ul>
      {rejected.length > 0 && (
        <>
          <button type="button" className="link orphans-title" aria-expanded={showRejected} onClick={() => setShowRejected(!showRejected)}>
            Rejected ({rejected.length})
          </button>
          {showRejected && <ul className="annotation-list">{rejected.map(item)}</ul>}
        </>
      )}
    </aside>
  );
}
