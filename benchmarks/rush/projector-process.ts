// The projections of the distributed variant, as one process. The product has no `projector` role yet
// (docker-compose.yml: "once the query API and projector roles land"), so the benchmark composes one
// from the product's own modules: the SQL projections and the document projections (analytics, audit)
// with their supervisors, exactly as the `start` role binds them, and nothing else. Replace this file
// with `infra/cli/main.ts projector` once that role exists.
import { startEmbedded } from '../../infra/roles';
import { analyticsModule } from '../../infra/roles/modules/analytics-module';
import { auditModule } from '../../infra/roles/modules/audit-module';
import { documentProjectionsModule } from '../../infra/roles/modules/document-projections-module';
import { documentStoreModule } from '../../infra/roles/modules/document-store-module';
import { projectionsModule } from '../../infra/roles/modules/projections-module';

const running = await startEmbedded(process.env, {
  modules: [projectionsModule, documentStoreModule, documentProjectionsModule, auditModule, analyticsModule],
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void running
    .stop()
    .then(() => running.logger.close())
    .finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
