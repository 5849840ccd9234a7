// A command result that is a whole document, such as a printable HTML certificate: with the text format (the
// default) the command line prints the document itself instead of rendering the JSON; --format json keeps the
// JSON object, so a program still gets the document with its media type.
#pragma once

#include <boost/json.hpp>
#include <string_view>

namespace jobcenter {

// {"document": {"media_type": "text/html", "content": "<!DOCTYPE html>..."}}
inline boost::json::object document_result(std::string_view media_type, std::string_view content) {
    return boost::json::object{{"document", boost::json::object{{"media_type", media_type}, {"content", content}}}};
}

// The content of a result made by document_result, or nullptr for any other result.
inline const boost::json::string* document_content(const boost::json::value& result) {
    const auto* object = result.if_object();
    if (object == nullptr || object->size() != 1) return nullptr;
    const auto* document = object->if_contains("document");
    if (document == nullptr || !document->is_object()) return nullptr;
    const auto* media_type = document->get_object().if_contains("media_type");
    const auto* content = document->get_object().if_contains("content");
    if (media_type == nullptr || !media_type->is_string() || content == nullptr) return nullptr;
    return content->if_string();
}

}  // namespace jobcenter
