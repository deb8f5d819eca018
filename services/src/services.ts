import type { Db } from '@tsunagu/db';
import type { Clock } from '@tsunagu/domain';
import { createAccountService } from './accounts/service';
import { createSessionService } from './accounts/sessions';
import { createPartnershipService } from './associations/partnerships';
import { createAssociationService } from './associations/service';
import { createAuditService } from './audit';
import { type Dispatcher, detachedDispatcher } from './dispatch/port';
import { createDispatchService } from './dispatch/service';
import { createDocumentService } from './documents/service';
import { createCostService } from './expenses/costs';
import { createFiscalPeriodService } from './expenses/periods';
import { createRateScheduleService } from './expenses/rate-schedules';
import { createReconciliationService } from './expenses/reconciliation';
import { createExpenseService } from './expenses/service';
import { createIdempotencyStore } from './idempotency';
import { createInvoiceService } from './invoices/service';
import type { Logger } from './logger';
import { createOpenBoardService } from './matching/board';
import { createMatchingService } from './matching/candidates';
import { createInboxService, type Listen } from './notifications/inbox';
import { createOrganizationService } from './organizations/service';
import { createPayoutDetailsService } from './payouts/details';
import type { MasterKey } from './payouts/envelope';
import { createPayoutRunService } from './payouts/runs';
import { createTaxService } from './payouts/tax';
import { createPrivacyService } from './privacy/service';
import { createRequestService } from './requests/service';
import { createTranslationService } from './translations/service';
import { createCalendarFeedService } from './volunteers/calendar-feed';
import { createPaperworkService } from './volunteers/paperwork';
import { createVolunteerService } from './volunteers/service';

export interface ServiceDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The dispatch workflows (Temporal in the API process); none in tests that do not dispatch. */
  dispatcher?: Dispatcher;
  /** Where inbox changes are heard (`Database.listen`); none in tests that do not subscribe. */
  listen?: Listen;
  /** The master key that wraps the individual numbers' data keys (PAYOUT_MASTER_KEY); none in tests that store none. */
  masterKey?: MasterKey;
}

/** The use cases, bound to their dependencies once per process. */
export function createServices(dependencies: ServiceDependencies) {
  return {
    accounts: createAccountService(dependencies),
    associations: createAssociationService(dependencies),
    audit: createAuditService(dependencies),
    calendarFeeds: createCalendarFeedService(dependencies),
    costs: createCostService(dependencies),
    documents: createDocumentService({ ...dependencies, dispatcher: dependencies.dispatcher ?? detachedDispatcher }),
    dispatch: createDispatchService({ ...dependencies, dispatcher: dependencies.dispatcher ?? detachedDispatcher }),
    expenses: createExpenseService(dependencies),
    fiscalPeriods: createFiscalPeriodService(dependencies),
    idempotency: createIdempotencyStore(dependencies),
    inbox: createInboxService(dependencies),
    invoices: createInvoiceService(dependencies),
    matching: createMatchingService(dependencies),
    openBoard: createOpenBoardService(dependencies),
    organizations: createOrganizationService(dependencies),
    paperwork: createPaperworkService(dependencies),
    partnerships: createPartnershipService(dependencies),
    payoutDetails: createPayoutDetailsService(dependencies),
    payoutRuns: createPayoutRunService(dependencies),
    privacy: createPrivacyService(dependencies),
    rateSchedules: createRateScheduleService(dependencies),
    reconciliation: createReconciliationService(dependencies),
    requests: createRequestService(dependencies),
    tax: createTaxService(dependencies),
    sessions: createSessionService(dependencies),
    translations: createTranslationService({
      ...dependencies,
      dispatcher: dependencies.dispatcher ?? detachedDispatcher,
    }),
    volunteers: createVolunteerService(dependencies),
  };
}

export type Services = ReturnType<typeof createServices>;
