#include "workspace/content_type.hpp"

#include <array>
#include <boost/json/parse.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"

namespace copydesk::workspace {

namespace json = boost::json;

namespace {

constexpr std::array<std::pair<FieldKind, std::string_view>, 8> kKinds = {{
    {FieldKind::kText, "text"},
    {FieldKind::kLongText, "longtext"},
    {FieldKind::kRichText, "richtext"},
    {FieldKind::kDate, "date"},
    {FieldKind::kChoice, "choice"},
    {FieldKind::kMultiChoice, "multichoice"},
    {FieldKind::kUrl, "url"},
    {FieldKind::kNumber, "number"},
}};

}  // namespace

bool IsValidKey(std::string_view key) {
  if (key.empty() || key.size() > 40 || key[0] < 'a' || key[0] > 'z') return false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string_view FieldKindName(FieldKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "text";
}

std::optional<FieldKind> ParseFieldKind(std::string_view name) {
  for (const auto& [k, n] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

bool IsTextKind(FieldKind kind) {
  return kind == FieldKind::kText || kind == FieldKind::kLongText || kind == FieldKind::kRichText;
}

Result<std::vector<FieldDef>> ParseFieldDefs(const json::value& input) {
  if (!input.is_array())
    return Error::BadRequest("fields must be an array", {{"fields", "must be an array"}});
  const auto& array = input.as_array();
  if (array.size() > 100) return Error::InvalidField("fields", "has more than 100 fields");
  std::vector<FieldDef> out;
  std::vector<FieldError> faults;
  std::set<std::string> keys;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string at = "fields[" + std::to_string(i) + "].";
    if (!array[i].is_object()) {
      faults.push_back({"fields[" + std::to_string(i) + "]", "must be an object"});
      continue;
    }
    JsonInput in(array[i].as_object(), at);
    FieldDef def;
    auto key = in.String("key", JsonInput::kRequired, 64);
    auto label = in.String("label", JsonInput::kRequired, 400);
    auto kind = in.String("kind", JsonInput::kRequired, 32);
    auto required = in.Bool("required");
    auto max_length = in.Int("max_length");
    auto options = in.StringArray("options", JsonInput::kOptional, 200);
    auto channel_limits = in.Bool("channel_limits");
    if (auto done = in.Finish(); !done) return std::move(done).error();
    if (!IsValidKey(*key) || *key == "title") {
      faults.push_back(
          {at + "key",
           "must be lowercase letters, digits and _, starting with a letter (not \"title\")"});
    } else if (!keys.insert(*key).second) {
      faults.push_back({at + "key", "is used by another field"});
    }
    def.key = *key;
    if (Trim(*label).empty())
      faults.push_back({at + "label", "must not be empty"});
    else if (auto why = CheckNameCharacters(*label))
      faults.push_back({at + "label", *why});
    def.label = std::string(Trim(*label));
    if (auto parsed = ParseFieldKind(*kind)) {
      def.kind = *parsed;
    } else {
      faults.push_back(
          {at + "kind",
           "must be one of text, longtext, richtext, date, choice, multichoice, url, number"});
    }
    def.required = required.value_or(false);
    if (max_length && (*max_length < 1 || *max_length > 1'000'000)) {
      faults.push_back({at + "max_length", "must be between 1 and 1000000"});
    }
    def.max_length = max_length;
    if (max_length && !IsTextKind(def.kind)) {
      faults.push_back({at + "max_length", "applies to text fields only"});
    }
    def.options = options.value_or(std::vector<std::string>{});
    const bool choice = def.kind == FieldKind::kChoice || def.kind == FieldKind::kMultiChoice;
    if (choice && def.options.empty()) faults.push_back({at + "options", "must list the choices"});
    if (!choice && !def.options.empty())
      faults.push_back({at + "options", "applies to choice fields only"});
    def.channel_limits = channel_limits.value_or(false);
    out.push_back(std::move(def));
  }
  if (!faults.empty())
    return Error::Invalid("Some fields of the template are invalid.", std::move(faults));
  return out;
}

std::vector<FieldDef> FieldDefsFromJson(std::string_view stored) {
  std::vector<FieldDef> out;
  std::error_code ec;
  auto value = json::parse(stored, ec);
  if (ec || !value.is_array()) return out;
  for (const auto& item : value.as_array()) {
    const auto& o = item.as_object();
    FieldDef def;
    def.key = std::string(o.at("key").as_string());
    def.label = std::string(o.at("label").as_string());
    def.kind =
        ParseFieldKind(std::string_view(o.at("kind").as_string())).value_or(FieldKind::kText);
    if (auto* v = o.if_contains("required")) def.required = v->as_bool();
    if (auto* v = o.if_contains("max_length"); v && v->is_int64()) def.max_length = v->as_int64();
    if (auto* v = o.if_contains("options"); v && v->is_array()) {
      for (const auto& opt : v->as_array()) def.options.emplace_back(opt.as_string());
    }
    if (auto* v = o.if_contains("channel_limits")) def.channel_limits = v->as_bool();
    out.push_back(std::move(def));
  }
  return out;
}

json::array FieldDefsToJson(const std::vector<FieldDef>& fields) {
  json::array out;
  for (const auto& f : fields) {
    json::object o{{"key", f.key},
                   {"label", f.label},
                   {"kind", FieldKindName(f.kind)},
                   {"required", f.required}};
    o["max_length"] = f.max_length ? json::value(*f.max_length) : json::value(nullptr);
    if (!f.options.empty()) {
      json::array options;
      for (const auto& opt : f.options) options.push_back(json::string(opt));
      o["options"] = std::move(options);
    }
    if (f.channel_limits) o["channel_limits"] = true;
    out.push_back(std::move(o));
  }
  return out;
}

std::optional<std::string> CheckFieldValue(const FieldDef& field, const json::value& value) {
  switch (field.kind) {
    case FieldKind::kText:
      if (!value.is_string()) return "must be a string";
      if (value.as_string().find('\n') != json::string::npos) return "must be one line";
      return std::nullopt;
    case FieldKind::kLongText:
    case FieldKind::kRichText:
      if (!value.is_string()) return "must be a string";
      return std::nullopt;
    case FieldKind::kDate:
      if (!value.is_string() || !ParseTime(std::string_view(value.as_string()))) {
        return "must be a date (YYYY-MM-DD) or a time (RFC 3339)";
      }
      return std::nullopt;
    case FieldKind::kChoice: {
      if (!value.is_string()) return "must be one of the choices";
      const std::string v(value.as_string());
      for (const auto& opt : field.options) {
        if (opt == v) return std::nullopt;
      }
      return "must be one of the choices";
    }
    case FieldKind::kMultiChoice: {
      if (!value.is_array()) return "must be an array of choices";
      for (const auto& item : value.as_array()) {
        if (!item.is_string()) return "must be an array of choices";
        const std::string v(item.as_string());
        bool found = false;
        for (const auto& opt : field.options) found = found || opt == v;
        if (!found) return "has a value that is not one of the choices";
      }
      return std::nullopt;
    }
    case FieldKind::kUrl: {
      if (!value.is_string()) return "must be a URL";
      const std::string_view v(value.as_string());
      if ((v.rfind("https://", 0) != 0 && v.rfind("http://", 0) != 0) || v.size() < 10 ||
          v.find(' ') != std::string_view::npos) {
        return "must be an http(s) URL";
      }
      return std::nullopt;
    }
    case FieldKind::kNumber:
      if (!value.is_number()) return "must be a number";
      return std::nullopt;
  }
  return "has an unknown kind";
}

}  // namespace copydesk::workspace
