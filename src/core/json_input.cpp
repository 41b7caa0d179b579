#include "core/json_input.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>

namespace copydesk {

namespace json = boost::json;

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

namespace {

Result<json::value> ParseValue(std::string_view text) {
  if (!IsValidUtf8(text)) return Error::BadRequest("The request body is not valid UTF-8.");
  json::parse_options options;
  options.max_depth = 32;
  std::error_code ec;
  json::value value = json::parse(text, ec, {}, options);
  if (ec) return Error::BadRequest("The request body is not valid JSON: " + ec.message() + ".");
  return value;
}

}  // namespace

Result<JsonInput> JsonInput::Parse(std::string_view text) {
  auto value = ParseValue(text);
  if (!value) return std::move(value).error();
  if (!value->is_object()) return Error::BadRequest("The request body must be a JSON object.");
  return JsonInput(std::move(value->as_object()));
}

Result<std::vector<std::string>> ParseStringList(std::string_view text, std::string_view key,
                                                 std::size_t max_items) {
  auto value = ParseValue(text);
  if (!value) return std::move(value).error();
  if (value->is_array()) {
    JsonInput in(json::object{{key, std::move(*value)}});
    auto list = in.StringArray(key, JsonInput::kRequired, max_items);
    if (auto done = in.Finish(); !done) return std::move(done).error();
    return std::move(*list);
  }
  if (!value->is_object()) {
    return Error::BadRequest("The request body must be a JSON array of strings.");
  }
  JsonInput in(std::move(value->as_object()));
  auto list = in.StringArray(key, JsonInput::kRequired, max_items);
  if (auto done = in.Finish(); !done) return std::move(done).error();
  return std::move(*list);
}

JsonInput::JsonInput(json::object object, std::string prefix)
    : object_(std::move(object)), prefix_(std::move(prefix)) {}

const json::value* JsonInput::Take(std::string_view key, Presence presence) {
  read_.emplace(key);
  const json::value* v = object_.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (presence == kRequired) Fault(Path(key), "is required");
    return nullptr;
  }
  return v;
}

std::optional<std::string> JsonInput::String(std::string_view key, Presence presence,
                                             std::size_t max_bytes) {
  const json::value* v = Take(key, presence);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    Fault(Path(key), "must be a string");
    return std::nullopt;
  }
  const auto& s = v->get_string();
  if (s.size() > max_bytes) {
    Fault(Path(key), "is too long (at most " + std::to_string(max_bytes) + " bytes)");
    return std::nullopt;
  }
  return std::string(s.data(), s.size());
}

std::optional<std::int64_t> JsonInput::Int(std::string_view key, Presence presence) {
  const json::value* v = Take(key, presence);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->get_uint64());
  }
  Fault(Path(key), "must be an integer");
  return std::nullopt;
}

std::optional<bool> JsonInput::Bool(std::string_view key, Presence presence) {
  const json::value* v = Take(key, presence);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) {
    Fault(Path(key), "must be true or false");
    return std::nullopt;
  }
  return v->get_bool();
}

std::optional<std::vector<std::string>> JsonInput::StringArray(std::string_view key,
                                                               Presence presence,
                                                               std::size_t max_items) {
  const json::value* v = Take(key, presence);
  if (v == nullptr) return std::nullopt;
  if (!v->is_array()) {
    Fault(Path(key), "must be an array of strings");
    return std::nullopt;
  }
  const auto& array = v->get_array();
  if (array.size() > max_items) {
    Fault(Path(key), "has too many items (at most " + std::to_string(max_items) + ")");
    return std::nullopt;
  }
  std::vector<std::string> out;
  out.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_string()) {
      Fault(Path(key) + "[" + std::to_string(i) + "]", "must be a string");
      return std::nullopt;
    }
    const auto& s = array[i].get_string();
    out.emplace_back(s.data(), s.size());
  }
  return out;
}

std::optional<json::object> JsonInput::Object(std::string_view key, Presence presence) {
  const json::value* v = Take(key, presence);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) {
    Fault(Path(key), "must be an object");
    return std::nullopt;
  }
  return v->get_object();
}

std::optional<json::value> JsonInput::Raw(std::string_view key, Presence presence) {
  const json::value* v = Take(key, presence);
  if (v == nullptr) return std::nullopt;
  return *v;
}

bool JsonInput::Has(std::string_view key) const {
  return object_.contains(key);
}

bool JsonInput::IsNull(std::string_view key) const {
  const json::value* v = object_.if_contains(key);
  return v != nullptr && v->is_null();
}

void JsonInput::Fault(std::string field, std::string message) {
  faults_.push_back({std::move(field), std::move(message)});
}

void JsonInput::Include(JsonInput& nested) {
  if (auto done = nested.Finish(); !done) {
    for (auto& fault : std::move(done).error().fields) faults_.push_back(std::move(fault));
  }
}

Result<void> JsonInput::Finish() {
  for (const auto& member : object_) {
    if (!read_.contains(std::string_view(member.key()))) {
      Fault(Path(member.key()), "is not a known field");
    }
  }
  if (faults_.empty()) return {};
  std::string detail = "The request has invalid fields: ";
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    if (i > 0) detail += "; ";
    detail += faults_[i].field + " " + faults_[i].message;
  }
  detail += ".";
  return Error::BadRequest(std::move(detail), std::move(faults_));
}

}  // namespace copydesk
