import { browser, type Browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf } from './protocol';

const CHANNEL = 'photo-guard';

interface Envelope<K extends MessageType = MessageType> {
  channel: typeof CHANNEL;
  type: K;
  data: RequestOf<K>;
}

export type Handlers = {
  [K in MessageType]?: (data: RequestOf<K>, sender: Browser.runtime.MessageSender) => Promise<ResponseOf<K>>;
};

export function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { channel: CHANNEL, type, data };
  return browser.runtime.sendMessage(envelope) as Promise<ResponseOf<K>>;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).channel === CHANNEL;
}

/**
 * Answers the message types this context handles. Messages from anything but this extension
 * (another extension, a web page through externally_connectable) are ignored, as are types
 * handled elsewhere, so that the context that owns them answers.
 */
export function handleMessages(handlers: Handlers, signal?: AbortSignal): void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id || !isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as
      | ((data: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>)
      | undefined;
    return handler?.(message.data, sender);
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
