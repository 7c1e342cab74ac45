export { ErrorCode } from './ErrorCode';
export { AppError, badInput, notFound, forbidden, unauthenticated } from './AppError';
export type { ErrorDetails } from './AppError';
export { createFormatError } from './formatError';
