// Tests of the Lua sandbox: module lookup and reload, Lua <-> JSON, error sites, and hostile scripts
// (endless loops, memory bombs, escapes, tampering with built-ins) that must each be stopped with a
// clear ScriptError inside the budget while the sandbox keeps working for the next call.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "lua_sandbox.hpp"
#include "script_error.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;
using ::testing::HasSubstr;

SandboxLimits small_limits() {
    SandboxLimits limits;
    limits.memory_bytes = 8u << 20;
    limits.instructions_per_call = 5'000'000;
    limits.time_per_call = std::chrono::milliseconds(500);
    return limits;
}

class SandboxTest : public ::testing::Test {
protected:
    void SetUp() override {
        defaults("good", "local M = {}\n"
                         "function M.double(x) return x * 2 end\n"
                         "function M.format(x) return string.format('%05.1f', x) .. ('!'):rep(2) end\n"
                         "function M.protected() return pcall(error, 'x') end\n"
                         "M.answer = 42\n"
                         "return M\n");
    }

    fs::path root() const { return dir_.path(); }
    fs::path defaults(const std::string& module, const std::string& text) {
        auto path = dir_ / ("defaults/" + module + ".lua");
        write_file(path, text);
        return path;
    }
    fs::path unit_file(const std::string& unit, const std::string& module, const std::string& text) {
        auto path = dir_ / ("units/" + unit + "/" + module + ".lua");
        write_file(path, text);
        return path;
    }
    std::unique_ptr<LuaSandbox> sandbox(const std::string& unit = "pakila", SandboxLimits limits = small_limits()) {
        return std::make_unique<LuaSandbox>(unit, root(), limits);
    }

    // The sandbox still runs a well-behaved module, with string, pcall and methods intact.
    static void expect_healthy(LuaSandbox& box) {
        EXPECT_EQ(box.call("good", "double", json::array{21}).value, json::value(42));
        EXPECT_EQ(box.call("good", "format", json::array{3.14159}).value, json::value("003.1!!"));
        EXPECT_EQ(box.call("good", "protected", {}).value, json::value(false));
        EXPECT_EQ(box.get("good", "answer").value, json::value(42));
    }

private:
    TempDir dir_;
};

// --- lookup, defaults(), reload --------------------------------------------------------------------

TEST_F(SandboxTest, UnitWithoutItsOwnFileUsesTheDefaults) {
    defaults("pricing", "return { coefficient = function() return 1.45 end }");
    auto box = sandbox("pakila");
    EXPECT_TRUE(box->has("pricing", "coefficient"));
    EXPECT_EQ(box->call("pricing", "coefficient", {}).value, json::value(1.45));
    EXPECT_EQ(box->file_of("pricing"), (root() / "defaults/pricing.lua").string());
}

TEST_F(SandboxTest, UnitFileOverridesTheDefaults) {
    defaults("pricing", "return { coefficient = function() return 1.45 end }");
    auto file = unit_file("pakila", "pricing", "return { coefficient = function() return 1.6 end }");
    auto box = sandbox("pakila");
    EXPECT_EQ(box->call("pricing", "coefficient", {}).value, json::value(1.6));
    EXPECT_EQ(box->file_of("pricing"), file.string());
    auto other = sandbox("malmi");
    EXPECT_EQ(other->call("pricing", "coefficient", {}).value, json::value(1.45));
}

TEST_F(SandboxTest, EmptyUnitUsesOnlyTheDefaults) {
    defaults("pricing", "return { rate = 3 }");
    auto box = sandbox("");
    EXPECT_EQ(box->get("pricing", "rate").value, json::value(3));
    EXPECT_EQ(box->unit(), "");
}

TEST_F(SandboxTest, DefaultsFunctionGivesTheDefaultsTableToChange) {
    defaults("pricing", "local M = {}\n"
                        "M.rows = { 1.45, 2.0 }\n"
                        "function M.coefficient(i) return M.rows[i] end\n"
                        "function M.name() return 'defaults' end\n"
                        "return M\n");
    unit_file("pakila", "pricing", "local M = defaults()\n"
                                   "M.rows[#M.rows + 1] = 3.5\n"
                                   "function M.name() return 'pakila' end\n"
                                   "return M\n");
    auto box = sandbox("pakila");
    EXPECT_EQ(box->call("pricing", "coefficient", json::array{3}).value, json::value(3.5));
    EXPECT_EQ(box->call("pricing", "name", {}).value, json::value("pakila"));
    // The inherited function is reported where it was written, in the defaults file.
    auto v = box->call("pricing", "coefficient", json::array{1});
    EXPECT_EQ(v.site.file, (root() / "defaults/pricing.lua").string());
    EXPECT_EQ(v.site.line, 3);
    EXPECT_EQ(v.site.entry, "coefficient");
    EXPECT_EQ(v.site.unit, "pakila");
}

TEST_F(SandboxTest, DefaultsWithoutADefaultsFileFails) {
    unit_file("pakila", "lonely", "local M = defaults()\nreturn M\n");
    auto box = sandbox("pakila");
    auto e = script_error([&] { box->get("lonely", "x"); });
    EXPECT_THAT(e.what(), HasSubstr("no defaults for module 'lonely'"));
    EXPECT_THAT(e.where(), HasSubstr("lonely.lua:1"));
}

TEST_F(SandboxTest, ReloadsWhenTheFileChanges) {
    auto file = defaults("pricing", "return { coefficient = function() return 1.45 end }");
    auto box = sandbox("pakila");
    EXPECT_EQ(box->call("pricing", "coefficient", {}).value, json::value(1.45));
    auto before = fs::last_write_time(file);
    write_file(file, "return { coefficient = function() return 1.55 end }");
    fs::last_write_time(file, before + std::chrono::seconds(2));
    EXPECT_EQ(box->call("pricing", "coefficient", {}).value, json::value(1.55));
}

// A server trusts a module's files for `recheck_files` after looking at them, then sees the change.
TEST_F(SandboxTest, LooksAtTheFilesAgainOnlyAfterTheRecheckInterval) {
    auto file = defaults("pricing", "return { coefficient = 1.45 }");
    SandboxLimits limits = small_limits();
    limits.recheck_files = std::chrono::milliseconds(300);
    auto box = sandbox("pakila", limits);
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.45));
    auto before = fs::last_write_time(file);
    write_file(file, "return { coefficient = 1.55 }");
    fs::last_write_time(file, before + std::chrono::seconds(2));
    unit_file("pakila", "pricing", "return { coefficient = 1.9 }");
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.45));
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.9));
}

