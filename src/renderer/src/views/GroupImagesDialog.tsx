import { useState } from 'react';
import { Dialog } from '../components/Dialog';

/**
 * Asked when several page images are chosen together: one source of all of them (pages in
 * file-name order), or one source each.
 */
export function GroupImagesDialog(props: { images: number; files: number; onImport(group: boolean): void; onClose(): void }) {
  const [group, setGroup] = useState(true);
  const others = props.files - props.images;
  return (
    <Dialog title={`Import ${props.files} files`} onClose={props.onClose}>
      <p className="dialog-text">
        {props.images} of them are photographs or scans{others ? `; the other ${others} are imported as they are` : ''}.
      </p>
      <label className="check-line">
        <input type="checkbox" checked={group} onChange={(e) => setGroup(e.target.checked)} autoFocus />
        Group the images into one source (its pages in file-name order, which can be changed later)
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => props.onImport(group)}>
          Import
        </button>
      </div>
    </Dialog>
  );
}
