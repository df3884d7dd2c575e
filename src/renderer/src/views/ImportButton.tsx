import { useRef, useState } from 'react';
import { desktop } from '../api';
import { useShortcuts } from '../app/useShortcuts';
import type { ImportState } from '../hooks/useImporter';
import { keyed } from '../shortcuts';

import { EXTENSIONS, isImageFile } from '../../../shared/formats';
import { GroupImagesDialog } from './GroupImagesDialog';
const ACCEPT = EXTENSIONS.join(',');

export function isSupported(name: string): boolean {
  const lower = name.toLowerCase();
  return EXTENSIONS.some((e) => lower.endsWith(e));
}

/** Import files or a folder: native dialogs in the desktop app, the browser's pickers otherwise; `shortcuts`: the one whose keys (I, Shift+I, Shift+S) these are. */
export function ImportButton(props: { importer: ImportState; primary?: boolean; shortcuts?: boolean }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  // Several images chosen together: the question whether they are one source.
  const [ask, setAsk] = useState<{ files?: File[]; paths?: string[]; images: number } | null>(null);

  const pick = async (what: 'files' | 'folder') => {
    setOpen(false);
    if (!desktop) return (what === 'files' ? files : folder).current?.click();
    const paths = await (what === 'files' ? desktop.chooseImportFiles() : desktop.chooseImportFolder());
    // Several images chosen together: ask whether they are one source (a folder's images are already).
    if (what === 'files' && paths.filter(isImageFile).length > 1) setAsk({ paths, images: paths.filter(isImageFile).length });
    else if (paths.length) await props.importer.importPaths(paths);
  };
  const onPicked = (input: HTMLInputElement, onlySupported: boolean) => {
    // From a folder, only the files Sourcebench reads are sent; picked files are all tried.
    const list = [...(input.files ?? [])].filter((f) => !f.name.startsWith('.') && (!onlySupported || isSupported(f.name)));
    input.value = '';
    const images = list.filter((f) => isImageFile(f.name)).length;
    if (!onlySupported && images > 1) setAsk({ files: list, images });
    else if (list.length) void props.importer.importFiles(list);
  };
  const importAsked = (groupImages: boolean) => {
    if (ask?.files) void props.importer.importFiles(ask.files, { groupImages });
    else if (ask?.paths) void props.importer.importPaths(ask.paths, { groupImages });
    setAsk(null);
  };
  const loadSamples = () => {
    setOpen(false);
    void props.importer.loadSamples();
  };
  useShortcuts(
    'library',
    {
      importFiles: () => void pick('files'),
      importFolder: () => void pick('folder'),
      loadSamples: () => (props.importer.running ? false : loadSamples()),
    },
    !!props.shortcuts,
  );

  return (
    <div className="split-button">
      <button type="button" className={props.primary ? 'primary' : ''} onClick={() => void pick('files')} {...keyed('library', 'importFiles')}>
        Import files…
      </button>
      <button
        type="button"
        className={props.primary ? 'primary caret' : 'caret'}
        aria-label="More import options"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        ▾
      </button>
      {open && (
        <div className="menu" role="menu" onMouseLeave={() => setOpen(false)}>
          <button type="button" role="menuitem" onClick={() => void pick('files')} {...keyed('library', 'importFiles')}>
            Import files…
          </button>
          <button type="button" role="menuitem" onClick={() => void pick('folder')} {...keyed('library', 'importFolder')}>
            Import a folder…
          </button>
          <button type="button" role="menuitem" onClick={loadSamples} {...keyed('library', 'loadSamples')}>
            Load sample sources
          </button>
        </div>
      )}
      {ask && (
        <GroupImagesDialog images={ask.images} files={(ask.files ?? ask.paths ?? []).length} onImport={importAsked} onClose={() => setAsk(null)} />
      )}
      <input
        ref={files}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        aria-label="Choose files to import"
        onChange={(e) => onPicked(e.target, false)}
      />
      <input
        ref={(el) => {
          folder.current = el;
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        aria-label="Choose a folder to import"
        onChange={(e) => onPicked(e.target, true)}
      />
    </div>
  );
}
