// What `pricing payroll export` was asked for, read and checked from its request: the format, the one document
// chosen (--invoice or --worker), the language and the folder. Every mistake is a usage or input error naming the flag.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "pricing/exports/document_language.hpp"

namespace jobcenter::pricing {

enum class ExportFormat { csv, json, html, finvoice };

struct ExportRequest {
    std::int64_t run = 0;
    ExportFormat format = ExportFormat::csv;
    std::optional<std::string> invoice;  // an invoice number
    std::optional<std::string> worker;   // a client id
    Language language = Language::fi;
    std::optional<std::string> out;      // a folder
};

ExportRequest read_export_request(const boost::json::object& request);

}  // namespace jobcenter::pricing
