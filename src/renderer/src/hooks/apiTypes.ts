import type { MethodName, SourcebenchApi } from '../../../shared/api';

/** What an API method takes. */
export type In<M extends MethodName> = Parameters<SourcebenchApi[M]>[0];
