// Context services that live in the SDK library: role names and checks, clock formatting, the audit trail.
#include "jobcenter/context.hpp"

#include <cstdio>

namespace jobcenter {

std::string_view role_name(Role role) {
    switch (role) {
        case Role::viewer: return "viewer";
        case Role::staff: return "staff";
        case Role::coordinator: return "coordinator";
        case Role::admin: return "admin";
    }
    return "unknown";
}

Role parse_role(std::string_view text) {
    for (Role r : {Role::viewer, Role::staff, Role::coordinator, Role::admin})
        if (role_name(r) == text) return r;
    throw UsageError("unknown role '" + std::string(text) + "': use viewer, staff, coordinator or admin", "--role");
}

namespace {
using namespace std::chrono;

// Last Sunday of a month, as days since the epoch.
sys_days last_sunday(year y, month m) {
    sys_days last{year_month_day_last{y, month_day_last{m}}};
    return last - (weekday{last} - Sunday);
}

// Helsinki's UTC offset at `t`: EET (UTC+2), EEST (UTC+3) from 01:00 UTC on the last Sunday of March
// to 01:00 UTC on the last Sunday of October (the EU rule, in force since 1996).
hours helsinki_offset(system_clock::time_point t) {
    year y = year_month_day{floor<days>(t)}.year();
    auto summer_from = last_sunday(y, March) + hours{1};
    auto summer_to = last_sunday(y, October) + hours{1};
    return (t >= summer_from && t < summer_to) ? hours{3} : hours{2};
}

std::string format_date(sys_days day) {
    year_month_day ymd{day};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buffer;
}
}  // namespace

std::string Clock::now_iso() const {
    auto t = floor<seconds>(now());
    auto day = floor<days>(t);
    hh_mm_ss<seconds> time{t - day};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", format_date(day).c_str(), int(time.hours().count()),
                  int(time.minutes().count()), int(time.seconds().count()));
    return buffer;
}

std::string Clock::today_iso() const {
    auto t = now();
    return format_date(floor<days>(t + helsinki_offset(t)));
}

void Context::require_role(Role at_least) const {
    if (caller_.role < at_least)
        throw AccessDeniedError("this needs the role " + std::string(role_name(at_least)) + " or higher; you are " +
                           std::string(role_name(caller_.role)));
}

Scripts& Context::scripts_of(const std::string& unit) {
    if (unit == caller_.unit) return scripts_;
    if (caller_.role < Role::coordinator)
        throw AccessDeniedError("the scripts of unit '" + unit + "' are for a coordinator or an administrator; you are " +
                           std::string(role_name(caller_.role)) + " of unit '" + caller_.unit + "'");
    return router_.scripts_of(unit);
}

void Context::audit(std::string_view action, std::string_view subject_kind, std::string_view subject_id,
                    std::string_view detail) {
    auto& insert = db_.cached(
        "INSERT INTO audit_log(at, unit, role, action, subject_kind, subject_id, detail, actor) VALUES(?,?,?,?,?,?,?,?)");
    insert.bind_all(clock_.now_iso(), caller_.unit, std::string(role_name(caller_.role)), action, subject_kind,
                    subject_id, detail, caller_.actor);
    insert.run();
}

}  // namespace jobcenter
