#include "content/internal.hpp"

#include <boost/json/parse.hpp>

namespace copydesk::content::internal {

namespace json = boost::json;

json::object ParseObject(std::string_view text) {
  std::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return {};
  return std::move(value.as_object());
}

json::array StringArray(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.push_back(json::string(s));
  return out;
}

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& s : v.as_array()) {
      if (s.is_string()) out.emplace_back(s.as_string());
    }
  }
  return out;
}

}  // namespace copydesk::content::internal
