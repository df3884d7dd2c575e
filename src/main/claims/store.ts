/** Stored claims and the questions that group them: extracted on import as suggestions. */
import { ApiError } from '../../shared/errors';
import type { ClaimRecord, EventSummary, Evidence, Measure, ProposedQuestion, Question } from '../../shared/types';
import { MEASURES } from '../../shared/types';
import type { Db } from '../store/project';
import type { ChangeSink } from '../store/changes';
import { passageOrdinals } from '../store/ordinals';
import type { Claim } from './extract';
import { extractClaims } from './extract';
import type { AliasRow, Aliases } from './labels';
import { bareLabel, byEvent, canonical, eventKey, isEventLabel, mostFrequent, withYears } from './labels';
import { evidenceOf, sentenceAround } from './evidence';
import type { ClaimFigure } from './proposals';
import { proposalsOf } from './proposals';

interface Row {
  id: number;
  uuid: string;
  source_id: number;
  source_uuid: string;
  title: string;
  author: string | null;
  date: string | null;
  start: number;
  end: number;
  quote: string;
  measure: Measure;
  low: number | null;
  high: number | null;
  unit: 'people' | 'percent';
  approx: number;
  event: string;
  status: ClaimRecord['status'];
  origin: ClaimRecord['origin'];
  orphaned: number;
  question_id: number | null;
  preferred: number;
  preferred_reason: string;
  from_year: number | null;
  to_year: number | null;
  confidence: number | null;
  passage: number | null;
}

/** Claims with their source; each row's passage is found afterwards, for all rows at once (passageOrdinals). */
const SELECT = `
  SELECT c.*, s.uuid AS source_uuid, s.title, s.author, s.date
  FROM claim c JOIN source s ON s.id = c.source_id`;

function toRecord(r: Row): ClaimRecord {
  return {
    id: r.id,
    uuid: r.uuid,
    sourceId: r.source_id,
    sourceUuid: r.source_uuid,
    sourceTitle: r.title,
    sourceAuthor: r.author,
    sourceDate: r.date,
    quote: r.quote,
    start: r.start,
    end: r.end,
    measure: r.measure,
    low: r.low,
    high: r.high,
    unit: r.unit,
    approx: r.approx === 1,
    event: r.event,
    fromYear: r.from_year,
    toYear: r.to_year,
    ...(r.confidence === null ? {} : { confidence: r.confidence }),
    status: r.status,
    origin: r.origin,
    orphaned: r.orphaned === 1,
    questionId: r.question_id,
    preferred: r.preferred === 1,
    preferredReason: r.preferred_reason,
    passage: r.orphaned ? null : r.passage,
  };
}

export interface ClaimPatch {
  status?: ClaimRecord['status'];
  measure?: Measure;
  low?: number | null;
  high?: number | null;
  unit?: 'people' | 'percent';
  approx?: boolean;
  event?: string;
  fromYear?: number | null;
  toYear?: number | null;
  questionId?: number | null;
  preferred?: boolean;
  preferredReason?: string;
}

export class ClaimStore {
  /** `changes` hears of every write (the Project; a bare store tells no one). */
  constructor(
    private readonly db: Db,
    private readonly changes?: ChangeSink,
  ) {}

  private changed(sourceId: number | null): void {
    this.changes?.record({ type: 'claimsChanged', sourceId });
  }

