import { useCallback, useEffect, useState } from 'react';
import type { OcrLanguage } from '../../../shared/types';
import { api, messageOf } from '../api';

/** The recognition languages (built in and added), adding one from its file, and reading a source again in those chosen. */
export function useOcrLanguages(sourceId: number, onChanged: () => void) {
  const [languages, setLanguages] = useState<OcrLanguage[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const load = useCallback(async () => {
    try {
      setLanguages((await api.listOcrLanguages({})).languages);
    } catch (err) {
      setMessage({ text: messageOf(err), error: true });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (file: File) => {
    try {
      const added = await api.addOcrLanguage({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      setMessage({ text: `Added ${added.code} (${file.name}).`, error: false });
      await load();
    } catch (err) {
      setMessage({ text: messageOf(err), error: true });
    }
  };
  const recognise = async (lang: string) => {
    try {
      await api.startOcr({ id: sourceId, lang });
      setMessage({ text: `Recognising the text again in ${lang}.`, error: false });
      onChanged();
    } catch (err) {
      setMessage({ text: `Not started: ${messageOf(err)}`, error: true });
    }
  };
  return { languages, message, dismiss: () => setMessage(null), add, recognise };
}
