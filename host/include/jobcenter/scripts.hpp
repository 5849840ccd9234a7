// What a plugin sees of a unit's Lua scripts: call an entry point of a module and get JSON back,
// plus checkers that turn a script's untrusted return value into a typed, range-checked C++ value.
//
// A module is a file scripts/units/<unit>/<module>.lua, or scripts/defaults/<module>.lua when the unit
// has none. It returns a table of entry points: functions, numbers, strings, tables. A unit file can
// start from the defaults with `local M = defaults()` and replace only what it changes.
#pragma once

#include "jobcenter/export.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/errors.hpp"
#include "jobcenter/money.hpp"

namespace jobcenter {

// Where a script value came from, for error messages: "unit pakila, scripts/units/pakila/pricing.lua:12, coefficient".
struct ScriptSite {
    std::string unit;
    std::string file;
    int line = 0;  // line of the entry's definition when known, else 0
    std::string entry;

    std::string describe() const {
        std::string s = "unit " + (unit.empty() ? std::string("(defaults)") : unit) + ", " + file;
        if (line > 0) s.append(":").append(std::to_string(line));  // (not ":" + ...: GCC 12's -Wrestrict misfires)
        if (!entry.empty()) s += ", " + entry;
        return s;
    }
};

// A value a script returned, with where it came from.
struct ScriptValue {
    boost::json::value value;
    ScriptSite site;
};

// The results of one entry point called once per argument list, in order, and the one site they came from.
struct ScriptValues {
    std::vector<boost::json::value> values;
    ScriptSite site;
};

// The calling unit's sandboxed scripts. One Lua state per unit, used by one thread at a time.
class JOBCENTER_API Scripts {
public:
    virtual ~Scripts() = default;
    // True when the module exists (for the unit or in defaults) and has a non-nil entry of that name.
    virtual bool has(std::string_view module, std::string_view entry) = 0;
    // Calls function `entry` of `module` with `args` (converted to Lua) and returns its first result.
    // Throws ScriptError (naming unit, file and line) when the script fails, runs out of its budget,
    // or returns something that is not data.
    virtual ScriptValue call(std::string_view module, std::string_view entry, const boost::json::array& args) = 0;
    // Calls function `entry` once per argument list of `calls`, as call() would, looking the module up and
    // checking its file for changes once for the whole batch (for scoring many candidates). `shared` follows
    // each call's own arguments; it is converted to Lua once, so every call gets the same tables.
    virtual ScriptValues call_each(std::string_view module, std::string_view entry,
                                   const std::vector<boost::json::array>& calls, const boost::json::array& shared = {}) = 0;
    // Reads a data entry (number, string, boolean or table) of `module`.
    virtual ScriptValue get(std::string_view module, std::string_view entry) = 0;
    // The file a module is loaded from for this unit (unit override or default).
    virtual std::string file_of(std::string_view module) = 0;
};

// Checkers for script results. Each throws ScriptError naming the site and what was expected.
// A plain number (a weight, a count, a number of days): a Lua number only; a string such as "1.5" is
// refused with a hint to drop the quotes.
JOBCENTER_API double script_number(const ScriptValue& v, std::string_view what, double min, double max);
JOBCENTER_API std::int64_t script_integer(const ScriptValue& v, std::string_view what, std::int64_t min, std::int64_t max);
JOBCENTER_API bool script_boolean(const ScriptValue& v, std::string_view what);
JOBCENTER_API std::string script_string(const ScriptValue& v, std::string_view what);
// A coefficient or rate: a number (rounded to six places), or a decimal string such as "1.45" or "1,45"
// (exact; more than six decimals is refused), within [min, max].
JOBCENTER_API Decimal script_decimal(const ScriptValue& v, std::string_view what, Decimal min, Decimal max);
// A table field of an object result, with the site kept (entry becomes "entry.field").
JOBCENTER_API ScriptValue script_field(const ScriptValue& v, std::string_view field);

// An entry point a plugin expects in a module; `jobcenter script check` verifies each one.
struct ScriptEntry {
    enum class Kind { function, table, number, string, boolean };
    std::string module;  // "register", "matching", "pricing"
    std::string name;
    Kind kind = Kind::function;
    bool required = true;
    std::string summary;
    // For functions: arguments to call it with during the check.
    boost::json::array sample_args;
    // Validates the function's result (or the data entry); throws ScriptError when it is unusable.
    std::function<void(const ScriptValue&)> validate;
};

}  // namespace jobcenter
