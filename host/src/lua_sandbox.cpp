// Owns the Lua sandbox: one restricted lua_State per unit with a counting allocator (memory cap), a count
// hook (instruction and time budget that pcall cannot swallow), library calls charged to that budget by
// the work they do (lua_sandbox_call_cost.hpp), read-only built-ins, text-only load, a guard against
// catastrophic pattern backtracking (its estimate: lua_pattern_cost.hpp), module lookup (unit override,
// then defaults) with reload on file change, and error reports naming unit, file and line.
// Arguments and results are converted by lua_json.hpp.
//
// Stays in this file: allocator, hook, protected calls, C functions scripts call (Lua errors longjmp through them).
// Rule of this file: C++ objects with destructors never live in a frame that a Lua error can longjmp
// through. Host-side stack work runs with the memory cap lifted and uses raw table access only, so it
// cannot raise; everything that may run script code runs under lua_pcall.
#include "lua_sandbox.hpp"

extern "C" {
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
}

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "lua_json.hpp"
#include "lua_pattern_cost.hpp"
#include "number_text.hpp"
#include "lua_sandbox_call_cost.hpp"
#include "utf8_text.hpp"

namespace jobcenter {
namespace fs = std::filesystem;
namespace json = boost::json;
using lua_json::kind_name;

namespace {

constexpr int hook_interval = 1000;
constexpr std::size_t clock_check_bytes = std::size_t{1} << 20;
// Strings longer than this make single VM instructions (==, <, coercion to a number) slow, so the hook
// runs more often in a state that holds one, in proportion to its length.
constexpr std::size_t long_string_bytes = std::size_t{64} << 10;
constexpr int max_error_frames = 64;   // stack levels searched for an error's location
constexpr int max_traceback_lines = 12;
constexpr const char* locked_metatable = "locked";  // what getmetatable gives for a protected table

// --- small text helpers --------------------------------------------------------------------------

// A non-ASCII character that may appear in a folder name: not a C1 control and not a space or
// invisible formatting character.
bool name_character(char32_t code) {
    if (code < 0xA0) return false;
    if (code == 0xAD || code == 0x2028 || code == 0x2029 || code == 0x3000 || code == 0xFEFF) return false;
    if (code >= 0x2000 && code <= 0x200F) return false;
    if (code >= 0x202A && code <= 0x202F) return false;
    return true;
}

std::string mebibytes(std::size_t bytes) {
    constexpr std::size_t mib = std::size_t{1} << 20;
    if (bytes % mib == 0) return std::to_string(bytes / mib);
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.2f", static_cast<double>(bytes) / static_cast<double>(mib));
    return buffer.data();
}

// Drops a UTF-8 byte order mark and blanks a first "#!" line, keeping line numbers.
void strip_preamble(std::string& text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (text.starts_with("#")) text.erase(0, std::min(text.find('\n'), text.size()));
}

// "path:12: message" -> 12 and "message"; 0 and the text unchanged when there is no such prefix.
int split_location(std::string& text) {
    for (std::size_t colon = text.find(':'); colon != std::string::npos; colon = text.find(':', colon + 1)) {
        std::size_t digits = colon + 1;
        while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
        if (digits == colon + 1 || digits + 1 >= text.size() || text[digits] != ':' || text[digits + 1] != ' ') continue;
        int line = 0;
        std::from_chars(text.data() + colon + 1, text.data() + digits, line);
        text.erase(0, digits + 2);
        return line;
    }
    return 0;
}

// --- files -----------------------------------------------------------------------------------------

// What a module's freshness is judged by: the file's presence, size and modification time in ns.
struct FileStamp {
    fs::path path;
    bool exists = false;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

FileStamp stamp_of(const fs::path& path) {
    FileStamp stamp;
    stamp.path = path;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return stamp;
    stamp.exists = true;
    stamp.size = static_cast<std::int64_t>(info.st_size);
    stamp.mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    return stamp;
}

bool is_file(const fs::path& path) { return stamp_of(path).exists; }

// Strips "<source>:<line>: " from the front of `text` and returns the line, or 0 when absent.
int strip_location(std::string& text, std::string_view source) {
    if (!text.starts_with(source) || text.size() <= source.size() || text[source.size()] != ':') return 0;
    std::size_t digits = source.size() + 1;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == source.size() + 1 || text.compare(digits, 2, ": ") != 0) return 0;
    int line = 0;
    std::from_chars(text.data() + source.size() + 1, text.data() + digits, line);
    text.erase(0, digits + 2);
    return line;
}

bool read_text(const fs::path& file, std::string& text) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream content;
    content << in.rdbuf();
    text = content.str();
    return !in.bad();
}

}  // namespace

// --- the state -------------------------------------------------------------------------------------

struct LuaSandbox::State {
    enum class Kill { none, instructions, time, memory };

    struct Module {
        fs::path file;
        std::vector<FileStamp> stamps;  // the file and every defaults file it pulled in
        int ref = LUA_NOREF;
        std::chrono::steady_clock::time_point checked_at;  // when the files were last found unchanged
    };

    // What the message handler or the hook saw of the last failure.
    struct Failure {
        bool recorded = false;
        std::string text;
        std::string file;
        int line = 0;
        std::string traceback;
    };

    std::string unit;
    fs::path root;
    SandboxLimits limits;
    lua_State* L = nullptr;

    std::size_t used = 0;            // bytes the state holds
    bool enforce = false;            // the memory cap applies (only while script code may run)
    bool refusal_pending = false;    // one refusal seen; Lua retries once after an emergency collection
    const void* refused_block = nullptr;
    std::size_t refused_size = 0;
    std::size_t allocated_since_check = 0;

    std::size_t longest_string = 0;  // bytes of the longest string created since the state last shrank

    std::uint64_t instructions = 0;
    double unclocked = 0;            // instructions charged since the clock was last read
    int interval = hook_interval;
    std::chrono::steady_clock::time_point deadline;
    Kill killed = Kill::none;
    std::string kill_text;

    Failure failure;
    ScriptSite last_error;
    int builtins_ref = LUA_NOREF;
    std::map<std::string, Module, std::less<>> modules;
    std::map<std::string, fs::path, std::less<>> pinned;  // load_file_as
    std::vector<FileStamp>* loading_stamps = nullptr;     // where defaults() notes the files it reads

