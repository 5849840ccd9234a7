// The documents an export makes and writing them into a folder (--out DIR): one file per document, each readable by
// its owner only (pay statements are client data), all or none: a file already there, or a failed write, leaves no
// new file behind.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace jobcenter::pricing {

struct ExportDocument {
    std::string file_name;   // "invoice-2026-000001.html"
    std::string title;       // "invoice 2026-000001", "pay statement C-1001"
    std::string media_type;  // "text/html", "application/xml", "text/csv", "application/json"
    std::string content;
};

// `stem` made safe as a file name: letters, digits, '.', '_' and '-' kept, anything else as '_'.
std::string safe_file_stem(std::string_view stem);

// Writes every document into `folder`. NotFoundError (--out) when the folder does not exist; RefusedError (--out)
// naming the first file that exists already, before anything is written.
void write_documents(const std::filesystem::path& folder, const std::vector<ExportDocument>& documents);

}  // namespace jobcenter::pricing
