import type { z } from 'zod';
import type { changePasswordRequest } from '../../../shared/contracts/auth.ts';
import { api } from '../../app/api.ts';

export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export function changePassword(body: ChangePasswordRequest): Promise<null> {
  return api<null>('/api/auth/password', { method: 'POST', json: body });
}
