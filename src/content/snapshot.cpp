#include "content/snapshot.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "core/random.hpp"

namespace copydesk::content {

namespace json = boost::json;

namespace {

json::value Sorted(const json::value& v) {
  if (v.is_object()) return SortedObject(v.as_object());
  if (v.is_array()) {
    json::array out;
    for (const auto& item : v.as_array()) out.push_back(Sorted(item));
    return out;
  }
  return v;
}

}  // namespace

json::object SortedObject(const json::object& object) {
  std::vector<std::string_view> keys;
  for (const auto& member : object) keys.push_back(member.key());
  std::sort(keys.begin(), keys.end());
  json::object out;
  for (auto key : keys) out[key] = Sorted(object.at(key));
  return out;
}

std::string ContentHash(const std::string& title, const json::object& fields,
                        const std::string& attachments_json, const std::string& variants_json) {
  json::object canonical;
  if (!attachments_json.empty() && attachments_json != "[]") {
    std::error_code ec;
    auto files = json::parse(attachments_json, ec);
    if (!ec) canonical["attachments"] = Sorted(files);  // keys in order, so before "fields"
  }
  canonical["fields"] = SortedObject(fields);
  canonical["title"] = title;
  if (!variants_json.empty() && variants_json != "{}") {
    std::error_code ec;
    auto variants = json::parse(variants_json, ec);
    if (!ec && variants.is_object() && !variants.as_object().empty())
      canonical["variants"] = Sorted(variants);  // after "title": keys stay in order
  }
  return Sha256Hex(json::serialize(canonical));
}

}  // namespace copydesk::content
