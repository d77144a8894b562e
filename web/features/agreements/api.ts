import type {
  AgreementBody,
  AgreementDocument,
  AgreementPage,
  AgreementRecord,
  AgreementStatus,
  TerminateAgreementBody,
  UpdateAgreementBody,
} from '../../../shared/contracts/agreements.ts';
import { api, upload } from '../../app/api.ts';

const enc = encodeURIComponent;
export const PAGE_SIZE = 25;

export interface AgreementListParams {
  q?: string;
  status?: AgreementStatus;
  page: number;
}

export const agreementKeys = {
  all: ['agreements'] as const,
  list: (params: AgreementListParams) => ['agreements', 'list', params] as const,
  /** The same key as the dashboard's alert card, so both share one copy. */
  alerts: ['agreements', 'alerts'] as const,
  detail: (id: string) => ['agreements', 'detail', id] as const,
};

export function fetchAgreements(params: AgreementListParams, signal?: AbortSignal): Promise<AgreementPage> {
  return api<AgreementPage>('/api/agreements', { query: { ...params, pageSize: PAGE_SIZE }, signal });
}
export function fetchAgreement(id: string, signal?: AbortSignal): Promise<AgreementRecord> {
  return api<AgreementRecord>(`/api/agreements/${enc(id)}`, { signal });
}
export function createAgreement(body: AgreementBody): Promise<AgreementRecord> {
  return api<AgreementRecord>('/api/agreements', { method: 'POST', json: body });
}
export function updateAgreement(id: string, body: UpdateAgreementBody): Promise<AgreementRecord> {
  return api<AgreementRecord>(`/api/agreements/${enc(id)}`, { method: 'PUT', json: body });
}
export function terminateAgreement(id: string, body: TerminateAgreementBody): Promise<AgreementRecord> {
  return api<AgreementRecord>(`/api/agreements/${enc(id)}/terminate`, { method: 'POST', json: body });
}
/** The file is the raw body; its name travels in the address. */
export function uploadDocument(id: string, file: File, contentType: string, onProgress: (fraction: number) => void): Promise<unknown> {
  return upload(`/api/agreements/${enc(id)}/documents`, file, contentType, onProgress, { filename: file.name });
}
export function documentPath(agreementId: string, document: AgreementDocument): string {
  return `/api/agreements/${enc(agreementId)}/documents/${enc(document.id)}`;
}
