// The register of referral organs (纪委监委、任免机关、公安机关、人民检察院).
import type { Organ, OrganQuery } from '../types/organ';
import { api } from './request';

const base = '/api/v1/organs';

export const listOrgans = (query: OrganQuery = {}, signal?: AbortSignal) =>
  api.get<{ items: Organ[] }>(base, { ...query }, signal).then((r) => r.items);
