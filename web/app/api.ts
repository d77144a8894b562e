import { errorResponse, type ErrorCode } from '../../shared/contracts/common.ts';
import { i18n } from './i18n.ts';

/** An error answered by the API, or a network failure (code NETWORK). `message` is already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly fields: { field: string; message: string }[];
  /** The whole parsed response body, for endpoints that answer errors with more than `error` (the SDP import report). */
  readonly body: unknown;

  constructor(status: number, code: ErrorCode | 'NETWORK', message: string, fields: { field: string; message: string }[] = [], body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.body = body;
  }

  /**
   * Field messages keyed by the whole path ("people.2.detail.programmeId"), the first per path, for
   * forms with nested or repeated inputs.
   */
  messagesByPath(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) out[f.field] ??= withoutLabel(f.message);
    return out;
  }

  /** Field messages keyed by the first path segment ("caseArticles.2" → "caseArticles"), for showing under each input. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) out[f.field.split('.')[0] ?? f.field] ??= withoutLabel(f.message);
    return out;
  }
}

/**
 * A field's message for showing under its input. The server may start it with the field's label
 * ("Full name: too short"); the label is already above the input, so that prefix is dropped.
 */
function withoutLabel(message: string): string {
  const bare = message.replace(/^[^:\n]{1,60}:\s+(?=\S)/, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

let csrfToken: string | null = null;
/** The session answer carries the token that every changing request must echo. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let onUnauthenticated: () => void = () => {};
/** The auth provider decides what a 401 means for the screen (clear the session, go to login). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  json?: unknown;
  signal?: AbortSignal;
  /** Do not jump to the login screen on 401 (login itself, the session probe). */
  allowUnauthenticated?: boolean;
}

function headersFor(method: string, hasJson: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'id',
  };
  if (hasJson) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

export function errorFromBody(status: number, body: unknown): ApiError {
  const parsed = errorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(status, code, message, fields ?? [], body);
  }
  const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND'
    : status === 409 ? 'CONFLICT' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'INTERNAL' : 'VALIDATION';
  return new ApiError(status, code, i18n.t(`errors.http.${code}`), [], body);
}

function networkError(): ApiError {
  return new ApiError(0, 'NETWORK', i18n.t('errors.network'));
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Calls the API; resolves with the parsed JSON body (null for 204) or throws ApiError. */
export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const hasJson = options.json !== undefined;
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasJson),
      body: hasJson ? JSON.stringify(options.json) : undefined,
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }
  const body = await readBody(res);
  if (!res.ok) {
    const error = errorFromBody(res.status, body);
    if (res.status === 401 && !options.allowUnauthenticated) onUnauthenticated();
    throw error;
  }
  return body as T;
}

/** The file name a response offers in its Content-Disposition, if any. */
function fileNameOf(res: Response): string | null {
  const header = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || null;
}

/**
 * Fetches a file (a PDF) with the session, like `api`, and hands it to the browser as a download.
 * An error answer throws ApiError (and a 401 signs out), so it is never saved as the file.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { ...headersFor('GET', false), Accept: 'application/pdf, application/octet-stream, application/json;q=0.5' },
    });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    const error = errorFromBody(res.status, await readBody(res));
    if (res.status === 401) onUnauthenticated();
    throw error;
  }
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    throw networkError();
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res) ?? fallbackName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser starts reading the file on the click; the address is freed once it has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Sends a file as the raw request body with upload progress (fetch cannot report it), for slow links.
 * Resolves with the parsed body of a 2xx answer; otherwise throws ApiError (its `body` keeps the whole answer).
 */
export function upload<T = unknown>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress?: (fraction: number) => void,
  query?: Query,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    for (const [k, v] of Object.entries(headersFor('POST', false))) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    xhr.onload = () => {
      let body: unknown = null;
      if (xhr.responseText) {
        try {
          body = JSON.parse(xhr.responseText) as unknown;
        } catch {
          body = xhr.responseText;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      if (xhr.status === 401) onUnauthenticated();
      reject(errorFromBody(xhr.status, body));
    };
    xhr.send(file);
  });
}
