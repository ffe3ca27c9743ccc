import { api } from '../../services/request';
import type { OfficerDetail } from '../../types/officer';
import type { HomeStats } from './types';

export const getHome = (signal?: AbortSignal) => api.get<HomeStats>('/api/v1/home', undefined, signal);

export const getOwnRecord = (officerId: string, signal?: AbortSignal) =>
  api.get<OfficerDetail>(`/api/v1/officers/${encodeURIComponent(officerId)}`, undefined, signal);

/** Officers without any certificate: the /home figures count the others by status. */
export const withoutCertificate = (s: HomeStats) =>
  Math.max(
    0,
    s.officers -
      s.certificates.valid -
      s.certificates.expired -
      s.certificates.suspended -
      s.certificates.revoked,
  );