TEST_F(SandboxTest, ReloadsWhenAUnitFileAppearsOrDisappears) {
    defaults("pricing", "return { coefficient = 1.45 }");
    auto box = sandbox("pakila");
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.45));
    auto file = unit_file("pakila", "pricing", "return { coefficient = 1.9 }");
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.9));
    fs::remove(file);
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.45));
}

TEST_F(SandboxTest, ReloadsAUnitFileWhenTheDefaultsItUsesChange) {
    auto file = defaults("pricing", "return { coefficient = 1.45, name = 'd' }");
    unit_file("pakila", "pricing", "local M = defaults()\nM.name = 'u'\nreturn M\n");
    auto box = sandbox("pakila");
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.45));
    auto before = fs::last_write_time(file);
    write_file(file, "return { coefficient = 1.75, name = 'd' }");
    fs::last_write_time(file, before + std::chrono::seconds(2));
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.75));
    EXPECT_EQ(box->get("pricing", "name").value, json::value("u"));
}

TEST_F(SandboxTest, AFailedReloadDoesNotKeepTheOldRules) {
    auto file = defaults("pricing", "return { coefficient = 1.45 }");
    auto box = sandbox("pakila");
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(1.45));
    auto before = fs::last_write_time(file);
    write_file(file, "return { coefficient = ");
    fs::last_write_time(file, before + std::chrono::seconds(2));
    auto e = script_error([&] { box->get("pricing", "coefficient"); });
    EXPECT_THAT(e.where(), HasSubstr("pricing.lua:1"));
    EXPECT_THAT(script_error([&] { box->get("pricing", "coefficient"); }).where(), HasSubstr("pricing.lua:1"));
    write_file(file, "return { coefficient = 2 }");
    fs::last_write_time(file, before + std::chrono::seconds(4));
    EXPECT_EQ(box->get("pricing", "coefficient").value, json::value(2));
}

TEST_F(SandboxTest, MissingModuleNamesBothPaths) {
    auto box = sandbox("pakila");
    EXPECT_FALSE(box->has("nothing", "x"));
    try {
        box->call("nothing", "x", {});
        FAIL() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_THAT(e.what(), HasSubstr((root() / "units/pakila/nothing.lua").string()));
        EXPECT_THAT(e.what(), HasSubstr((root() / "defaults/nothing.lua").string()));
        EXPECT_EQ(e.code(), ExitCode::not_found);
    }
    EXPECT_THROW(box->file_of("nothing"), NotFoundError);
}

TEST_F(SandboxTest, FileThatDoesNotReturnATableIsRefused) {
    auto file = defaults("broken", "local x = 1\nreturn 42\n");
    auto box = sandbox();
    auto e = script_error([&] { box->get("broken", "x"); });
    EXPECT_THAT(e.what(), HasSubstr("must return a table"));
    EXPECT_THAT(e.what(), HasSubstr("a number"));
    EXPECT_THAT(e.where(), HasSubstr(file.string()));
    EXPECT_THAT(e.where(), HasSubstr("unit pakila"));
    EXPECT_EQ(e.code(), ExitCode::script);
}

TEST_F(SandboxTest, SyntaxErrorNamesFileAndLine) {
    auto file = defaults("broken", "local M = {}\n\nfunction M.f()\n  return 1 +\nend\nreturn M\n");
    auto box = sandbox();
    auto e = script_error([&] { box->call("broken", "f", {}); });
    EXPECT_EQ(e.where(), "unit pakila, " + file.string() + ":5");
    EXPECT_THAT(e.what(), HasSubstr("unexpected symbol near 'end'"));
    EXPECT_EQ(box->last_error_site().line, 5);
    expect_healthy(*box);
}

TEST_F(SandboxTest, RuntimeErrorNamesFileLineAndEntry) {
    auto file = defaults("rules", "local M = {}\n"
                                  "local function helper(x)\n"
                                  "  return x.field\n"
                                  "end\n"
                                  "function M.run(x)\n"
                                  "  local value = helper(x)\n"
                                  "  return value\n"
                                  "end\n"
                                  "function M.fail() error('no coefficient for contract') end\n"
                                  "return M\n");
    auto box = sandbox("pakila");
    auto e = script_error([&] { box->call("rules", "run", json::array{nullptr}); });
    EXPECT_EQ(e.where(), "unit pakila, " + file.string() + ":3, run");
    EXPECT_THAT(e.what(), HasSubstr("attempt to index a nil value (local 'x')"));
    EXPECT_THAT(e.what(), HasSubstr("stack traceback"));
    auto f = script_error([&] { box->call("rules", "fail", {}); });
    EXPECT_EQ(f.where(), "unit pakila, " + file.string() + ":9, fail");
    EXPECT_EQ(std::string(f.what()), "no coefficient for contract");
    auto g = sandbox("");
    EXPECT_THAT(script_error([&] { g->call("rules", "fail", {}); }).where(), HasSubstr("unit (defaults), "));
}

