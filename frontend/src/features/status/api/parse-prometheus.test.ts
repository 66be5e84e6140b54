import { describe, expect, it } from 'vitest';
import { parsePrometheus, sampleValue } from './parse-prometheus';

describe('parsePrometheus', () => {
  const text = [
    '# HELP blog_realtime_sessions Open sockets',
    '# TYPE blog_realtime_sessions gauge',
    'blog_realtime_sessions{audience="public"} 41.0',
    'blog_realtime_sessions{audience="staff"} 2.0',
    'odd_label{path="/a\\"b",x="1"} 7 1700000000000',
    '',
    'blog_outbox_backlog 0.0',
  ].join('\n');

  it('reads samples with and without labels, skipping comments', () => {
    const samples = parsePrometheus(text);
    expect(samples).toHaveLength(4);
    expect(sampleValue(samples, 'blog_realtime_sessions', { audience: 'staff' })).toBe(2);
    expect(sampleValue(samples, 'blog_realtime_sessions', { audience: 'public' })).toBe(41);
    expect(sampleValue(samples, 'blog_outbox_backlog')).toBe(0);
    expect(samples[2].labels).toEqual({ path: '/a"b', x: '1' });
  });

  it('answers undefined for a meter the server does not have', () => {
    expect(sampleValue(parsePrometheus(text), 'blog_missing')).toBeUndefined();
  });
});
