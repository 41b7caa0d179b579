#include "collab/anchors.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cstdlib>

#include "core/text.hpp"

namespace copydesk::collab {

namespace json = boost::json;

namespace {

// Character offset of a byte position in valid UTF-8.
std::int64_t CharsBefore(std::string_view text, std::size_t byte) {
  return static_cast<std::int64_t>(CountCharacters(text.substr(0, byte)));
}

}  // namespace

std::vector<std::int64_t> FindQuote(std::string_view text, std::string_view quote) {
  std::vector<std::int64_t> out;
  if (quote.empty()) return out;
  for (auto at = text.find(quote); at != std::string_view::npos; at = text.find(quote, at + 1))
    out.push_back(CharsBefore(text, at));
  return out;
}

std::optional<std::int64_t> RelocateQuote(std::string_view old_text, std::string_view new_text,
                                          std::string_view quote, std::int64_t old_offset) {
  const auto found = FindQuote(new_text, quote);
  if (found.empty()) return std::nullopt;
  // Where the passage should be: unchanged when the edit came after it, shifted by the change in
  // length when the edit came before it.
  std::size_t prefix = 0;
  while (prefix < old_text.size() && prefix < new_text.size() &&
         old_text[prefix] == new_text[prefix])
    ++prefix;
  std::int64_t expected = old_offset;
  if (old_offset >= CharsBefore(old_text, prefix))
    expected += static_cast<std::int64_t>(CountCharacters(new_text)) -
                static_cast<std::int64_t>(CountCharacters(old_text));
  return *std::min_element(found.begin(), found.end(), [&](std::int64_t a, std::int64_t b) {
    return std::llabs(a - expected) < std::llabs(b - expected);
  });
}

std::optional<std::string> FieldText(const std::string& title, const std::string& fields_json,
                                     const std::string& field) {
  if (field == "title") return title;
  std::error_code ec;
  auto v = json::parse(fields_json, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto* value = v.as_object().if_contains(field);
  if (!value) return std::string();  // an empty field holds no passage, but is a text field
  if (!value->is_string()) return std::nullopt;
  return std::string(value->as_string());
}

}  // namespace copydesk::collab
