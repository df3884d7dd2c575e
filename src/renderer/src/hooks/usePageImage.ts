import { useEffect, useState } from 'react';
import type { OcrWordBox } from '../../../shared/types';
import { api, messageOf } from '../api';

/**
 * One page image of a source as a blob: URL, loaded only when that page is shown and let go
 * when another is (the project may hold hundreds of photographs).
 */
export function usePageImage(sourceId: number, page: number): { url: string | null; error: string | null } {
  const [state, setState] = useState<{ key: string; url: string | null; error: string | null }>({ key: '', url: null, error: null });
  const key = `${sourceId}:${page}`;
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    api
      .getPageImage({ id: sourceId, page })
      .then(({ bytes, mime }) => {
        if (!live) return;
        url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
        setState({ key, url, error: null });
      })
      .catch((err: unknown) => live && setState({ key, url: null, error: messageOf(err) }));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [sourceId, page, key]);
  return state.key === key ? { url: state.url, error: state.error } : { url: null, error: null };
}

/**
 * The words being read, shared by the page image and the text beside it: both ask for the same
 * source and version in one render, and one request answers both.
 */
let latestWords: { key: string; words: Promise<OcrWordBox[]> } | null = null;
function wordsOf(sourceId: number, key: string): Promise<OcrWordBox[]> {
  if (latestWords?.key !== key) latestWords = { key, words: api.getOcrWords({ id: sourceId }) };
  return latestWords.words;
}

/** The recognised words of a source, with their boxes; read again when the source's text changes (`version`). */
export function useOcrWords(sourceId: number, version: string): OcrWordBox[] {
  const [words, setWords] = useState<{ key: string; words: OcrWordBox[] }>({ key: '', words: [] });
  const key = `${sourceId}:${version}`;
  useEffect(() => {
    let live = true;
    wordsOf(sourceId, key)
      .then((w) => live && setWords({ key, words: w }))
      .catch(() => live && setWords({ key, words: [] }));
    return () => {
      live = false;
    };
  }, [sourceId, key]);
  return words.key === key ? words.words : [];
}
