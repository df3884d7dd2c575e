import type { OcrState } from '../../../shared/types';
import type { TextWords } from './useTextWords';
import type { TextLink } from './useWordLink';
import { keyed } from '../shortcuts';
import { checkLabel } from './pageView';

/**
 * Above a transcription read from a page image: how many words are to check, the way to the
 * next one and the correction in place of it (or of the selection), and what the last step did.
 */
export function CheckBar(props: { ocr: TextLink; text: TextWords; hasText: boolean }) {
  const { ocr, text } = props;
  const count = ocr.toCheck.length;
  return (
    <div className="check-bar" role="toolbar" aria-label="Transcription checking">
      {/* In a narrow window the page image is shown on demand (styles.css). */}
      <button type="button" className="page-toggle" aria-expanded={ocr.page.shown} onClick={ocr.page.toggle}>
        Page image
      </button>
      {ocr.words.length > 0 && (
        <>
          <span className="check-count">{checkLabel(count) ?? 'No words to check'}</span>
          <button type="button" disabled={count === 0} onClick={() => text.commands.nextToCheck()} {...keyed('reader', 'nextToCheck')}>
            Next word to check
          </button>
        </>
      )}
      {props.hasText && (
        <button type="button" disabled={!text.canCorrect} onClick={() => text.commands.correct()} {...keyed('reader', 'correct')}>
          Correct…
        </button>
      )}
      <span className="check-status" role="status">
        {text.status}
      </span>
    </div>
  );
}

/**
 * A photograph or scan with no text: while it is being recognised, recognition can be stopped
 * (handwriting the recogniser cannot read); once stopped, or if it failed, the historian types
 * the transcription, saved as a correction of the empty text.
 */
export function TypeTranscription(props: { state: OcrState; onStop(): void; onSave(text: string): void }) {
  if (props.state === 'pending' || props.state === 'running') {
    return (
      <p className="type-transcription">
        <span>The text on these pages is being recognised. Handwriting, or a page it cannot read?</span>
        <button type="button" onClick={props.onStop}>
          Stop recognition and type the transcription
        </button>
      </p>
    );
  }
  if (props.state === 'done') return null;
  return (
    <form
      className="type-transcription"
      onSubmit={(e) => {
        e.preventDefault();
        const text = new FormData(e.currentTarget).get('transcription');
        if (typeof text === 'string' && text.trim()) props.onSave(text);
      }}
    >
      <label htmlFor="type-transcription">Type the transcription</label>
      <p className="muted">
        Nothing was recognised on these pages. Type what they say; leave a blank line between paragraphs. Annotations, claims and search follow it as
        they follow a recognised text.
      </p>
      <textarea id="type-transcription" name="transcription" rows={8} />
      <button type="submit">Save the transcription</button>
    </form>
  );
}
