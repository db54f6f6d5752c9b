import { describe, expect, it } from 'vitest';
import { type Abandon, ANALYSIS_ANSWERED, ANALYSIS_PORT, type AnalysisRequest, type AnalysisResult } from '../../messaging/protocol';
import { messagePort, portHold } from '../../content-scripts/detector-port';
import { detectorRequests } from '../../models/detector-requests';
import type { DetectorService } from '../../models/detector-service';
import { type DetectionEngine, untilAborted } from '../../models/face-analyser';

const image = { name: 'child.jpg', type: 'image/jpeg', base64: '' };
const answer: AnalysisResult = { ok: true, analysis: { width: 1, height: 1, faces: [] }, ms: 1 };
/** What a detector offers besides analyses, not asked for here. */
const unasked = { warm: async () => null, standIn: async () => ({ ok: false, error: 'not asked' }) as const };

describe('abandoning an analysis nobody waits for', () => {
  it('the content script names each analysis, and asks the detector to stop it when its signal aborts', async () => {
    const sent: Array<AnalysisRequest | Abandon> = [];
    let finish = (_: AnalysisResult) => {};
    const port = messagePort({
      analyse: (request) => (sent.push(request), new Promise((resolve) => (finish = resolve))),
      abandon: async (request) => (sent.push(request), null),
      ...unasked,
    });
    const waited = new AbortController();
    const analysing = port.analyse(image, 'balanced', waited.signal);
    waited.abort();
    finish(answer);
    await analysing;
    const [request, abandon] = sent as [AnalysisRequest, Abandon];
    expect(request.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(abandon).toEqual({ id: request.id });

    // Once answered, an abort later (the guard's minute running out) sends nothing.
    const later = new AbortController();
    const answered = port.analyse(image, 'balanced', later.signal);
    finish(answer);
    await answered;
    const count = sent.length;
    later.abort();
    expect(sent).toHaveLength(count);
  });

  it('holds a sign of the waiting page for each analysis, named after it, released once answered', async () => {
    const events: string[] = [];
    let finish = (_: AnalysisResult) => {};
    const port = messagePort(
      {
        analyse: (request) => (events.push(`analyse ${request.id}`), new Promise((resolve) => (finish = resolve))),
        abandon: async () => null,
        ...unasked,
      },
      (id) => (events.push(`hold ${id}`), () => events.push(`release ${id}`)),
    );
    const analysing = port.analyse(image, 'balanced');
    const id = events[0]!.slice('hold '.length);
    expect(events).toEqual([`hold ${id}`, `analyse ${id}`]);
    finish(answer);
    await analysing;
    expect(events).toEqual([`hold ${id}`, `analyse ${id}`, `release ${id}`]);
  });

  it('holds by a port it tells "answered" before closing, and still gives the answer when the other end went first', async () => {
    const ports: Array<{ name: string; told: string[]; closed: boolean; gone: () => void }> = [];
    const hold = portHold((name) => {
      const port = { name, told: [] as string[], closed: false, gone: () => {} };
      ports.push(port);
      return {
        postMessage: (message) => {
          if (port.closed) throw new Error('Attempting to use a disconnected port object');
          port.told.push(message);
        },
        disconnect: () => void (port.closed = true),
        onDisconnect: { addListener: (listener) => void (port.gone = () => ((port.closed = true), listener())) },
      };
    });
    const detector = messagePort({ analyse: async () => answer, abandon: async () => null, ...unasked }, hold);
    expect(await detector.analyse(image, 'balanced')).toEqual(answer);
    expect(ports[0]).toMatchObject({ name: expect.stringMatching(new RegExp(`^${ANALYSIS_PORT}[0-9a-f-]{36}$`)), told: [ANALYSIS_ANSWERED], closed: true });

    // The background restarted while the analysis ran: its end of the port closed.
    const slow = messagePort({ analyse: async () => (ports[1]!.gone(), answer), abandon: async () => null, ...unasked }, hold);
    expect(await slow.analyse(image, 'balanced')).toEqual(answer);
    expect(ports[1]!.told).toEqual([]);
  });

  it('the detector aborts the named analysis, and forgets it once done', async () => {
    const signals: AbortSignal[] = [];
    let finish = () => {};
    const service: DetectorService = {
      analyse: (_image, _sensitivity, signal) => (signals.push(signal!), new Promise((resolve) => (finish = () => resolve(answer)))),
      ...unasked,
    };
    const requests = detectorRequests(service);
    const analysing = requests.analyse({ image, sensitivity: 'balanced', id: 'a' });
    await requests.abandon({ id: 'b' }); // another one's name: nothing happens
    expect(signals[0]!.aborted).toBe(false);
    await requests.abandon({ id: 'a' });
    expect(signals[0]!.aborted).toBe(true);
    finish();
    expect(await analysing).toBe(answer);

    const next = requests.analyse({ image, sensitivity: 'balanced', id: 'a' });
    finish();
    await next;
    await requests.abandon({ id: 'a' }); // done: its name is free again, and aborts nothing
    expect(signals[1]!.aborted).toBe(false);
  });

  it('the detector answers at once, unrun, an analysis whose abandon came first', async () => {
    let started = 0;
    const service: DetectorService = { analyse: async () => (started++, answer), ...unasked };
    const requests = detectorRequests(service);
    await requests.abandon({ id: 'early' });
    expect(await requests.analyse({ image, sensitivity: 'balanced', id: 'early' })).toEqual({ ok: false, error: 'abandoned before it started' });
    expect(started).toBe(0);
    // Met once: the name is forgotten, and other analyses run.
    expect(await requests.analyse({ image, sensitivity: 'balanced', id: 'early' })).toBe(answer);
    expect(await requests.analyse({ image, sensitivity: 'balanced', id: 'other' })).toBe(answer);
    expect(started).toBe(2);
  });

  it('an abandoned analysis asks for no further round', async () => {
    let rounds = 0;
    const engine: DetectionEngine = { open: () => ({ detect: async () => (rounds++, []), release: () => {} }) };
    const waited = new AbortController();
    const session = untilAborted(engine, waited.signal).open({} as ImageBitmap);
    await session.detect([]);
    waited.abort();
    await expect(session.detect([])).rejects.toThrow(/abort/i);
    expect(rounds).toBe(1);
  });
});