  /** Stores claims read from a source's text as suggestions (inside the caller's transaction). */
  add(sourceId: number, claims: Claim[]): void {
    if (!claims.length) return;
    this.changed(sourceId);
    const now = new Date().toISOString();
    const insert = this.db.prepare(
      `INSERT INTO claim (source_id, start, "end", quote, measure, low, high, unit, approx, event, from_year, to_year, confidence, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const aliases = this.aliases();
    for (const c of claims)
      insert.run(
        sourceId,
        c.start,
        c.end,
        c.quote,
        c.measure,
        c.low,
        c.high,
        c.unit,
        c.approx ? 1 : 0,
        this.labelFor(c.event, aliases),
        c.fromYear ?? null,
        c.toYear ?? null,
        c.confidence ?? null,
        now,
        now,
      );
  }

  /**
   * The label a found claim is stored with: the event an alias names, the label itself when
   * it names an event, else '' (heading words, a list of places, a footnote mark).
   */
  labelFor(label: string, aliases: Aliases = this.aliases()): string {
    if (aliases.has(eventKey(label))) return canonical(label, aliases);
    return isEventLabel(label) ? label.trim() : '';
  }

  private aliases(): Aliases {
    const rows = this.db.prepare('SELECT alias_key, alias, event FROM event_alias').all() as AliasRow[];
    return new Map(rows.map((r) => [r.alias_key, r]));
  }

  /**
   * After a text was replaced: suggestions are extracted again; claims the historian has
   * confirmed, rejected or written keep their values and are found again by their quote
   * (the occurrence nearest the old position), or marked as not placed.
   */
  refresh(sourceId: number, text: string): void {
    this.changed(sourceId);
    this.db.prepare("DELETE FROM claim WHERE source_id = ? AND status = 'suggested' AND origin = 'extracted'").run(sourceId);
    const kept = this.db.prepare('SELECT id, start, quote FROM claim WHERE source_id = ?').all(sourceId) as {
      id: number;
      start: number;
      quote: string;
    }[];
    const move = this.db.prepare('UPDATE claim SET start = ?, "end" = ?, orphaned = ? WHERE id = ?');
    for (const k of kept) {
      let best = -1;
      for (let i = text.indexOf(k.quote); i >= 0; i = text.indexOf(k.quote, i + 1)) {
        if (best < 0 || Math.abs(i - k.start) < Math.abs(best - k.start)) best = i;
      }
      if (best >= 0) move.run(best, best + k.quote.length, 0, k.id);
      else move.run(Math.min(k.start, text.length), Math.min(k.start, text.length), 1, k.id);
    }
    const taken = new Set(kept.map((k) => k.quote));
    this.add(
      sourceId,
      extractClaims(text).filter((c) => !taken.has(c.quote)),
    );
  }

  get(id: number): ClaimRecord {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Omit<Row, 'passage'> | undefined;
    if (!row) throw new ApiError('not_found', `There is no claim with id ${id}`);
    return this.withPassages([row])[0]!;
  }

  /** Rows with the ordinal of the passage each claim starts in. */
  private withPassages(rows: Omit<Row, 'passage'>[]): ClaimRecord[] {
    const ordinals = passageOrdinals(
      this.db,
      rows.map((r) => ({ sourceId: r.source_id, start: r.start })),
    );
    return rows.map((r, i) => toRecord({ ...r, passage: ordinals[i]! }));
  }

  list(
    filter: { sourceId?: number; questionId?: number; ids?: readonly number[]; status?: ClaimRecord['status']; context?: boolean } = {},
  ): ClaimRecord[] {
    const where: string[] = [];
    const params: (number | string)[] = [];
    if (filter.sourceId !== undefined) {
      where.push('c.source_id = ?');
      params.push(filter.sourceId);
    }
    if (filter.questionId !== undefined) {
      where.push('c.question_id = ?');
      params.push(filter.questionId);
    }
    if (filter.ids !== undefined) {
      // A JSON array as one parameter: any number of ids, one statement.
      where.push('c.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.ids));
    }
    if (filter.status !== undefined) {
      where.push('c.status = ?');
      params.push(filter.status);
    }
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.source_id, c.orphaned, c.start, c.id`;
    const records = this.withPassages(this.db.prepare(sql).all(...params) as Omit<Row, 'passage'>[]);
    return filter.context ? this.withContext(records) : records;
  }

  /** Each claim with the sentence around its quote, read from its source's text (each text once). */
  private withContext(records: ClaimRecord[]): ClaimRecord[] {
    const text = this.db.prepare('SELECT text FROM source_text WHERE source_id = ?');
    const texts = new Map<number, string>();
    return records.map((c) => {
      if (!texts.has(c.sourceId)) texts.set(c.sourceId, (text.get(c.sourceId) as { text: string } | undefined)?.text ?? '');
      return c.orphaned ? c : { ...c, context: sentenceAround(texts.get(c.sourceId)!, c.start, c.end) };
    });
  }

  create(sourceId: number, text: string, c: Omit<Claim, 'quote'>, questionId: number | null): ClaimRecord {
    if (c.end > text.length || c.start >= c.end)
      throw new ApiError('invalid_request', `The span ${c.start}–${c.end} is not inside the source's text`);
    if (questionId !== null) this.question(questionId);
    this.changed(sourceId);
    const now = new Date().toISOString();
    const info = this.db
      .prepare(
        `INSERT INTO claim (source_id, start, "end", quote, measure, low, high, unit, approx, event, from_year, to_year, status, origin, question_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', 'manual', ?, ?, ?)`,
      )
      .run(
        sourceId,
        c.start,
        c.end,
        text.slice(c.start, c.end),
        c.measure,
        c.low,
        c.high,
        c.unit,
        c.approx ? 1 : 0,
        canonical(c.event, this.aliases()),
        c.fromYear ?? null,
        c.toYear ?? null,
        questionId,
        now,
        now,
      );
    return this.get(Number(info.lastInsertRowid));
  }

  update(id: number, patch: ClaimPatch): ClaimRecord {
    const current = this.get(id);
    const low = patch.low !== undefined ? patch.low : current.low;
    const high = patch.high !== undefined ? patch.high : current.high;
    if (low === null && high === null) throw new ApiError('invalid_request', 'A claim needs a lower or an upper bound (or both)');
    if (low !== null && high !== null && low > high)
      throw new ApiError('invalid_request', `The lower bound (${low}) is above the upper bound (${high})`);
    const fromYear = patch.fromYear !== undefined ? patch.fromYear : (current.fromYear ?? null);
    const toYear = patch.toYear !== undefined ? patch.toYear : (current.toYear ?? null);
    if (fromYear !== null && toYear !== null && fromYear > toYear)
      throw new ApiError('invalid_request', `The first year (${fromYear}) is after the last (${toYear})`);
    if (patch.questionId !== undefined && patch.questionId !== null) this.question(patch.questionId);
    const fields: Record<string, unknown> = {
      status: patch.status,
      measure: patch.measure,
      low: patch.low,
      high: patch.high,
      unit: patch.unit,
      approx: patch.approx === undefined ? undefined : patch.approx ? 1 : 0,
      event: patch.event,
      from_year: patch.fromYear,
      to_year: patch.toYear,
      question_id: patch.questionId,
      preferred: patch.preferred === undefined ? undefined : patch.preferred ? 1 : 0,
      preferred_reason: patch.preferredReason,
    };
    const set = Object.entries(fields).filter(([, v]) => v !== undefined);
    this.changed(current.sourceId);
    this.db
      .transaction(() => {
        // One preferred value per question: marking one unmarks the others.
        if (patch.preferred && (patch.questionId ?? current.questionId) !== null) {
          this.db.prepare('UPDATE claim SET preferred = 0 WHERE question_id = ?').run(patch.questionId ?? current.questionId);
        }
        if (set.length) {
          this.db
            .prepare(`UPDATE claim SET ${set.map(([k]) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
            .run(...set.map(([, v]) => v), new Date().toISOString(), id);
        }
      })
      .immediate();
    return this.get(id);
  }

  question(id: number): Question {
    const row = this.db
      .prepare(
        'SELECT q.id, q.label, q.notes, (SELECT count(*) FROM claim c WHERE c.question_id = q.id AND c.status != ?) AS claims FROM question q WHERE q.id = ?',
      )
      .get('rejected', id) as Question | undefined;
    if (!row) throw new ApiError('not_found', `There is no question with id ${id}`);
    return row;
  }

  questions(): Question[] {
    return this.db
      .prepare(
        'SELECT q.id, q.label, q.notes, (SELECT count(*) FROM claim c WHERE c.question_id = q.id AND c.status != ?) AS claims FROM question q ORDER BY q.label COLLATE NOCASE',
      )
      .all('rejected') as Question[];
  }

  createQuestion(label: string, claimIds: number[] = []): Question {
    this.changed(null);
    const id = this.db
      .transaction(() => {
        const info = this.db.prepare('INSERT INTO question (label, created_at) VALUES (?, ?)').run(label, new Date().toISOString());
        const qid = Number(info.lastInsertRowid);
        const assign = this.db.prepare('UPDATE claim SET question_id = ? WHERE id = ?');
        for (const c of claimIds) {
          this.get(c);
          assign.run(qid, c);
        }
        return qid;
      })
      .immediate();
    return this.question(id);
  }

  updateQuestion(id: number, patch: { label?: string; notes?: string }): Question {
    this.question(id);
    this.changed(null);
    if (patch.label !== undefined) this.db.prepare('UPDATE question SET label = ? WHERE id = ?').run(patch.label, id);
    if (patch.notes !== undefined) this.db.prepare('UPDATE question SET notes = ? WHERE id = ?').run(patch.notes, id);
    return this.question(id);
  }

  deleteQuestion(id: number): void {
    this.question(id);
    this.changed(null);
    this.db.prepare('DELETE FROM question WHERE id = ?').run(id);
  }

  /**
   * Claims not yet in a question about one event and measure: proposed as one question.
   * Labels are one event when eventKey makes them one, when one is an alias of the other,
   * or when the project shows it: other sources give the same distinctive figure (same
   * measure, unit and bounds, years that meet) under the two labels. A shared word is not
   * enough. Labels that name no event (isEventLabel) are left out.
   */
  proposals(): ProposedQuestion[] {
    const aliases = this.aliases();
    const rows = this.db
      .prepare(
        "SELECT id, source_id, event, measure, unit, low, high, from_year, to_year, question_id FROM claim WHERE status != 'rejected' AND event != '' ORDER BY id",
      )
      .all() as ClaimFigure[];
    return proposalsOf(rows, aliases);
  }

  /**
   * The events the claims are about, the most claimed first: each under the label the
   * project uses (an alias's event, else the most used spelling, without years).
   */
  events(): EventSummary[] {
    return this.summaries().filter((e) => e.claims > 0);
  }

  /** One event, by any of its labels or aliases (with no claims left, an empty summary). */
  event(label: string): EventSummary {
    const aliases = this.aliases();
    const key = eventKey(canonical(label, aliases));
    return (
      this.summaries().find((e) => eventKey(e.label) === key) ?? {
        label: bareLabel(canonical(label, aliases)),
        claims: 0,
        measures: [],
        fromYear: null,
        toYear: null,
        aliases: [...aliases.values()].filter((a) => eventKey(a.event) === key).map((a) => a.alias),
        named: isEventLabel(label),
      }
    );
  }

  private summaries(): EventSummary[] {
    const aliases = this.aliases();
    const rows = this.db.prepare("SELECT event, measure, status, from_year, to_year FROM claim WHERE event != ''").all() as {
      event: string;
      measure: Measure;
      status: ClaimRecord['status'];
      from_year: number | null;
      to_year: number | null;
    }[];
    const groups = new Map<string, { labels: string[]; kept: typeof rows }>();
    for (const r of rows) {
      const label = bareLabel(canonical(r.event, aliases));
      const key = eventKey(label);
      if (!key) continue;
      const g = groups.get(key) ?? { labels: [], kept: [] };
      if (r.status !== 'rejected') {
        g.labels.push(label);
        g.kept.push(r);
      } else if (!g.labels.length) g.labels.push(label);
      groups.set(key, g);
    }
    const chosen = new Map([...aliases.values()].map((a) => [eventKey(a.event), bareLabel(a.event)]));
    return [...groups.entries()]
      .map(([key, g]): EventSummary => {
        const label = chosen.get(key) ?? mostFrequent(g.labels);
        const froms = g.kept.map((r) => r.from_year ?? r.to_year).filter((y): y is number => y !== null);
        const tos = g.kept.map((r) => r.to_year ?? r.from_year).filter((y): y is number => y !== null);
        return {
          label,
          claims: g.kept.length,
          measures: MEASURES.filter((m) => g.kept.some((r) => r.measure === m)),
          fromYear: froms.length ? Math.min(...froms) : null,
          toYear: tos.length ? Math.max(...tos) : null,
          aliases: [...aliases.values()]
            .filter((a) => eventKey(a.event) === key && a.alias_key !== key)
            .map((a) => a.alias)
            .sort((a, b) => a.localeCompare(b)),
          named: isEventLabel(label) || [...aliases.values()].some((a) => eventKey(a.event) === key),
        };
      })
      .sort((a, b) => b.claims - a.claims || a.label.localeCompare(b.label));
  }

  /**
   * Renames an event: every claim whose label is that event (by eventKey, or through an
   * alias) gets the new label, keeping the years it ends with, and the old label is
   * recorded as an alias, so claims found later with it get the new one. One transaction;
   * renaming back undoes it.
   */
  renameEvent(from: string, to: string): EventSummary {
    const target = this.checkedLabel(to);
    this.db
      .transaction(() => {
        this.checkExists(from, this.aliases());
        this.rename(from, target);
      })
      .immediate();
    return this.event(target);
  }

  /**
   * Merges events into one label (one of theirs or a new one): each is renamed to it, and
   * its labels recorded as aliases. One transaction: an unknown event changes nothing.
   */
  mergeEvents(events: string[], into: string): EventSummary {
    const target = this.checkedLabel(into);
    const named = events.map((e) => e.replace(/\s+/g, ' ').trim());
    if (!named.length || named.some((e) => !e)) throw new ApiError('invalid_request', 'Name the events to merge: an event label is empty');
    this.db
      .transaction(() => {
        const aliases = this.aliases();
        const missing = named.filter((e) => !this.exists(e, aliases));
        if (missing.length) throw new ApiError('not_found', `There is no event ${missing.map((e) => `"${e}"`).join(', ')} in the claims`);
        const keys = new Set([...named.map((e) => eventKey(canonical(e, aliases))), eventKey(target)]);
        if (keys.size < 2)
          throw new ApiError(
            'invalid_request',
            `Nothing to merge: ${named.map((e) => `"${e}"`).join(', ')} and "${target}" are one event already; choose at least two events, or rename it`,
          );
        for (const e of named) this.rename(e, target);
      })
      .immediate();
    return this.event(target);
  }

  /** A new event label, as given, or why it cannot be one. */
  private checkedLabel(label: string): string {
    const target = label.replace(/\s+/g, ' ').trim();
    if (!target) throw new ApiError('invalid_request', 'An event needs a label: the new label is empty');
    if (target.length > 300) throw new ApiError('invalid_request', 'An event label is at most 300 characters long');
    if (!eventKey(target)) throw new ApiError('invalid_request', `"${target}" is only years: an event label needs a name`);
    return target;
  }

  private checkExists(label: string, aliases: Aliases): void {
    if (!label.trim()) throw new ApiError('invalid_request', 'Name the event to rename: the label is empty');
    if (!this.exists(label, aliases)) throw new ApiError('not_found', `There is no event "${label.trim()}" in the claims`);
  }

  /** Whether a label is an event of the project: some claim has it (by eventKey, or through an alias), or it is an alias. */
  private exists(label: string, aliases: Aliases): boolean {
    return aliases.has(eventKey(label)) || this.labelsOf(label, aliases).length > 0;
  }

  /** The labels claims use for the event a label names. */
  private labelsOf(label: string, aliases: Aliases): string[] {
    const key = eventKey(canonical(label, aliases));
    const used = this.db.prepare("SELECT DISTINCT event FROM claim WHERE event != ''").pluck().all() as string[];
    return used.filter((l) => eventKey(canonical(l, aliases)) === key);
  }

  /** Renames one event to `to` (inside the caller's transaction). */
  private rename(from: string, to: string): void {
    this.changed(null);
    const aliases = this.aliases();
    const key = eventKey(canonical(from, aliases));
    const toKey = eventKey(to);
    const labels = this.labelsOf(from, aliases);
    const now = new Date().toISOString();
    const relabel = this.db.prepare('UPDATE claim SET event = ?, updated_at = ? WHERE event = ?');
    for (const l of labels) if (withYears(to, l) !== l) relabel.run(withYears(to, l), now, l);
    // The event's aliases now name the new label; its old labels (and the one given) become aliases.
    this.db
      .prepare('UPDATE event_alias SET event = ? WHERE alias_key IN (SELECT value FROM json_each(?))')
      .run(to, JSON.stringify([...aliases.values()].filter((a) => eventKey(a.event) === key).map((a) => a.alias_key)));
    const record = this.db.prepare('INSERT OR IGNORE INTO event_alias (alias_key, alias, event) VALUES (?, ?, ?)');
    for (const l of byEvent([...labels.map(bareLabel), bareLabel(from)])) {
      if (eventKey(l) !== toKey) record.run(eventKey(l), l, to);
    }
    // The new label is an event's own name, no alias.
    this.db.prepare('DELETE FROM event_alias WHERE alias_key = ?').run(toKey);
  }

  evidence(questionId: number): Evidence {
    return evidenceOf(this.question(questionId), this.list({ questionId }));
  }
}
