// The cost of one library call in VM instructions: one per element pushed, moved or compared, and one per
// byte of text read or written (the VM runs an instruction in about the time a C function walks a byte).
#include "lua_sandbox_call_cost.hpp"

#include <algorithm>
#include <cmath>

namespace jobcenter::lua_call_cost {
namespace {

constexpr double bytes_per_instruction = 1;
constexpr double max_utf8_bytes = 4;  // the longest UTF-8 sequence utf8.offset steps over

using Kind = Argument::Kind;

double number_or(const Argument& argument, double fallback) {
    return argument.kind == Kind::number ? argument.size : fallback;
}

// How many positions from..to cover in a text or table of `length`, with Lua's negative positions
// counting from the end and the range clamped to 1..length.
double span(double length, double from, double to) {
    double first = from > 0 ? from : from == 0 || from < -length ? 1 : length + from + 1;
    double last = to > length ? length : to >= 0 ? to : to < -length ? 0 : length + to + 1;
    return std::max(0.0, last - first + 1);
}

// Where a range of the text in the first argument ends when its third argument is left out.
enum class RangeEnd { at_start, at_text_end };

// The positions i..j of the text in the first argument (i and j its second and third arguments).
double text_range(const CallShape& call, RangeEnd default_end) {
    double from = number_or(call.first[1], 1);
    double to = number_or(call.first[2], default_end == RangeEnd::at_start ? from : -1);
    return span(call.first[0].size, from, to);
}

// table.concat and table.unpack: the elements i..j, counted without clamping (nil elements still cost).
double element_range(const CallShape& call, int from_index, int to_index) {
    double from = number_or(call.first[from_index], 1);
    return number_or(call.first[to_index], call.first[0].size) - from + 1;
}

double sort_cost(const CallShape& call) {
    double length = call.first[0].size;
    double comparisons = length * std::log2(length + 2);
    if (call.custom_order) return comparisons;
    // Each element meets about 2 log2(n) others; comparing two strings reads up to the shorter one.
    return comparisons + 2 * std::log2(length + 2) * for_bytes(call.element_bytes);
}

}  // namespace

double for_bytes(double bytes) { return bytes / bytes_per_instruction; }

double bytes_from(double length, double position) { return span(length, position, -1); }

bool repeats_nothing(const CallShape& call) {
    const Argument& text = call.first[0];
    const Argument& separator = call.first[2];
    bool empty_text = text.kind == Kind::string && text.size == 0;
    bool empty_separator = separator.kind == Kind::none || separator.kind == Kind::nil ||
                           (separator.kind == Kind::string && separator.size == 0);
    return empty_text && empty_separator;
}

double before_call(LibraryFunction function, const CallShape& call) {
    const std::array<Argument, CallShape::detailed>& a = call.first;
    double text = for_bytes(a[0].size);
    double all_text = for_bytes(call.string_bytes);
    switch (function) {
        case LibraryFunction::string_byte:
        case LibraryFunction::utf8_codepoint: return text_range(call, RangeEnd::at_start);
        case LibraryFunction::string_char:
        case LibraryFunction::utf8_char: return call.count;
        case LibraryFunction::string_format:
        case LibraryFunction::string_pack: return call.count + all_text;
        case LibraryFunction::string_lower:
        case LibraryFunction::string_upper:
        case LibraryFunction::string_reverse: return text;
        case LibraryFunction::string_rep:  // what it builds is charged after, the memory cap bounds it first
        case LibraryFunction::string_packsize: return all_text;
        case LibraryFunction::string_sub: return 1;  // the copy is charged by its result
        case LibraryFunction::string_unpack: return a[0].size + all_text;  // at most one value per format byte
        case LibraryFunction::utf8_len: return for_bytes(text_range(call, RangeEnd::at_text_end));
        case LibraryFunction::utf8_offset:
            return for_bytes(std::min(a[0].size, max_utf8_bytes * (std::fabs(number_or(a[1], 0)) + 1)));
        case LibraryFunction::table_insert: return call.count >= 3 ? a[0].size : 1;
        case LibraryFunction::table_remove: return call.count >= 2 ? a[0].size : 1;
        case LibraryFunction::table_move: return number_or(a[2], 0) - number_or(a[1], 1) + 1;
        case LibraryFunction::table_concat: return element_range(call, 2, 3);
        case LibraryFunction::table_unpack: return element_range(call, 1, 2);
        case LibraryFunction::table_sort: return sort_cost(call);
        case LibraryFunction::tonumber: return all_text;
    }
    return 1;
}

}  // namespace jobcenter::lua_call_cost
