// Recurring slot rules as a person picks them ("every Tuesday and Thursday", "the last Friday
// of the month") and the RRULE text the core checks and expands.
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type RulePick =
  | { kind: "weekly"; days: Weekday[] }
  | { kind: "monthly"; nth: number; day: Weekday }
  | { kind: "custom"; text: string };

export function ruleOf(pick: RulePick): string {
  switch (pick.kind) {
    case "weekly": {
      const days = WEEKDAYS.filter((d) => pick.days.includes(d));
      return days.length ? `FREQ=WEEKLY;BYDAY=${days.join(",")}` : "FREQ=WEEKLY";
    }
    case "monthly":
      return `FREQ=MONTHLY;BYDAY=${pick.nth}${pick.day}`;
    case "custom":
      return pick.text.trim();
  }
}

/** The pick a stored rule came from, when it is one of the simple forms. */
export function pickOf(rule: string): RulePick {
  const weekly = /^FREQ=WEEKLY(?:;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*))?$/.exec(rule);
  if (weekly) return { kind: "weekly", days: (weekly[1]?.split(",") ?? []) as Weekday[] };
  const monthly = /^FREQ=MONTHLY;BYDAY=(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(rule);
  if (monthly) return { kind: "monthly", nth: Number(monthly[1]), day: monthly[2] as Weekday };
  return { kind: "custom", text: rule };
}

/** Weekday names for `locale`, Monday first. */
export function weekdayNames(intlTag: string, width: "short" | "long" = "short"): string[] {
  const f = new Intl.DateTimeFormat(intlTag, { weekday: width, timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return WEEKDAYS.map((_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}
