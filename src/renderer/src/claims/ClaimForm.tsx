import { useState } from 'react';
import type { ClaimRecord, Measure, Question } from '../../../shared/types';
import { MEASURES } from '../../../shared/types';
import type { ClaimActions } from '../hooks/useClaims';

function numberOrNull(v: string): number | null {
  const t = v.replace(/[,\s]/g, '');
  return t === '' ? null : Number(t);
}

function yearOrNull(v: string): number | null {
  const t = v.trim();
  return t === '' ? null : Number(t);
}

/** Correct a claim: values, bounds, measure, years, event and question; saving confirms it. */
export function ClaimForm(props: { claim: ClaimRecord; questions: Question[]; actions: ClaimActions; onDone(): void; compact?: boolean }) {
  const c = props.claim;
  const [form, setForm] = useState({
    measure: c.measure,
    low: c.low === null ? '' : String(c.low),
    high: c.high === null ? '' : String(c.high),
    unit: c.unit,
    approx: c.approx,
    fromYear: c.fromYear == null ? '' : String(c.fromYear),
    toYear: c.toYear == null ? '' : String(c.toYear),
    event: c.event,
    question: c.questionId === null ? '' : String(c.questionId),
    newQuestion: '',
  });
  const save = async () => {
    let questionId: number | null = form.question ? Number(form.question) : null;
    if (form.question === 'new') {
      const q = await props.actions.createQuestion({ label: form.newQuestion.trim() || `${form.event || 'Question'}: ${form.measure}` });
      if (!q) return;
      questionId = q.id;
    }
    const saved = await props.actions.update({
      id: c.id,
      measure: form.measure,
      low: numberOrNull(form.low),
      high: numberOrNull(form.high),
      unit: form.unit,
      approx: form.approx,
      fromYear: yearOrNull(form.fromYear),
      toYear: yearOrNull(form.toYear),
      event: form.event,
      questionId,
      status: 'confirmed',
    });
    if (saved) props.onDone();
  };
  return (
    <form
      className={props.compact ? 'claim-form compact' : 'claim-form'}
      aria-label="Correct claim"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        // Escape leaves the form without saving; the keys typed here are the form's, not a review's.
        if (e.key === 'Escape') props.onDone();
        e.stopPropagation();
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
      <div className="claim-form-row two">
        <label>
          First year
          <input inputMode="numeric" value={form.fromYear} onChange={(e) => setForm({ ...form, fromYear: e.target.value })} placeholder="unknown" />
        </label>
        <label>
          Last year
          <input inputMode="numeric" value={form.toYear} onChange={(e) => setForm({ ...form, toYear: e.target.value })} placeholder="unknown" />
        </label>
      </div>
      <label>
        Event
        <input value={form.event} onChange={(e) => setForm({ ...form, event: e.target.value })} />
      </label>
      <label>
        Question
        <select value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })}>
          <option value="">None</option>
          {props.questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label}
            </option>
          ))}
          <option value="new">New question…</option>
        </select>
      </label>
      {form.question === 'new' && (
        <input
          aria-label="New question"
          placeholder="How many were executed in the Great Purge?"
          value={form.newQuestion}
          onChange={(e) => setForm({ ...form, newQuestion: e.target.value })}
        />
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
