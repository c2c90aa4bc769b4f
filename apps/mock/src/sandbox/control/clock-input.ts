// What PUT /__sandbox/clock and POST /__sandbox/clock/advance accept. The length and the shape
// of a date-time are checked by a pattern with no nested repetition before anything parses it
// (a pattern such as /T.*(Z|...)$/ tried every `T` of a long value), and a time outside the
// years 1970 to 9999 is refused rather than stored, since later reads could not format it.

/** 9999-12-31T23:59:59Z in epoch seconds: the last second of the year 9999. */
export const LATEST_CLOCK = 253_402_300_799;

/** The longest ISO 8601 date-time taken: 2026-11-03T09:14:00.123456789+01:00 is 35. */
const MAX_DATE_TIME_LENGTH = 40;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const inRange = (epoch: number) =>
  Number.isSafeInteger(epoch) && epoch >= 0 && epoch <= LATEST_CLOCK;

/** Epoch seconds from an integer or a date-time with its offset; undefined when neither. */
export function clockEpoch(time: unknown): number | undefined {
  if (typeof time === "number") return inRange(time) ? time : undefined;
  if (typeof time !== "string" || time.length > MAX_DATE_TIME_LENGTH || !DATE_TIME.test(time)) {
    return undefined;
  }
  const epoch = Math.floor(Date.parse(time) / 1000);
  return inRange(epoch) ? epoch : undefined;
}

/** Whether moving `from` by `seconds` stays a whole number of seconds inside the range. */
export function advanceFits(from: number, seconds: unknown): seconds is number {
  return Number.isSafeInteger(seconds) && inRange(from + (seconds as number));
}
