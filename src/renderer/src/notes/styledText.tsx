/**
 * Inline styles as React elements: bold, italic, code, struck-through and links of Markdown
 * text, and note references (`[22]`, `[^8]`) set as superscripts, linked to their footnote
 * when the source has it.
 */
import type { MouseEvent, ReactNode } from 'react';
import type { InlineMark } from '../../../shared/inline';

const RAISED = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/;

/** A piece of text inside the inline styles that cover it, outermost first. */
export function styledText(text: string, styles: InlineMark[], note: { has?(label: string): boolean; go?(label: string): void } = {}): ReactNode {
  let node: ReactNode = text;
  for (const m of [...styles].sort((a, b) => b.end - b.start - (a.end - a.start)).reverse()) {
    if (m.kind === 'note') {
      const label = m.label ?? text;
      const linked = note.go && note.has?.(label);
      const go = (e: MouseEvent) => {
        e.preventDefault();
        e.stopPropagation();
        note.go?.(label);
      };
      const inner = linked ? (
        <a href={`#note-${label}`} onClick={go} title={`Go to note ${label}`}>
          {node}
        </a>
      ) : (
        node
      );
      const className = m.joined ? 'note-ref joined' : 'note-ref';
      node = RAISED.test(text) ? <span className={className}>{inner}</span> : <sup className={className}>{inner}</sup>;
      continue;
    }
    if (m.kind === 'strong') node = <strong>{node}</strong>;
    else if (m.kind === 'em') node = <em>{node}</em>;
    else if (m.kind === 'code') node = <code>{node}</code>;
    else if (m.kind === 'del') node = <del>{node}</del>;
    else if (m.kind === 'link')
      node = m.href ? (
        <a href={m.href} target="_blank" rel="noreferrer noopener">
          {node}
        </a>
      ) : (
        <u>{node}</u>
      );
  }
  return node;
}
