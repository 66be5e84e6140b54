#!/usr/bin/env node
// Summarises a JFR recording of the server (bench --jfr): where the CPU samples are, by top frame and by
// area (package), from `jfr print --events jdk.ExecutionSample`. Usage: node bench/src/profile.js server.jfr [top]
import { execFileSync } from 'node:child_process';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/src/profile.js <recording.jfr> [top]');
  process.exit(1);
}
const top = Number(topArg ?? 25);
const text = execFileSync('jfr', ['print', '--events', 'jdk.ExecutionSample', '--stack-depth', '12', file],
  { encoding: 'utf8', maxBuffer: 2 ** 30 });

const AREAS = [
  ['kernel I/O (socket read/write)', /sun\.nio\.ch\.|SocketDispatcher|IOUtil|EPoll/],
  ['Tomcat WebSocket', /org\.apache\.tomcat\.websocket/],
  ['Tomcat HTTP/NIO', /org\.apache\.(coyote|tomcat\.util|catalina)/],
  ['JSON (Jackson)', /tools\.jackson|com\.fasterxml/],
  ['Kafka', /org\.apache\.kafka|kafka\./],
  ['H2 database', /org\.h2\./],
  ['Hibernate/JDBC', /org\.hibernate|com\.zaxxer/],
  ['Spring', /org\.springframework/],
  ['realtime-blog', /io\.realtimeblog/],
  ['JDK concurrency', /java\.util\.concurrent/],
  ['JDK strings/charsets', /java\.lang\.String|sun\.nio\.cs|java\.nio\.charset/],
];

const byFrame = new Map();
const byArea = new Map();
const byThread = new Map();
let samples = 0;
for (const event of text.split('jdk.ExecutionSample').slice(1)) {
  const frames = [...event.matchAll(/^\s+([\w$.<>/]+\([^)]*\))\s+line:/gm)].map((m) => m[1]);
  if (frames.length === 0) continue;
  samples++;
  const thread = (event.match(/sampledThread = "([^"]+)"/) ?? [])[1]?.replace(/-?\d+$/, '') ?? '?';
  byThread.set(thread, (byThread.get(thread) ?? 0) + 1);
  byFrame.set(frames[0], (byFrame.get(frames[0]) ?? 0) + 1);
  // The area of the first frame that belongs to a known area (the JDK's own frames are attributed upwards).
  const area = AREAS.find(([, re]) => re.test(frames[0]))?.[0]
    ?? frames.map((f) => AREAS.find(([, re]) => re.test(f))?.[0]).find(Boolean) ?? 'other';
  byArea.set(area, (byArea.get(area) ?? 0) + 1);
}

const show = (title, map, n) => {
  console.log(`\n${title}`);
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .forEach(([k, v]) => console.log(`${((100 * v) / samples).toFixed(1).padStart(5)} %  ${k}`));
};
console.log(`${samples} CPU samples in ${file}`);
show('by area', byArea, 20);
show('by thread (pool numbers folded)', byThread, 15);
show('by top frame', byFrame, top);
