import { useCallback, useEffect, useState } from 'react';
import type { HighlightColour } from '../../../shared/notes';
import { api, messageOf } from '../api';
import { download, useAnnotations } from './useAnnotations';
import { useClaims } from './useClaims';
import { useSource } from './useSource';

/**
 * The source the reader shows, its annotations and claims, and what the reader does to them.
 * `onChanged` follows a change to the source itself (metadata, text, reading).
 */
export function useReader(sourceId: number | null, onChanged: () => void, quickFirst = false) {
  const [version, setVersion] = useState(0);
  const { source, error } = useSource(sourceId, version, quickFirst);
  const annotations = useAnnotations(sourceId);
  const claims = useClaims(sourceId);
  const { reload: reloadAnnotations } = annotations;
  const { reload: reloadClaims } = claims;
  // A corrected text moves annotations and claims: read them again whenever the source is read
  // again (not when it is first shown, nor when the rest of its passages come: each hook reads
  // its list for a new source itself).
  useEffect(() => {
    if (version === 0) return;
    void reloadAnnotations();
    void reloadClaims();
  }, [version, reloadAnnotations, reloadClaims]);

  // A photograph's text is being recognised: read the source again each second until it is done.
  const recognising = source?.image?.ocr.state === 'pending' || source?.image?.ocr.state === 'running';
  useEffect(() => {
    if (!recognising) return;
    const timer = setInterval(() => setVersion((v) => v + 1), 1000);
    return () => clearInterval(timer);
  }, [recognising]);

  /** The source changed: read it again. */
  const saved = useCallback(() => {
    setVersion((v) => v + 1);
    onChanged();
  }, [onChanged]);

  const id = source?.id ?? -1;
  const actions = {
    saved,
    annotate: (span: { start: number; end: number }, colour: HighlightColour) =>
      annotations.create({ sourceId: id, start: span.start, end: span.end, colour }),
    recordClaim: (span: { start: number; end: number }) => claims.create({ sourceId: id, start: span.start, end: span.end }),
    /** Replaces the text with a corrected file; resolves to what happened, in words. */
    replaceText: async (file: File): Promise<string> => {
      try {
        const r = await api.replaceSourceText({ id, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        saved();
        return `Text replaced from ${file.name}: ${r.source.passages} passages. ${r.annotations} annotations: ${r.annotations - r.orphaned} placed (${r.moved} moved), ${r.orphaned} not placed.`;
      } catch (err) {
        return `${file.name} was not used: ${messageOf(err)}. The text and its annotations are as they were.`;
      }
    },
    /** Downloads the source's notes as Markdown; resolves to an error message, or null. */
    exportNotes: async (): Promise<string | null> => {
      try {
        // The Markdown, and the crops of marked regions it links to.
        (await api.exportMarkdown({ sourceId: id })).forEach((f) => download(f));
        return null;
      } catch (err) {
        return messageOf(err);
      }
    },
    /** Reads a plain-text or Markdown file the other way; resolves to what happened, in words. */
    readAs: async (as: 'text' | 'markdown'): Promise<string> => {
      try {
        const r = await api.setReadAs({ id, as });
        const notes = r.annotations
          ? ` ${r.annotations} annotation${r.annotations === 1 ? '' : 's'}: ${r.annotations - r.orphaned} placed, ${r.orphaned} not placed.`
          : '';
        return `Now read as ${as === 'markdown' ? 'Markdown' : 'plain text'}: ${r.source.passages} passages.${notes}`;
      } catch (err) {
        return `The reading was not changed: ${messageOf(err)}`;
      }
    },
  };
  return { source, error, annotations, claims, actions };
}

export type ReaderState = ReturnType<typeof useReader>;
export type ReaderActions = ReaderState['actions'];
