// Linked translations (issue 20): create a content's translation, link or unlink one, mark it
// brought up to date with its source, and read what changed in the source since.

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "api/present/diff.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

std::string ReadLanguage(JsonInput& in) {
  return in.String("language", JsonInput::kRequired, 8).value_or("");
}

std::string ReadSource(JsonInput& in) {
  return in.String("source_id", JsonInput::kRequired, 200).value_or("");
}

// The source's revision the translation now renders; left out: the source's current one.
Result<std::optional<std::int64_t>> ReadSynced(JsonInput& in) {
  auto revision = in.Int("revision");
  if (revision && *revision < 1)
    return Error::InvalidField("revision", "must be a revision number (1 or more)");
  return revision;
}

json::object SourceDiffJson(const content::SourceDiff& d) {
  json::object out = DiffJson(d.from, d.to, d.fields);
  out["source_id"] = d.source_id;
  return out;
}

}  // namespace

void AddTranslationRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  Mount(router,
        {
            {"POST", "/api/v1/contents/{id}/translations", member, Body(ReadLanguage),
             [&s](Call& c) {
               return PresentContent(
                   s.translations.Create(c.actor(), c.param("id"), c.input<std::string>()), 201);
             }},
            {"PUT", "/api/v1/contents/{id}/translation", member, Body(ReadSource),
             [&s](Call& c) {
               return PresentContent(
                   s.translations.Link(c.actor(), c.param("id"), c.input<std::string>()));
             }},
            {"DELETE", "/api/v1/contents/{id}/translation", member, NoFields(),
             [&s](Call& c) {
               return PresentContent(s.translations.Unlink(c.actor(), c.param("id")));
             }},
            {"POST", "/api/v1/contents/{id}/translation/synced", member, Body(ReadSynced),
             [&s](Call& c) {
               return PresentContent(s.translations.MarkSynced(
                   c.actor(), c.param("id"), c.input<std::optional<std::int64_t>>()));
             }},
            {"GET",
             "/api/v1/contents/{id}/translation/source-diff",
             member,
             {},
             [&s](Call& c) {
               return Present(s.translations.DiffSource(c.actor(), c.param("id")), SourceDiffJson);
             }},
        });
}

}  // namespace copydesk::api
