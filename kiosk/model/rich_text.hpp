// The inline markup of article text: *emphasis*, <tel:NUMBER> and <https://...>. Parsed into spans that
// screens draw and the validator checks; anything that is not markup is plain text.
#pragma once

#include "wiping_allocator.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace haven {

struct Span {
    enum class Kind { Text, Emphasis, Phone, Link };
    Kind kind = Kind::Text;
    WipingString text;   // what is shown (for Phone: the number as written); article text, parsed each frame
    std::string target;  // Phone: the number to dial; Link: the URL
};

struct MarkupError {
    size_t offset;        // byte offset in the source text
    std::string message;  // plain words, for an editor
};

struct ParsedInline {
    WipingVector<Span> spans;  // short spans live inside this buffer (small-string storage)
    std::vector<MarkupError> errors;
};

ParsedInline parse_inline(std::string_view text);

bool is_https_url(std::string_view url);

}  // namespace haven
