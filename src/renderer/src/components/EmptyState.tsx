import type { ReactNode } from 'react';

/**
 * What a view or panel shows when it has nothing to show, the same everywhere: a title
 * saying what is missing, one sentence on how to get it, and the action that does it,
 * where there is one. `compact` for a sidebar or a panel inside a view.
 */
export function EmptyState(props: { title: string; children: ReactNode; action?: ReactNode; compact?: boolean }) {
  const Heading = props.compact ? 'h3' : 'h2';
  return (
    <div className={props.compact ? 'empty empty-state compact' : 'empty empty-state'} data-testid="empty-state">
      <Heading>{props.title}</Heading>
      <p>{props.children}</p>
      {props.action && <div className="empty-actions">{props.action}</div>}
    </div>
  );
}
