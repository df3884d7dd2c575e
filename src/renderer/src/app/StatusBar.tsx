import { isDesktop } from '../api';
import type { ImportState } from '../hooks/useImporter';
import type { ProjectState } from '../hooks/useProject';
import { ImportProgress } from '../views/ImportProgress';

/** The project open, the mode, and an import's progress. */
export function StatusBar(props: { project: ProjectState; importer: ImportState }) {
  const { project, importer } = props;
  return (
    <footer className="status" aria-label="Status">
      <span className="project-name" title={project.info?.path}>
        {project.info ? `${project.info.name} — ${project.info.path}` : 'Opening project…'}
      </span>
      <span className="muted">{isDesktop ? 'Desktop' : 'Browser mode'}</span>
      <div className="spacer" />
      <ImportProgress importer={importer} />
    </footer>
  );
}
