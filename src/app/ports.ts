import type { App } from './context.js';

/** Connects the ports domains declare (search engine, ...) to their adapters, per configuration. */
export async function wirePorts(_app: App): Promise<void> {}
