import type { ImageCarrier } from '../../messaging/carried-image';
import type { CourierCall, CourierMessage, CourierRequest } from './protocol';

const run = async (carrier: ImageCarrier, call: CourierCall) => {
  if (call.type === 'pack') return carrier.pack(call.image, call.name);
  if (call.type === 'unpack') return carrier.unpack(call.image);
  carrier.release(call.image);
  return null;
};

/**
 * The courier frame's work: a content script cannot leave a parcel at a desk (a BroadcastChannel
 * is its page's, there), so its frame, an extension page, does it for it.
 */
export function relayCalls(port: MessagePort, carrier: ImageCarrier): void {
  const send = (message: CourierMessage) => port.postMessage(message);
  port.onmessage = async ({ data: { id, call } }: MessageEvent<CourierRequest>) => {
    try {
      send({ type: 'answer', id, ok: true, value: await run(carrier, call) });
    } catch (error) {
      send({ type: 'answer', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  send({ type: 'ready' });
}
