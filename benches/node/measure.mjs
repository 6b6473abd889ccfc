// The timing harness of compare.mjs: per-call medians over a fixed list of inputs.
//
// One sample runs the whole list again and again until at least `minSampleSeconds` have passed
// (process.hrtime.bigint around the sample, never around a single call) and gives the mean time
// per call of that sample. Every engine is warmed up first (V8 optimises the callers and the
// callees), then the samples are taken round-robin, one per engine in turn, so that a burst of
// load on this shared machine falls on every engine alike rather than on whichever ran then.
// The figure reported is the MEDIAN of an engine's samples. Each sample also records the
// process's CPU time (process.cpuUsage: user + system, every thread of the process, so ZEN's
// worker threads count too), which a busy shared machine inflates less than wall time.

/** How long to measure; `quick` is for CI smoke runs (the code path runs; the numbers mean nothing). */
export function plan(quick) {
  return quick ? { warmupSeconds: 0.02, samples: 3, minSampleSeconds: 0.01 } : { warmupSeconds: 0.5, samples: 9, minSampleSeconds: 0.25 };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Every result goes into this sink so that no call can be optimised away.
let sink = 0;
const consume = (result) => {
  sink = (sink + (result == null ? 1 : typeof result === "string" ? result.length : 2)) | 0;
};

/** `seconds` -> `{wall, cpu}` ns per call of one sample of `call(input)` over `inputs` (synchronous calls). */
function syncSampler(call, inputs) {
  const pass = () => {
    for (let i = 0; i < inputs.length; i++) consume(call(inputs[i]));
  };
  return (seconds) => {
    const limit = BigInt(Math.round(seconds * 1e9));
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    let calls = 0;
    let elapsed;
    do {
      pass();
      calls += inputs.length;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < limit);
    const cpu = process.cpuUsage(cpuStart);
    return { wall: Number(elapsed) / calls, cpu: ((cpu.user + cpu.system) * 1000) / calls };
  };
}

/** The same for `await call(input)`, one call at a time (asynchronous calls). */
function asyncSampler(call, inputs) {
  const pass = async () => {
    for (let i = 0; i < inputs.length; i++) consume(await call(inputs[i]));
  };
  return async (seconds) => {
    const limit = BigInt(Math.round(seconds * 1e9));
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    let calls = 0;
    let elapsed;
    do {
      await pass();
      calls += inputs.length;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < limit);
    const cpu = process.cpuUsage(cpuStart);
    return { wall: Number(elapsed) / calls, cpu: ((cpu.user + cpu.system) * 1000) / calls };
  };
}

/**
 * Times every `{call, inputs, async}` of `subjects` under `timing` (see `plan`); returns, in the
 * same order, `{median_ns, cpu_median_ns, samples}` (samples: wall ns per call, in the order taken).
 */
export async function timeAll(subjects, { warmupSeconds, samples, minSampleSeconds }) {
  const samplers = subjects.map((s) => (s.async ? asyncSampler(s.call, s.inputs) : syncSampler(s.call, s.inputs)));
  for (const run of samplers) await run(warmupSeconds);
  const taken = samplers.map(() => []);
  for (let round = 0; round < samples; round++) {
    for (const [i, run] of samplers.entries()) taken[i].push(await run(minSampleSeconds));
  }
  return taken.map((perCall) => ({
    median_ns: median(perCall.map((p) => p.wall)),
    cpu_median_ns: median(perCall.map((p) => p.cpu)),
    samples: perCall.map((p) => p.wall),
  }));
}
