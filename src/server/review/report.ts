// 案卷评查结果报告: the campaign's results (as GET /review-campaigns/:id/results gives them to the
// reader) in the report's model, then the .docx with charts (src/documents/review-report.ts).
import type { FastifyRequest } from 'fastify';
import { ACT_KIND_LABELS } from '../../core/acts/codes.js';
import {
  REVIEW_CAMPAIGN_KIND_LABELS,
  REVIEW_CAMPAIGN_STATE_LABELS,
} from '../../core/workflow/review-campaign.js';
import { type ReviewReportModel, reviewReport } from '../../documents/review-report.js';
import type { CampaignRow } from '../../store/review.repository.js';
import { agencyNames } from '../../store/review.repository.js';
import { campaignResults, rubricOf } from './service.js';

/** The report of a campaign the reader may read the results of (campaignResults decides). */
export async function campaignReport(req: FastifyRequest, c: CampaignRow): Promise<Buffer> {
  const results = await campaignResults(req, c);
  const names = await agencyNames(req.server.database.db, c.agencyIds);
  let rubricTitle = '';
  try {
    rubricTitle = rubricOf(c).title;
  } catch {
    rubricTitle = '（规则包无案卷评查标准）';
  }
  const model: ReviewReportModel = {
    regionName: c.regionName,
    organName: `${c.regionName}司法局`,
    campaign: {
      name: c.name,
      kindLabel: REVIEW_CAMPAIGN_KIND_LABELS[c.kind],
      stateLabel: REVIEW_CAMPAIGN_STATE_LABELS[c.state],
      rubricTitle,
      agencies: c.agencyIds.map((id) => names.get(id) ?? id),
      kinds: c.kinds.map((k) => ACT_KIND_LABELS[k]),
      from: c.periodFrom,
      to: c.periodTo,
      seed: c.seed,
      size: c.size,
    },
    totals: results.campaign,
    agencies: results.agencies,
    files: results.files,
    generatedAt: `${req.server.clock.today()}T00:00:00+08:00`,
  };
  return reviewReport(model);
}
