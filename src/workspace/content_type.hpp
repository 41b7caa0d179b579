#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace copydesk::workspace {

//! What a field holds, and so which editor shows it and which values it accepts.
enum class FieldKind { kText, kLongText, kRichText, kDate, kChoice, kMultiChoice, kUrl, kNumber };

//! The API name of a kind ("text", "longtext", "richtext", …).
std::string_view FieldKindName(FieldKind kind);
//! Parses an API name of a kind.
std::optional<FieldKind> ParseFieldKind(std::string_view name);
//! True for kinds whose value is text people write (counted, diffed, merged, searched).
bool IsTextKind(FieldKind kind);

//! One field of a content type's template.
struct FieldDef {
  std::string key;    //!< stable identifier, [a-z][a-z0-9_]*, same in every language
  std::string label;  //!< shown to people
  FieldKind kind = FieldKind::kText;
  bool required = false;
  std::optional<std::int64_t> max_length;  //!< characters; over it is reported, not refused
  std::vector<std::string> options;        //!< for choice and multichoice
  bool channel_limits = false;             //!< the content's channels' limits apply too
};

//! True for a stable key: lowercase letters, digits and _, starting with a letter, ≤ 40 bytes.
bool IsValidKey(std::string_view key);

//! Reads field definitions from API input (an array), naming the item at fault
//! ("fields[2].key") with 422 when invalid.
Result<std::vector<FieldDef>> ParseFieldDefs(const boost::json::value& input);
//! Field definitions from their stored JSON.
std::vector<FieldDef> FieldDefsFromJson(std::string_view stored);
//! Field definitions as JSON (stored and presented the same way).
boost::json::array FieldDefsToJson(const std::vector<FieldDef>& fields);

//! Checks one value against its field's kind: a message when the value is of the wrong kind
//! (a structural error, refused), nullopt when acceptable. Limits are not checked here.
std::optional<std::string> CheckFieldValue(const FieldDef& field, const boost::json::value& value);

}  // namespace copydesk::workspace
