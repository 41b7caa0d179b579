#include "api/present/translation.hpp"

#include <boost/json/object.hpp>

namespace copydesk::api {

namespace json = boost::json;

json::value TranslationJson(const std::optional<content::TranslationView>& t) {
  if (!t) return nullptr;
  auto optional_int = [](const std::optional<std::int64_t>& v) {
    return v ? json::value(*v) : json::value(nullptr);
  };
  auto optional_string = [](const std::optional<std::string>& v) {
    return v ? json::value(*v) : json::value(nullptr);
  };
  json::array languages;
  for (const auto& l : t->languages) {
    languages.push_back(json::object{{"language", l.language},
                                     {"content_id", l.content_id},
                                     {"title", l.title},
                                     {"is_source", l.is_source},
                                     {"state", optional_string(l.state)}});
  }
  return json::object{{"source_id", t->source_id},
                      {"is_source", t->is_source},
                      {"languages", std::move(languages)},
                      {"synced_revision", optional_int(t->synced_revision)},
                      {"source_revision", optional_int(t->source_revision)},
                      {"state", optional_string(t->state)}};
}

}  // namespace copydesk::api
