import 'reflect-metadata';
import { bootRuntime, exitOnStartupError, onSignals, StartupError } from './boot.js';
import { seedOnFirstRun } from '../../seeds/run.js';
import { createHttpApp, ENDPOINTS } from './server.js';

async function main() {
  const runtime = await bootRuntime(process.env, { worker: process.env.JOBS !== 'off' });
  const { app } = runtime;
  const http = await createHttpApp(app).catch(async (err) => {
    await runtime.shutdown();
    throw err;
  });
  let port: number;
  try {
    if (app.config.SEED === 'demo') await seedOnFirstRun(app.orm, app.logger);
    port = await http.listen(app.config.PORT, app.config.HOST);
  } catch (err) {
    await runtime.shutdown();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError(`Port ${app.config.PORT} is already in use: stop the other process or set PORT`);
    throw err;
  }
  const base = `http://${app.config.HOST === '0.0.0.0' ? 'localhost' : app.config.HOST}:${port}`;
  console.log(
    [
      `Storefront API  ${base}${ENDPOINTS.storefront}   (send the store handle in the x-store header)`,
      `Admin API       ${base}${ENDPOINTS.admin}`,
      `Database        ${runtime.database.description}`,
      `Search engine   ${app.ports.search?.describe() ?? 'PostgreSQL full-text'}`,
      `Jobs            ${runtime.worker ? 'in-process worker' : 'off (run `npm run worker`)'}`,
    ].join('\n'),
  );
  onSignals(async () => {
    app.logger.info('shutting down: draining requests');
    await http.close();
    await runtime.shutdown();
  });
}

main().catch(exitOnStartupError);