    State(std::string unit_name, fs::path scripts_root, SandboxLimits sandbox_limits);
    ~State();
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    static State& of(lua_State* L);

    // setup
    void open_libraries();
    void build_builtins(int base, int string, int table, int math, int utf8);
    void lock_string_metatable();
    static void push_readonly_proxy(lua_State* L, int real, const char* name);
    static void push_env(lua_State* L, State& s, const char* module_for_defaults);

    // callbacks
    static void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) noexcept;
    static int panic(lua_State* L);
    static void hook(lua_State* L, lua_Debug* ar);
    static int message_handler(lua_State* L);
    static int readonly_newindex(lua_State* L);
    static int readonly_pairs(lua_State* L);
    static int readonly_next(lua_State* L);
    static int charged_library_function(lua_State* L);
    static int call_wrapped(lua_State* L);
    static int raise_kill(lua_State* L);
    static int protected_index(lua_State* L);
    static int env_newindex(lua_State* L);
    static int safe_load(lua_State* L);
    static int safe_setmetatable(lua_State* L);
    static int safe_xpcall(lua_State* L);
    static int guarded_handler(lua_State* L);
    static int safe_collectgarbage(lua_State* L);
    static int no_print(lua_State* L);
    static int guarded_pattern(lua_State* L);
    static int defaults_function(lua_State* L);
    static int entry_lookup(lua_State* L);
    bool push_defaults_chunk() noexcept;

    // budget and failures
    void mark_killed(Kill kind) noexcept;
    bool charge(double cost) noexcept;
    static void charge_library_functions(lua_State* L, int base, int builtins, int string, int table, int utf8);
    void note_new_string(std::size_t bytes) noexcept;
    int hook_interval_now() const noexcept;
    std::string kill_message(Kill kind) const;
    void note_refusal(const void* block, std::size_t size) noexcept;
    void note_growth(std::size_t bytes) noexcept;
    void record_kill_site(lua_Debug* ar) noexcept;
    void record_error() noexcept;
    void record_traceback() noexcept;
    int run_protected(int nargs, int nresults);
    [[noreturn]] void fail(const std::string& message, const ScriptSite& site);
    [[noreturn]] void throw_failure(int status, ScriptSite site);
    std::string memory_message() const;

    // modules
    fs::path unit_file(std::string_view module) const;
    fs::path defaults_file(std::string_view module) const;
    fs::path resolve(std::string_view module) const;
    [[noreturn]] void not_found(std::string_view module) const;
    Module* find_module(std::string_view module, bool must_exist);
    Module load_module(std::string_view module, const fs::path& file);
    void drop(std::string_view module);
    void push_entry(Module& module, std::string_view entry, const ScriptSite& site);
    ScriptSite push_function(std::string_view module, std::string_view entry);
    json::value call_function(int function, const json::array& args, const ScriptSite& site, int shared = 0,
                              int shared_count = 0);
    ScriptSite site_of(const Module& module, std::string_view entry) const;

    // conversion
    json::value to_json(int index, const ScriptSite& site);
};

namespace {

// Restores the Lua stack height when a host-side step leaves early (by return or exception).
class StackGuard {
public:
    explicit StackGuard(lua_State* L) : L_(L), top_(lua_gettop(L)) {}
    ~StackGuard() { lua_settop(L_, top_); }
    StackGuard(const StackGuard&) = delete;
    StackGuard& operator=(const StackGuard&) = delete;

private:
    lua_State* L_;
    int top_;
};

void check_module_name(std::string_view module) {
    if (!is_safe_unit_name(module))
        throw UsageError("'" + std::string(module) + "' is not a valid script module name");
}

// --- what a library call is asked to do (lua_sandbox_call_cost.hpp) ----------------------------------

bool is_table_function(lua_call_cost::LibraryFunction function) {
    using F = lua_call_cost::LibraryFunction;
    return function == F::table_insert || function == F::table_remove || function == F::table_move ||
           function == F::table_concat || function == F::table_unpack || function == F::table_sort;
}

lua_call_cost::Argument argument_at(lua_State* L, int index) {
    using Kind = lua_call_cost::Argument::Kind;
    switch (lua_type(L, index)) {
        case LUA_TNONE: return {};
        case LUA_TNIL: return {Kind::nil, 0};
        case LUA_TSTRING: return {Kind::string, static_cast<double>(lua_rawlen(L, index))};
        case LUA_TNUMBER: return {Kind::number, static_cast<double>(lua_tonumber(L, index))};
        case LUA_TTABLE: return {Kind::table, static_cast<double>(lua_rawlen(L, index))};
        default: return {Kind::other, 0};
    }
}

// Bytes of the strings in t[1..length], the elements table.sort compares by their text.
double string_bytes_in(lua_State* L, int table, double length) {
    double bytes = 0;
    for (lua_Integer i = 1; static_cast<double>(i) <= length; ++i) {
        if (lua_rawgeti(L, table, i) == LUA_TSTRING) bytes += static_cast<double>(lua_rawlen(L, -1));
        lua_pop(L, 1);
    }
    return bytes;
}

// The arguments on the stack as the cost model sees them. Reads only: no metamethod runs.
lua_call_cost::CallShape call_shape(lua_State* L, lua_call_cost::LibraryFunction function) {
    lua_call_cost::CallShape call;
    call.count = lua_gettop(L);
    for (int i = 1; i <= call.count; ++i) {
        lua_call_cost::Argument argument = argument_at(L, i);
        if (argument.kind == lua_call_cost::Argument::Kind::string) call.string_bytes += argument.size;
        if (i <= lua_call_cost::CallShape::detailed) call.first[static_cast<std::size_t>(i - 1)] = argument;
    }
    if (function == lua_call_cost::LibraryFunction::table_sort && lua_type(L, 1) == LUA_TTABLE) {
        call.custom_order = !lua_isnoneornil(L, 2);
        if (!call.custom_order) call.element_bytes = string_bytes_in(L, 1, call.first[0].size);
    }
    return call;
}

}  // namespace

LuaSandbox::State& LuaSandbox::State::of(lua_State* L) {
    void* ud = nullptr;
    lua_getallocf(L, &ud);
    return *static_cast<State*>(ud);
}

// --- memory ----------------------------------------------------------------------------------------

