/**
 * Photos cross between this extension's pages as parcels. Chrome's runtime messages carry JSON
 * only: a photo went as base64, twice (to the background, then to the detector's document), at
 * about 0.15 s per MB each time on a 2-core machine; the pages of one extension share a
 * BroadcastChannel, which hands a Blob over in milliseconds whatever its size. Only this
 * extension's pages can listen on it (a channel is its origin's), not a web page nor another
 * extension.
 */
const CHANNEL = 'photo-guard:parcels';

/** A parcel nobody came for (its page closed before asking) is let go after this long. */
const HELD_MS = 120_000;

type DeskMessage = { type: 'want'; key: string } | { type: 'parcel'; key: string; blob: Blob };

/** Where one page leaves parcels for another to take, and takes those left for it. */
export interface ParcelDesk {
  /** Keeps `blob` under `key` until a page wants it (once), it is dropped, or HELD_MS pass. */
  hold(key: string, blob: Blob): void;
  drop(key: string): void;
  /** The parcel another page holds under `key`; rejects when none came within `timeoutMs`. */
  want(key: string, timeoutMs: number): Promise<Blob>;
  close(): void;
}

/** `channel`: the extension's own, unless a test gives each case one of its own. */
export function parcelDesk(channel = new BroadcastChannel(CHANNEL)): ParcelDesk {
  const held = new Map<string, { blob: Blob; expiry: ReturnType<typeof setTimeout> }>();
  const waiting = new Map<string, (blob: Blob) => void>();
  const drop = (key: string) => {
    clearTimeout(held.get(key)?.expiry);
    held.delete(key);
  };
  channel.onmessage = ({ data }: MessageEvent<DeskMessage>) => {
    if (data.type === 'parcel') return waiting.get(data.key)?.(data.blob);
    const parcel = held.get(data.key);
    if (!parcel) return;
    drop(data.key);
    channel.postMessage({ type: 'parcel', key: data.key, blob: parcel.blob } satisfies DeskMessage);
  };
  return {
    hold(key, blob) {
      drop(key);
      held.set(key, { blob, expiry: setTimeout(() => held.delete(key), HELD_MS) });
    },
    drop,
    want: (key, timeoutMs) =>
      new Promise<Blob>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(key);
          reject(new Error(`no page held the photo sent as parcel ${key}`));
        }, timeoutMs);
        waiting.set(key, (blob) => {
          clearTimeout(timer);
          waiting.delete(key);
          resolve(blob);
        });
        channel.postMessage({ type: 'want', key } satisfies DeskMessage);
      }),
    close() {
      for (const key of [...held.keys()]) drop(key);
      channel.close();
    },
  };
}
