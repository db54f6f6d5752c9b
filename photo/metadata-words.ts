import type { Translate } from '../messaging/translate';
import type { MetadataFinding } from './metadata';

/** One finding in plain words ("Where it was taken: 48.85837° N, 2.29448° E"), in the user's language. */
export const metadataWords = ({ kind, value }: MetadataFinding, t: Translate) =>
  value ? t(`metadata_${kind}`, value) : t(`metadata_${kind}_present`);
