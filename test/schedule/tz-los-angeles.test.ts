// Scheduling in Los Angeles (UTC-8, UTC-7 in summer), across both daylight-saving changes.
process.env.TZ = 'America/Los_Angeles';

import { describeLocalDays, describeLosAngelesDst } from './local-days-suite.js';

describeLocalDays({
  zone: 'America/Los_Angeles',
  januaryOffsetMinutes: -8 * 60,
  // 09:00 PST is 17:00 UTC; 18:00 PST is 02:00 UTC the next day.
  sameLocalDay: [
    [2026, 1, 12, 9],
    [2026, 1, 12, 18],
  ],
  // 22:00 PST is 06:00 UTC the next day; 05:00 PST the next morning is 13:00 UTC that same day.
  nextLocalDay: [
    [2026, 1, 12, 22],
    [2026, 1, 13, 5],
  ],
});

describeLosAngelesDst();
