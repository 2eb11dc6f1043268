/**
 * Every time the admin shows (audit, releases, records, reports, sign-ins), in Vietnam's time with its zone
 * named (#20.4): the database stores UTC, staff read the clock on their wall. The formatting itself lives
 * with every other date and number format in src/domain/i18n.ts; the admin's call sites import it from here.
 */
export { formatVietnamTime, formatVietnamTimeOr, VIETNAM_ZONE, type TimeOptions } from '#domain/i18n.ts';
