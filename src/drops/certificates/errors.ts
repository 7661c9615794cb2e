import { DomainError, errorCodes, userErrorType } from '../../shared/user-errors.js';

export const CertificateErrorCode = errorCodes('CertificateErrorCode', {
  NOT_FOUND: 'No such brand within your brands.',
});
export type CertificateErrorCode = (typeof CertificateErrorCode)[keyof typeof CertificateErrorCode];

export const CertificateUserError = userErrorType('CertificateUserError', CertificateErrorCode);

export const certificateError = (code: CertificateErrorCode, message: string, field: string[]) => new DomainError(code, message, field);
