import { importReport, type ImportReport } from '../../../shared/contracts/sdp.ts';
import { ApiError, upload } from '../../app/api.ts';


/**
 * Sends the SDP roster CSV as it is. A rejected file answers 400 with the report of every bad row;
 * that is an outcome to show, not an error, so it resolves like a success.
 */
export async function importSdp(file: File, dryRun: boolean, onProgress: (fraction: number) => void): Promise<ImportReport> {
  try {
    return await upload<ImportReport>('/api/imports/sdp', file, 'text/csv', onProgress, { dryRun: String(dryRun) });
  } catch (err) {
    if (err instanceof ApiError && err.body && typeof err.body === 'object' && 'report' in err.body) {
      const parsed = importReport.safeParse((err.body as { report: unknown }).report);
      if (parsed.success) return parsed.data;
    }
    throw err;
  }
}
