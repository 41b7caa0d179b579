#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

// Creating needs the members a new thing cannot do without: missing, they answer 400 like any
// body that does not match its schema (docs/api/openapi.yaml, "Bad input").
JsonInput::Presence NeededWhen(bool creating) {
  return creating ? JsonInput::kRequired : JsonInput::kOptional;
}

workspace::ChannelChange ReadChannelChange(JsonInput& in, bool creating) {
  workspace::ChannelChange change;
  change.name = in.String("name", NeededWhen(creating), 400);
  change.color = in.String("color", JsonInput::kOptional, 16);
  change.position = in.Int("position");
  if (in.Has("parent")) {
    if (in.IsNull("parent")) {
      in.Raw("parent");
      change.parent = std::optional<std::string>();
    } else if (auto v = in.String("parent", JsonInput::kOptional, 64)) {
      change.parent = *v;
    }
  }
  if (in.Has("char_limit")) {
    if (in.IsNull("char_limit")) {
      in.Raw("char_limit");
      change.char_limit = std::optional<std::int64_t>();
    } else if (auto v = in.Int("char_limit")) {
      change.char_limit = *v;
    }
  }
  return change;
}

// A type's key is given once, when creating: in a change it is not a member (400), since
// contents and integrations rely on it.
Result<workspace::ContentTypeChange> ReadTypeChange(JsonInput& in, bool creating) {
  workspace::ContentTypeChange change;
  if (creating) change.key = in.String("key", JsonInput::kRequired, 64);
  change.name = in.String("name", NeededWhen(creating), 400);
  if (auto fields = in.Raw("fields")) {
    auto parsed = workspace::ParseFieldDefs(*fields);
    if (!parsed) return std::move(parsed).error();
    change.fields = std::move(*parsed);
  }
  return change;
}

workspace::ProjectChange ReadProjectChange(JsonInput& in, bool creating) {
  workspace::ProjectChange change;
  change.name = in.String("name", NeededWhen(creating), 400);
  change.description = in.String("description", JsonInput::kOptional, 20000);
  change.archived = in.Bool("archived");
  return change;
}

}  // namespace

void AddSettingsRoutes(http::Router& router, Services& s) {
  // ---- channels
  router.Add("GET", "/api/v1/workspaces/{ws}/channels", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto channels = s.settings.Channels(*actor, req.Param("ws"));
    if (!channels) return std::move(channels).error();
    json::array items;
    for (const auto& c : *channels) items.push_back(ChannelJson(c));
    return Json(200, {{"items", std::move(items)}});
  });
  router.Add("POST", "/api/v1/workspaces/{ws}/channels", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto change = ReadChannelChange(*in, true);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto channel = s.settings.CreateChannel(*actor, req.Param("ws"), change);
    if (!channel) return std::move(channel).error();
    return Json(201, ChannelJson(*channel));
  });
  router.Add("PATCH", "/api/v1/workspaces/{ws}/channels/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto change = ReadChannelChange(*in, false);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto channel = s.settings.UpdateChannel(*actor, req.Param("ws"), req.Param("id"), change);
    if (!channel) return std::move(channel).error();
    return Json(200, ChannelJson(*channel));
  });
  // Deleting a channel in use needs ?move_to=<channel id>: contents never lose a channel silently.
  router.Add("DELETE", "/api/v1/workspaces/{ws}/channels/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto deleted = s.settings.DeleteChannel(*actor, req.Param("ws"), req.Param("id"), req.QueryParam("move_to"));
    if (!deleted) return std::move(deleted).error();
    return NoContent();
  });

  // ---- content types
  router.Add("GET", "/api/v1/workspaces/{ws}/types", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto types = s.settings.Types(*actor, req.Param("ws"));
    if (!types) return std::move(types).error();
    json::array items;
    for (const auto& t : *types) items.push_back(TypeJson(t));
    return Json(200, {{"items", std::move(items)}});
  });
  router.Add("POST", "/api/v1/workspaces/{ws}/types", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto change = ReadTypeChange(*in, true);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    if (!change) return std::move(change).error();
    auto type = s.settings.CreateType(*actor, req.Param("ws"), *change);
    if (!type) return std::move(type).error();
    return Json(201, TypeJson(*type));
  });
  router.Add("PATCH", "/api/v1/workspaces/{ws}/types/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto change = ReadTypeChange(*in, false);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    if (!change) return std::move(change).error();
    auto type = s.settings.UpdateType(*actor, req.Param("ws"), req.Param("id"), *change);
    if (!type) return std::move(type).error();
    return Json(200, TypeJson(*type));
  });
  router.Add("DELETE", "/api/v1/workspaces/{ws}/types/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    if (auto deleted = s.settings.DeleteType(*actor, req.Param("ws"), req.Param("id")); !deleted) {
      return std::move(deleted).error();
    }
    return NoContent();
  });

  // ---- projects
  router.Add("GET", "/api/v1/workspaces/{ws}/projects", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto archived = BoolParam(req, "archived");
    if (!archived) return std::move(archived).error();
    auto projects = s.settings.Projects(*actor, req.Param("ws"), archived->value_or(false));
    if (!projects) return std::move(projects).error();
    json::array items;
    for (const auto& p : *projects) items.push_back(ProjectJson(p));
    return Json(200, {{"items", std::move(items)}});
  });
  router.Add("POST", "/api/v1/workspaces/{ws}/projects", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto change = ReadProjectChange(*in, true);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto project = s.settings.CreateProject(*actor, req.Param("ws"), change);
    if (!project) return std::move(project).error();
    return Json(201, ProjectJson(*project));
  });
  router.Add("PATCH", "/api/v1/workspaces/{ws}/projects/{id}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto change = ReadProjectChange(*in, false);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto project = s.settings.UpdateProject(*actor, req.Param("ws"), req.Param("id"), change);
    if (!project) return std::move(project).error();
    return Json(200, ProjectJson(*project));
  });

  // ---- tags: autocomplete
  router.Add("GET", "/api/v1/workspaces/{ws}/tags", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto limit = IntParam(req, "limit");
    if (!limit) return std::move(limit).error();
    const auto n = limit->value_or(20);
    if (n < 1 || n > 100) return Error::InvalidField("limit", "must be between 1 and 100");
    auto tags = s.settings.Tags(*actor, req.Param("ws"), req.QueryParam("prefix").value_or(""), static_cast<int>(n));
    if (!tags) return std::move(tags).error();
    json::array items;
    for (const auto& t : *tags) items.push_back({{"tag", t.tag}, {"count", t.count}});
    return Json(200, {{"items", std::move(items)}});
  });
}

}  // namespace copydesk::api
