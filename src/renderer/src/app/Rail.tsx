import { useState } from 'react';
import type { ProjectState } from '../hooks/useProject';
import type { View } from '../navigation';

const ITEMS: { view: View; icon: string; label: string; title?: string }[] = [
  { view: 'library', icon: '▤', label: 'Library' },
  { view: 'search', icon: '⌕', label: 'Search', title: 'Search (Ctrl+K)' },
  { view: 'reader', icon: '¶', label: 'Reader' },
  { view: 'notes', icon: '✎', label: 'Notes' },
  { view: 'evidence', icon: '≡', label: 'Evidence' },
  { view: 'compare', icon: '⇆', label: 'Compare' },
  { view: 'reuse', icon: '“', label: 'Reuse', title: 'Text reuse: which sources share text with which' },
  { view: 'collate', icon: '☷', label: 'Collate' },
];

/** The views down the side, and the project menu at its foot. */
export function Rail(props: {
  view: View;
  onShow(view: View): void;
  project: ProjectState;
  onChoose(mode: 'open' | 'create'): void;
  onBackups(): void;
}) {
  const [menu, setMenu] = useState(false);
  const { project } = props;
  const close = (then: () => void) => () => {
    setMenu(false);
    then();
  };
  return (
    <nav className="rail" aria-label="Views">
      {ITEMS.map((item) => (
        <button
          key={item.view}
          type="button"
          className={props.view === item.view ? 'rail-item active' : 'rail-item'}
          aria-pressed={props.view === item.view}
          onClick={() => props.onShow(item.view)}
          title={item.title}
        >
          <span aria-hidden="true">{item.icon}</span>
          <span className="rail-label">{item.label}</span>
        </button>
      ))}
      <div className="spacer" />
      <div className="project-switch">
        <button type="button" className="rail-item" aria-haspopup="menu" aria-expanded={menu} aria-label="Project" onClick={() => setMenu(!menu)}>
          <span aria-hidden="true">◧</span>
          <span className="rail-label">Project</span>
        </button>
        {menu && (
          <div className="menu up" role="menu" onMouseLeave={() => setMenu(false)}>
            <button type="button" role="menuitem" onClick={close(() => props.onChoose('create'))}>
              New project…
            </button>
            <button type="button" role="menuitem" onClick={close(() => props.onChoose('open'))}>
              Open project…
            </button>
            <button type="button" role="menuitem" onClick={close(props.onBackups)}>
              Restore from backup…
            </button>
            {(project.info?.recent ?? [])
              .filter((r) => r !== project.info?.path)
              .slice(0, 6)
              .map((r) => (
                <button type="button" role="menuitem" key={r} title={r} onClick={close(() => void project.open(r).catch(() => {}))}>
                  {r.replace(/^.*[\\/]/, '')}
                </button>
              ))}
          </div>
        )}
      </div>
    </nav>
  );
}
