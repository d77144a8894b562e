import type { z } from 'zod';
import type {
  DoseReportRequest, HandoverRecord, HandoverRequest, PtrmEndRequest, PtrmOverview, PtrmRecord, ptrmStartRequest,
} from '../../../shared/contracts/notes.ts';
import { api } from '../../app/api.ts';

export type { DoseReportRequest, HandoverRecord, HandoverRequest, PtrmOverview, PtrmRecord };
export type PtrmStartBody = z.output<typeof ptrmStartRequest>;

const enc = encodeURIComponent;

export const ptrmKeys = {
  /** The transfer dialog (web/features/wbp) reads the same entry to warn about an open record. */
  overview: (wbpId: string) => ['ptrm', wbpId] as const,
};

export function fetchPtrm(wbpId: string, signal?: AbortSignal): Promise<PtrmOverview> {
  return api<PtrmOverview>(`/api/wbp/${enc(wbpId)}/ptrm`, { signal });
}

export function startPtrm(wbpId: string, body: PtrmStartBody): Promise<PtrmRecord> {
  return api<PtrmRecord>(`/api/wbp/${enc(wbpId)}/ptrm`, { method: 'POST', json: body });
}

export function reportDose(ptrmId: string, body: DoseReportRequest): Promise<PtrmRecord> {
  return api<PtrmRecord>(`/api/ptrm/${enc(ptrmId)}/doses`, { method: 'POST', json: body });
}

export function endPtrm(ptrmId: string, body: PtrmEndRequest): Promise<PtrmRecord> {
  return api<PtrmRecord>(`/api/ptrm/${enc(ptrmId)}/end`, { method: 'POST', json: body });
}

export function issueHandover(ptrmId: string, body: HandoverRequest): Promise<HandoverRecord> {
  return api<HandoverRecord>(`/api/ptrm/${enc(ptrmId)}/handovers`, { method: 'POST', json: body });
}

/** Where the hand-over letter (PDF) is downloaded from. */
export function letterUrl(handoverId: string): string {
  return `/api/ptrm/handovers/${enc(handoverId)}/letter.pdf`;
}
