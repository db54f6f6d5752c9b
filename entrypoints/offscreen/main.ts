import { startOffscreenHost } from '../../background/offscreen-host';

startOffscreenHost();