void* LuaSandbox::State::allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) noexcept {
    State& s = *static_cast<State*>(ud);
    std::size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        std::free(ptr);
        s.used -= old;
        return nullptr;
    }
    std::size_t rest = s.used - old;
    if (s.enforce && nsize > old && (nsize > s.limits.memory_bytes || rest > s.limits.memory_bytes - nsize)) {
        s.note_refusal(ptr, nsize);
        return nullptr;
    }
    void* block = std::realloc(ptr, nsize);
    if (!block) return nullptr;
    s.used = rest + nsize;
    s.refusal_pending = false;
    if (s.enforce && nsize > old) s.note_growth(nsize - old);
    // For a new object Lua passes its type in osize.
    if (!ptr && osize == LUA_TSTRING && nsize > s.longest_string) s.note_new_string(nsize);
    return block;
}

// Lua retries a refused allocation once after an emergency collection; the same request refused
// twice in a row is a real overrun, which becomes sticky like a kill.
void LuaSandbox::State::note_refusal(const void* block, std::size_t size) noexcept {
    if (refusal_pending && refused_block == block && refused_size == size) {
        mark_killed(Kill::memory);
        refusal_pending = false;
        return;
    }
    refusal_pending = true;
    refused_block = block;
    refused_size = size;
}

// C functions that build big strings run no VM instructions; every MiB they allocate, look at the clock.
void LuaSandbox::State::note_growth(std::size_t bytes) noexcept {
    allocated_since_check += bytes;
    if (allocated_since_check < clock_check_bytes) return;
    allocated_since_check = 0;
    if (killed == Kill::none && std::chrono::steady_clock::now() >= deadline) mark_killed(Kill::time);
}

// A longer string than any before: while a script runs, the hook starts to run more often.
void LuaSandbox::State::note_new_string(std::size_t bytes) noexcept {
    longest_string = bytes;
    int now = hook_interval_now();
    if (!enforce || killed != Kill::none || now >= interval) return;
    interval = now;
    lua_sethook(L, &State::hook, LUA_MASKCOUNT, interval);
}

// Instructions between two looks at the budget and the clock: hook_interval, fewer when the state holds
// long strings (one comparison of two of them reads both whole), never more than the budget itself.
int LuaSandbox::State::hook_interval_now() const noexcept {
    std::size_t interval_for_strings = hook_interval;
    if (longest_string > long_string_bytes)
        interval_for_strings = std::max<std::size_t>(1, hook_interval * long_string_bytes / longest_string);
    return static_cast<int>(std::min<std::uint64_t>(std::max<std::uint64_t>(limits.instructions_per_call, 1),
                                                    interval_for_strings));
}

std::string LuaSandbox::State::memory_message() const {
    return "script exceeded its memory limit of " + mebibytes(limits.memory_bytes) + " MiB";
}

int LuaSandbox::State::panic(lua_State* L) {
    const char* message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(no message)";
    std::fprintf(stderr, "jobcenter: internal error: a Lua error escaped the sandbox's protection: %s\n", message);
    std::abort();
}

// --- budget ----------------------------------------------------------------------------------------

void LuaSandbox::State::mark_killed(Kill kind) noexcept {
    if (killed != Kill::none) return;
    killed = kind;
    try {
        kill_text = kill_message(kind);
    } catch (...) {
        kill_text.clear();
    }
    // From now on every instruction raises again, so a pcall in the script cannot swallow the kill.
    lua_sethook(L, &State::hook, LUA_MASKCOUNT, 1);
}

std::string LuaSandbox::State::kill_message(Kill kind) const {
    switch (kind) {
        case Kill::instructions:
            return "script exceeded its instruction budget (" + std::to_string(limits.instructions_per_call) +
                   " instructions)";
        case Kill::time:
            return "script exceeded its time limit of " + std::to_string(limits.time_per_call.count()) + " ms";
        case Kill::memory: return memory_message();
        case Kill::none: break;
    }
    return "script stopped";
}

// Counts `cost` instructions of C-level work, looking at the clock once a hook interval's worth has been
// charged since the last look, so a long call is refused before it starts when the time is spent. False
// (and killed) once the budget or time is spent.
bool LuaSandbox::State::charge(double cost) noexcept {
    if (killed != Kill::none) return false;
    if (cost > 0) {
        double total = static_cast<double>(instructions) + cost;
        instructions = total >= static_cast<double>(limits.instructions_per_call) ? limits.instructions_per_call
                                                                                : static_cast<std::uint64_t>(total);
        unclocked += cost;
    }
    if (instructions >= limits.instructions_per_call) {
        mark_killed(Kill::instructions);
    } else if (unclocked >= hook_interval) {
        unclocked = 0;
        if (std::chrono::steady_clock::now() >= deadline) mark_killed(Kill::time);
    }
    return killed == Kill::none;
}

void LuaSandbox::State::hook(lua_State* L, lua_Debug* ar) {
    State& s = of(L);
    if (s.killed == Kill::none) {
        s.instructions += static_cast<std::uint64_t>(s.interval);
        s.unclocked = 0;
        if (s.instructions >= s.limits.instructions_per_call)
            s.mark_killed(Kill::instructions);
        else if (std::chrono::steady_clock::now() >= s.deadline)
            s.mark_killed(Kill::time);
        else
            return;
    }
    s.record_kill_site(ar);
    lua_pushstring(L, s.kill_text.c_str());
    lua_error(L);
}

// Raises the kill from a C function the script called, naming the script line that called it.
int LuaSandbox::State::raise_kill(lua_State* L) {
    State& s = of(L);
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar)) s.record_kill_site(&ar);
    lua_pushstring(L, s.kill_text.c_str());
    return lua_error(L);
}

void LuaSandbox::State::record_kill_site(lua_Debug* ar) noexcept {
    try {
        failure.recorded = true;
        failure.text = kill_text;
        if (lua_getinfo(L, "Sl", ar) && ar->source[0] == '@') {
            failure.file = ar->source + 1;
            failure.line = ar->currentline;
        }
    } catch (...) {
    }
}

