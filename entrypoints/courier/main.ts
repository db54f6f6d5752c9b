import { deskCarrier } from '../../messaging/carried-image';
import { parcelDesk } from '../../messaging/parcels';
import { acceptHostPort } from '../../content-scripts/frame-port';
import { relayCalls } from '../../content-scripts/courier/relay';

acceptHostPort(location.hash.slice(1), (port) => relayCalls(port, deskCarrier(parcelDesk())));
