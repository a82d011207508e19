// Preload that profiles a process in 10 s windows (`--cpu-prof` is not allowed in NODE_OPTIONS):
//   NODE_OPTIONS="-r ./tools/bench/shared/cpu-profile.cjs" npm run bench:booth-rush
// Each window is written to $KC_CPU_PROFILE_DIR (default .kc/profiles) as <script>-<port>-<pid>-<n>.cpuprofile,
// readable by Chrome DevTools or any .cpuprofile viewer. Not for production: the profiler costs 10–25 % CPU.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.KC_CPU_PROFILE_DIR || path.join(__dirname, '..', '..', '..', '.kc', 'profiles');
fs.mkdirSync(dir, { recursive: true });
const name = `${path.basename(process.argv[1] || 'node').replace(/\W+/g, '_')}-${process.env.PORT || 'x'}`;
const session = new inspector.Session();
session.connect();
let window = 0;
session.post('Profiler.enable', () => session.post('Profiler.start'));
setInterval(() => {
  session.post('Profiler.stop', (error, result) => {
    if (!error && result) {
      const file = path.join(dir, `${name}-${process.pid}-${window++}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(result.profile));
    }
    session.post('Profiler.start');
  });
}, 10_000).unref();
