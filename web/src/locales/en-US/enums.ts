import type { SameKeys } from '..';
import type zh from '../zh-CN/enums';

export default {
  'enums.role.supervisor': 'Supervision office',
  'enums.role.agency_legal': 'Agency legal office',
  'enums.role.officer': 'Enforcement officer',
  'enums.role.panel': 'Relief panel member',
  'enums.role.discipline': 'Discipline inspection',
  'enums.role.evaluator': 'External evaluator',
  'enums.role.admin': 'Administrator',
  'enums.role.security_admin': 'Security administrator',
  'enums.role.audit_admin': 'Audit administrator',
  'enums.roleDesc.supervisor':
    'Justice bureau / legal affairs office; sees every agency and officer in its jurisdiction',
  'enums.roleDesc.agency_legal': "An agency's legal office; sees and maintains its own agency's officers",
  'enums.roleDesc.officer': 'Certificate holder; sees their own record',
  'enums.roleDesc.panel': 'Relief panel member; reviews tolerance and relief applications',
  'enums.roleDesc.discipline': 'Discipline inspection / appointing organ; receives referrals',
  'enums.roleDesc.evaluator': 'External evaluator; takes part in evaluation campaigns',
  'enums.roleDesc.admin':
    'System administrator; agencies, officers and accounts (grants no administrator role)',
  'enums.roleDesc.security_admin':
    'Security administrator; roles, unlocking, password and two-factor resets, password policy',
  'enums.roleDesc.audit_admin': 'Audit administrator; reads and exports the audit log',
  'enums.kind.administrative': 'Administrative organ',
  'enums.kind.authorized': 'Authorised organisation',
  'enums.kind.entrusted': 'Entrusted organisation',
  'enums.staffing.administrative': 'Administrative',
  'enums.staffing.civil_service_managed': 'Civil-service-managed',
  'enums.staffing.institution': 'Public institution',
  'enums.cert.valid': 'Valid',
  'enums.cert.expired': 'Expired',
  'enums.cert.suspended': 'Suspended',
  'enums.cert.revoked': 'Revoked',
  'enums.cert.none': 'None',
  'enums.gender.M': 'Male',
  'enums.gender.F': 'Female',
  'enums.level.province': 'Province',
  'enums.level.city': 'City',
  'enums.level.county': 'County',
} satisfies SameKeys<typeof zh>;
