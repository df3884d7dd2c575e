/** `sourcebench://open?project=…&source=…&passage=…&start=…&end=…`: links from exported notes back to a passage. */
export interface OpenLink {
  project: string | null;
  sourceId: number;
  passage: number | null;
  start: number | null;
  end: number | null;
}

export function parseOpenLink(link: string): OpenLink | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'sourcebench:' || (url.hostname || url.pathname.replace(/^\/+/, '')) !== 'open') return null;
  const int = (name: string) => {
    const v = url.searchParams.get(name);
    return v !== null && /^\d+$/.test(v) ? Number(v) : null;
  };
  const sourceId = int('source');
  if (sourceId === null || sourceId === 0) return null;
  return { project: url.searchParams.get('project'), sourceId, passage: int('passage'), start: int('start'), end: int('end') };
}
