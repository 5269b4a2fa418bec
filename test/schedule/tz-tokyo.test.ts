// Scheduling in Tokyo (UTC+9, no daylight saving), where the local day runs ahead of UTC.
process.env.TZ = 'Asia/Tokyo';

import { describeLocalDays } from './local-days-suite.js';

describeLocalDays({
  zone: 'Asia/Tokyo',
  januaryOffsetMinutes: 9 * 60,
  // 05:00 JST is 20:00 UTC the day before; 10:00 JST is 01:00 UTC.
  sameLocalDay: [
    [2026, 1, 12, 5],
    [2026, 1, 12, 10],
  ],
  // 23:00 JST is 14:00 UTC; 04:30 JST the next morning is 19:30 UTC that same day.
  nextLocalDay: [
    [2026, 1, 12, 23],
    [2026, 1, 13, 4, 30],
  ],
});
