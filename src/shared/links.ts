/**
 * `sourcebench://open?project=<id>&source=…&passage=…&start=…&end=…`: links from exported
 * notes back to a passage. The project is named by its stable id (links from older
 * exports carry its path instead); main resolves it (src/main/links.ts).
 */
export interface OpenLink {
  /** The project's id or, in an older link, its path; in what main sends the renderer, the path of the project now open. */
  project: string | null;
  /** The source's row in the project; 0 until main has found the source a UUID names. */
  sourceId: number;
  /** The source's stable id, in links written since sources have one. */
  sourceUuid?: string;
  passage: number | null;
  start: number | null;
  end: number | null;
}

const SOURCE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Longer than any link Sourcebench writes. */
const MAX_LINK = 8192;

export function parseOpenLink(link: string): OpenLink | null {
  if (typeof link !== 'string' || link.length > MAX_LINK) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'sourcebench:' || (url.hostname || url.pathname.replace(/^\/+/, '')) !== 'open') return null;
  const int = (name: string) => {
    const v = url.searchParams.get(name);
    return v !== null && /^\d{1,15}$/.test(v) ? Number(v) : null;
  };
  const source = url.searchParams.get('source') ?? '';
  const rest = { project: url.searchParams.get('project'), passage: int('passage'), start: int('start'), end: int('end') };
  if (SOURCE_UUID.test(source)) return { ...rest, sourceId: 0, sourceUuid: source.toLowerCase() };
  const sourceId = int('source');
  if (sourceId === null || sourceId === 0) return null;
  return { ...rest, sourceId };
}