TEST_F(SandboxTest, CallEachGivesEveryResultInOrderWithOneSite) {
    auto file = defaults("batch", "local M = {}\n"
                                  "function M.pair(a, b) return {sum = a + b, first = a} end\n"
                                  "function M.spin(n) local x = 0; for i = 1, n do x = x + 1 end; return x end\n"
                                  "function M.picky(x) if x == 3 then error('three is refused') end; return x end\n"
                                  "return M\n");
    auto box = sandbox();
    const std::vector<json::array> calls{{1, 2}, {10, 20}, {-1, 1}};
    auto batch = box->call_each("batch", "pair", calls);
    ASSERT_EQ(batch.values.size(), 3u);
    for (std::size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(batch.values[i], box->call("batch", "pair", calls[i]).value);
    EXPECT_EQ(batch.site.file, file.string());
    EXPECT_EQ(batch.site.line, 2);
    EXPECT_TRUE(box->call_each("batch", "pair", {}).values.empty());
    // Each call has the whole budget (5,000,000 instructions): five calls of about 3,000,000 each pass.
    auto spins = box->call_each("batch", "spin", std::vector<json::array>(5, json::array{700000}));
    EXPECT_EQ(spins.values.back(), json::value(700000));
    // A failing call stops the batch with the error of a single call, and the sandbox goes on working.
    auto e = script_error([&] { box->call_each("batch", "picky", {{1}, {2}, {3}, {4}}); });
    EXPECT_EQ(e.where(), "unit pakila, " + file.string() + ":4, picky");
    EXPECT_THAT(e.what(), HasSubstr("three is refused"));
    expect_healthy(*box);
}

TEST_F(SandboxTest, CallEachSeesAChangedFileFromTheNextBatch) {
    auto file = defaults("batch", "return { f = function(x) return x end }\n");
    auto box = sandbox();
    EXPECT_EQ(box->call_each("batch", "f", {{1}}).values.front(), json::value(1));
    auto before = fs::last_write_time(file);
    write_file(file, "return { f = function(x) return x * 100 end }\n");
    fs::last_write_time(file, before + std::chrono::seconds(2));
    EXPECT_EQ(box->call_each("batch", "f", {{1}}).values.front(), json::value(100));
}

TEST_F(SandboxTest, HasGetAndCallCheckTheEntry) {
    defaults("mixed", "return { f = function() return 1 end, n = 2, t = { 1, 2 }, s = 'x', b = false }");
    auto box = sandbox();
    EXPECT_TRUE(box->has("mixed", "f"));
    EXPECT_TRUE(box->has("mixed", "b"));
    EXPECT_FALSE(box->has("mixed", "missing"));
    EXPECT_THAT(script_error([&] { box->get("mixed", "f"); }).what(), HasSubstr("is a function"));
    EXPECT_THAT(script_error([&] { box->call("mixed", "n", {}); }).what(), HasSubstr("not a function"));
    EXPECT_THAT(script_error([&] { box->call("mixed", "missing", {}); }).what(), HasSubstr("no function 'missing'"));
    EXPECT_THAT(script_error([&] { box->get("mixed", "missing"); }).what(), HasSubstr("no entry 'missing'"));
    EXPECT_EQ(box->get("mixed", "b").value, json::value(false));
}

TEST_F(SandboxTest, EntryReadThroughAnIndexMetamethod) {
    defaults("base", "return { inherited = 7 }");
    unit_file("pakila", "base", "return setmetatable({ own = 1 }, { __index = defaults() })");
    auto box = sandbox();
    EXPECT_TRUE(box->has("base", "inherited"));
    EXPECT_EQ(box->get("base", "inherited").value, json::value(7));
}

TEST_F(SandboxTest, UnsafeUnitAndModuleNamesAreRejected) {
    for (const char* name : {"../x", ".hidden", "a/b", "a\\b", "..", "a b", "tab\t"})
        EXPECT_THROW((LuaSandbox{name, root()}), UsageError) << name;
    EXPECT_FALSE(is_safe_unit_name(""));
    EXPECT_FALSE(is_safe_unit_name("../x"));
    EXPECT_FALSE(is_safe_unit_name(".hidden"));
    EXPECT_FALSE(is_safe_unit_name("a/b"));
    EXPECT_FALSE(is_safe_unit_name(std::string(65, 'a')));
    EXPECT_FALSE(is_safe_unit_name("bad\xff"));
    EXPECT_TRUE(is_safe_unit_name(std::string(64, 'a')));
    EXPECT_TRUE(is_safe_unit_name("pakila"));
    EXPECT_TRUE(is_safe_unit_name("Malmi_2-b.v"));
    EXPECT_TRUE(is_safe_unit_name("Töölö"));
    EXPECT_NO_THROW((LuaSandbox{"", root()}));
    auto box = sandbox();
    EXPECT_THROW(box->get("../defaults/good", "answer"), UsageError);
    EXPECT_THROW(box->has("a/b", "x"), UsageError);
}

// --- Lua <-> JSON ----------------------------------------------------------------------------------

TEST_F(SandboxTest, ConvertsLuaValuesToJson) {
    defaults("data", "return {\n"
                     "  list = { 1, 2.5, 'three', true },\n"
                     "  object = { a = 1, b = { c = 'd' } },\n"
                     "  empty = {},\n"
                     "  integer = 3, float = 3.0, negative = -7,\n"
                     "  sparse = { [1] = 'a', [3] = 'c' },\n"
                     "  nested = { { x = 1 }, { x = 2, list = { 'p', 'q' } } },\n"
                     "  text = 'Töölö',\n"
                     "  echo = function(...) return { ... } end,\n"
                     "  first = function(x) return x end,\n"
                     "  kind = function(x) return math.type(x) or type(x) end,\n"
                     "}\n");
    auto box = sandbox();
    EXPECT_EQ(box->get("data", "list").value, json::parse(R"([1, 2.5, "three", true])"));
    EXPECT_EQ(box->get("data", "object").value, json::parse(R"({"a": 1, "b": {"c": "d"}})"));
    EXPECT_EQ(box->get("data", "empty").value, json::object{});
    EXPECT_TRUE(box->get("data", "integer").value.is_int64());
    EXPECT_TRUE(box->get("data", "float").value.is_double());
    EXPECT_EQ(box->get("data", "negative").value, json::value(-7));
    EXPECT_EQ(box->get("data", "sparse").value, json::parse(R"({"1": "a", "3": "c"})"));
    EXPECT_EQ(box->get("data", "nested").value, json::parse(R"([{"x": 1}, {"x": 2, "list": ["p", "q"]}])"));
    EXPECT_EQ(box->get("data", "text").value, json::value("Töölö"));

    json::array args{json::parse(R"({"a": [1, 2, {"b": "x"}], "c": "d"})")};
    EXPECT_EQ(box->call("data", "first", json::array{args[0]}).value, args[0]);
    EXPECT_EQ(box->call("data", "kind", json::array{5}).value, json::value("integer"));
    EXPECT_EQ(box->call("data", "kind", json::array{2.5}).value, json::value("float"));
    EXPECT_EQ(box->call("data", "kind", json::array{std::uint64_t{7}}).value, json::value("integer"));
    EXPECT_EQ(box->call("data", "kind", json::array{nullptr}).value, json::value("nil"));
    // json::value(...): clang reads json::array{json::array{}} as a copy of the empty array, gcc as an array of one.
    EXPECT_EQ(box->call("data", "kind", json::array{json::value(json::array{})}).value, json::value("table"));
    EXPECT_EQ(box->call("data", "echo", json::array{1, "two", false}).value, json::parse(R"([1, "two", false])"));
    EXPECT_EQ(box->call("data", "first", {}).value, json::value(nullptr));
}

TEST_F(SandboxTest, NestedArgumentsComeBackUnchangedThroughACall) {
    defaults("echo", "local M = {}\n"
                     "function M.same(x) return x end\n"
                     "function M.both(a, b) return { first = a, second = b } end\n"
                     "return M\n");
    auto box = sandbox();
    auto record = json::parse(R"({"name": "Töölön kirjasto", "ids": [1, -2, 9007199254740993], "ratio": 0.5,
                                  "open": true, "units": [{"unit": "pakila", "rooms": [[1, 2], [3]]}],
                                  "empty": {"inner": {"x": "y"}}})");
    EXPECT_EQ(box->call("echo", "same", json::array{record}).value, record);
    json::value deep = "bottom";
    for (int i = 0; i < 30; ++i) deep = json::array{deep};
    EXPECT_EQ(box->call("echo", "same", json::array{deep}).value, deep);
    EXPECT_EQ(box->call("echo", "both", json::array{record, deep}).value,
              (json::object{{"first", record}, {"second", deep}}));
}

