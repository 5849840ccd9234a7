// Fuzz target: the CSV reader on any bytes, as a unit's exported file. A broken file is an InputError;
// every field of a table it returns must stay readable after the table is moved.
#include <string>
#include <utility>

#include "fuzz_target.hpp"
#include "jobcenter/errors.hpp"
#include "register/import/csv_reader.hpp"

JOBCENTER_FUZZ_TARGET(csv_reader) {
    using namespace jobcenter::register_plugin;
    CsvTable read;
    try {
        read = read_csv(std::string(input), "fuzz.csv");
    } catch (const jobcenter::InputError&) {
        return;
    }
    CsvTable table = std::move(read);
    std::size_t bytes = 0;
    for (const CsvRecord& record : table.records) {
        if (record.fields.size() != table.header.size())
            jobcenter::fuzz::finding("csv_reader", "a record has another number of fields than the header");
        for (std::string_view field : record.fields) bytes += field.size();
    }
    // A Windows-1252 byte becomes at most three bytes of UTF-8.
    if (bytes > input.size() * 3) jobcenter::fuzz::finding("csv_reader", "the fields hold more text than the file");
}
