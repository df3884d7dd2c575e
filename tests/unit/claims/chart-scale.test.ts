import { describe, expect, it } from 'vitest';
import { chartScale, short } from '../../../src/renderer/src/claims/chartScale';

describe('the range chart’s axis', () => {
  it('labels ticks briefly', () => {
    expect(short(40, 'percent')).toBe('40%');
    expect(short(1.2e6, 'people')).toBe('1.2M');
    expect(short(750000, 'people')).toBe('750k');
    expect(short(681692, 'people')).toBe('681.7k');
    expect(short(300, 'people')).toBe('300');
  });

  it('on a linear scale, runs from 0 to a little past the highest value, across the plot', () => {
    const { x, ticks } = chartScale({ low: 600000, high: 1.2e6 }, false, 'people', 256, 500);
    expect(x(0)).toBe(256);
    expect(x(1.2e6 * 1.08)).toBeCloseTo(756);
    expect(x(600000)).toBeCloseTo(256 + 500 / 2 / 1.08);
    expect(ticks[0]).toBe(0);
    expect(ticks.every((t) => t >= 0 && t <= 1.2e6 * 1.08)).toBe(true);
    // Ticks far enough apart for their labels.
    for (let i = 1; i < ticks.length; i++) expect(x(ticks[i]!) - x(ticks[i - 1]!)).toBeGreaterThan(20);
  });

  it('on a log scale, leaves half again at both ends and keeps values below the low end at it', () => {
    const { x, ticks } = chartScale({ low: 235000, high: 10.5e6 }, true, 'people', 256, 500);
    expect(x(235000 / 1.5)).toBeCloseTo(256);
    expect(x(10.5e6 * 1.5)).toBeCloseTo(756);
    expect(x(1)).toBeCloseTo(256);
    expect(ticks).toContain(1e6);
    expect(ticks.every((t) => t > 0)).toBe(true);
  });

  it('puts a single value on a log scale in the middle, on a linear one near the end of an axis from 0', () => {
    const log = chartScale({ low: 1000, high: 1000 }, true, 'people', 0, 100);
    expect(log.x(1000)).toBeCloseTo(50);
    const linear = chartScale({ low: 1000, high: 1000 }, false, 'people', 0, 100);
    expect(linear.x(0)).toBe(0);
    expect(linear.x(1000)).toBeCloseTo(100 / 1.08);
  });
});