TEST_F(SandboxTest, RefusesValuesThatAreNotData) {
    defaults("bad", "local M = {}\n"
                    "function M.fn() return print end\n"
                    "function M.nan() return 0/0 end\n"
                    "function M.inf() return math.huge end\n"
                    "function M.ninf() return -math.huge end\n"
                    "function M.cycle() local t = {} t.self = t return t end\n"
                    "function M.boolkey() return { [true] = 1 } end\n"
                    "function M.floatkey() return { [1.5] = 1 } end\n"
                    "function M.huge() local t = {} for i = 1, 200000 do t[i] = i end return t end\n"
                    "function M.deep() local t = {} for i = 1, 40 do t = { t } end return t end\n"
                    "function M.clash() return { [1] = 'a', ['1'] = 'b', x = 1 } end\n"
                    "function M.bytes() return '\\xff\\xfe' end\n"
                    "function M.nested_fn() return { a = { b = function() end } } end\n"
                    "return M\n");
    auto box = sandbox("pakila", SandboxLimits{32u << 20, 50'000'000, std::chrono::milliseconds(2000)});
    auto call = [&](const char* entry) { return script_error([&] { box->call("bad", entry, {}); }); };
    EXPECT_THAT(call("fn").what(), HasSubstr("returned a function where data was expected"));
    auto nan = call("nan");
    EXPECT_THAT(nan.what(), HasSubstr("returned NaN"));
    EXPECT_THAT(nan.where(), HasSubstr("bad.lua:3, nan"));
    EXPECT_THAT(call("inf").what(), HasSubstr("returned infinity"));
    EXPECT_THAT(call("ninf").what(), HasSubstr("returned -infinity"));
    EXPECT_THAT(call("cycle").what(), HasSubstr("nested deeper than 32 levels"));
    EXPECT_THAT(call("boolkey").what(), HasSubstr("a boolean as a key"));
    EXPECT_THAT(call("floatkey").what(), HasSubstr("a number as a key"));
    EXPECT_THAT(call("huge").what(), HasSubstr("more than 100000 values"));
    EXPECT_THAT(call("deep").what(), HasSubstr("nested deeper"));
    EXPECT_THAT(call("clash").what(), HasSubstr("both 1 and \"1\""));
    EXPECT_THAT(call("bytes").what(), HasSubstr("not valid UTF-8"));
    EXPECT_THAT(call("nested_fn").what(), HasSubstr("a function where data"));
    expect_healthy(*box);
}

// --- hostile scripts -------------------------------------------------------------------------------

