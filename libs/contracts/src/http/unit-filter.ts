import { z } from 'zod';
import { unitReadings } from '@kc/reference-data';

/**
 * Beside `provinceCode` in every list that filters by it (one name, one meaning everywhere): `current` matches
 * the unit and the units that went into it on 2025-07-01, as the conference figures roll them up; `recorded`
 * matches the code literally, the unit as it was.
 */
export const unitAsOf = z
  .enum(unitReadings)
  .default('current')
  .describe(
    'Cách đọc provinceCode / how provinceCode is read. current (default): the unit and its predecessors ' +
      'merged into it on 2025-07-01 (provinceCode=31 also lists old 30 Hải Dương), as the conference figures ' +
      'roll them up; recorded: the code as recorded only, the unit as it was (31 = old Hải Phòng before ' +
      '2025-07-01, today’s Hải Phòng after). A province officer may ask for their own unit or a predecessor.',
  );
