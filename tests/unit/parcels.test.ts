import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskCarrier, received, sentBack } from '../../messaging/carried-image';
import { type ParcelDesk, parcelDesk } from '../../messaging/parcels';
import { relayCalls } from '../../content-scripts/courier/relay';
import type { CourierMessage, CourierRequest } from '../../content-scripts/courier/protocol';

// Pages of the extension, as desks on one BroadcastChannel (Node has it, as browsers do). Each case
// has a channel of its own: Node 20 fails to post a Blob on a channel one member of which closed.
const desks: ParcelDesk[] = [];
let channel = '';
beforeEach(() => (channel = crypto.randomUUID()));
const desk = () => {
  const opened = parcelDesk(new BroadcastChannel(channel));
  desks.push(opened);
  return opened;
};
afterEach(() => desks.splice(0).forEach((opened) => opened.close()));

const photo = () => new Blob([new Uint8Array([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9])], { type: 'image/jpeg' });
const bytesOf = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

describe('parcels between extension pages', () => {
  it('a parcel held by one page is handed to the page that wants it, once', async () => {
    const [page, detector] = [desk(), desk()];
    page.hold('a', photo());
    const taken = await detector.want('a', 1000);
    expect(taken.type).toBe('image/jpeg');
    expect(await bytesOf(taken)).toEqual(await bytesOf(photo()));
    // Handed over, it is no longer kept: wanting it again finds nothing.
    await expect(detector.want('a', 50)).rejects.toThrow(/no page held/);
  });

  it('a parcel dropped, or held by a page since closed, is not found', async () => {
    const [page, other, detector] = [desk(), desk(), desk()];
    page.hold('a', photo());
    page.drop('a');
    other.hold('b', photo());
    other.close();
    await expect(detector.want('a', 50)).rejects.toThrow(/no page held/);
    await expect(detector.want('b', 50)).rejects.toThrow(/no page held/);
  });

  it('the detector reads a photo sent as a parcel, and sends a decoded one back the same way', async () => {
    const [page, detector] = [desk(), desk()];
    const carrier = deskCarrier(page);
    const sent = await carrier.pack(photo(), 'IMG_0001.HEIC');
    expect(sent).toMatchObject({ name: 'IMG_0001.HEIC', type: 'image/jpeg', parcel: expect.any(String) });
    expect(await bytesOf(await received(sent, detector))).toEqual(await bytesOf(photo()));
    const back = await sentBack(sent, 'IMG_0001.jpg', photo(), detector);
    expect(back).not.toHaveProperty('base64');
    expect(await bytesOf(await carrier.unpack(back))).toEqual(await bytesOf(photo()));
    // Without a desk (Firefox's runtime messages carry bytes), the answer goes as the request came.
    const asBytes = await sentBack({ name: 'a.heic', type: 'image/heic', bytes: new Uint8Array(1) }, 'a.jpg', photo());
    expect(asBytes).toMatchObject({ name: 'a.jpg', type: 'image/jpeg', bytes: new Uint8Array(await photo().arrayBuffer()) });
  });
});

describe("the courier frame, a content script's desk", () => {
  it('packs, unpacks and releases what the content script asks over its private port', async () => {
    const [frameDesk, detector] = [desk(), desk()];
    const channel = new MessageChannel();
    const answers: CourierMessage[] = [];
    const next = () => new Promise<CourierMessage>((resolve) => (channel.port1.onmessage = ({ data }) => resolve(data as CourierMessage)));
    const ready = next();
    relayCalls(channel.port2, deskCarrier(frameDesk));
    answers.push(await ready);
    const ask = (request: CourierRequest) => {
      const answered = next();
      channel.port1.postMessage(request);
      return answered;
    };
    const packed = await ask({ id: 1, call: { type: 'pack', image: photo(), name: 'child.jpg' } });
    expect(packed).toMatchObject({ type: 'answer', id: 1, ok: true, value: { name: 'child.jpg', parcel: expect.any(String) } });
    const parcel = (packed as { value: { parcel: string } }).value.parcel;
    expect(await bytesOf(await detector.want(parcel, 1000))).toEqual(await bytesOf(photo()));

    detector.hold('jpeg', photo());
    const unpacked = await ask({ id: 2, call: { type: 'unpack', image: { name: 'a.jpg', type: 'image/jpeg', parcel: 'jpeg' } } });
    expect(unpacked).toMatchObject({ type: 'answer', id: 2, ok: true });
    expect(await bytesOf((unpacked as { value: Blob }).value)).toEqual(await bytesOf(photo()));

    const again = await ask({ id: 3, call: { type: 'pack', image: photo(), name: 'b.jpg' } });
    const released = (again as { value: { name: string; type: string; parcel: string } }).value;
    expect(await ask({ id: 4, call: { type: 'release', image: released } })).toEqual({ type: 'answer', id: 4, ok: true, value: null });
    await expect(detector.want(released.parcel, 50)).rejects.toThrow(/no page held/);
    expect(answers).toEqual([{ type: 'ready' }]);
    channel.port1.close();
  });
});
