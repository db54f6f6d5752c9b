import { base64Carrier, BY_PARCEL, type EncodedImage, type ImageCarrier, PARCEL_WAIT_MS } from '../messaging/carried-image';
import { withinTime } from '../models/within-time';
import type { CourierCall, CourierMessage, CourierRequest } from './courier/protocol';
import { privateFrame } from './private-frame';

/** Loading the frame takes tens of milliseconds; past this, the photo goes as base64 instead. */
const READY_MS = 1_000;
/** Past this, a frame that stopped answering is given up (and the photo goes as base64). */
const ANSWER_MS = 2_000;

interface Courier {
  call(call: CourierCall, timeoutMs?: number): Promise<EncodedImage | Blob | null>;
  remove(): void;
  /** False once the frame was removed or reloaded: its parcels went with it. */
  readonly open: boolean;
}

const GONE: CourierMessage = { type: 'answer', id: 0, ok: false, error: 'the courier frame is gone' };

function openCourier(signal: AbortSignal): Promise<Courier> {
  const { host, frame, port, inPlace } = privateFrame('/courier.html', 'photo-guard-courier', 'display:none');
  const answers = new Map<number, (message: CourierMessage) => void>();
  let ready = () => {};
  port.onmessage = ({ data }: MessageEvent<CourierMessage>) => (data.type === 'ready' ? ready() : answers.get(data.id)?.(data));
  let next = 0;
  let open = true;
  const remove = () => {
    open = false;
    port.close();
    host.remove();
    for (const settle of answers.values()) settle(GONE);
  };
  signal.addEventListener('abort', remove, { once: true });
  // A frame the page removed or moved (see `inPlace`) answers no more: the next photo opens another.
  // A moved frame's second load ends the calls still waiting on it.
  let loads = 0;
  frame.addEventListener('load', () => ++loads > 1 && remove(), { signal });
  const courier: Courier = {
    async call(call, timeoutMs = ANSWER_MS) {
      const id = ++next;
      const asked = () => new Promise<CourierMessage>((resolve) => (answers.set(id, resolve), port.postMessage({ id, call } satisfies CourierRequest)));
      const answer = await withinTime(asked, timeoutMs, signal).finally(() => answers.delete(id));
      if (answer === 'timeout') throw new Error('the courier frame did not answer');
      if (answer.type !== 'answer' || !answer.ok) throw new Error(answer.type === 'answer' ? answer.error : 'unexpected');
      return answer.value;
    },
    remove,
    get open() {
      return open && inPlace();
    },
  };
  return withinTime(() => new Promise<void>((resolve) => (ready = resolve)), READY_MS, signal).then((result) => {
    if (result !== 'timeout') return courier;
    remove();
    throw new Error('the courier frame did not load');
  });
}

/**
 * Chrome's content script sends photos to the detector as parcels (see parcels.ts), left by an
 * extension frame of its own, a hidden private frame (see private-frame.ts), opened as the
 * detector is warmed for a composer. Whenever that frame is not there to answer (not loaded yet,
 * removed or navigated away by the page), the photo goes as base64, as before: slower, never lost.
 */
export function courierCarrier(signal: AbortSignal): ImageCarrier {
  let courier: Promise<Courier> | null = null;
  // A frame that never loaded on this page will not load later: its photos go as base64 at once.
  let framesLoad = true;
  const open = () =>
    (courier ??= openCourier(signal).catch((error: unknown) => {
      framesLoad = false;
      throw error;
    }));
  const call = async (request: CourierCall, timeoutMs?: number) => {
    if (!framesLoad) throw new Error('the courier frame does not load on this page');
    if (courier && !(await courier.catch(() => null))?.open) courier = null;
    const opened = open();
    try {
      return await (await opened).call(request, timeoutMs);
    } catch (error) {
      if (courier === opened) courier = null;
      void opened.then((failed) => failed.remove(), () => undefined);
      throw error;
    }
  };
  const by = () => (framesLoad ? BY_PARCEL : base64Carrier);
  return {
    get copiesAbove() {
      return by().copiesAbove;
    },
    get sendsUpTo() {
      return by().sendsUpTo;
    },
    prepare: () => void open().catch(() => undefined),
    async pack(image, name) {
      const packed = await call({ type: 'pack', image, name }).catch(() => null);
      return packed && !(packed instanceof Blob) ? packed : base64Carrier.pack(image, name);
    },
    async unpack(image) {
      if (!('parcel' in image)) return base64Carrier.unpack(image);
      const unpacked = await call({ type: 'unpack', image }, PARCEL_WAIT_MS);
      if (unpacked instanceof Blob) return unpacked;
      throw new Error('the courier frame did not hand the photo over');
    },
    // Only the frame that holds it can let it go: a new one is not opened for this.
    release: (image) => {
      if ('parcel' in image) void courier?.then((held) => (held.open ? held.call({ type: 'release', image }) : null)).catch(() => undefined);
    },
  };
}
