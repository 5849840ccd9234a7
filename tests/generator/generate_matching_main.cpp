// generate_matching: writes a generated `matching load` file (units, worker-clients and orders) to standard
// output, for the matching plugin's tests and benchmarks; optionally the orderers the orders refer to.
//
//   generate_matching --clients 10000 --orders 1000 --orderers 300 --from 2026-02-02 --to 2026-02-08 --seed 7
//                     [--orderer register-id|business-id] [--vatti-share 0.6] [--orderers-csv FILE] > FILE.json
#include <charconv>
#include <exception>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "generator/matching_generator.hpp"

namespace {
using jobcenter::testing::MatchingGeneratorOptions;

constexpr std::string_view kUsage =
    "usage: generate_matching --clients N --orders N --orderers N --from YYYY-MM-DD --to YYYY-MM-DD --seed S\n"
    "                         [--orderer register-id|business-id] [--vatti-share 0.6] [--orderers-csv FILE]\n"
    "                         > FILE.json\n";

template <class Number>
Number parse_number(std::string_view option, std::string_view text) {
    Number value{};
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (text.empty() || result.ec != std::errc() || result.ptr != end)
        throw std::invalid_argument(std::string(option) + ": not a number: '" + std::string(text) + "'");
    return value;
}

jobcenter::testing::OrdererReference parse_orderer_reference(std::string_view text) {
    if (text == "register-id") return jobcenter::testing::OrdererReference::register_id;
    if (text == "business-id") return jobcenter::testing::OrdererReference::business_id_and_name;
    throw std::invalid_argument("--orderer: use register-id or business-id, not '" + std::string(text) + "'");
}

// The orderers as the semicolon CSV that `register import` reads, in id order.
void write_orderers_csv(const MatchingGeneratorOptions& options, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + path);
    out << jobcenter::testing::orderers_csv(jobcenter::testing::matching_orderers(options));
    if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

struct Arguments {
    MatchingGeneratorOptions options;
    std::string orderers_csv;
};

Arguments parse_arguments(int argc, char** argv) {
    Arguments a;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) throw std::invalid_argument(std::string(arg) + " needs a value");
            return argv[++i];
        };
        if (arg == "--clients") a.options.clients = parse_number<int>(arg, value());
        else if (arg == "--orders") a.options.orders = parse_number<int>(arg, value());
        else if (arg == "--orderers") a.options.orderers = parse_number<int>(arg, value());
        else if (arg == "--seed") a.options.seed = parse_number<std::uint64_t>(arg, value());
        else if (arg == "--from") a.options.period_from = value();
        else if (arg == "--to") a.options.period_to = value();
        else if (arg == "--orderer") a.options.orderer_reference = parse_orderer_reference(value());
        else if (arg == "--vatti-share") a.options.vatti_share = parse_number<double>(arg, value());
        else if (arg == "--orderers-csv") a.orderers_csv = value();
        else throw std::invalid_argument("unknown option: " + std::string(arg));
    }
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << kUsage;
            return 0;
        }
    }
    Arguments arguments;
    try {
        arguments = parse_arguments(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "generate_matching: " << e.what() << "\n" << kUsage;
        return 2;
    }
    try {
        std::cout << boost::json::serialize(jobcenter::testing::generate_matching_data(arguments.options)) << "\n";
        if (!arguments.orderers_csv.empty()) write_orderers_csv(arguments.options, arguments.orderers_csv);
    } catch (const std::invalid_argument& e) {
        std::cerr << "generate_matching: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "generate_matching: " << e.what() << "\n";
        return 1;
    }
    return std::cout.flush() ? 0 : 1;
}
