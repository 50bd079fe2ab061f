#pragma once
// Slovenian working days, for ZDavPR Art. 9's deadline: an invoice issued without an EOR (FURS not
// reachable) must reach FURS within two working days from the day the connection broke
// (furs-protocol.md §4, ZDAVPR9, SAOP). Days off are Saturdays, Sundays and the work-free public holidays
// of the Public Holidays and Non-Working Days Act (Zakon o praznikih in dela prostih dnevih v Republiki
// Sloveniji, Art. 1 and 2: 1 and 2 January, 8 February, Easter Monday, 27 April, 1 and 2 May, 25 June,
// 15 August, 31 October, 1 November, 25 and 26 December; Easter and Whit Sunday fall on Sundays anyway).
#include <chrono>
#include <cstdint>

namespace estore::host {

class WorkingDays {
public:
    static bool isWorkingDay(std::chrono::year_month_day day);
    /// Epoch ms of the end (24:00, Ljubljana time) of the n-th working day after the Ljubljana date of
    /// `epochMillis` (n = 1: the next working day).
    static std::int64_t endOfNthWorkingDayAfter(std::int64_t epochMillis, int n);

private:
    static std::chrono::year_month_day easterSunday(std::chrono::year year);
};

}  // namespace estore::host
