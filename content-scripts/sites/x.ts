import type { Site } from './site';

export const x: Site = {
  key: 'x',
  name: 'X',
  hosts: ['x.com', 'twitter.com', 'mobile.twitter.com'],
};
