import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.js';
import { canManagePosts, canReadPosts, postDenial } from './posts.js';

const actor = (role: Role, regionCode = '529921', agencyId: string | null = null): Actor => ({
  id: `u-${role}`,
  username: role,
  role,
  regionCode,
  agencyId,
  officerId: null,
});

const own = { id: '529921-ZHJ', regionCode: '529921' };
const foreign = { id: '529922-SCJ', regionCode: '529922' };

describe('who keeps an agency’s posts', () => {
  it('the supervision office of its region, the administrator, its own legal office', () => {
    expect(postDenial(actor('supervisor'), own)).toBeNull();
    expect(postDenial(actor('supervisor', '529900'), foreign)).toBeNull();
    expect(postDenial(actor('admin', '520000'), foreign)).toBeNull();
    expect(postDenial(actor('agency_legal', '529921', '529921-ZHJ'), own)).toBeNull();
  });

  it('not another region’s office, another agency’s legal office, nor the other roles', () => {
    expect(postDenial(actor('supervisor'), foreign)).toContain('不在您的辖区');
    expect(postDenial(actor('agency_legal', '529921', '529921-SCJ'), own)).toContain('只能维护本机关');
    for (const role of [
      'officer',
      'panel',
      'discipline',
      'evaluator',
      'security_admin',
      'audit_admin',
    ] as const) {
      expect(postDenial(actor(role), own)).toBe('当前角色无权维护岗位');
      expect(canManagePosts(actor(role))).toBe(false);
    }
    expect(canManagePosts(actor('agency_legal'))).toBe(false);
  });

  it('is read by whoever reads the agency’s duty list', () => {
    expect(canReadPosts(actor('panel'), own)).toBe(true);
    expect(canReadPosts(actor('panel'), foreign)).toBe(false);
    expect(canReadPosts(actor('officer', '529921', '529921-ZHJ'), own)).toBe(false);
  });
});
