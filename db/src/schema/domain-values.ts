/**
 * The values of the database's enums that the domain names too: the pure modules hold them (as
 * `const` arrays, from which their union types come) and the enums below are made from them, so
 * the two cannot drift apart. The pure modules never import the database.
 */
export {
  bearingBodyKinds,
  cancellationParties,
  cancellationReasons,
  dispatchStages,
  documentCountUnits,
  documentRoles,
  expenseKinds,
  expenseStatuses,
  grantTaxMeasures,
  lineEligibilities,
  modalities,
  organizationTypes,
  payers,
  requestPurposes,
  scopeRules,
  volumeUnits,
  withdrawalReasons,
} from '@tsunagu/domain';
