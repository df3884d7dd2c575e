import { useCallback, useState } from 'react';
import type { OcrWordBox, SourceDetail } from '../../../shared/types';
import { api, messageOf } from '../api';
import { useOcrWords } from './usePageImage';

/** A stretch of the transcription to correct, as the historian saw it. */
export interface Correction {
  start: number;
  end: number;
  /** The text shown there when the correction began. */
  expected: string;
}

/**
 * The transcription of a photographed or scanned source: its recognised words (read again after
 * each correction) and the correction in place, through the same path as a corrected file.
 * `version` names the words' state, for the page image beside it.
 */
export function useTranscription(source: SourceDetail, saved: () => void) {
  const [edits, setEdits] = useState(0);
  const version = `${source.hash}:${source.chars}:${source.image?.ocr.state ?? ''}:${edits}`;
  const words: OcrWordBox[] = useOcrWords(source.id, version);
  const id = source.id;
  /** Saves a correction; resolves to null, or to why nothing was written. */
  const correct = useCallback(
    async (at: Correction, text: string): Promise<string | null> => {
      try {
        await api.correctSourceText({ id, start: at.start, end: at.end, text, expected: at.expected });
        setEdits((e) => e + 1);
        saved();
        return null;
      } catch (err) {
        return `The correction was not saved: ${messageOf(err)}`;
      }
    },
    [id, saved],
  );
  /** Stops recognition (the text is to be typed instead). */
  const stop = useCallback(() => {
    void api
      .cancelOcr({ id })
      .catch(() => undefined)
      .then(saved);
  }, [id, saved]);
  return { words, version, correct, stop };
}

export type Transcription = ReturnType<typeof useTranscription>;
