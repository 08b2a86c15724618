import { ContainerModule } from 'inversify';
import { TOKENS } from '../../di';
import { webApp } from '../../http';

/** The built web app (`web/build`) served on the API's port, behind `/api/v1` (`infra/http/web-app.ts`). */
export const webModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.SiteHandler).toConstantValue(webApp());
});
