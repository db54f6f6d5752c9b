import type { Site } from './site';

export const facebook: Site = {
  key: 'facebook',
  name: 'Facebook',
  hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
};
