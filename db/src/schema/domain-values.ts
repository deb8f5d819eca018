/**
 * The values of the database's enums that the domain names too: the pure modules hold them (as
 * `const` arrays, from which their union types come) and the enums below are made from them, so
 * the two cannot drift apart. The pure modules never import the database.
 */
export { scopeRules } from '../../../services/src/associations/policy';
export { dispatchStages } from '../../../services/src/dispatch/rules';
export { expenseStatuses, lineEligibilities } from '../../../services/src/expenses/lines';
export { expenseKinds, payers, volumeUnits } from '../../../services/src/expenses/rates';
export { bearingBodyKinds, grantTaxMeasures, requestPurposes } from '../../../services/src/grant-tax';
export { modalities } from '../../../services/src/requests/policy';