int LuaSandbox::State::run_protected(int nargs, int nresults) {
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, &State::message_handler);
    lua_insert(L, base);
    failure = {};
    killed = Kill::none;
    instructions = 0;
    unclocked = 0;
    longest_string = std::min(longest_string, used);  // no string is longer than all the state holds
    interval = hook_interval_now();
    deadline = std::chrono::steady_clock::now() + limits.time_per_call;
    refusal_pending = false;
    allocated_since_check = 0;
    lua_sethook(L, &State::hook, LUA_MASKCOUNT, interval);
    enforce = true;
    int status = lua_pcall(L, nargs, nresults, base);
    enforce = false;
    lua_sethook(L, &State::hook, LUA_MASKCOUNT, interval);
    lua_remove(L, base);
    // `return pcall(f)` can swallow the kill with no instruction left to raise it again.
    if (status == LUA_OK && killed != Kill::none) status = LUA_ERRRUN;
    return status;
}

// --- failures --------------------------------------------------------------------------------------

int LuaSandbox::State::message_handler(lua_State* L) {
    State& s = of(L);
    if (s.killed == Kill::none) s.record_error();
    if (lua_checkstack(L, LUA_MINSTACK)) {
        luaL_traceback(L, L, nullptr, 1);
        s.record_traceback();
    }
    return 1;
}

// The error's text (never through __tostring) and the file and line it names, preferring the frame
// whose short source prefixes the message, else the innermost frame of a script file.
void LuaSandbox::State::record_error() noexcept {
    try {
        failure.recorded = true;
        int type = lua_type(L, 1);
        if (type == LUA_TSTRING) {
            std::size_t length = 0;
            const char* text = lua_tolstring(L, 1, &length);
            failure.text.assign(text, length);
        } else if (type == LUA_TNUMBER) {
            failure.text = lua_isinteger(L, 1) ? std::to_string(lua_tointeger(L, 1)) : shortest_number_text(lua_tonumber(L, 1));
        } else {
            failure.text = std::string("(error object is a ") + lua_typename(L, type) + " value)";
        }
        bool prefix_done = type != LUA_TSTRING;
        lua_Debug ar;
        for (int level = 1; level < max_error_frames && lua_getstack(L, level, &ar); ++level) {
            if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) continue;
            bool from_file = ar.source[0] == '@';
            int line = prefix_done ? 0 : strip_location(failure.text, ar.short_src);
            if (line > 0) {
                prefix_done = true;
                if (from_file) {
                    failure.file = ar.source + 1;
                    failure.line = line;
                    return;
                }
            }
            if (from_file && failure.file.empty()) {
                failure.file = ar.source + 1;
                failure.line = ar.currentline;
                if (prefix_done) return;
            }
        }
    } catch (...) {
    }
}

// Keeps the script frames of the traceback ("\n\tfile:line: in ..."), not the C ones.
void LuaSandbox::State::record_traceback() noexcept {
    try {
        std::string text = lua_tostring(L, -1) ? lua_tostring(L, -1) : "";
        std::string kept;
        int lines = 0;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            if (!line.starts_with("\t") || line.starts_with("\t[C]:") || line.starts_with("\t(")) continue;
            if (++lines > max_traceback_lines) break;
            kept += "\n  " + line.substr(1);
        }
        failure.traceback = lines >= 2 ? "\nstack traceback:" + kept : "";
    } catch (...) {
    }
}

void LuaSandbox::State::fail(const std::string& message, const ScriptSite& site) {
    last_error = site;
    throw ScriptError(message, site.describe());
}

void LuaSandbox::State::throw_failure(int status, ScriptSite site) {
    std::string message;
    if (killed != Kill::none)
        message = kill_text;
    else if (status == LUA_ERRMEM)
        message = memory_message();
    else if (failure.recorded)
        message = failure.text + failure.traceback;
    else if (lua_type(L, -1) == LUA_TSTRING)
        message = lua_tostring(L, -1);
    else
        message = "the script failed, and its error could not be reported";
    if (!failure.file.empty()) {
        site.file = failure.file;
        site.line = failure.line;
    }
    if (killed != Kill::none && !failure.traceback.empty()) message += failure.traceback;
    lua_gc(L, LUA_GCCOLLECT);  // give back what the failed script held
    fail(message, site);
}

// --- setup -----------------------------------------------------------------------------------------

LuaSandbox::State::State(std::string unit_name, fs::path scripts_root, SandboxLimits sandbox_limits)
    : unit(std::move(unit_name)), root(std::move(scripts_root)), limits(sandbox_limits) {
    L = lua_newstate(&State::allocate, this);
    if (!L) throw InternalError("cannot create a Lua state for unit '" + unit + "'");
    lua_atpanic(L, &State::panic);
    open_libraries();
    lua_sethook(L, &State::hook, LUA_MASKCOUNT, hook_interval);
}

LuaSandbox::State::~State() {
    enforce = false;
    if (L) lua_close(L);
}

void LuaSandbox::State::open_libraries() {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 0);
    int base = lua_gettop(L);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
    build_builtins(base, base + 1, base + 2, base + 3, base + 4);
    lock_string_metatable();
    lua_settop(L, 0);
}

