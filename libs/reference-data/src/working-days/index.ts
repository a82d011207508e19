export { leapMonthOf, lunarNewYear, lunarToSolar, solarToLunar, type LunarDate } from './lunar';
export {
  CALENDAR_COVERAGE,
  calendarVersions,
  holidayNotices,
  holidayRuleSets,
  occasionNames,
  type CalendarVersion,
  type FixedHoliday,
  type HolidayNotice,
  type HolidayRuleSet,
  type Occasion,
  type WorkdaySwap,
} from './holidays.data';
export { type HolidayKind, type PublicHoliday, type SettledBy } from './public-holidays';
export { calendarOfVersion, workingDayCalendar, type WorkingDayCalendar } from './working-day-calendar';
