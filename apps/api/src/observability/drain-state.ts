import { Injectable } from '@nestjs/common';

/** Whether this instance is shutting down: from then on it is not ready and takes no new live connections. */
@Injectable()
export class DrainState {
  draining = false;
}