// The table every module environment reads from: the safe part of the base library, replacements
// for load, setmetatable, collectgarbage and print, and read-only views of the four libraries.
void LuaSandbox::State::build_builtins(int base, int string, int table, int math, int utf8) {
    lua_createtable(L, 0, 32);
    int builtins = lua_gettop(L);
    for (const char* name : {"assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal",
                             "rawget", "rawlen", "select", "tostring", "type", "_VERSION"}) {
        lua_getfield(L, base, name);
        lua_setfield(L, builtins, name);
    }
    lua_getfield(L, base, "setmetatable");
    lua_pushcclosure(L, &State::safe_setmetatable, 1);
    lua_setfield(L, builtins, "setmetatable");
    lua_getfield(L, base, "xpcall");
    lua_pushcclosure(L, &State::safe_xpcall, 1);
    lua_setfield(L, builtins, "xpcall");
    lua_pushcfunction(L, &State::safe_load);
    lua_setfield(L, builtins, "load");
    lua_pushcfunction(L, &State::safe_collectgarbage);
    lua_setfield(L, builtins, "collectgarbage");
    lua_pushcfunction(L, &State::no_print);
    lua_setfield(L, builtins, "print");

    lua_pushnil(L);
    lua_setfield(L, string, "dump");
    int kind = 0;
    for (const char* name : {"find", "match", "gmatch", "gsub"}) {
        lua_getfield(L, string, name);
        lua_pushinteger(L, kind++);
        lua_pushcclosure(L, &State::guarded_pattern, 2);
        lua_setfield(L, string, name);
    }

    charge_library_functions(L, base, builtins, string, table, utf8);
    const std::array<std::pair<const char*, int>, 4> libraries{
        {{LUA_STRLIBNAME, string}, {LUA_TABLIBNAME, table}, {LUA_MATHLIBNAME, math}, {LUA_UTF8LIBNAME, utf8}}};
    for (const auto& [name, index] : libraries) {
        push_readonly_proxy(L, index, name);
        lua_setfield(L, builtins, name);
    }
    builtins_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

// Wraps each library function whose work grows with its arguments so that a call is charged to the
// budget before it runs (tonumber is the base library's, the others are their library's own).
void LuaSandbox::State::charge_library_functions(lua_State* L, int base, int builtins, int string, int table,
                                                 int utf8) {
    using F = lua_call_cost::LibraryFunction;
    struct Wrapped {
        int library;
        const char* library_name;
        const char* name;
        F function;
    };
    const std::array<Wrapped, 22> wrapped{{
        {string, "string", "byte", F::string_byte},       {string, "string", "char", F::string_char},
        {string, "string", "format", F::string_format},   {string, "string", "lower", F::string_lower},
        {string, "string", "upper", F::string_upper},     {string, "string", "reverse", F::string_reverse},
        {string, "string", "rep", F::string_rep},         {string, "string", "sub", F::string_sub},
        {string, "string", "pack", F::string_pack},       {string, "string", "packsize", F::string_packsize},
        {string, "string", "unpack", F::string_unpack},   {utf8, "utf8", "len", F::utf8_len},
        {utf8, "utf8", "codepoint", F::utf8_codepoint},   {utf8, "utf8", "char", F::utf8_char},
        {utf8, "utf8", "offset", F::utf8_offset},         {table, "table", "insert", F::table_insert},
        {table, "table", "remove", F::table_remove},      {table, "table", "move", F::table_move},
        {table, "table", "concat", F::table_concat},      {table, "table", "unpack", F::table_unpack},
        {table, "table", "sort", F::table_sort},          {base, "", "tonumber", F::tonumber},
    }};
    for (const Wrapped& w : wrapped) {
        lua_getfield(L, w.library, w.name);
        lua_pushinteger(L, static_cast<lua_Integer>(w.function));
        lua_pushfstring(L, "%s%s%s", w.library_name, *w.library_name ? "." : "", w.name);
        lua_pushcclosure(L, &State::charged_library_function, 3);
        lua_setfield(L, w.library == base ? builtins : w.library, w.name);
    }
}

// A table that reads through to `real`, refuses writes and hides its metatable; pairs() on it walks
// the real table without ever handing the real table out.
void LuaSandbox::State::push_readonly_proxy(lua_State* L, int real, const char* name) {
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 4);
    lua_pushvalue(L, real);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, name);
    lua_pushcclosure(L, &State::readonly_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushvalue(L, real);
    lua_pushcclosure(L, &State::readonly_next, 1);
    lua_pushcclosure(L, &State::readonly_pairs, 1);
    lua_setfield(L, -2, "__pairs");
    lua_pushstring(L, locked_metatable);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

// getmetatable("") answers a guard whose every field access is an error, so the string library that
// methods like ("x"):rep() use cannot be reached and changed.
void LuaSandbox::State::lock_string_metatable() {
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, &State::protected_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, &State::protected_index);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, locked_metatable);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
}

// A module's _ENV: new names are allowed, built-in names are not, the metatable is locked. With a
// module name, the environment also offers defaults() for that module.
void LuaSandbox::State::push_env(lua_State* L, State& s, const char* module_for_defaults) {
    lua_createtable(L, 0, 4);
    int env = lua_gettop(L);
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");  // a plain field of this environment only
    lua_createtable(L, 0, 4);
    int meta = lua_gettop(L);
    if (module_for_defaults) {
        lua_createtable(L, 0, 1);
        lua_pushstring(L, module_for_defaults);
        lua_pushcclosure(L, &State::defaults_function, 1);
        lua_setfield(L, -2, "defaults");
        lua_createtable(L, 0, 1);
        lua_rawgeti(L, LUA_REGISTRYINDEX, s.builtins_ref);
        lua_setfield(L, -2, "__index");
        lua_setmetatable(L, -2);
    } else {
        lua_rawgeti(L, LUA_REGISTRYINDEX, s.builtins_ref);
    }
    int lookup = lua_gettop(L);
    lua_pushvalue(L, lookup);
    lua_setfield(L, meta, "__index");
    lua_pushvalue(L, lookup);
    lua_pushcclosure(L, &State::env_newindex, 1);
    lua_setfield(L, meta, "__newindex");
    lua_pushstring(L, locked_metatable);
    lua_setfield(L, meta, "__metatable");
    lua_settop(L, meta);
    lua_setmetatable(L, env);
}

// --- functions the scripts see ---------------------------------------------------------------------

int LuaSandbox::State::readonly_newindex(lua_State* L) {
    return luaL_error(L, "cannot modify the built-in library '%s'", lua_tostring(L, lua_upvalueindex(1)));
}

int LuaSandbox::State::readonly_pairs(lua_State* L) {
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_pushnil(L);
    return 3;  // iterator, the proxy, nil
}

int LuaSandbox::State::readonly_next(lua_State* L) {
    lua_settop(L, 2);
    if (lua_next(L, lua_upvalueindex(1)) != 0) return 2;
    lua_pushnil(L);
    return 1;
}

// A library function of the list above, called through its wrapper: the call is charged by the work its
// arguments ask for (and the clock looked at) before it runs, and by the text it returns after. string.rep
// of nothing gives "" at once; table functions refuse a table whose length a __len metamethod makes up,
// since their loops run to that length without a VM instruction the hook could stop.
int LuaSandbox::State::charged_library_function(lua_State* L) {
    State& s = of(L);
    auto function = static_cast<lua_call_cost::LibraryFunction>(lua_tointeger(L, lua_upvalueindex(2)));
    lua_call_cost::CallShape call = call_shape(L, function);
    if (!s.charge(lua_call_cost::before_call(function, call))) return raise_kill(L);
    if (is_table_function(function) && luaL_getmetafield(L, 1, "__len") != LUA_TNIL)
        return luaL_error(L, "%s: a table whose length comes from a __len metamethod cannot be used in scripts",
                          lua_tostring(L, lua_upvalueindex(3)));
    if (function == lua_call_cost::LibraryFunction::string_rep && lua_call_cost::repeats_nothing(call)) {
        int is_integer = 0;
        if (lua_tointegerx(L, 2, &is_integer) > 1 && is_integer) {
            lua_pushinteger(L, 1);
            lua_replace(L, 2);
        }
    }
    return call_wrapped(L);
}

