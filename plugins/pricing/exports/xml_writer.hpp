// Writing an XML document element by element, indented, every text and attribute value escaped and stripped of the
// control characters XML 1.0 does not allow; a value longer than an element allows is cut at a character boundary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jobcenter::pricing {

using XmlAttributes = std::vector<std::pair<std::string_view, std::string>>;

class XmlWriter {
public:
    explicit XmlWriter(std::string_view declaration);
    void open(std::string_view name, const XmlAttributes& attributes = {});
    void close(std::string_view name);
    void leaf(std::string_view name, std::string_view text, const XmlAttributes& attributes = {});
    const std::string& text() const { return out_; }

private:
    void start_tag(std::string_view name, const XmlAttributes& attributes);
    std::string out_;
    std::size_t depth_ = 0;
};

// At most `characters` UTF-8 characters of `text`.
std::string fit(std::string_view text, std::size_t characters);

}  // namespace jobcenter::pricing