class HostileTest : public SandboxTest {
protected:
    void SetUp() override {
        SandboxTest::SetUp();
        file_ = defaults("hostile", R"(local M = {}
function M.loop() while true do end end
function M.loop_in_pcall()
  while true do pcall(function() while true do end end) end
end
function M.loop_in_xpcall()
  for i = 1, 10 do
    xpcall(function() while true do end end, function() while true do end end)
  end
  return "survived"
end
function M.swallow() return pcall(function() while true do end end) end
function M.swallow_x() return xpcall(function() while true do end end, function() while true do end end) end
function M.close_loop()
  local guard <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end
function M.grow() local t = {} while true do t[#t + 1] = { i = #t } end end
function M.grow_in_pcall()
  local n = 0
  while true do
    pcall(function() local t = {} while true do t[#t + 1] = tostring(#t) end end)
    n = n + 1
  end
end
function M.rep() return #string.rep("x", 2^30) end
function M.rep_method() return #("y"):rep(1 << 28, ",") end
function M.concat() local t = {} for i = 1, 1e6 do t[i] = "abcdefghij" end return table.concat(t) end
function M.os() return os.execute("touch /tmp/jobcenter-pwned") end
function M.io() return io.open("/etc/passwd"):read("a") end
function M.require() return require("os") end
function M.package() return package.loadlib("libc.so.6", "system") end
function M.dofile() return dofile("/etc/passwd") end
function M.loadfile() return loadfile("/etc/passwd") end
function M.binary() return load("\27Lua\84\0\25\147\r\n\26\n\4\8\8\120\86\0\0") end
function M.binary_mode() return load("\27Lua\84\0", "x", "b") end
function M.dump() return load(string.dump(function() return 1 end)) end
function M.debug() debug.sethook(function() end, "", 1) end
function M.coroutine()
  local co = coroutine.wrap(function() while true do coroutine.yield(1) end end)
  while true do co() end
end
function M.coroutine_is_nil() return coroutine == nil end
function M.gc() local t = setmetatable({}, { __gc = function() while true do end end }) end
function M.collect() collectgarbage("stop") end
function M.count() return type(collectgarbage("count")) end
function M.recurse() local function f(n) return f(n + 1) + 1 end return f(1) end
function M.index_loop() local t = setmetatable({}, { __index = function(t, k) return t[k] end }) return t.x end
function M.error_table() error({ code = 1 }) end
function M.error_nil() error(nil) end
function M.error_number() error(42) end
function M.error_tostring()
  error(setmetatable({}, { __tostring = function() while true do end end }))
end
function M.kill_pattern() return string.find(string.rep("a", 5000), string.rep("a*", 8) .. "b") end
function M.kill_pattern_method() return ("a"):rep(3000):match(("a?"):rep(60) .. "b") end
function M.plain_find() return string.find(string.rep("a", 1e6), string.rep("a", 5e5) .. "b", 1, true) end
function M.trim() return ("  padded  "):match("^%s*(.-)%s*$") end
function M.gmatch() local n = 0 for w in ("a,b,c"):gmatch("[^,]+") do n = n + 1 end return n end
function M.text_load() return load("return 1 + x", "chunk", "t", { x = 41 })() end
function M.text_load_plain() return load("return 1")() end
function M.text_load_error() return load("return +") end
function M.load_env_isolated() load("leaked = 1")() return leaked end
function M.print() print("hello") return "quiet" end
function M.insert_front() local t = {} for i = 1, 1e6 do table.insert(t, 1, i) end end
function M.sort_many() local t = {} for i = 1, 1e5 do t[i] = -i end for _ = 1, 1e3 do table.sort(t) end end
function M.scan_many()
  local s = string.rep("a", 1 << 20)
  for _ = 1, 1e6 do s:find("b", 1, true) end
end
function M.table_ops()
  local t = { 3, 1, 2 }
  table.sort(t)
  table.insert(t, 4)
  table.insert(t, 1, 0)
  local removed = table.remove(t, 1)
  local moved = table.move(t, 1, 2, 1, {})
  return { table.concat(t, ","), removed, #moved, select("#", table.unpack(t)) }
end
function M.pairs_escape() local _, real = pairs(string) real.rep = nil end
function M.pairs_count() local n = 0 for k, v in pairs(string) do n = n + 1 end return n end
function M.xpcall_ok()
  return select(2, xpcall(function(a) error("boom " .. a, 0) end, function(m) return "handled: " .. m end, "x"))
end
function M.pcall_ok() local ok, e = pcall(error, { code = 7 }) return { ok = ok, code = e.code } end
return M
)");
    }
    fs::path file_;
};

// Runs `entry`, expects a ScriptError containing `message` well inside the budget, then checks the
// sandbox still serves a good module.
#define EXPECT_STOPPED(box, entry, message)                                                        \
    do {                                                                                           \
        auto started_ = std::chrono::steady_clock::now();                                          \
        auto error_ = script_error([&] { (box).call("hostile", entry, {}); });                     \
        auto took_ = std::chrono::steady_clock::now() - started_;                                  \
        EXPECT_THAT(error_.what(), HasSubstr(message)) << entry;                                   \
        EXPECT_THAT(error_.where(), HasSubstr("hostile.lua")) << entry;                            \
        EXPECT_LT(took_, std::chrono::seconds(5)) << entry;                                        \
        expect_healthy(box);                                                                       \
    } while (false)

TEST_F(HostileTest, EndlessLoopsAreStoppedByTheInstructionBudget) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "loop", "script exceeded its instruction budget (5000000 instructions)");
    EXPECT_STOPPED(*box, "loop_in_pcall", "script exceeded its instruction budget");
    EXPECT_STOPPED(*box, "loop_in_xpcall", "script exceeded its instruction budget");
    EXPECT_STOPPED(*box, "close_loop", "script exceeded its instruction budget");
    EXPECT_STOPPED(*box, "swallow", "script exceeded its instruction budget");
    EXPECT_STOPPED(*box, "swallow_x", "script exceeded its instruction budget");
    auto e = script_error([&] { box->call("hostile", "loop", {}); });
    EXPECT_EQ(e.where(), "unit pakila, " + file_.string() + ":2, loop");
}

TEST_F(HostileTest, QuadraticCWorkIsChargedToTheBudget) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "insert_front", "script exceeded its instruction budget");
    EXPECT_STOPPED(*box, "sort_many", "script exceeded its instruction budget");
    EXPECT_STOPPED(*box, "scan_many", "script exceeded its instruction budget");
    EXPECT_EQ(box->call("hostile", "table_ops", {}).value, json::parse(R"(["1,2,3,4", 0, 2, 4])"));
}

TEST_F(HostileTest, EndlessLoopIsStoppedByTheTimeLimit) {
    SandboxLimits limits = small_limits();
    limits.instructions_per_call = 1'000'000'000'000;
    limits.time_per_call = std::chrono::milliseconds(200);
    auto box = sandbox("pakila", limits);
    auto started = std::chrono::steady_clock::now();
    EXPECT_STOPPED(*box, "loop", "script exceeded its time limit of 200 ms");
    EXPECT_STOPPED(*box, "loop_in_pcall", "script exceeded its time limit of 200 ms");
    EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(400));
}

TEST_F(HostileTest, MemoryBombsAreStoppedByTheMemoryLimit) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "grow", "script exceeded its memory limit of 8 MiB");
    EXPECT_STOPPED(*box, "grow_in_pcall", "script exceeded its memory limit of 8 MiB");
    EXPECT_STOPPED(*box, "rep", "script exceeded its memory limit of 8 MiB");
    EXPECT_STOPPED(*box, "rep_method", "script exceeded its memory limit of 8 MiB");
    EXPECT_STOPPED(*box, "concat", "script exceeded its memory limit of 8 MiB");
    EXPECT_LT(box->memory_in_use(), std::size_t{2} << 20);
    EXPECT_GT(box->memory_in_use(), 0u);
}

TEST_F(HostileTest, MemoryLimitAppliesToLoadingToo) {
    defaults("fat", "local t = {} for i = 1, 1e7 do t[i] = i end return t");
    auto box = sandbox();
    EXPECT_THAT(script_error([&] { box->get("fat", "x"); }).what(), HasSubstr("memory limit of 8 MiB"));
    expect_healthy(*box);
}

TEST_F(HostileTest, LoadingIsUnderTheBudget) {
    defaults("spin", "while true do end");
    auto box = sandbox();
    auto e = script_error([&] { box->has("spin", "x"); });
    EXPECT_THAT(e.what(), HasSubstr("instruction budget"));
    EXPECT_THAT(e.where(), HasSubstr("spin.lua:1"));
    expect_healthy(*box);
}

