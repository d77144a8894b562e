import type { z } from 'zod';
import {
  classificationRuleBody, type ClassificationRuleBody, type SettingsRecord, type SettingsRequest, type qualificationRequest, type saveRuleRequest,
} from '../../../shared/contracts/clinical.ts';
import { expiryAlertDaysOf } from '../../../shared/domain/agreements.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { defaultIssuer, qualificationProblems } from '../../../shared/domain/staff.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import * as repo from './configuration.repository.ts';

type RuleRow = NonNullable<Awaited<ReturnType<typeof repo.ruleInForce>>>;

function toRule(row: RuleRow) {
  return {
    id: row.id,
    regionId: row.region_id,
    regionName: row.region_name,
    version: row.version,
    rule: classificationRuleBody.parse(row.rule),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

type QualificationRow = Awaited<ReturnType<typeof repo.listQualifications>>[number];

/** A qualification as the API shows it: valid from its issue date up to and including its expiry. */
function toQualification(q: QualificationRow, today: string) {
  return {
    id: q.id, userId: q.user_id, kind: q.kind, number: q.number, issuedOn: q.issued_on, expiresOn: q.expires_on, issuer: q.issuer,
    valid: q.issued_on <= today && (q.expires_on === null || q.expires_on >= today),
  };
}

export interface RuleInForce { id: string; version: number; rule: ClassificationRuleBody }

export function createConfigurationService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  /** The national holidays, which the working-day clocks (screening to decision) skip. */
  async function holidays(handle: DbOrTrx = db): Promise<ReadonlySet<string>> {
    return new Set((await repo.readSetting(handle, 'holidays')) as string[] | undefined);
  }

  async function settings(handle: DbOrTrx = db): Promise<SettingsRecord> {
    const rate = Number(await repo.readSetting(handle, 'rupiahPerUsd'));
    return {
      rupiahPerUsd: rate > 0 ? rate : 16_000,
      holidays: [...(await holidays(handle))],
      agreementExpiryAlertDays: expiryAlertDaysOf(await repo.readSetting(handle, 'agreementExpiryAlertDays')),
    };
  }

  /** The case articles that count as pure self-use (Pasal 127): data, not code. */
  async function selfUseArticles(handle: DbOrTrx = db): Promise<string[]> {
    const value = await repo.readSetting(handle, 'selfUseArticles');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : ['UU 35/2009 Pasal 127'];
  }

  return {
    settings,
    holidays,
    selfUseArticles,

    async saveSettings(actor: Actor, input: SettingsRequest, origin: RequestOrigin): Promise<SettingsRecord> {
      return db.transaction().execute(async (trx) => {
        const before = await settings(trx);
        await repo.writeSetting(trx, 'rupiahPerUsd', input.rupiahPerUsd, actor.userId, now());
        await repo.writeSetting(trx, 'holidays', [...new Set(input.holidays)].sort(), actor.userId, now());
        if (input.agreementExpiryAlertDays !== undefined) {
          await repo.writeSetting(trx, 'agreementExpiryAlertDays', input.agreementExpiryAlertDays, actor.userId, now());
        }
        const after = await settings(trx);
        await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'settings', details: { before, after } });
        return after;
      });
    },

    async rules() {
      return { items: (await repo.listRules(db)).map(toRule) };
    },

    /** The rule that classifies in a unit: its region's newest version, else the national default. */
    async ruleFor(handle: DbOrTrx, facilityId: string): Promise<RuleInForce | null> {
      const facility = await repo.findOrganizationKind(handle, facilityId);
      const row = await repo.ruleInForce(handle, facility?.parent_id ?? null);
      return row ? { id: row.id, version: row.version, rule: classificationRuleBody.parse(row.rule) } : null;
    },

    async saveRule(actor: Actor, input: z.infer<typeof saveRuleRequest>, origin: RequestOrigin) {
      // A regional manager edits the rule of their own region; the national administrator any rule.
      if (actor.role === 'regional_manager' && input.regionId !== actor.organizationId) throw forbidden();
      if (input.regionId) {
        const region = await repo.findOrganizationKind(db, input.regionId);
        if (!region || region.kind !== 'kanwil') throw validation([{ field: 'regionId', message: 'validation.notARegion' }]);
      }
      return db.transaction().execute(async (trx) => {
        const version = await repo.nextRuleVersion(trx, input.regionId);
        const id = await repo.insertRule(trx, input.regionId, version, input.rule, actor.userId);
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'classification_rule', entityId: id, details: { regionId: input.regionId, version, rule: input.rule },
        });
        const row = (await repo.listRules(trx)).find((r) => r.id === id);
        if (!row) throw new AppError('INTERNAL', 'error.internal');
        return toRule(row);
      });
    },

    async qualifications(userId: string) {
      if (!(await repo.userExists(db, userId))) throw notFound('user');
      const today = jakartaDate(now());
      return {
        items: (await repo.listQualifications(db, userId)).map((q) => toQualification(q, today)),
      };
    },

    /** The same rules as a head of unit's renewal in the staff directory (shared/domain/staff.ts). */
    async addQualification(actor: Actor, userId: string, input: z.infer<typeof qualificationRequest>, origin: RequestOrigin) {
      if (!(await repo.userExists(db, userId))) throw notFound('user');
      const today = jakartaDate(now());
      const problems = qualificationProblems(input, today);
      if (problems.length > 0) throw validation(problems);
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertQualification(trx, {
          user_id: userId, kind: input.kind, number: input.certificateNumber, issued_on: input.issuedOn, expires_on: input.expiresOn,
          issuer: defaultIssuer(input.kind, input.issuer), recorded_by: actor.userId,
        });
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'qualification', entityId: inserted.id, details: { userId, kind: input.kind } });
        return inserted;
      });
      return toQualification(row, today);
    },
  };
}

export type ConfigurationService = ReturnType<typeof createConfigurationService>;
