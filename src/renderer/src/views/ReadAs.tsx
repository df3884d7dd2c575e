import { useState } from 'react';
import type { SourceDetail } from '../../../shared/types';

/** Whether a source's text can be read either way: it came from a plain-text or Markdown file. */
export function canReadAs(source: SourceDetail): boolean {
  return source.format === 'txt' || source.format === 'md';
}

/**
 * "Read as": a plain-text or Markdown file read as plain text (markers shown as written) or
 * as Markdown (headings, lists and quotes as passages, markers hidden). The stored text
 * stays as it is; the passages are made again, and notes and claims follow their quotes.
 */
export function ReadAs(props: { source: SourceDetail; readAs(as: 'text' | 'markdown'): Promise<string>; onDone(message: string): void }) {
  const { source } = props;
  const [busy, setBusy] = useState(false);
  const change = async (as: 'text' | 'markdown') => {
    setBusy(true);
    try {
      props.onDone(await props.readAs(as));
    } finally {
      setBusy(false);
    }
  };
  return (
    <select
      aria-label="Read as"
      value={source.kind === 'markdown' ? 'markdown' : 'text'}
      disabled={busy}
      title="How the file's text is read: plain text shows Markdown markers as written; Markdown makes passages of its headings, lists and quotes"
      onChange={(e) => void change(e.target.value as 'text' | 'markdown')}
    >
      <option value="text">Plain text</option>
      <option value="markdown">Markdown</option>
    </select>
  );
}
