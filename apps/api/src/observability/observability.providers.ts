import { DrainState } from './drain-state';
import { LiveMetrics } from './live-metrics';
import { LiveSockets } from './live-sockets';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics.service';

export { loggingImports as observabilityImports } from './logging';
export const observabilityControllers = [MetricsController];
export const observabilityProviders = [DrainState, LiveSockets, Metrics, LiveMetrics];
