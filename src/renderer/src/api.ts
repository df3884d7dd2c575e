/**
 * The renderer's client: the same typed API whichever transport it finds — the desktop
 * preload bridge, or HTTP to the loopback server in browser mode.
 */
import type { MethodName, SourcebenchApi } from '../../shared/api';
import { methodNames } from '../../shared/api';
import type { ErrorData } from '../../shared/errors';
import { decodeWire, encodeWire } from '../../shared/wire';
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

/** Browser mode: the token arrives once in the URL, is kept for the tab, and leaves the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): SourcebenchApi {
  const token = takeToken();
  const call = async (method: MethodName, input: unknown) => {
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sourcebench-Token': token },
        body: encodeWire(input ?? {}),
      });
    } catch {
      throw new ApiCallError('internal', 'Sourcebench is not running any more: start it again and reload this page');
    }
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
export const api: SourcebenchApi = isDesktop ? bridgeApi() : httpApi();

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
