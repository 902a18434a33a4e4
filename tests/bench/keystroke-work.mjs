// Main-thread work from each trusted key press to the end of the frame that paints its results,
// read from a Chromium trace. Both other methods include the wait for the display's next frame,
// which no page can shorten (so their floors are one frame, or 8–16 ms): this one sums only the
// time the page's main thread was busy between the key press and that frame's commit, so it
// tells whether a keystroke's results fit in the frame after it.
//
// Per key press: from its keydown's task to the end of the first frame (the main-thread task
// that commits a paint) after the task that dispatched its `input` event. Yew renders in a
// microtask at the end of that task, and a keystroke arriving within a frame of another is
// searched in that frame's animation callbacks, so either way that frame shows the results.

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'];

export function keystrokeWork(buffer) {
  const parsed = JSON.parse(buffer.toString());
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const dispatched = (type) => (e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === type;
  const key = events.find(dispatched('keydown'));
  if (!key) throw new Error('the trace has no key presses');
  const onMain = (e) => e.pid === key.pid && e.tid === key.tid && e.ph === 'X';
  const main = events.filter(onMain).sort((a, b) => a.ts - b.ts);
  // Top-level tasks: nested RunTask events are the same task seen twice.
  const tasks = [];
  for (const e of main) {
    if (e.name !== 'ThreadControllerImpl::RunTask') continue;
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + last.dur) continue;
    tasks.push(e);
  }
  const taskAt = (ts) => tasks.find((t) => t.ts <= ts && ts < t.ts + t.dur);
  const commits = main.filter((e) => e.name === 'Commit');
  const keydowns = main.filter(dispatched('keydown'));
  const inputs = main.filter(dispatched('input'));
  const out = { work: [], wall: [] };
  for (const [i, down] of keydowns.entries()) {
    const next = keydowns[i + 1]?.ts ?? Infinity;
    const input = inputs.find((e) => e.ts >= down.ts && e.ts < next);
    if (!input) continue; // a key that typed nothing
    const inputTask = taskAt(input.ts);
    const start = taskAt(down.ts)?.ts ?? down.ts;
    const afterInput = inputTask ? inputTask.ts + inputTask.dur : input.ts + input.dur;
    const commit = commits.find((c) => c.ts >= afterInput);
    if (!commit) continue;
    const frame = taskAt(commit.ts);
    const end = frame ? frame.ts + frame.dur : commit.ts + commit.dur;
    let busy = 0;
    for (const t of tasks) {
      const a = Math.max(t.ts, start);
      const b = Math.min(t.ts + t.dur, end);
      if (b > a) busy += b - a;
    }
    out.work.push(busy / 1000);
    out.wall.push((end - start) / 1000);
  }
  return out;
}
