import cliProgress from 'cli-progress';

/**
 * A progress bar for the batch CLIs (search:reindex, vip:recompute): `progress(done, total)` starts it
 * on the first report, when the total is known, and moves it after; `stop()` is safe to call twice.
 */
export function progressBar(label: string, unit: string) {
  const bar = new cliProgress.SingleBar(
    { format: `${label} |{bar}| {percentage}% | {value}/{total} ${unit} | {duration_formatted} (eta {eta_formatted})`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    progress(done: number, total: number) {
      if (!started) bar.start(total, done);
      else bar.update(done);
      started = true;
    },
    stop: () => bar.stop(),
  };
}
