import 'reflect-metadata';
import { bootRuntime, exitOnStartupError, onSignals } from './boot.js';

/** The job worker as its own process, for deployments that scale it apart from the API. */
async function main() {
  const runtime = await bootRuntime({ ...process.env, JOBS: 'in-process' }, { worker: true });
  console.log(`Job worker running on ${runtime.database.description}`);
  onSignals(() => runtime.shutdown());
}

main().catch(exitOnStartupError);
