import { randomBytes } from 'node:crypto';
import type {
  CancelBody, CollectBody, CreateSelectionBody, CreateTestBody, PersonUrineTests, ReceiveBody, RefuseBody, ResultBody, SendBody,
  UnitUrineRates, UrineDay, UrineSelection, UrineTest,
} from '../../../shared/contracts/urine.ts';
import { addDays, jakartaDate } from '../../../shared/domain/dates.ts';
import {
  POSITIVE_FOLLOW_UP_DAYS, type UrineStep, drawRandom, isReproduced, mayRetest, nextStatus, seedFromBytes, stableCandidates, supersededIds,
  testOutcome, urineRates,
} from '../../../shared/domain/urine.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, conflict, notFound, validation } from '../../platform/errors.ts';
import * as repo from './urine.repository.ts';

/** Length of a seed the server makes: 10 characters of 32 kinds, about 50 bits. */
const SEED_LENGTH = 10;
/** Clocks of the units' PCs drift: a time up to this far ahead of the server's is taken as now. */
const CLOCK_SLACK_MS = 5 * 60_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function createUrineService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  /** Test rows as the API gives them, each with the retests asked of it. */
  async function toTests(handle: DbOrTrx, rows: readonly repo.TestRow[]): Promise<UrineTest[]> {
    const retests = await repo.retestsOf(handle, rows.map((r) => r.id));
    return rows.map((r) => {
      const own = retests.filter((x) => x.retest_of === r.id);
      const retestUnderWay = own.some((x) => x.status !== 'cancelled' && x.status !== 'refused');
      return {
        id: r.id, wbpId: r.wbp_id, fullName: r.full_name, sdpNumber: r.sdp_number, block: r.block, room: r.room, facilityId: r.facility_id,
        selectionId: r.selection_id, enrolmentId: r.enrolment_id, programmeName: r.programme_name, reason: r.reason, retestOf: r.retest_of,
        retests: own.map((x) => x.id), plannedOn: r.planned_on, status: r.status,
        observedBy: r.observed_by && r.observed_by_name ? { id: r.observed_by, name: r.observed_by_name } : null,
        collectedBy: r.collected_by_name, collectedAt: iso(r.collected_at), sealNumber: r.seal_number, sentTo: r.sent_to, sentAt: iso(r.sent_at),
        receivedBy: r.received_by, receivedAt: iso(r.received_at), results: r.results, outcome: r.outcome,
        closedBy: r.resulted_by_name, closedAt: iso(r.resulted_at), note: r.note, createdBy: r.created_by_name, createdAt: r.created_at.toISOString(),
        canRetest: mayRetest(r) && !retestUnderWay, version: r.version,
      };
    });
  }

  /**
   * Selections as the API gives them, each with its tests among `tests` (those of the people held now
   * in the actor's units), and checked against everyone it drew, those transferred out since included.
   */
  async function toSelections(handle: DbOrTrx, rows: readonly repo.SelectionRow[], tests: readonly UrineTest[]): Promise<UrineSelection[]> {
    const ids = rows.map((s) => s.id);
    const drawn = await repo.drawnBy(handle, ids);
    const names = new Map((await repo.programmeNames(handle, rows.flatMap((s) => s.programme_ids))).map((p) => [p.id, p.name]));
    return rows.map((s) => {
      const own = tests.filter((t) => t.selectionId === s.id);
      return {
        id: s.id, facilityId: s.facility_id, date: s.date, seed: s.seed, requested: s.requested,
        programmes: s.programme_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
        candidateCount: s.candidates.length, selectedBy: s.selected_by_name, createdAt: s.created_at.toISOString(), tests: own,
        reproduced: isReproduced(s.seed, s.candidates, s.requested, drawn.filter((d) => d.selection_id === s.id).map((d) => d.wbp_id)),
      };
    });
  }

  /** One selection with its tests of the people held now in the actor's units. */
  async function selectionRecord(handle: DbOrTrx, actor: Actor, row: repo.SelectionRow): Promise<UrineSelection> {
    const [record] = await toSelections(handle, [row], await toTests(handle, await repo.testsOfSelection(handle, row.id, actor.facilityIds)));
    return record!;
  }

  async function testOrThrow(handle: DbOrTrx, actor: Actor, id: string) {
    const test = await repo.findTest(handle, id, actor.facilityIds);
    if (!test) throw notFound('urine_test');
    return test;
  }

  /** A moment that may not lie ahead of now, nor before an earlier step's. */
  function checkMoment(field: string, value: string, after?: { at: Date | null; message: string }): Date {
    const at = new Date(value);
    if (at.getTime() > now().getTime() + CLOCK_SLACK_MS) throw validation([{ field, message: 'validation.urine.inFuture' }]);
    if (after?.at && at.getTime() < after.at.getTime()) throw validation([{ field, message: after.message }]);
    return at;
  }

  /**
   * One step of the chain of custody on a locked test at the version the user saw: 409 when the
   * version is stale or the step is out of order. `change` checks the body and says what to store.
   */
  async function step(
    actor: Actor, id: string, origin: RequestOrigin, name: UrineStep, version: number,
    change: (trx: DbOrTrx, test: repo.TestRow) => Promise<Omit<repo.TestChange, 'status'>>,
    details: (test: repo.TestRow) => Record<string, unknown> = () => ({}),
  ): Promise<UrineTest> {
    return db.transaction().execute(async (trx) => {
      await repo.lockTest(trx, id);
      const test = await testOrThrow(trx, actor, id);
      if (test.version !== version) throw conflict();
      const status = nextStatus(test.status, name);
      if (status === null) throw new AppError('CONFLICT', 'error.urine.outOfOrder');
      const c = await change(trx, test);
      if (!(await repo.changeTest(trx, id, version, { ...c, status }))) throw conflict();
      await writeAudit(trx, { actor, origin }, {
        action: 'update', entityType: 'urine_test', entityId: id, facilityId: test.facility_id,
        details: { step: name, from: test.status, to: status, wbpId: test.wbp_id, ...details(test) },
      });
      const [record] = await toTests(trx, [(await repo.findTest(trx, id, actor.facilityIds))!]);
      return record!;
    });
  }

  return {
    /**
     * Draws a day's people at random from the unit's active participants of the chosen programmes,
     * and plans a test for each. The seed and the candidates are stored, so the draw can be repeated.
     */
    async select(actor: Actor, facilityId: string, body: CreateSelectionBody, origin: RequestOrigin): Promise<UrineSelection> {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const unitProgrammes = await repo.programmesOf(trx, facilityId);
        const asked = [...new Set(body.programmeIds ?? [])];
        const known = new Set(unitProgrammes.map((p) => p.id));
        // Named by its place in the body as sent, repeated programmes counted.
        const foreign = (body.programmeIds ?? []).findIndex((id) => !known.has(id));
        if (foreign >= 0) throw validation([{ field: `programmeIds.${foreign}`, message: 'validation.urine.programmeNotInUnit' }]);
        const enrolments = await repo.enrolmentsOn(trx, facilityId, body.date, asked.length > 0 ? asked : [...known]);
        const candidates = stableCandidates(enrolments.map((e) => e.wbp_id));
        if (candidates.length === 0) throw validation([{ field: 'programmeIds', message: 'validation.urine.noCandidates' }]);

        const seed = seedFromBytes(randomBytes(SEED_LENGTH));
        const chosen = drawRandom(seed, candidates, body.count);
        const at = now();
        const selectionId = await repo.insertSelection(trx, {
          facilityId, date: body.date, seed, programmeIds: asked, requested: body.count, candidates, by: actor.userId, at,
        });
        const firstEnrolment = new Map<string, string>();
        for (const e of enrolments) if (!firstEnrolment.has(e.wbp_id)) firstEnrolment.set(e.wbp_id, e.enrolment_id);
        const testIds = await repo.insertTests(trx, chosen.map((wbpId) => ({
          wbpId, facilityId, selectionId, enrolmentId: firstEnrolment.get(wbpId) ?? null, reason: 'random' as const, retestOf: null,
          plannedOn: body.date, by: actor.userId, at,
        })));
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'urine_selection', entityId: selectionId, facilityId,
          details: { date: body.date, seed, requested: body.count, programmeIds: asked, candidates: candidates.length, selected: chosen, testIds },
        });
        return selectionRecord(trx, actor, (await repo.findSelection(trx, selectionId, actor.facilityIds))!);
      });
    },

    async day(actor: Actor, facilityId: string, date: string, origin: RequestOrigin): Promise<UrineDay> {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        // One read of the day's tests: a selection's are planned for its date, the others have none.
        const tests = await toTests(trx, await repo.testsOn(trx, facilityId, date, actor.facilityIds));
        const selections = await toSelections(trx, await repo.selectionsOn(trx, facilityId, date), tests);
        const observers = (await repo.observersOf(trx, facilityId, jakartaDate(now()))).map((u) => ({ id: u.id, name: u.full_name }));
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'urine_day', facilityId, details: { date, selections: selections.length, tests: tests.length },
        });
        return {
          date, facilityName: await repo.facilityName(trx, facilityId), selections, otherTests: tests.filter((t) => t.selectionId === null), observers,
        };
      });
    },

    async selection(actor: Actor, id: string, origin: RequestOrigin): Promise<UrineSelection> {
      return db.transaction().execute(async (trx) => {
        const row = await repo.findSelection(trx, id, actor.facilityIds);
        if (!row) throw notFound('urine_selection');
        const record = await selectionRecord(trx, actor, row);
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'urine_selection', entityId: id, facilityId: row.facility_id, details: { reproduced: record.reproduced },
        });
        return record;
      });
    },

    /** A test planned by hand: at entry, as routine, at exit, or on suspicion. */
    async plan(actor: Actor, wbpId: string, body: CreateTestBody, origin: RequestOrigin): Promise<UrineTest> {
      return db.transaction().execute(async (trx) => {
        const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
        if (!person) throw notFound('wbp');
        if (body.enrolmentId && !(await repo.enrolmentOf(trx, body.enrolmentId, wbpId))) {
          throw validation([{ field: 'enrolmentId', message: 'validation.urine.enrolmentNotOfPerson' }]);
        }
        const [testId] = await repo.insertTests(trx, [{
          wbpId, facilityId: person.facility_id, selectionId: null, enrolmentId: body.enrolmentId ?? null, reason: body.reason, retestOf: null,
          plannedOn: body.plannedOn, by: actor.userId, at: now(),
        }]);
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'urine_test', entityId: testId, facilityId: person.facility_id,
          details: { wbpId, reason: body.reason, plannedOn: body.plannedOn, enrolmentId: body.enrolmentId ?? null },
        });
        const [record] = await toTests(trx, [(await repo.findTest(trx, testId!, actor.facilityIds))!]);
        return record!;
      });
    },

    /** The sample given under observation, sealed; the actor collects it. */
    collect(actor: Actor, id: string, body: CollectBody, origin: RequestOrigin) {
      return step(actor, id, origin, 'collect', body.version, async (trx, test) => {
        const at = checkMoment('collectedAt', body.collectedAt);
        const observers = await repo.observersOf(trx, test.facility_id, jakartaDate(now()));
        if (!observers.some((o) => o.id === body.observedBy)) throw validation([{ field: 'observedBy', message: 'validation.urine.observerNotStaff' }]);
        return { observedBy: body.observedBy, collectedBy: actor.userId, collectedAt: at, sealNumber: body.sealNumber };
      }, () => ({ observedBy: body.observedBy, sealNumber: body.sealNumber, collectedAt: body.collectedAt }));
    },

    refuse(actor: Actor, id: string, body: RefuseBody, origin: RequestOrigin) {
      return step(actor, id, origin, 'refuse', body.version, async () => ({ closedBy: actor.userId, closedAt: now(), note: body.note }), () => ({ note: body.note }));
    },

    cancel(actor: Actor, id: string, body: CancelBody, origin: RequestOrigin) {
      return step(actor, id, origin, 'cancel', body.version, async () => ({ closedBy: actor.userId, closedAt: now(), note: body.note }), () => ({ note: body.note }));
    },

    send(actor: Actor, id: string, body: SendBody, origin: RequestOrigin) {
      return step(actor, id, origin, 'send', body.version, async (_trx, test) => ({
        sentTo: body.sentTo,
        sentAt: checkMoment('sentAt', body.sentAt, { at: test.collected_at, message: 'validation.urine.beforeCollection' }),
      }), () => ({ sentTo: body.sentTo, sentAt: body.sentAt }));
    },

    receive(actor: Actor, id: string, body: ReceiveBody, origin: RequestOrigin) {
      return step(actor, id, origin, 'receive', body.version, async (_trx, test) => ({
        receivedBy: body.receivedBy,
        receivedAt: checkMoment('receivedAt', body.receivedAt, { at: test.sent_at, message: 'validation.urine.beforeSending' }),
      }), () => ({ receivedBy: body.receivedBy, receivedAt: body.receivedAt }));
    },

    /** The result for the whole panel; a positive one opens a follow-up task due three days later. */
    result(actor: Actor, id: string, body: ResultBody, origin: RequestOrigin) {
      const outcome = testOutcome(body.results);
      let taskId: string | null = null;
      return step(actor, id, origin, 'result', body.version, async (trx, test) => {
        const at = now();
        if (outcome === 'positive') {
          taskId = await repo.insertFollowUpTask(trx, {
            wbpId: test.wbp_id, facilityId: test.facility_id, sourceId: test.id, dueOn: addDays(jakartaDate(at), POSITIVE_FOLLOW_UP_DAYS), at,
          });
        }
        const note = body.note?.trim() ? body.note.trim() : undefined;
        return { results: body.results, outcome, closedBy: actor.userId, closedAt: at, ...(note ? { note } : {}) };
      }, () => ({ results: body.results, outcome, taskId }));
    },

    /** A confirmatory retest of a positive or invalid result, planned for today unless told. */
    async retest(actor: Actor, id: string, plannedOn: string | undefined, origin: RequestOrigin): Promise<UrineTest> {
      return db.transaction().execute(async (trx) => {
        await repo.lockTest(trx, id);
        const test = await testOrThrow(trx, actor, id);
        if (!mayRetest(test)) throw new AppError('CONFLICT', 'error.urine.retestNotAllowed');
        const existing = await repo.retestsOf(trx, [id]);
        if (existing.some((x) => x.status !== 'cancelled' && x.status !== 'refused')) throw new AppError('CONFLICT', 'error.urine.retestExists');
        const on = plannedOn ?? jakartaDate(now());
        const [retestId] = await repo.insertTests(trx, [{
          wbpId: test.wbp_id, facilityId: test.facility_id, selectionId: null, enrolmentId: test.enrolment_id, reason: 'retest', retestOf: id,
          plannedOn: on, by: actor.userId, at: now(),
        }]);
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'urine_test', entityId: retestId, facilityId: test.facility_id,
          details: { wbpId: test.wbp_id, reason: 'retest', retestOf: id, outcomeOf: test.outcome, plannedOn: on },
        });
        const [record] = await toTests(trx, [(await repo.findTest(trx, retestId!, actor.facilityIds))!]);
        return record!;
      });
    },

    /** A person's tests, newest first, with the chain of custody and the person's rates. An audited read. */
    async ofPerson(actor: Actor, wbpId: string, origin: RequestOrigin): Promise<PersonUrineTests> {
      return db.transaction().execute(async (trx) => {
        const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
        if (!person) throw notFound('wbp');
        const rows = await repo.testsOfPerson(trx, wbpId, actor.facilityIds);
        const superseded = supersededIds(rows.map((r) => ({ id: r.id, status: r.status, retestOf: r.retest_of })));
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'urine_tests', entityId: wbpId, facilityId: person.facility_id });
        return {
          items: await toTests(trx, rows),
          rates: urineRates(rows.map((r) => ({ status: r.status, outcome: r.outcome, superseded: superseded.has(r.id) }))),
          enrolments: (await repo.enrolmentsOfPerson(trx, wbpId)).map((e) => ({
            id: e.id, programmeName: e.programme_name, status: e.status, startDate: e.start_date,
          })),
        };
      });
    },

    /** A unit's rates for a period, per programme (through each test's enrolment) and in total. */
    async rates(actor: Actor, facilityId: string, from: string, to: string, origin: RequestOrigin): Promise<UnitUrineRates> {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const rows = await repo.testsForRates(trx, facilityId, from, to);
        const byProgramme = new Map<string, { name: string; rows: typeof rows }>();
        for (const r of rows) {
          if (!r.programme_id) continue;
          const entry = byProgramme.get(r.programme_id) ?? { name: r.programme_name ?? '', rows: [] };
          entry.rows.push(r);
          byProgramme.set(r.programme_id, entry);
        }
        const rated = (list: typeof rows) => urineRates(list.map((r) => ({ status: r.status, outcome: r.outcome, superseded: Boolean(r.superseded) })));
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'urine_rates', facilityId, details: { from, to } });
        return {
          from, to,
          programmes: [...byProgramme.entries()]
            .map(([programmeId, p]) => ({ programmeId, programmeName: p.name, ...rated(p.rows) }))
            .sort((a, b) => a.programmeName.localeCompare(b.programmeName)),
          total: rated(rows),
        };
      });
    },
  };
}

export type UrineService = ReturnType<typeof createUrineService>;