// Calls the wrapped function (upvalue 1) with the arguments on the stack and charges the text it returned.
int LuaSandbox::State::call_wrapped(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    double bytes = 0;
    for (int i = 1, top = lua_gettop(L); i <= top; ++i)
        if (lua_type(L, i) == LUA_TSTRING) bytes += static_cast<double>(lua_rawlen(L, i));
    if (!of(L).charge(lua_call_cost::for_bytes(bytes))) return raise_kill(L);
    return lua_gettop(L);
}

int LuaSandbox::State::protected_index(lua_State* L) { return luaL_error(L, "the string metatable is protected"); }

int LuaSandbox::State::env_newindex(lua_State* L) {
    lua_pushvalue(L, 2);
    lua_gettable(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, 2) == LUA_TSTRING) return luaL_error(L, "cannot overwrite built-in '%s'", lua_tostring(L, 2));
        return luaL_error(L, "cannot overwrite a built-in");
    }
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
}

// load(text [, chunkname [, mode [, env]]]): source text only; the mode is always "t". Without env
// the chunk gets a fresh environment of its own, never another module's.
int LuaSandbox::State::safe_load(lua_State* L) {
    bool has_env = !lua_isnone(L, 4);
    lua_settop(L, 4);
    if (lua_type(L, 1) != LUA_TSTRING) return luaL_error(L, "load: only Lua source text (a string) can be loaded");
    std::size_t length = 0;
    const char* text = lua_tolstring(L, 1, &length);
    if (length > 0 && text[0] == LUA_SIGNATURE[0])
        return luaL_error(L, "load: binary chunks are not allowed, only Lua source text");
    if (!of(L).charge(lua_call_cost::for_bytes(static_cast<double>(length)))) return raise_kill(L);  // the parse
    const char* name = luaL_optstring(L, 2, "(load)");
    lua_pushfstring(L, "=%s", name);
    int status = luaL_loadbufferx(L, text, length, lua_tostring(L, -1), "t");
    if (status != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env)
        lua_pushvalue(L, 4);
    else
        push_env(L, of(L), nullptr);
    lua_setupvalue(L, -2, 1);
    return 1;
}

