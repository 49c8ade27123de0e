import { describe, expect, it } from 'vitest';
import { formatVendorTime, vendorTimeTitle } from '../../renderer/lib/time';

/** Times of vendors whose docs state no zone are shown as the vendor's own wall clock, labelled. */
const t = (key: string, o?: Record<string, unknown>) =>
  key === 'time.vendor' ? `${String(o?.time)} (vendor time)` : key === 'time.vendorHelp' ? 'help' : key;

describe('vendor time', () => {
  it('shows the wall-clock digits the vendor sent, whatever the computer zone, with the label', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Asia/Tokyo', 'UTC']) {
        process.env.TZ = zone;
        // Thordata "2026-12-31 23:30" is kept as those digits (stored as if UTC).
        expect(formatVendorTime('2026-12-31T23:30:00.000Z', 'en', 'vendor', t)).toBe('Dec 31, 2026 (vendor time)');
        expect(formatVendorTime('2026-12-31T23:30:00.000Z', 'en', 'vendor', t, true)).toBe(
          'Dec 31, 2026, 11:30 PM (vendor time)',
        );
        expect(formatVendorTime('2026-12-31T23:30:00.000Z', 'en', 'vendor', t, false, false)).toBe('Dec 31, 2026');
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('absolute times are shown in the computer zone, without a label or title', () => {
    expect(formatVendorTime('2026-12-31T12:00:00.000Z', 'en', 'utc', t)).not.toMatch(/vendor time/);
    expect(vendorTimeTitle('utc', t)).toBeUndefined();
    expect(vendorTimeTitle('vendor', t)).toBe('help');
  });
});
