//! Public holidays and key dates of France and Québec, computed for any year (not a fixed list):
//! fixed days, days relative to Easter (Gregorian computus) and "nth weekday of a month" rules.
use crate::model::{Holiday, HolidayKind, HolidayRegion};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Years the computation accepts (the Gregorian computus holds far beyond; this bounds loops).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Easter Sunday of `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The `n`th `weekday` of a month (n from 1), or the last one with `n = -1`.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: i32) -> Option<NaiveDate> {
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
    } else {
        let next_month = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next_month.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() as i64
            - weekday.num_days_from_monday() as i64)
            % 7;
        Some(last - Duration::days(back))
    }
}

/// The last `weekday` strictly before `date`.
fn weekday_before(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() as i64
        - weekday.num_days_from_monday() as i64)
        % 7;
    date - Duration::days(if back == 0 { 7 } else { back })
}

struct Entry {
    date: NaiveDate,
    key: &'static str,
    fr: &'static str,
    en: &'static str,
    kind: HolidayKind,
}

/// Every holiday and key date of `region` in `year`, in date order. Names are French when
/// `french`, English otherwise. Empty for `HolidayRegion::None` or a year out of `YEARS`.
pub fn of_year(region: HolidayRegion, year: i32, french: bool) -> Vec<Holiday> {
    if !YEARS.contains(&year) {
        return Vec::new();
    }
    let entries = match region {
        HolidayRegion::None => Vec::new(),
        HolidayRegion::Fr => france(year),
        HolidayRegion::CaQc => quebec(year),
    };
    let mut out: Vec<Holiday> = entries
        .into_iter()
        .map(|e| Holiday {
            date: e.date,
            key: e.key.to_owned(),
            name: (if french { e.fr } else { e.en }).to_owned(),
            kind: e.kind,
            region,
        })
        .collect();
    out.sort_by_key(|h| (h.date, kind_rank(h.kind)));
    out
}

fn kind_rank(k: HolidayKind) -> u8 {
    match k {
        HolidayKind::Public => 0,
        HolidayKind::Observed => 1,
        HolidayKind::KeyDate => 2,
    }
}

/// Holidays and key dates of `region` on the days `[from, to)`.
pub fn between(
    region: HolidayRegion,
    from: NaiveDate,
    to: NaiveDate,
    french: bool,
) -> Vec<Holiday> {
    if to <= from {
        return Vec::new();
    }
    let first = from.year().max(*YEARS.start());
    let last = to.year().min(*YEARS.end());
    (first..=last)
        .flat_map(|y| of_year(region, y, french))
        .filter(|h| h.date >= from && h.date < to)
        .collect()
}

/// The public holidays (and observed days off) of `region`, one year at a time, cached: what the
/// warning rule asks for each post.
#[derive(Debug, Default)]
pub struct HolidayCalendar {
    region: Option<HolidayRegion>,
    french: bool,
    years: std::collections::HashMap<i32, Vec<Holiday>>,
}

impl HolidayCalendar {
    pub fn new(region: HolidayRegion, french: bool) -> Self {
        HolidayCalendar {
            region: Some(region).filter(|r| *r != HolidayRegion::None),
            french,
            years: Default::default(),
        }
    }

    /// The public holiday (or observed day off) on `date`, if any. Key dates are not holidays.
    pub fn public_holiday(&mut self, date: NaiveDate) -> Option<&Holiday> {
        let region = self.region?;
        let french = self.french;
        self.years
            .entry(date.year())
            .or_insert_with(|| of_year(region, date.year(), french))
            .iter()
            .find(|h| h.date == date && h.kind != HolidayKind::KeyDate)
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn push(
    out: &mut Vec<Entry>,
    date: Option<NaiveDate>,
    key: &'static str,
    fr: &'static str,
    en: &'static str,
    kind: HolidayKind,
) {
    if let Some(date) = date {
        out.push(Entry {
            date,
            key,
            fr,
            en,
            kind,
        });
    }
}

/// Metropolitan France: the eleven jours fériés of the Code du travail (art. L3133-1), plus
/// key dates. (Alsace-Moselle's Good Friday and 26 December are not included.)
fn france(year: i32) -> Vec<Entry> {
    use HolidayKind::{KeyDate, Public};
    let mut v = Vec::new();
    let easter = easter(year);
    let after_easter = |days: i64| easter.map(|e| e + Duration::days(days));
    push(
        &mut v,
        ymd(year, 1, 1),
        "new_year",
        "Jour de l'an",
        "New Year's Day",
        Public,
    );
    push(
        &mut v,
        after_easter(1),
        "easter_monday",
        "Lundi de Pâques",
        "Easter Monday",
        Public,
    );
    push(
        &mut v,
        ymd(year, 5, 1),
        "labour_day_fr",
        "Fête du Travail",
        "Labour Day",
        Public,
    );
    push(
        &mut v,
        ymd(year, 5, 8),
        "victory_1945",
        "Victoire 1945",
        "Victory in Europe Day",
        Public,
    );
    push(
        &mut v,
        after_easter(39),
        "ascension",
        "Ascension",
        "Ascension Day",
        Public,
    );
    push(
        &mut v,
        after_easter(50),
        "whit_monday",
        "Lundi de Pentecôte",
        "Whit Monday",
        Public,
    );
    push(
        &mut v,
        ymd(year, 7, 14),
        "bastille_day",
        "Fête nationale",
        "Bastille Day",
        Public,
    );
    push(
        &mut v,
        ymd(year, 8, 15),
        "assumption",
        "Assomption",
        "Assumption of Mary",
        Public,
    );
    push(
        &mut v,
        ymd(year, 11, 1),
        "all_saints",
        "Toussaint",
        "All Saints' Day",
        Public,
    );
    push(
        &mut v,
        ymd(year, 11, 11),
        "armistice",
        "Armistice 1918",
        "Armistice Day",
        Public,
    );
    push(
        &mut v,
        ymd(year, 12, 25),
        "christmas",
        "Noël",
        "Christmas Day",
        Public,
    );

    push(&mut v, easter, "easter", "Pâques", "Easter Sunday", KeyDate);
    push(
        &mut v,
        after_easter(49),
        "pentecost",
        "Pentecôte",
        "Pentecost",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 2, 14),
        "valentines_day",
        "Saint-Valentin",
        "Valentine's Day",
        KeyDate,
    );
    // Fête des mères: last Sunday of May, or the first Sunday of June when that is Pentecost.
    let mothers = nth_weekday(year, 5, Weekday::Sun, -1).and_then(|d| {
        if Some(d) == after_easter(49) {
            d.checked_add_signed(Duration::days(7))
        } else {
            Some(d)
        }
    });
    push(
        &mut v,
        mothers,
        "mothers_day",
        "Fête des mères",
        "Mother's Day",
        KeyDate,
    );
    push(
        &mut v,
        nth_weekday(year, 6, Weekday::Sun, 3),
        "fathers_day",
        "Fête des pères",
        "Father's Day",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 6, 21),
        "music_day",
        "Fête de la musique",
        "Music Day",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 10, 31),
        "halloween",
        "Halloween",
        "Halloween",
        KeyDate,
    );
    push(
        &mut v,
        black_friday(year),
        "black_friday",
        "Black Friday",
        "Black Friday",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 12, 24),
        "christmas_eve",
        "Réveillon de Noël",
        "Christmas Eve",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 12, 31),
        "new_years_eve",
        "Saint-Sylvestre",
        "New Year's Eve",
        KeyDate,
    );
    v
}

/// The day after the fourth Thursday of November (US Thanksgiving).
fn black_friday(year: i32) -> Option<NaiveDate> {
    nth_weekday(year, 11, Weekday::Thu, 4).map(|d| d + Duration::days(1))
}

/// Québec: the statutory holidays of the Loi sur les normes du travail and the Loi sur la fête
/// nationale. Good Friday and Easter Monday are both listed: the employer chooses one.
fn quebec(year: i32) -> Vec<Entry> {
    use HolidayKind::{KeyDate, Observed, Public};
    let mut v = Vec::new();
    let easter = easter(year);
    let after_easter = |days: i64| easter.map(|e| e + Duration::days(days));
    push(
        &mut v,
        ymd(year, 1, 1),
        "new_year",
        "Jour de l'An",
        "New Year's Day",
        Public,
    );
    push(
        &mut v,
        after_easter(-2),
        "good_friday",
        "Vendredi saint (au choix de l'employeur)",
        "Good Friday (or Easter Monday, employer's choice)",
        Public,
    );
    push(
        &mut v,
        after_easter(1),
        "easter_monday",
        "Lundi de Pâques (au choix de l'employeur)",
        "Easter Monday (or Good Friday, employer's choice)",
        Public,
    );
    push(
        &mut v,
        ymd(year, 5, 25).map(|d| weekday_before(d, Weekday::Mon)),
        "patriots_day",
        "Journée nationale des patriotes",
        "National Patriots' Day (Victoria Day)",
        Public,
    );
    let june_24 = ymd(year, 6, 24);
    push(
        &mut v,
        june_24,
        "fete_nationale_qc",
        "Fête nationale du Québec",
        "Quebec National Holiday",
        Public,
    );
    if june_24.is_some_and(|d| d.weekday() == Weekday::Sun) {
        push(
            &mut v,
            ymd(year, 6, 25),
            "fete_nationale_qc_observed",
            "Fête nationale (jour chômé, 24 juin un dimanche)",
            "Quebec National Holiday (day off, 24 June is a Sunday)",
            Observed,
        );
    }
    let july_1 = ymd(year, 7, 1);
    push(
        &mut v,
        july_1,
        "canada_day",
        "Fête du Canada",
        "Canada Day",
        Public,
    );
    if july_1.is_some_and(|d| d.weekday() == Weekday::Sun) {
        push(
            &mut v,
            ymd(year, 7, 2),
            "canada_day_observed",
            "Fête du Canada (jour chômé, 1er juillet un dimanche)",
            "Canada Day (day off, 1 July is a Sunday)",
            Observed,
        );
    }
    push(
        &mut v,
        nth_weekday(year, 9, Weekday::Mon, 1),
        "labour_day_ca",
        "Fête du Travail",
        "Labour Day",
        Public,
    );
    push(
        &mut v,
        nth_weekday(year, 10, Weekday::Mon, 2),
        "thanksgiving_ca",
        "Action de grâce",
        "Thanksgiving",
        Public,
    );
    push(
        &mut v,
        ymd(year, 12, 25),
        "christmas",
        "Noël",
        "Christmas Day",
        Public,
    );

    push(&mut v, easter, "easter", "Pâques", "Easter Sunday", KeyDate);
    push(
        &mut v,
        ymd(year, 2, 14),
        "valentines_day",
        "Saint-Valentin",
        "Valentine's Day",
        KeyDate,
    );
    push(
        &mut v,
        nth_weekday(year, 5, Weekday::Sun, 2),
        "mothers_day",
        "Fête des mères",
        "Mother's Day",
        KeyDate,
    );
    push(
        &mut v,
        nth_weekday(year, 6, Weekday::Sun, 3),
        "fathers_day",
        "Fête des pères",
        "Father's Day",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 10, 31),
        "halloween",
        "Halloween",
        "Halloween",
        KeyDate,
    );
    push(
        &mut v,
        black_friday(year),
        "black_friday",
        "Vendredi fou (Black Friday)",
        "Black Friday",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 12, 24),
        "christmas_eve",
        "Veille de Noël",
        "Christmas Eve",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 12, 26),
        "boxing_day",
        "Lendemain de Noël (Boxing Day)",
        "Boxing Day",
        KeyDate,
    );
    push(
        &mut v,
        ymd(year, 12, 31),
        "new_years_eve",
        "Veille du jour de l'An",
        "New Year's Eve",
        KeyDate,
    );
    v
}

/// The region a plan gets when none was chosen: France for Paris, Québec for Montréal (or a
/// French-Canadian plan in Toronto's zone, which is Montréal's too).
pub fn default_region(timezone: &str, locale: &str) -> HolidayRegion {
    let locale = locale.to_ascii_lowercase();
    match timezone {
        "Europe/Paris" => HolidayRegion::Fr,
        "America/Montreal" => HolidayRegion::CaQc,
        "America/Toronto" if locale.starts_with("fr") => HolidayRegion::CaQc,
        _ => HolidayRegion::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nth_and_last_weekdays() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(nth_weekday(2026, 5, Weekday::Fri, -1), Some(d(2026, 5, 29)));
        assert_eq!(
            nth_weekday(2026, 12, Weekday::Thu, -1),
            Some(d(2026, 12, 31))
        );
        assert_eq!(nth_weekday(2026, 2, Weekday::Mon, 5), None);
        assert_eq!(weekday_before(d(2027, 5, 25), Weekday::Mon), d(2027, 5, 24));
        assert_eq!(weekday_before(d(2026, 5, 25), Weekday::Mon), d(2026, 5, 18));
    }

    #[test]
    fn out_of_range_years_are_empty_not_a_panic() {
        assert!(of_year(HolidayRegion::Fr, i32::MAX, true).is_empty());
        assert!(of_year(HolidayRegion::CaQc, -5, true).is_empty());
        let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).expect("date");
        assert!(between(HolidayRegion::Fr, d(2026), d(2025), true).is_empty());
    }
}