int LuaSandbox::State::safe_setmetatable(lua_State* L) {
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        lua_rawget(L, 2);
        if (!lua_isnil(L, -1)) return luaL_error(L, "setmetatable: __gc metamethods are not allowed in scripts");
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

// xpcall(f, handler, ...): Lua calls a message handler before unwinding, and for an error raised by the
// count hook that is still inside the hook, where hooks are off. So once the script is killed its own
// handler is skipped: it could otherwise loop beyond the budget's reach.
int LuaSandbox::State::safe_xpcall(lua_State* L) {
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, &State::guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

int LuaSandbox::State::guarded_handler(lua_State* L) {
    lua_settop(L, 1);
    if (of(L).killed != Kill::none) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 1, 1);
    return 1;
}

int LuaSandbox::State::safe_collectgarbage(lua_State* L) {
    const char* option = luaL_optstring(L, 1, "collect");
    if (std::strcmp(option, "count") != 0)
        return luaL_error(L, "collectgarbage: only collectgarbage(\"count\") is available in scripts");
    int kib = lua_gc(L, LUA_GCCOUNT);
    int bytes = lua_gc(L, LUA_GCCOUNTB);
    lua_pushnumber(L, static_cast<lua_Number>(kib) + static_cast<lua_Number>(bytes) / 1024);
    return 1;
}

int LuaSandbox::State::no_print(lua_State*) { return 0; }

// string.find/match/gmatch/gsub: charged by the text they scan, and refused when the pattern could
// backtrack past the budget, since the C matcher runs no VM instructions and the count hook cannot stop it.
int LuaSandbox::State::guarded_pattern(lua_State* L) {
    static constexpr std::array<const char*, 4> names{"find", "match", "gmatch", "gsub"};
    State& s = of(L);
    auto kind = static_cast<std::size_t>(lua_tointeger(L, lua_upvalueindex(2)));
    int subject_type = lua_type(L, 1);
    if ((subject_type == LUA_TSTRING || subject_type == LUA_TNUMBER) && lua_type(L, 2) == LUA_TSTRING) {
        std::size_t n = subject_type == LUA_TSTRING ? lua_rawlen(L, 1) : 64;
        std::size_t m = 0;
        const char* pattern = lua_tolstring(L, 2, &m);
        bool plain = kind == 0 && lua_toboolean(L, 4);
        double cost = lua_pattern::worst_case_steps(n, pattern, m, plain, kind != 2);
        double budget = std::clamp(static_cast<double>(s.limits.instructions_per_call), 1e6, 1e9);
        bool has_start = kind != 3 && lua_type(L, 3) == LUA_TNUMBER;  // gsub has no start position
        double scanned = has_start ? lua_call_cost::bytes_from(static_cast<double>(n), lua_tonumber(L, 3))
                                   : static_cast<double>(n);
        if (!s.charge(lua_call_cost::for_bytes(scanned))) return raise_kill(L);
        if (cost > budget)
            return luaL_error(L,
                              "string.%s refused: on a subject of %d bytes this pattern could take about %f steps "
                              "(the limit is %f); simplify the pattern or shorten the text",
                              names[kind % names.size()], static_cast<int>(std::min<std::size_t>(n, INT32_MAX)),
                              static_cast<lua_Number>(cost), static_cast<lua_Number>(budget));
    }
    return call_wrapped(L);
}

// defaults(): the defaults module's table, loaded fresh in an environment of its own.
int LuaSandbox::State::defaults_function(lua_State* L) {
    State& s = of(L);
    lua_settop(L, 0);
    if (!s.push_defaults_chunk()) return lua_error(L);
    lua_call(L, 0, 1);
    if (!lua_istable(L, -1))
        return luaL_error(L, "defaults(): %s must return a table of entry points, it returned %s", lua_tostring(L, 1),
                          kind_name(lua_type(L, -1)));
    return 1;
}

// Leaves [path, chunk] on the stack, or [message] when the defaults file cannot be loaded. Lua calls
// here cannot raise: the parser is protected and pushes run with the memory cap lifted.
bool LuaSandbox::State::push_defaults_chunk() noexcept {
    bool was_enforced = enforce;
    bool ok = false;
    try {
        std::string module = lua_tostring(L, lua_upvalueindex(1));
        fs::path file = defaults_file(module);
        FileStamp stamp = stamp_of(file);
        if (loading_stamps) loading_stamps->push_back(stamp);
        enforce = false;
        if (!stamp.exists) {
            std::string message = "defaults(): there are no defaults for module '" + module + "': " + file.string() +
                                  " does not exist";
            lua_pushlstring(L, message.data(), message.size());
        } else {
            std::string text;
            if (!read_text(file, text)) throw std::runtime_error("defaults(): cannot read " + file.string());
            strip_preamble(text);
            std::string chunkname = "@" + file.string();
            lua_pushstring(L, file.c_str());
            enforce = was_enforced;
            int status = luaL_loadbufferx(L, text.data(), text.size(), chunkname.c_str(), "t");
            enforce = false;
            if (status == LUA_OK) {
                push_env(L, *this, nullptr);
                lua_setupvalue(L, -2, 1);
                ok = true;
            } else {
                lua_remove(L, -2);
            }
        }
    } catch (const std::exception& e) {
        enforce = false;
        lua_settop(L, 0);
        lua_pushstring(L, e.what());
    }
    enforce = was_enforced;
    return ok;
}

int LuaSandbox::State::entry_lookup(lua_State* L) {
    lua_gettable(L, 1);
    return 1;
}

// --- modules ---------------------------------------------------------------------------------------

fs::path LuaSandbox::State::unit_file(std::string_view module) const {
    return root / "units" / unit / (std::string(module) + ".lua");
}

fs::path LuaSandbox::State::defaults_file(std::string_view module) const {
    return root / "defaults" / (std::string(module) + ".lua");
}

// The file a module comes from now, or an empty path when there is none.
fs::path LuaSandbox::State::resolve(std::string_view module) const {
    if (auto pin = pinned.find(module); pin != pinned.end()) return pin->second;
    if (!unit.empty() && is_file(unit_file(module))) return unit_file(module);
    if (is_file(defaults_file(module))) return defaults_file(module);
    return {};
}

void LuaSandbox::State::drop(std::string_view module) {
    auto it = modules.find(module);
    if (it == modules.end()) return;
    luaL_unref(L, LUA_REGISTRYINDEX, it->second.ref);
    modules.erase(it);
}

void LuaSandbox::State::not_found(std::string_view module) const {
    std::string where = "unit " + (unit.empty() ? std::string("(defaults)") : unit);
    if (unit.empty())
        throw NotFoundError("there is no script module '" + std::string(module) + "': " +
                                defaults_file(module).string() + " does not exist",
                            where);
    throw NotFoundError("there is no script module '" + std::string(module) + "': neither " +
                            unit_file(module).string() + " nor " + defaults_file(module).string() + " exists",
                        where);
}

LuaSandbox::State::Module* LuaSandbox::State::find_module(std::string_view module, bool must_exist) {
    check_module_name(module);
    const auto now = std::chrono::steady_clock::now();
    auto it = modules.find(module);
    if (it != modules.end() && limits.recheck_files.count() > 0 && now - it->second.checked_at < limits.recheck_files)
        return &it->second;
    fs::path file = resolve(module);
    if (it != modules.end()) {
        bool fresh = it->second.file == file &&
                     std::all_of(it->second.stamps.begin(), it->second.stamps.end(),
                                 [](const FileStamp& stamp) { return stamp_of(stamp.path) == stamp; });
        if (fresh) {
            it->second.checked_at = now;
            return &it->second;
        }
        drop(module);
    }
    if (file.empty()) {
        if (!must_exist) return nullptr;
        not_found(module);
    }
    Module loaded = load_module(module, file);
    loaded.checked_at = now;
    return &modules.emplace(std::string(module), std::move(loaded)).first->second;
}

// Runs `file` in a fresh environment and keeps the table it returns. A unit file (or one checked with
// load_file_as) also gets defaults().
LuaSandbox::State::Module LuaSandbox::State::load_module(std::string_view module, const fs::path& file) {
    StackGuard guard(L);
    ScriptSite site{unit, file.string(), 0, ""};
    Module loaded;
    loaded.file = file;
    loaded.stamps.push_back(stamp_of(file));
    bool gets_defaults = file != defaults_file(module);

    std::string text;
    if (!read_text(file, text)) fail("cannot read the file", site);
    strip_preamble(text);
    std::string chunkname = "@" + file.string();
    failure = {};
    killed = Kill::none;
    enforce = true;
    int status = luaL_loadbufferx(L, text.data(), text.size(), chunkname.c_str(), "t");
    enforce = false;
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM || killed != Kill::none) fail(memory_message(), site);
        std::string message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "cannot load the file";
        site.line = split_location(message);
        fail(message, site);
    }
    std::string module_name(module);
    push_env(L, *this, gets_defaults ? module_name.c_str() : nullptr);
    lua_setupvalue(L, -2, 1);

    loading_stamps = &loaded.stamps;
    status = run_protected(0, 1);
    loading_stamps = nullptr;
    if (status != LUA_OK) throw_failure(status, site);
    if (!lua_istable(L, -1))
        fail(file.string() + " must return a table of entry points (end it with `return M`), but it returned " +
                 kind_name(lua_type(L, -1)),
             site);
    loaded.ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return loaded;
}

ScriptSite LuaSandbox::State::site_of(const Module& module, std::string_view entry) const {
    return ScriptSite{unit, module.file.string(), 0, std::string(entry)};
}

// Pushes module[entry], through any __index the module table has, under the budget.
void LuaSandbox::State::push_entry(Module& module, std::string_view entry, const ScriptSite& site) {
    if (!lua_checkstack(L, 8)) fail("the Lua stack is full", site);
    lua_pushcfunction(L, &State::entry_lookup);
    lua_rawgeti(L, LUA_REGISTRYINDEX, module.ref);
    lua_pushlstring(L, entry.data(), entry.size());
    int status = run_protected(2, 1);
    if (status != LUA_OK) throw_failure(status, site);
}

