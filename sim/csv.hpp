// CSV as RFC 4180 quotes it: a field holding a comma, a double quote or a
// line break is enclosed in double quotes, with its quotes doubled. Rows end
// in "\n" (not the RFC's CRLF) so that line tools read them as they are;
// CSV readers accept either.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sim {

std::string csv_field(std::string_view text);

// The fields quoted as needed, joined by commas, ending in "\n".
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace sim
