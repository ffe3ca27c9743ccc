// Who does what in a case-file review campaign.
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import {
  canCreateCampaign,
  canReadCampaign,
  canReadFile,
  reviewCampaignActorKinds,
  reviewerRefusal,
  scoreRefusal,
} from './review.js';

const actor = (
  role: Actor['role'],
  regionCode: string,
  agencyId: string | null = null,
  id = `u-${role}`,
) => ({
  id,
  username: id,
  role,
  regionCode,
  agencyId,
  officerId: null,
});
const county = actor('supervisor', '529921');
const city = actor('supervisor', '529900');
const other = actor('supervisor', '529922');
const legal = actor('agency_legal', '529921', '529921-SCJ');
const lawyer = actor('evaluator', '529900', null, 'u-lawyer');
const campaign = { regionCode: '529921', state: 'self_check' as const };
const none = { reviewer: false, ownFiles: false };

describe('review campaign policy', () => {
  it('the office of the region (or above) creates and moves a campaign', () => {
    expect(canCreateCampaign(county, '529921')).toBe(true);
    expect(canCreateCampaign(city, '529921')).toBe(true);
    expect(canCreateCampaign(other, '529921')).toBe(false);
    expect(canCreateCampaign(legal, '529921')).toBe(false);
    expect(reviewCampaignActorKinds(city, campaign)).toEqual(['office']);
    expect(reviewCampaignActorKinds(other, campaign)).toEqual([]);
  });

  it('others read it as reviewers or for their agency’s files, past the draft', () => {
    expect(canReadCampaign(other, campaign, none)).toBe(false);
    expect(canReadCampaign(lawyer, campaign, { reviewer: true, ownFiles: false })).toBe(true);
    expect(canReadCampaign(legal, campaign, { reviewer: false, ownFiles: true })).toBe(true);
    expect(canReadCampaign(legal, { ...campaign, state: 'draft' }, { reviewer: false, ownFiles: true })).toBe(
      false,
    );
    expect(canReadCampaign(actor('admin', '520000'), campaign, none)).toBe(true);
  });

  it('the agency scores its own files in the self-check; the assigned reviewers the spot-check', () => {
    const self = { agencyId: '529921-SCJ', stage: 'self' as const, reviewerIds: [] };
    const spot = { agencyId: '529921-SCJ', stage: 'spot' as const, reviewerIds: ['u-lawyer', legal.id] };
    expect(scoreRefusal(legal, campaign, self)).toBeNull();
    expect(scoreRefusal(actor('agency_legal', '529921', '529921-ZHJ'), campaign, self)).toMatch(/法制机构/);
    expect(scoreRefusal(legal, { ...campaign, state: 'spot_check' }, self)).toMatch(/不在自查阶段/);
    expect(scoreRefusal(lawyer, { ...campaign, state: 'spot_check' }, spot)).toBeNull();
    expect(scoreRefusal(lawyer, campaign, spot)).toMatch(/不在抽查评查阶段/);
    expect(scoreRefusal(county, { ...campaign, state: 'spot_check' }, spot)).toMatch(/分配/);
    // Even if assigned by mistake, never a file of one's own agency.
    expect(scoreRefusal(legal, { ...campaign, state: 'spot_check' }, spot)).toMatch(/本单位/);
    expect(canReadFile(lawyer, campaign, spot)).toBe(true);
    expect(canReadFile(lawyer, campaign, self)).toBe(false);
    expect(canReadFile(legal, campaign, self)).toBe(true);
    expect(canReadFile(other, campaign, self)).toBe(false);
  });

  it('reviewers come from the campaign’s city, in a reviewing role, active', () => {
    expect(reviewerRefusal({ role: 'evaluator', regionCode: '529900', active: true }, '529921')).toBeNull();
    expect(reviewerRefusal({ role: 'supervisor', regionCode: '520000', active: true }, '529921')).toBeNull();
    expect(
      reviewerRefusal({ role: 'agency_legal', regionCode: '529923', active: true }, '529921'),
    ).toBeNull();
    expect(reviewerRefusal({ role: 'officer', regionCode: '529921', active: true }, '529921')).toMatch(
      /须为/,
    );
    expect(reviewerRefusal({ role: 'evaluator', regionCode: '529900', active: false }, '529921')).toMatch(
      /停用/,
    );
    expect(reviewerRefusal({ role: 'supervisor', regionCode: '520100', active: true }, '529921')).toMatch(
      /本市/,
    );
  });
});
