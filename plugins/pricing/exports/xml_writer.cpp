// The XML writer's tags, indentation and text cleaning.
#include "pricing/exports/xml_writer.hpp"

#include "pricing/exports/markup.hpp"

namespace jobcenter::pricing {
namespace {

// Text without the C0 control characters XML 1.0 forbids (tab, LF and CR stay), escaped.
std::string xml_text(std::string_view text) {
    std::string kept;
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
    return escape_markup(kept);
}

}  // namespace

XmlWriter::XmlWriter(std::string_view declaration) : out_(declaration) { out_ += '\n'; }

void XmlWriter::start_tag(std::string_view name, const XmlAttributes& attributes) {
    out_.append(depth_ * 2, ' ');
    out_ += '<';
    out_ += name;
    for (const auto& [attribute, value] : attributes) {
        out_ += ' ';
        out_ += attribute;
        out_ += "=\"" + xml_text(value) + '"';
    }
    out_ += '>';
}

void XmlWriter::open(std::string_view name, const XmlAttributes& attributes) {
    start_tag(name, attributes);
    out_ += '\n';
    ++depth_;
}

void XmlWriter::close(std::string_view name) {
    --depth_;
    out_.append(depth_ * 2, ' ');
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

void XmlWriter::leaf(std::string_view name, std::string_view text, const XmlAttributes& attributes) {
    start_tag(name, attributes);
    out_ += xml_text(text);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

std::string fit(std::string_view text, std::size_t characters) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
        if (count == characters) return std::string(text.substr(0, i));
        ++count;
    }
    return std::string(text);
}

}  // namespace jobcenter::pricing
