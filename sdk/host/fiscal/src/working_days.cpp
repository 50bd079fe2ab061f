#include "estore/host/fiscal/working_days.h"

#include "estore/host/fiscal/fiscal_code.h"

namespace estore::host {

using namespace std::chrono;

namespace {

bool isFixedHoliday(month_day date) {
    static constexpr month_day kHolidays[] = {
        January / 1, January / 2, February / 8, April / 27,   May / 1,       May / 2,
        June / 25,   August / 15, October / 31, November / 1, December / 25, December / 26,
    };
    for (const auto& holiday : kHolidays)
        if (holiday == date) return true;
    return false;
}

/// Epoch ms of a Ljubljana midnight, found from the UTC midnight of that date and the offset then.
std::int64_t ljubljanaMidnight(sys_days day) {
    const std::int64_t utcMidnight = duration_cast<milliseconds>(day.time_since_epoch()).count();
    const LocalDateTime local = FiscalCode::ljubljanaTime(utcMidnight);
    const std::int64_t offsetHours = local.hour;  // 1 (CET) or 2 (CEST) at UTC midnight
    return utcMidnight - offsetHours * 3600 * 1000;
}

}  // namespace

year_month_day WorkingDays::easterSunday(year y) {
    // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = static_cast<int>(y) % 19, b = static_cast<int>(y) / 100, c = static_cast<int>(y) % 100;
    const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const unsigned monthNumber = static_cast<unsigned>((h + l - 7 * m + 114) / 31);
    const unsigned dayNumber = static_cast<unsigned>((h + l - 7 * m + 114) % 31 + 1);
    return y / month{monthNumber} / day{dayNumber};
}

bool WorkingDays::isWorkingDay(year_month_day date) {
    const weekday dayOfWeek{sys_days{date}};
    if (dayOfWeek == Saturday || dayOfWeek == Sunday) return false;
    if (isFixedHoliday(date.month() / date.day())) return false;
    const year_month_day easterMonday{sys_days{easterSunday(date.year())} + days{1}};
    return date != easterMonday;
}

std::int64_t WorkingDays::endOfNthWorkingDayAfter(std::int64_t epochMillis, int n) {
    const LocalDateTime local = FiscalCode::ljubljanaTime(epochMillis);
    sys_days day{year{local.year} / month{static_cast<unsigned>(local.month)} /
                 std::chrono::day{static_cast<unsigned>(local.day)}};
    for (int found = 0; found < n;) {
        day += days{1};
        if (isWorkingDay(year_month_day{day})) ++found;
    }
    return ljubljanaMidnight(day + days{1});
}

}  // namespace estore::host
