/** Annotations as a W3C Web Annotation `AnnotationCollection` (JSON-LD), for other annotation tools. */
import type { Annotation, SourceSummary } from '../../shared/types';
import { openLink } from './markdown';

/** `projectId` names the project in the links (sourcebench://open?project=<id>…), never its path. */
export function annotationCollection(projectId: string, annotations: Annotation[], sources: Map<number, SourceSummary>, label: string) {
  const items = annotations.map((a) => {
    const source = sources.get(a.sourceId);
    const body: Record<string, unknown>[] = [];
    if (a.markdown) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.markdown, format: 'text/markdown' });
    for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
    const selectors: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix }];
    if (!a.orphaned) selectors.push({ type: 'TextPositionSelector', start: a.start, end: a.end });
    return {
      id: `${openLink(projectId, a)}&annotation=${a.id}`,
      type: 'Annotation',
      motivation: a.markdown ? 'commenting' : 'highlighting',
      created: a.createdAt,
      modified: a.updatedAt,
      ...(body.length ? { body: body.length === 1 ? body[0] : body } : {}),
      target: {
        source: source?.origin && /^https?:\/\//.test(source.origin) ? source.origin : openLink(projectId, { sourceId: a.sourceId, passage: null, start: 0, end: 0 }).replace(/&start=0&end=0$/, ''),
        selector: selectors.length === 1 ? selectors[0] : selectors,
      },
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `sourcebench://open?${new URLSearchParams({ project: projectId }).toString()}`,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
