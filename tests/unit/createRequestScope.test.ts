import { createRequestScope } from '../../src/db';
import { AppError, ErrorCode } from '../../src/errors';

const stopped = (message: string) => new AppError(ErrorCode.TIMEOUT, message);

describe('createRequestScope', () => {
  it('tells its listeners once, with the first reason', () => {
    const scope = createRequestScope();
    const heard: string[] = [];
    scope.onCancel((reason) => heard.push(`a: ${reason.message}`));
    scope.onCancel((reason) => heard.push(`b: ${reason.message}`));
    expect(scope.reason).toBeUndefined();
    scope.cancel(stopped('first'));
    scope.cancel(stopped('second'));
    expect(scope.reason?.message).toBe('first');
    expect(heard).toEqual(['a: first', 'b: first']);
    scope.onCancel((reason) => heard.push(`late: ${reason.message}`));
    expect(heard).toEqual(['a: first', 'b: first', 'late: first']);
  });

  it('gives a signal that is aborted with the reason, made before or after the cancellation', () => {
    const before = createRequestScope();
    const signal = before.signal;
    expect(signal.aborted).toBe(false);
    before.cancel(stopped('client gone'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as AppError).message).toBe('client gone');

    const after = createRequestScope();
    after.cancel(stopped('deadline'));
    expect(after.signal.aborted).toBe(true);
    expect((after.signal.reason as AppError).message).toBe('deadline');
    expect(after.signal).toBe(after.signal);
  });

  it('cancels itself past its byte cap, with RESPONSE_TOO_LARGE', () => {
    const scope = createRequestScope({ maxBytes: 100 });
    scope.addBytes(60);
    expect(scope.reason).toBeUndefined();
    scope.addBytes(60);
    expect(scope.reason?.code).toBe(ErrorCode.RESPONSE_TOO_LARGE);
  });

  it('cancels itself at its deadline, with TIMEOUT, unless disposed first', async () => {
    const late = createRequestScope({ timeoutMs: 5 });
    const disposed = createRequestScope({ timeoutMs: 5 });
    disposed.dispose();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(late.reason?.code).toBe(ErrorCode.TIMEOUT);
    expect(disposed.reason).toBeUndefined();
  });
});
