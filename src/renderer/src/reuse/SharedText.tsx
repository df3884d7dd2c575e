import type { ReuseSpan } from '../../../shared/types';
import { pieces } from './shared';

/** A passage's text with the words it shares marked. */
export function SharedText(props: { text: string; spans: readonly ReuseSpan[] }) {
  return (
    <p className="reuse-text">
      {pieces(props.text, props.spans).map((p, i) =>
        p.shared ? (
          <mark key={i} className="reuse-mark">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