TEST_F(HostileTest, NoWayOutToTheSystem) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "os", "attempt to index a nil value (global 'os')");
    EXPECT_STOPPED(*box, "io", "attempt to index a nil value (global 'io')");
    EXPECT_STOPPED(*box, "require", "attempt to call a nil value (global 'require')");
    EXPECT_STOPPED(*box, "package", "global 'package'");
    EXPECT_STOPPED(*box, "dofile", "global 'dofile'");
    EXPECT_STOPPED(*box, "loadfile", "global 'loadfile'");
    EXPECT_STOPPED(*box, "debug", "attempt to index a nil value (global 'debug')");
    EXPECT_FALSE(fs::exists("/tmp/jobcenter-pwned"));
}

TEST_F(HostileTest, BinaryChunksAreRefused) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "binary", "binary chunks are not allowed");
    EXPECT_STOPPED(*box, "binary_mode", "binary chunks are not allowed");
    EXPECT_STOPPED(*box, "dump", "attempt to call a nil value (field 'dump')");
}

TEST_F(HostileTest, TextLoadStillWorks) {
    auto box = sandbox();
    EXPECT_EQ(box->call("hostile", "text_load", {}).value, json::value(42));
    EXPECT_EQ(box->call("hostile", "text_load_plain", {}).value, json::value(1));
    // A syntax error follows load's convention: nil (the message is the second result).
    EXPECT_EQ(box->call("hostile", "text_load_error", {}).value, json::value(nullptr));
    // A chunk without an environment of its own gets a fresh one, not the module's.
    EXPECT_EQ(box->call("hostile", "load_env_isolated", {}).value, json::value(nullptr));
}

TEST_F(HostileTest, PcallAndXpcallStillWorkForOrdinaryErrors) {
    auto box = sandbox();
    EXPECT_EQ(box->call("hostile", "xpcall_ok", {}).value, json::value("handled: boom x"));
    EXPECT_EQ(box->call("hostile", "pcall_ok", {}).value, json::parse(R"({"ok": false, "code": 7})"));
}

TEST_F(HostileTest, CoroutinesAreNotAvailable) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "coroutine", "attempt to index a nil value (global 'coroutine')");
    EXPECT_EQ(box->call("hostile", "coroutine_is_nil", {}).value, json::value(true));
}

TEST_F(HostileTest, GarbageCollectorIsOffLimits) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "gc", "__gc metamethods are not allowed");
    EXPECT_STOPPED(*box, "collect", "only collectgarbage(\"count\")");
    EXPECT_EQ(box->call("hostile", "count", {}).value, json::value("number"));
}

TEST_F(HostileTest, PrintWritesNothing) {
    auto box = sandbox();
    ::testing::internal::CaptureStdout();
    auto v = box->call("hostile", "print", {});
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
    EXPECT_EQ(v.value, json::value("quiet"));
}

TEST_F(HostileTest, UnboundedRecursionIsAScriptError) {
    SandboxLimits roomy = small_limits();
    roomy.memory_bytes = 256u << 20;
    roomy.instructions_per_call = 100'000'000;
    roomy.time_per_call = std::chrono::milliseconds(5000);
    auto box = sandbox("pakila", roomy);
    EXPECT_STOPPED(*box, "recurse", "stack overflow");
    EXPECT_STOPPED(*box, "index_loop", "stack overflow");
    auto small = sandbox();  // with 8 MiB the stack runs into the memory limit first
    auto e = script_error([&] { small->call("hostile", "recurse", {}); });
    EXPECT_THAT(e.what(), ::testing::AnyOf(HasSubstr("memory limit"), HasSubstr("stack overflow")));
    expect_healthy(*small);
}

TEST_F(HostileTest, ErrorObjectsThatAreNotStrings) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "error_table", "(error object is a table value)");
    EXPECT_STOPPED(*box, "error_nil", "(error object is a nil value)");
    EXPECT_STOPPED(*box, "error_number", "42");
    EXPECT_STOPPED(*box, "error_tostring", "(error object is a table value)");
}

TEST_F(HostileTest, CatastrophicPatternsAreRefused) {
    auto box = sandbox();
    EXPECT_STOPPED(*box, "kill_pattern", "string.find refused");
    EXPECT_STOPPED(*box, "kill_pattern_method", "string.match refused");
    EXPECT_STOPPED(*box, "plain_find", "string.find refused");
    EXPECT_EQ(box->call("hostile", "trim", {}).value, json::value("padded"));
    EXPECT_EQ(box->call("hostile", "gmatch", {}).value, json::value(3));
}

// --- library calls and instructions on long strings ----------------------------------------------