// --- JSON <-> Lua ----------------------------------------------------------------------------------

// The value at `index` as data (lua_json::read), or a ScriptError at `site` saying why it is not data.
json::value LuaSandbox::State::to_json(int index, const ScriptSite& site) {
    try {
        return lua_json::read(L, index);
    } catch (const lua_json::DataError& e) {
        fail(e.what(), site);
    }
}

// --- LuaSandbox ------------------------------------------------------------------------------------

LuaSandbox::LuaSandbox(std::string unit, fs::path scripts_root, SandboxLimits limits) : unit_(std::move(unit)) {
    if (!unit_.empty() && !is_safe_unit_name(unit_))
        throw UsageError("'" + unit_ + "' is not a valid unit name: use letters, digits, '_', '-' and '.', not "
                         "starting with '.', at most 64 bytes",
                         "--unit");
    state_ = std::make_unique<State>(unit_, std::move(scripts_root), limits);
}

LuaSandbox::~LuaSandbox() = default;

bool LuaSandbox::has(std::string_view module, std::string_view entry) {
    State& s = *state_;
    State::Module* found = s.find_module(module, false);
    if (!found) return false;
    StackGuard guard(s.L);
    s.push_entry(*found, entry, s.site_of(*found, entry));
    return !lua_isnil(s.L, -1);
}

// Pushes module[entry], which must be a function, and returns its site (file and line of its definition).
ScriptSite LuaSandbox::State::push_function(std::string_view module, std::string_view entry) {
    Module& found = *find_module(module, true);
    ScriptSite site = site_of(found, entry);
    push_entry(found, entry, site);
    int type = lua_type(L, -1);
    if (type == LUA_TNIL) fail("the module '" + std::string(module) + "' has no function '" + std::string(entry) + "'", site);
    if (type != LUA_TFUNCTION) fail("'" + std::string(entry) + "' is " + kind_name(type) + ", not a function: it is read as data", site);
    lua_Debug ar;
    lua_pushvalue(L, -1);
    if (lua_getinfo(L, ">S", &ar) && ar.source[0] == '@') {
        site.file = ar.source + 1;
        site.line = std::max(ar.linedefined, 0);
    }
    return site;
}

// Calls the function at `function` with `args`, then the `shared_count` values from stack index `shared`
// on, and returns its first result as JSON.
json::value LuaSandbox::State::call_function(int function, const json::array& args, const ScriptSite& site, int shared,
                                             int shared_count) {
    StackGuard guard(L);
    if (!lua_checkstack(L, static_cast<int>(std::min<std::size_t>(args.size(), 100'000)) + shared_count + 8))
        fail("too many arguments for the Lua stack", site);
    lua_pushvalue(L, function);
    for (const auto& arg : args) lua_json::push(L, arg);
    for (int i = 0; i < shared_count; ++i) lua_pushvalue(L, shared + i);
    int status = run_protected(static_cast<int>(args.size()) + shared_count, 1);
    if (status != LUA_OK) throw_failure(status, site);
    return to_json(-1, site);
}

ScriptValue LuaSandbox::call(std::string_view module, std::string_view entry, const json::array& args) {
    State& s = *state_;
    StackGuard guard(s.L);
    ScriptSite site = s.push_function(module, entry);
    json::value result = s.call_function(lua_gettop(s.L), args, site);
    return ScriptValue{std::move(result), std::move(site)};
}

ScriptValues LuaSandbox::call_each(std::string_view module, std::string_view entry, const std::vector<json::array>& calls,
                                   const json::array& shared) {
    State& s = *state_;
    StackGuard guard(s.L);
    ScriptValues out{{}, s.push_function(module, entry)};
    const int function = lua_gettop(s.L);
    if (!lua_checkstack(s.L, static_cast<int>(std::min<std::size_t>(shared.size(), 100'000)) + 8))
        s.fail("too many arguments for the Lua stack", out.site);
    for (const auto& arg : shared) lua_json::push(s.L, arg);
    const int shared_count = static_cast<int>(shared.size());
    out.values.reserve(calls.size());
    for (const auto& args : calls) out.values.push_back(s.call_function(function, args, out.site, function + 1, shared_count));
    return out;
}

ScriptValue LuaSandbox::get(std::string_view module, std::string_view entry) {
    State& s = *state_;
    State::Module& found = *s.find_module(module, true);
    StackGuard guard(s.L);
    ScriptSite site = s.site_of(found, entry);
    s.push_entry(found, entry, site);
    int type = lua_type(s.L, -1);
    if (type == LUA_TNIL) s.fail("the module '" + std::string(module) + "' has no entry '" + std::string(entry) + "'", site);
    if (type == LUA_TFUNCTION) s.fail("'" + std::string(entry) + "' is a function: it must be called, not read as data", site);
    return ScriptValue{s.to_json(-1, site), site};
}

std::string LuaSandbox::file_of(std::string_view module) {
    State& s = *state_;
    check_module_name(module);
    fs::path file = s.resolve(module);
    if (file.empty()) s.not_found(module);
    return file.string();
}

void LuaSandbox::load_file_as(std::string_view module, const fs::path& file) {
    State& s = *state_;
    check_module_name(module);
    if (!is_file(file)) throw NotFoundError("there is no file " + file.string());
    s.drop(module);
    s.pinned[std::string(module)] = file;
    s.find_module(module, true);
}

std::size_t LuaSandbox::memory_in_use() const { return state_->used; }

const ScriptSite& LuaSandbox::last_error_site() const { return state_->last_error; }

bool is_safe_unit_name(std::string_view unit) {
    if (unit.empty() || unit.size() > 64 || unit.front() == '.') return false;
    char32_t code = 0;
    for (std::size_t i = 0; i < unit.size();) {
        auto c = static_cast<unsigned char>(unit[i]);
        if (c < 0x80) {
            bool ascii_ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                            c == '-' || c == '.';
            if (!ascii_ok) return false;
            ++i;
            continue;
        }
        std::size_t length = utf8_text::sequence(unit, i, code);
        if (length == 0 || !name_character(code)) return false;
        i += length;
    }
    return true;
}

}  // namespace jobcenter
