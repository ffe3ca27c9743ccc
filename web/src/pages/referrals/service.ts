import { api } from '../../services/request';
import type { ReferralRow } from './types';

const base = '/api/v1/referrals';

export const listReferrals = (pending: boolean, signal?: AbortSignal) =>
  api
    .get<{ items: ReferralRow[] }>(base, { pending: pending ? 'true' : undefined }, signal)
    .then((r) => r.items);

export const recordOutcome = (r: ReferralRow, outcome: string) =>
  api.post<ReferralRow>(`${base}/${r.id}/outcome`, { version: r.version, outcome });
