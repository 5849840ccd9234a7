// generate_registers: writes a generated set of Finnish unit registers (one semicolon CSV, the unit per
// row) and optionally the truth file, for the register plugin's quality and speed benchmarks.
//
//   generate_registers --records N --seed S --out FILE.csv [--truth TRUTH.csv] [--with-truth-column]
//                      [--units a,b,c] [--duplicate-share 0.4] [--stats]
//                      [--city-site-share 0.04] [--namesake-share 0.08] [--excel-units 2]
//                      [--no-city-sites] [--no-namesakes] [--no-excel] [--classic]
// --classic leaves out the City's sites, the namesakes and the Excel damage: the output of before them.
#include <charconv>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

#include "generator/register_generator.hpp"

namespace {

constexpr std::string_view kUsage =
    "usage: generate_registers --records N --seed S --out FILE.csv [--truth TRUTH.csv] [--with-truth-column]\n"
    "                          [--units a,b,c] [--duplicate-share 0.4] [--stats]\n"
    "                          [--city-site-share 0.04] [--namesake-share 0.08] [--excel-units 2]\n"
    "                          [--no-city-sites] [--no-namesakes] [--no-excel] [--classic]\n";

bool parse_count(std::string_view text, std::uint64_t& value) {
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    return !text.empty() && result.ec == std::errc() && result.ptr == end;
}

double parse_share(std::string_view option, std::string_view text) {
    const std::string copy(text);
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(copy, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (copy.empty() || used != copy.size()) throw std::invalid_argument(std::string(option) + ": not a number: " + copy);
    return value;
}

}  // namespace

int main(int argc, char** argv) {
    using jobcenter::testing::GeneratorOptions;
    GeneratorOptions options;
    std::string out_path, truth_path;
    bool with_truth_column = false, stats = false;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string_view arg = argv[i];
            auto value = [&]() -> std::string_view {
                if (i + 1 >= argc) throw std::invalid_argument(std::string(arg) + " needs a value");
                return argv[++i];
            };
            if (arg == "--records") {
                std::uint64_t n = 0;
                const std::string_view text = value();
                if (!parse_count(text, n)) throw std::invalid_argument("--records: not a count: " + std::string(text));
                options.records = static_cast<std::size_t>(n);
            } else if (arg == "--seed") {
                std::uint64_t n = 0;
                const std::string_view text = value();
                if (!parse_count(text, n)) throw std::invalid_argument("--seed: not a number: " + std::string(text));
                options.seed = n;
            } else if (arg == "--out") {
                out_path = value();
            } else if (arg == "--truth") {
                truth_path = value();
            } else if (arg == "--with-truth-column") {
                with_truth_column = true;
            } else if (arg == "--stats") {
                stats = true;
            } else if (arg == "--duplicate-share") {
                options.duplicate_share = parse_share(arg, value());
            } else if (arg == "--city-site-share") {
                options.city_site_share = parse_share(arg, value());
            } else if (arg == "--namesake-share") {
                options.namesake_share = parse_share(arg, value());
            } else if (arg == "--excel-units") {
                std::uint64_t n = 0;
                const std::string_view text = value();
                if (!parse_count(text, n)) throw std::invalid_argument("--excel-units: not a count: " + std::string(text));
                options.excel_units = static_cast<std::size_t>(n);
            } else if (arg == "--no-city-sites") {
                options.city_site_share = 0.0;
            } else if (arg == "--no-namesakes") {
                options.namesake_share = 0.0;
            } else if (arg == "--no-excel") {
                options.excel_units = 0;
            } else if (arg == "--classic") {
                options.classic();
            } else if (arg == "--units") {
                options.units.clear();
                std::string_view list = value();
                while (!list.empty()) {
                    const std::size_t comma = list.find(',');
                    const std::string_view unit = list.substr(0, comma);
                    if (!unit.empty()) options.units.emplace_back(unit);
                    if (comma == std::string_view::npos) break;
                    list.remove_prefix(comma + 1);
                }
            } else if (arg == "--help" || arg == "-h") {
                std::cout << kUsage;
                return 0;
            } else {
                throw std::invalid_argument("unknown option: " + std::string(arg));
            }
        }
        if (out_path.empty()) throw std::invalid_argument("--out is required");
    } catch (const std::exception& e) {
        std::cerr << "generate_registers: " << e.what() << "\n" << kUsage;
        return 2;
    }

    try {
        const auto records = jobcenter::testing::generate_registers(options);
        jobcenter::testing::write_registers_csv(records, out_path, with_truth_column);
        if (!truth_path.empty()) jobcenter::testing::write_truth_csv(records, truth_path);
        if (stats) std::cerr << jobcenter::testing::format_stats(jobcenter::testing::summarize(records));
    } catch (const std::exception& e) {
        std::cerr << "generate_registers: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
