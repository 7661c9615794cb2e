import { DomainError, errorCodes, userErrorType } from '../../../shared/user-errors.js';

export const VipErrorCode = errorCodes('VipErrorCode', {
  INVALID: 'The value is malformed or breaks a rule (see message).',
  NOT_FOUND: 'No such brand, programme, tier or customer within your brands.',
  FORBIDDEN: 'Your role may not do this (platform programmes are platform admins\' alone).',
  TAKEN: 'The handle or rank is already used in the programme, or a rate already starts at that time.',
  THRESHOLD_ORDER: 'Thresholds of tiers reached by spend must increase with rank.',
});
export type VipErrorCode = (typeof VipErrorCode)[keyof typeof VipErrorCode];

export const VipUserError = userErrorType('VipUserError', VipErrorCode);

export const vipError = (code: VipErrorCode, message: string, field: (string | number)[]) => new DomainError(code, message, field.map(String));
