/** The proxy health check channels (preload/contract/health.ts): start a run, cancel it, the last results. */
import type { HealthResult } from '../../../preload/contract/health';
import type { HealthRunService } from '../health/run-service';

export function healthHandlers(health: HealthRunService) {
  return {
    'health:run': ({ items }: { items: Parameters<HealthRunService['run']>[0] }): { runId: string } =>
      health.run(items),
    'health:cancel': ({ runId }: { runId: string }): { ok: true } => health.cancel(runId),
    'health:results': (): HealthResult[] => health.results(),
  };
}
