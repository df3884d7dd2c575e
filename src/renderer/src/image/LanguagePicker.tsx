import { useState } from 'react';
import { useOcrLanguages } from '../hooks/useOcrLanguages';

/** The languages a photographed or scanned source is read in: chosen, added from a Tesseract `.traineddata` file, read again. */
export function LanguagePicker(props: { sourceId: number; current: string | undefined; busy: boolean; onChanged(): void }) {
  const { languages, message, dismiss, add, recognise } = useOcrLanguages(props.sourceId, props.onChanged);
  const [chosen, setChosen] = useState<string[]>(() => (props.current ?? 'eng').split('+'));
  const lang = languages
    .filter((l) => chosen.includes(l.code))
    .map((l) => l.code)
    .join('+');
  return (
    <details className="page-order">
      <summary>Languages: {props.current ?? 'eng'}</summary>
      {message && (
        <p className={message.error ? 'banner error' : 'banner info'} role={message.error ? 'alert' : 'status'}>
          {message.text}{' '}
          <button type="button" className="link" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
      <fieldset className="language-list">
        <legend>Read the text in</legend>
        {languages.map((l) => (
          <label key={l.code} className="check-line">
            <input
              type="checkbox"
              checked={chosen.includes(l.code)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, l.code] : c.filter((x) => x !== l.code)))}
            />
            {l.code}
            {l.builtIn ? ' (built in)' : ''}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={!lang || props.busy} onClick={() => void recognise(lang)}>
        Recognise again{lang ? ` in ${lang}` : ''}
      </button>{' '}
      <label className="file-button">
        Add a language…
        <input
          type="file"
          className="visually-hidden"
          accept=".traineddata,.gz"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void add(file);
          }}
        />
      </label>
    </details>
  );
}
