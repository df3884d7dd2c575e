/**
 * The API's method names, apart from their schemas so that the sandboxed preload can list
 * them without bundling the validation library. `api.ts` checks that the two agree.
 */
export const METHOD_NAMES = [
  'getProject',
  'openProject',
  'createProject',
  'importFile',
  'importPath',
  'loadSamples',
  'listSources',
  'getSource',
  'updateSource',
  'deleteSource',
  'listTags',
  'search',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'reattachAnnotation',
  'replaceSourceText',
  'exportMarkdown',
  'exportAnnotations',
  'listClaims',
  'createClaim',
  'updateClaim',
  'listQuestions',
  'proposeQuestions',
  'createQuestion',
  'updateQuestion',
  'deleteQuestion',
  'getEvidence',
  'exportEvidence',
  'compareSources',
  'exportComparison',
  'listBackups',
  'restoreBackup',
  'setBackupsKept',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
