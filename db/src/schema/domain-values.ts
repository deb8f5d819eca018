/**
 * The values of the database's enums that the domain names too: the pure modules hold them (as
 * `const` arrays, from which their union types come) and the enums below are made from them, so
 * the two cannot drift apart. The pure modules never import the database.
 */
export {
  bankAccountTypes,
  bearingBodyKinds,
  cancellationParties,
  cancellationReasons,
  dispatchStages,
  documentCountProblems,
  documentCountStatuses,
  documentCountUnits,
  documentRoles,
  expenseKinds,
  expenseStatuses,
  grantTaxMeasures,
  invitedRoles,
  invoiceGroupings,
  invoiceStatuses,
  lineEligibilities,
  modalities,
  organizationTypes,
  payers,
  payoutRunStatuses,
  requestPurposes,
  scopeRules,
  taxTreatments,
  translationChangeStatuses,
  translationJobStates,
  volumeUnits,
  withdrawalReasons,
} from '@tsunagu/domain';
