import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context';
import { authRoutes } from '../auth/auth.routes';
import { usersRoutes } from '../users/users.routes';
import { organisationsRoutes } from '../users/organisations.routes';
import { locationsRoutes } from '../locations/locations.routes';
import { childrenRoutes } from '../registry/children.routes';
import { familiesRoutes } from '../registry/families.routes';
import { mappingRoutes } from '../registry/mapping.routes';
import { auditRoutes } from '../audit/audit.routes';
import { duplicatesRoutes } from '../registry/duplicates.routes';
import { importRoutes } from '../registry/import/import.routes';
import { casesRoutes } from '../cases/cases.routes';
import { convergenceRoutes } from '../convergence/convergence.routes';
import { outboxRoutes } from '../notifications/outbox.routes';
import { schemesRoutes } from '../schemes/schemes.routes';
import { missingRoutes } from '../missing/missing.routes';
import { careRoutes } from '../care/care.routes';
import { sponsorshipRoutes } from '../care/sponsorship/sponsorship.routes';
import { helplineRoutes } from '../helpline/helpline.routes';
import { dashboardsRoutes } from '../dashboards/dashboards.routes';
import { lawRoutes } from '../law/law.routes';
import { cwcQuarterlyRoutes } from '../reports/cwc-quarterly/cwc-quarterly.routes';

/** Each domain registers its own routes under /api/v1. */
export function registerDomainRoutes(api: FastifyInstance, ctx: AppContext) {
  authRoutes(api, ctx);
  usersRoutes(api, ctx);
  organisationsRoutes(api, ctx);
  locationsRoutes(api, ctx);
  childrenRoutes(api, ctx);
  familiesRoutes(api, ctx);
  mappingRoutes(api, ctx);
  auditRoutes(api, ctx);
  duplicatesRoutes(api, ctx);
  importRoutes(api, ctx);
  casesRoutes(api, ctx);
  convergenceRoutes(api, ctx);
  outboxRoutes(api, ctx);
  schemesRoutes(api, ctx);
  missingRoutes(api, ctx);
  careRoutes(api, ctx);
  sponsorshipRoutes(api, ctx);
  helplineRoutes(api, ctx);
  dashboardsRoutes(api, ctx);
  lawRoutes(api, ctx);
  cwcQuarterlyRoutes(api, ctx);
}
