import assert from 'node:assert/strict';
import { test } from 'node:test';
import hdr from 'hdr-histogram-js';
import { percentiles, rates } from '../src/report.js';

test('latency percentiles are reported in milliseconds from microseconds', () => {
  const h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3,
    useWebAssembly: false });
  for (let i = 1; i <= 100; i++) h.recordValue(i * 1000);
  const p = percentiles(h);
  assert.equal(p.count, 100);
  // HdrHistogram keeps 3 significant digits: values are exact to 0.1 %.
  const near = (actual, expected) => assert.ok(Math.abs(actual - expected) <= expected / 1000, `${actual} ~ ${expected}`);
  near(p.p50, 50);
  near(p.p99, 99);
  near(p.max, 100);
});

test('steady deliveries/s counts only whole seconds inside the write window', () => {
  const window = { startMicros: 10.5e6, endMicros: 14.5e6 };
  const r = rates([[[10, 5], [11, 100], [12, 100]], [[13, 100], [14, 7], [15, 3]]], window);
  assert.equal(r.steadyPerSecond, 100);
  assert.equal(r.peakPerSecond, 100);
  assert.equal(r.lastDeliverySecondsAfterWrites, 1.5);
});
