// What one call of a string, utf8, table or base library function costs a script's instruction budget,
// from the sizes of its arguments: C functions run no VM instructions, so the sandbox charges them by this.
#pragma once

#include <array>

namespace jobcenter::lua_call_cost {

// The library functions whose work grows with their arguments (string.len, math and the rest do not).
enum class LibraryFunction {
    string_byte,
    string_char,
    string_format,
    string_lower,
    string_upper,
    string_reverse,
    string_rep,
    string_sub,
    string_pack,
    string_packsize,
    string_unpack,
    utf8_len,
    utf8_codepoint,
    utf8_char,
    utf8_offset,
    table_insert,
    table_remove,
    table_move,
    table_concat,
    table_unpack,
    table_sort,
    tonumber,
};

// What the sandbox saw of one argument.
struct Argument {
    enum class Kind { none, nil, string, number, table, other };
    Kind kind = Kind::none;
    double size = 0;  // a string's bytes, a table's length (#t), a number's value
};

// The arguments of one call: the first few one by one, and totals over all of them.
struct CallShape {
    static constexpr int detailed = 4;
    std::array<Argument, detailed> first{};
    int count = 0;                // arguments given
    double string_bytes = 0;      // bytes of every string argument
    double element_bytes = 0;     // bytes of the strings in the table table.sort compares itself
    bool custom_order = false;    // table.sort was given an order function (its comparisons run as Lua)
};

// Instructions charged before the call: the elements it visits and the bytes it reads or repeats.
double before_call(LibraryFunction function, const CallShape& call);

// Instructions charged for reading or writing `bytes` of text (a string result, a pattern's subject).
double for_bytes(double bytes);

// Bytes of a text of `length` from `position` to its end, with Lua's negative positions counting from
// the end (where string.find, match and gmatch start to scan).
double bytes_from(double length, double position);

// True when string.rep is asked to repeat nothing (an empty text and separator): its loop would run
// once per repetition and build an empty string.
bool repeats_nothing(const CallShape& call);

}  // namespace jobcenter::lua_call_cost
