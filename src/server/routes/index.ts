// Every resource's routes, mounted under /api/v1.
import type { FastifyInstance } from 'fastify';
import agencyRoutes from './agencies.js';
import appealRoutes from './appeals.js';
import attachmentRoutes from './attachments.js';
import auditLogRoutes from './audit-log.js';
import authRoutes from './auth.js';
import calendarRoutes from './calendar.js';
import caseLeadRoutes from './case-lead.js';
import caseRoutes from './cases.js';
import correctionRoutes from './corrections.js';
import dutyRoutes from './duties.js';
import homeRoutes from './home.js';
import leadRoutes from './leads.js';
import officerRoutes from './officers.js';
import organRoutes from './organs.js';
import preRegistrationRoutes from './pre-registrations.js';
import publicRoutes from './public.js';
import reviewRoutes from './review.js';
import rulebookRoutes from './rulebook.js';
import supervisionRoutes from './supervision.js';
import toleranceRoutes from './tolerance.js';
import userRoutes from './users.js';

export async function apiRoutes(app: FastifyInstance) {
  await app.register(authRoutes);
  await app.register(homeRoutes);
  await app.register(agencyRoutes);
  await app.register(dutyRoutes);
  await app.register(officerRoutes);
  await app.register(userRoutes);
  await app.register(publicRoutes);
  await app.register(leadRoutes);
  await app.register(organRoutes);
  await app.register(caseRoutes);
  await app.register(caseLeadRoutes);
  await app.register(preRegistrationRoutes);
  await app.register(attachmentRoutes);
  await app.register(toleranceRoutes);
  await app.register(correctionRoutes);
  await app.register(appealRoutes);
  await app.register(reviewRoutes);
  await app.register(rulebookRoutes);
  await app.register(calendarRoutes);
  await app.register(supervisionRoutes);
  await app.register(auditLogRoutes);
}
