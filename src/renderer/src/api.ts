/**
 * The renderer's client: the same typed API whichever transport it finds — the desktop
 * preload bridge, or HTTP to the loopback server in browser mode.
 */
import type { MethodName, SourcebenchApi } from '../../shared/api';
// The method names alone (methods.ts), not the contract's schemas: the window needs no validation library.
import { METHOD_NAMES as methodNames } from '../../shared/methods';
import type { ErrorData } from '../../shared/errors';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../shared/limits';
import { decodeWire, encodeWire, isFilesBodyMethod, isRawBodyMethod, isRawReplyMethod, packFiles, rawQuery } from '../../shared/wire';
import type { Reply } from '../../shared/bridge';

export class ApiCallError extends Error implements ErrorData {
  constructor(
    readonly code: ErrorData['code'],
    message: string,
  ) {
    super(message);
  }
}

function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  throw new ApiCallError(reply.error.code, reply.error.message);
}

const TOKEN_KEY = 'sourcebench-token';

/**
 * Browser mode: the token arrives once in the URL (the address Sourcebench prints), is
 * kept for the tab in sessionStorage, and leaves the address bar without a history entry.
 * It goes to this server only, in a header: no cookie, which every server on 127.0.0.1
 * would be sent.
 */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const NO_ACCESS =
  'This tab is not signed in to the running Sourcebench (its access token is missing, or from an earlier run): open the address Sourcebench printed when it started.';

function httpApi(token: string): SourcebenchApi {
  const call = async (method: MethodName, input: unknown) => {
    const headers: Record<string, string> = { 'X-Sourcebench-Token': token };
    let target = `/api/${method}`;
    let body: BodyInit;
    if (isRawBodyMethod(method)) {
      // A file's bytes are the request body as they are; the other fields ride in the query string.
      const { bytes, ...rest } = input as { bytes: Uint8Array } & Record<string, unknown>;
      // The server refuses a file over the limit (413) and closes the connection; say so without sending it.
      if (bytes.byteLength > MAX_FILE_BYTES) throw new ApiCallError('too_large', tooLargeMessage(String(rest.name ?? 'The file'), bytes.byteLength));
      target += `?${rawQuery(method, rest)}`;
      headers['Content-Type'] = 'application/octet-stream';
      body = bytes as Uint8Array<ArrayBuffer>;
    } else if (isFilesBodyMethod(method)) {
      // Several files: packed into the body, their bytes as they are.
      headers['Content-Type'] = 'application/octet-stream';
      const { files, groupImages } = input as { files: { name: string; bytes: Uint8Array }[]; groupImages?: boolean };
      // The other fields ride in the query string.
      if (groupImages) target += '?groupImages=1';
      body = packFiles(files);
    } else {
      headers['Content-Type'] = 'application/json';
      body = encodeWire(input ?? {});
    }
    let res: Response;
    try {
      res = await fetch(target, { method: 'POST', headers, body });
    } catch {
      throw new ApiCallError('internal', 'Sourcebench is not running any more: start it again and reload this page');
    }
    if (res.status === 401) {
      // A token from an earlier run: forget it, so that a reload shows how to get in.
      sessionStorage.removeItem(TOKEN_KEY);
      throw new ApiCallError('unauthorized', NO_ACCESS);
    }
    // A file's bytes come as they are, typed by their mime type; a refusal is JSON as always.
    const type = res.headers.get('Content-Type') ?? '';
    if (res.ok && isRawReplyMethod(method) && !type.startsWith('application/json'))
      return { bytes: new Uint8Array(await res.arrayBuffer()), mime: type };
    return unwrap(decodeWire(await res.text()) as Reply<unknown>);
  };
  return Object.fromEntries(methodNames.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as SourcebenchApi;
}

function bridgeApi(): SourcebenchApi {
  const bridge = window.sourcebench!.api;
  return Object.fromEntries(
    methodNames.map((m) => [m, async (input: unknown) => unwrap(await (bridge[m] as (i: unknown) => Promise<Reply<unknown>>)(input))]),
  ) as unknown as SourcebenchApi;
}

export const isDesktop = typeof window !== 'undefined' && !!window.sourcebench;
export const desktop = window.sourcebench?.desktop;
const token = isDesktop ? '' : takeToken();
/** Browser mode without a token: the tab cannot call the API, and the page says how to get in. */
export const needsToken = !isDesktop && !token;
export const api: SourcebenchApi = isDesktop ? bridgeApi() : httpApi(token);

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
