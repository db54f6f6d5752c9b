/**
 * What `ask` gives, or 'timeout' when it has not settled within `ms` or `signal` aborted. `ask`
 * gets a signal that aborts then, so that the work can be abandoned too. A plain timer, not
 * `AbortSignal.timeout`: a signal only the race refers to may be collected before it fires (3 of
 * 35 unit runs under Node), and the wait would then never end.
 */
export async function withinTime<T>(ask: (late: AbortSignal) => Promise<T>, ms: number, signal = new AbortController().signal): Promise<T | 'timeout'> {
  const late = new AbortController();
  const giveUp = () => late.abort();
  const timer = setTimeout(giveUp, ms);
  signal.addEventListener('abort', giveUp, { once: true });
  if (signal.aborted) giveUp();
  const given = new Promise<'timeout'>((resolve) => (late.signal.aborted ? resolve('timeout') : late.signal.addEventListener('abort', () => resolve('timeout'), { once: true })));
  try {
    return await Promise.race([ask(late.signal), given]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', giveUp);
  }
}