// Loops whose every step is one library call or one VM instruction over a long string. long(n) builds a
// string of n MiB of two-byte characters; digits(n) one of n MiB of digits.
class LongStringTest : public SandboxTest {
protected:
    void SetUp() override {
        SandboxTest::SetUp();
        defaults("long", R"(local M = {}
local function long(mib) return string.rep("\u{E4}", mib << 19) end
local function digits(mib) return string.rep("1", mib << 20) end
function M.utf8_len(mib) local s = long(mib) for i = 1, 1e5 do utf8.len(s) end end
function M.rep(mib) local s = long(mib) for i = 1, 1e5 do local copy = string.rep(s, 1) end end
function M.concat(mib) local t = { long(mib) } for i = 1, 1e5 do local copy = table.concat(t) end end
function M.format(mib) local s = long(mib) for i = 1, 1e5 do local copy = string.format("%s", s) end end
function M.upper(mib) local s = long(mib) for i = 1, 1e5 do local copy = s:upper() end end
function M.reverse(mib) local s = long(mib) for i = 1, 1e5 do local copy = s:reverse() end end
function M.sub(mib) local s = long(mib) for i = 1, 1e5 do local copy = s:sub(2) end end
function M.byte(mib) local s = long(mib) for i = 1, 1e5 do s:byte(1, 100000) end end
function M.codepoint(mib) local s = long(mib) for i = 1, 1e5 do utf8.codepoint(s, 1, 100000) end end
function M.offset(mib) local s = long(mib) for i = 1, 1e5 do utf8.offset(s, -1, #s + 1) utf8.offset(s, 1e7) end end
function M.find(mib) local s = long(mib) for i = 1, 1e5 do s:find("x", 1, true) end end
function M.gsub(mib) local s = long(mib) for i = 1, 1e5 do s:gsub("x", "y") end end
function M.tonumber(mib) local s = digits(mib) for i = 1, 1e5 do tonumber(s) end end
function M.load(mib) local s = "return " .. string.rep(" ", mib << 20) for i = 1, 1e5 do load(s) end end
function M.sort(mib)
  local s, t = long(mib), {}
  for i = 1, 1000 do t[i] = s end
  table.sort(t)
end
function M.less(mib) local s = long(mib) for i = 1, 1e7 do local before = s < s end end
function M.coerce(mib) local s = digits(mib) for i = 1, 1e7 do local n = s + 1 end end
function M.rep_nothing() for i = 1, 10 do local empty = string.rep("", 1.5e9) end return "" end
function M.insert_by_len() table.insert(setmetatable({}, { __len = function() return 2^40 end }), 1, "x") end
function M.sort_by_len() table.sort(setmetatable({}, { __len = function() return 2^30 end })) end
return M
)");
    }
    // Room for a 30 MiB string, a copy and the garbage of the last; a budget only the time can end.
    std::unique_ptr<LuaSandbox> timed_sandbox(std::chrono::milliseconds limit) {
        return sandbox("pakila", SandboxLimits{256u << 20, 1'000'000'000'000, limit});
    }
    // Runs `entry` over a string of `mib` MiB; the ScriptError it fails with and how long the call took.
    std::pair<ScriptError, std::chrono::steady_clock::duration> stopped(LuaSandbox& box, const char* entry, int mib) {
        auto started = std::chrono::steady_clock::now();
        auto error = script_error([&] { box.call("long", entry, json::array{mib}); });
        return {error, std::chrono::steady_clock::now() - started};
    }
};

// The issue's loop and its kin: one step may end after the deadline (a step over 30 MiB that allocates
// takes a while on a busy machine), the next is refused.
TEST_F(LongStringTest, LibraryCallsOverALongStringStopAtTheTimeLimit) {
    constexpr std::chrono::milliseconds limit{500};
    auto box = timed_sandbox(limit);
    for (const char* entry : {"utf8_len", "rep", "concat", "format"}) {
        auto [error, took] = stopped(*box, entry, 30);
        EXPECT_THAT(error.what(), HasSubstr("script exceeded its time limit of 500 ms")) << entry;
        EXPECT_THAT(error.where(), HasSubstr("long.lua")) << entry;
        EXPECT_LT(took, 3 * limit) << entry;
        expect_healthy(*box);
    }
}

// A comparison or a coercion is one VM instruction that reads the whole string: in a state holding a
// long string the hook looks at the clock every few instructions instead of every thousand.
TEST_F(LongStringTest, InstructionsOverALongStringStopAtTheTimeLimit) {
    constexpr std::chrono::milliseconds limit{1000};
    auto box = timed_sandbox(limit);
    for (const char* entry : {"less", "coerce"}) {
        auto [error, took] = stopped(*box, entry, 30);
        EXPECT_THAT(error.what(), HasSubstr("script exceeded its time limit of 1000 ms")) << entry;
        EXPECT_LT(took, limit * 3 / 2) << entry;
        expect_healthy(*box);
    }
}

// With a budget of 5 million instructions, loops of 100,000 steps over a 1 MiB string are stopped by
// what each call is charged: their VM instructions alone stay far below the budget.
TEST_F(LongStringTest, LibraryCallsAreChargedByTheWorkTheyDo) {
    auto box = sandbox();
    for (const char* entry : {"utf8_len", "rep", "concat", "format", "upper", "reverse", "sub", "byte", "codepoint",
                              "offset", "find", "gsub", "tonumber", "load", "sort"}) {
        auto [error, took] = stopped(*box, entry, 1);
        EXPECT_THAT(error.what(), HasSubstr("script exceeded its instruction budget (5000000 instructions)")) << entry;
        expect_healthy(*box);
    }
}

TEST_F(LongStringTest, RepeatingNothingEndsAtOnce) {
    auto box = timed_sandbox(std::chrono::milliseconds(500));
    EXPECT_EQ(box->call("long", "rep_nothing", {}).value, json::value(""));
}

TEST_F(LongStringTest, TableFunctionsRefuseALengthMadeUpByLen) {
    auto box = timed_sandbox(std::chrono::milliseconds(500));
    auto [insert, insert_took] = stopped(*box, "insert_by_len", 0);
    EXPECT_THAT(insert.what(), HasSubstr("table.insert: a table whose length comes from a __len metamethod"));
    EXPECT_THAT(insert.where(), HasSubstr("long.lua:26"));
    auto [sort, sort_took] = stopped(*box, "sort_by_len", 0);
    EXPECT_THAT(sort.what(), HasSubstr("table.sort: a table whose length comes from a __len metamethod"));
    expect_healthy(*box);
}

// Character-by-character work on a few kilobytes of text, as a unit's rules might do, stays well inside
// the default budget with every library call charged.
TEST_F(SandboxTest, OrdinaryTextWorkFitsTheBudget) {
    defaults("text", R"(local M = {}
function M.walk(n)
  local s = string.rep("Kauppa \u{E4}\u{F6} 12, ", n)
  local letters, words = 0, {}
  for i = 1, #s do
    local c = s:sub(i, i)
    if c:match("%a") then letters = letters + 1 end
  end
  for word in s:gmatch("%S+") do words[#words + 1] = word:lower():upper() end
  table.sort(words)
  return { letters = letters, characters = utf8.len(s), words = #words, joined = #table.concat(words, " "),
           first = string.format("%s-%d", words[1], #words), bytes = select("#", s:byte(1, 100)) }
end
return M
)");
    auto box = sandbox("pakila", SandboxLimits{});
    auto result = box->call("text", "walk", json::array{300}).value;
    EXPECT_EQ(result, json::parse(R"({"letters": 1800, "characters": 4200, "words": 900, "joined": 4799,
                                      "first": "12,-900", "bytes": 100})"));
}

// --- tampering with built-ins ----------------------------------------------------------------------

TEST_F(SandboxTest, OverwritingBuiltInsAtLoadIsRefused) {
    defaults("tamper_string", "string = nil\nreturn {}\n");
    defaults("tamper_pcall", "pcall = function() return true end\nreturn {}\n");
    defaults("tamper_env", "setmetatable(_ENV, {})\nreturn {}\n");
    defaults("tamper_g", "_G.tostring = nil\nreturn {}\n");
    auto box = sandbox();
    auto e = script_error([&] { box->get("tamper_string", "x"); });
    EXPECT_THAT(e.what(), HasSubstr("cannot overwrite built-in 'string'"));
    EXPECT_THAT(e.where(), HasSubstr("tamper_string.lua:1"));
    EXPECT_THAT(script_error([&] { box->get("tamper_pcall", "x"); }).what(), HasSubstr("cannot overwrite built-in 'pcall'"));
    EXPECT_THAT(script_error([&] { box->get("tamper_env", "x"); }).what(), HasSubstr("cannot change a protected metatable"));
    EXPECT_THAT(script_error([&] { box->get("tamper_g", "x"); }).what(), HasSubstr("cannot overwrite built-in 'tostring'"));
    expect_healthy(*box);
}

TEST_F(SandboxTest, OverwritingBuiltInsInACallIsRefusedAndChangesNothing) {
    defaults("tamper", R"(local M = {}
function M.string_nil() string = nil end
function M.pcall_nil() pcall = nil end
function M.format_nil() string.format = nil end
function M.metatable_rep() getmetatable("").__index.rep = nil end
function M.metatable_swap() getmetatable("").__index = {} end
function M.env_metatable() setmetatable(_ENV, {}) end
function M.rawset() rawset(_ENV, "string", nil) end
function M.math_pi() math.pi = 3 end
function M.table_insert() table.insert(string, "x") end
function M.pairs_escape() local _, real = pairs(string) real.rep = nil end
function M.own_global() shared_value = 5 return shared_value end
function M.local_shadow() local string = nil local pcall = 1 return pcall end
function M.check() return type(string.format) == "function" and math.pi > 3.14 and ("ab"):rep(2) == "abab" end
return M
)");
    defaults("other", "return { read = function() return shared_value end, rep = function() return ('z'):rep(3) end }");
    auto box = sandbox();
    auto refused = [&](const char* entry, const std::string& message) {
        auto e = script_error([&] { box->call("tamper", entry, {}); });
        EXPECT_THAT(e.what(), HasSubstr(message)) << entry;
        EXPECT_EQ(box->call("tamper", "check", {}).value, json::value(true)) << entry;
        EXPECT_EQ(box->call("other", "rep", {}).value, json::value("zzz")) << entry;
        expect_healthy(*box);
    };
    refused("string_nil", "cannot overwrite built-in 'string'");
    refused("pcall_nil", "cannot overwrite built-in 'pcall'");
    refused("format_nil", "cannot modify the built-in library 'string'");
    refused("metatable_rep", "the string metatable is protected");
    refused("metatable_swap", "the string metatable is protected");
    refused("env_metatable", "cannot change a protected metatable");
    refused("rawset", "attempt to call a nil value (global 'rawset')");
    refused("math_pi", "cannot modify the built-in library 'math'");
    refused("table_insert", "cannot modify the built-in library 'string'");
    refused("pairs_escape", "cannot modify the built-in library 'string'");
    EXPECT_EQ(box->call("tamper", "own_global", {}).value, json::value(5));
    EXPECT_EQ(box->call("other", "read", {}).value, json::value(nullptr));
    EXPECT_EQ(box->call("tamper", "local_shadow", {}).value, json::value(1));
    EXPECT_EQ(box->call("tamper", "check", {}).value, json::value(true));
}

TEST_F(SandboxTest, LibraryTablesCanStillBeIterated) {
    defaults("iterate", "return { count = function() local n = 0 for k in pairs(math) do n = n + 1 end return n end,"
                        " meta = function() return getmetatable(string) end }");
    auto box = sandbox();
    EXPECT_GT(box->call("iterate", "count", {}).value.as_int64(), 20);
    EXPECT_EQ(box->call("iterate", "meta", {}).value, json::value("locked"));
}

// --- checkers on script results --------------------------------------------------------------------

TEST_F(SandboxTest, CheckersRefuseWrongTypesAndRanges) {
    defaults("pricing", R"(local M = {}
function M.text() return "abc" end
function M.good() return 1.45 end
function M.high() return 7.5 end
function M.decimal_text() return "1.45" end
function M.nan() return 0/0 end
function M.huge() return math.huge end
function M.row() return { coefficient = 2, contract = "employment" } end
return M
)");
    auto box = sandbox();
    auto one = Decimal::from_integer(1);
    auto five = Decimal::from_integer(5);
    auto text = box->call("pricing", "text", {});
    auto e = script_error([&] { script_number(text, "coefficient", 1, 5); });
    EXPECT_THAT(e.what(), HasSubstr("coefficient must be a number between 1 and 5, got string \"abc\""));
    EXPECT_THAT(e.where(), HasSubstr("unit pakila, "));
    EXPECT_THAT(e.where(), HasSubstr("pricing.lua:2, text"));
    EXPECT_THAT(script_error([&] { script_decimal(text, "coefficient", one, five); }).what(),
                HasSubstr("coefficient must be a number between 1 and 5"));
    EXPECT_EQ(script_decimal(box->call("pricing", "good", {}), "coefficient", one, five), Decimal::from_micros(1'450'000));
    EXPECT_EQ(script_decimal(box->call("pricing", "decimal_text", {}), "coefficient", one, five),
              Decimal::from_micros(1'450'000));
    auto high = box->call("pricing", "high", {});
    EXPECT_THAT(script_error([&] { script_decimal(high, "coefficient", one, five); }).what(), HasSubstr("got number 7.5"));
    EXPECT_THAT(script_error([&] { script_number(high, "coefficient", 1, 5); }).what(), HasSubstr("got number 7.5"));
    EXPECT_THAT(script_error([&] { box->call("pricing", "nan", {}); }).what(), HasSubstr("returned NaN"));
    EXPECT_THAT(script_error([&] { box->call("pricing", "huge", {}); }).what(), HasSubstr("returned infinity"));
    auto row = box->call("pricing", "row", {});
    auto field = script_field(row, "coefficient");
    EXPECT_EQ(field.site.entry, "row.coefficient");
    EXPECT_EQ(script_integer(field, "coefficient", 1, 5), 2);
    EXPECT_EQ(script_string(script_field(row, "contract"), "contract"), "employment");
    auto missing = script_error([&] { script_field(row, "valid_from"); });
    EXPECT_THAT(missing.what(), HasSubstr("'valid_from' is missing"));
    EXPECT_THAT(missing.where(), HasSubstr("row.valid_from"));
    EXPECT_THAT(script_error([&] { script_boolean(row, "flag"); }).what(), HasSubstr("flag must be true or false, got a table"));
}

}  // namespace
}  // namespace jobcenter
