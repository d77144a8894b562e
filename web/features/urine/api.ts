import type { ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import type {
  CancelBody, CollectBody, CreateSelectionBody, CreateTestBody, PersonUrineTests, ReceiveBody, RefuseBody, ResultBody, SendBody,
  UnitUrineRates, UrineDay, UrineSelection, UrineTest,
} from '../../../shared/contracts/urine.ts';
import { api } from '../../app/api.ts';

export type { PersonUrineTests, UnitUrineRates, UrineDay, UrineSelection, UrineTest };

const enc = encodeURIComponent;
const facilityPath = (facilityId: string) => `/api/facilities/${enc(facilityId)}`;

export const urineKeys = {
  all: ['urine'] as const,
  day: (facilityId: string, date: string) => ['urine', 'day', facilityId, date] as const,
  rates: (facilityId: string, from: string, to: string) => ['urine', 'rates', facilityId, from, to] as const,
  person: (wbpId: string) => ['urine', 'person', wbpId] as const,
  /** The same key as the programme catalogue, so the screens share one copy. */
  programmes: (facilityId: string) => ['programmes', facilityId] as const,
};

export function fetchProgrammes(facilityId: string, signal?: AbortSignal): Promise<ProgrammeRecord[]> {
  return api<{ items: ProgrammeRecord[] }>(`${facilityPath(facilityId)}/programmes`, { signal }).then((r) => r.items);
}

export function fetchDay(facilityId: string, date: string, signal?: AbortSignal): Promise<UrineDay> {
  return api<UrineDay>(`${facilityPath(facilityId)}/urine/selections`, { query: { date }, signal });
}
export function drawSelection(facilityId: string, body: CreateSelectionBody): Promise<UrineSelection> {
  return api<UrineSelection>(`${facilityPath(facilityId)}/urine/selections`, { method: 'POST', json: body });
}
export function fetchRates(facilityId: string, from: string, to: string, signal?: AbortSignal): Promise<UnitUrineRates> {
  return api<UnitUrineRates>(`${facilityPath(facilityId)}/urine/rates`, { query: { from, to }, signal });
}

export function fetchPersonTests(wbpId: string, signal?: AbortSignal): Promise<PersonUrineTests> {
  return api<PersonUrineTests>(`/api/wbp/${enc(wbpId)}/urine-tests`, { signal });
}
export function planTest(wbpId: string, body: CreateTestBody): Promise<UrineTest> {
  return api<UrineTest>(`/api/wbp/${enc(wbpId)}/urine-tests`, { method: 'POST', json: body });
}

/** The steps of the chain of custody and what each sends. */
export interface StepBodies {
  collect: CollectBody;
  send: SendBody;
  receive: ReceiveBody;
  result: ResultBody;
  refuse: RefuseBody;
  cancel: CancelBody;
}
export type StepName = keyof StepBodies;

export function takeStep(testId: string, step: StepName, body: StepBodies[StepName]): Promise<UrineTest> {
  return api<UrineTest>(`/api/urine-tests/${enc(testId)}/${step}`, { method: 'POST', json: body });
}
export function requestRetest(testId: string): Promise<UrineTest> {
  return api<UrineTest>(`/api/urine-tests/${enc(testId)}/retest`, { method: 'POST', json: {} });
}
