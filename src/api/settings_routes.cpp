// A workspace's settings: channels, content types, projects, and the tags in use. The rules are
// in workspace::Settings.
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
  if (in.Has("network")) {
    if (in.IsNull("network")) {
      in.Raw("network");
      change.network = std::optional<std::string>();
    } else if (auto v = in.String("network", JsonInput::kOptional, 32)) {
      change.network = *v;
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

struct TagQuery {
  std::string prefix;
  int limit = 20;
};
Result<TagQuery> ReadTagQuery(const http::Request& req) {
  auto limit = IntParam(req, "limit");
  if (!limit) return std::move(limit).error();
  const auto n = limit->value_or(20);
  if (n < 1 || n > 100) return Error::InvalidField("limit", "must be between 1 and 100");
  return TagQuery{req.QueryParam("prefix").value_or(""), static_cast<int>(n)};
}

json::object TagJson(const storage::TagCount& t) {
  return {{"tag", t.tag}, {"count", t.count}};
}

// Each reader for a create (true) or a change (false) of its thing.
template <class Read>
auto Creating(Read read) {
  return Body([read](JsonInput& in) { return read(in, true); });
}
template <class Read>
auto Changing(Read read) {
  return Body([read](JsonInput& in) { return read(in, false); });
}

}  // namespace

void AddSettingsRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(
      router,
      {
          // ---- channels
          {"GET",
           "/api/v1/workspaces/{ws}/channels",
           member,
           {},
           [&s](Call& c) {
             // The networks' rules come with the channels: the web counts and previews variants
             // by the rules the server checks them with.
             return Present(s.settings.Channels(c.actor(), c.param("ws")), [](const auto& list) {
               auto out = ItemsJson(list, ChannelJson);
               out["networks"] = NetworksJson();
               return out;
             });
           }},
          {"POST", "/api/v1/workspaces/{ws}/channels", member, Creating(ReadChannelChange),
           [&s](Call& c) {
             return Present(s.settings.CreateChannel(c.actor(), c.param("ws"),
                                                     c.input<workspace::ChannelChange>()),
                            ChannelJson, 201);
           }},
          {"PATCH", "/api/v1/workspaces/{ws}/channels/{id}", member, Changing(ReadChannelChange),
           [&s](Call& c) {
             return Present(s.settings.UpdateChannel(c.actor(), c.param("ws"), c.param("id"),
                                                     c.input<workspace::ChannelChange>()),
                            ChannelJson);
           }},
          // Deleting a channel in use needs ?move_to=<channel id>: contents never lose a
          // channel silently.
          {"DELETE",
           "/api/v1/workspaces/{ws}/channels/{id}",
           member,
           {},
           [&s](Call& c) {
             return Done(s.settings.DeleteChannel(c.actor(), c.param("ws"), c.param("id"),
                                                  c.request.QueryParam("move_to")));
           }},

          // ---- content types
          {"GET",
           "/api/v1/workspaces/{ws}/types",
           member,
           {},
           [&s](Call& c) {
             return Present(s.settings.Types(c.actor(), c.param("ws")),
                            [](const auto& list) { return ItemsJson(list, TypeJson); });
           }},
          // Unknown or faulty members are reported first, then a faulty field definition.
          {"POST", "/api/v1/workspaces/{ws}/types", member, Creating(ReadTypeChange),
           [&s](Call& c) {
             auto& change = c.input<workspace::ContentTypeChange>();
             return Present(s.settings.CreateType(c.actor(), c.param("ws"), change), TypeJson, 201);
           }},
          {"PATCH", "/api/v1/workspaces/{ws}/types/{id}", member, Changing(ReadTypeChange),
           [&s](Call& c) {
             auto& change = c.input<workspace::ContentTypeChange>();
             return Present(s.settings.UpdateType(c.actor(), c.param("ws"), c.param("id"), change),
                            TypeJson);
           }},
          {"DELETE",
           "/api/v1/workspaces/{ws}/types/{id}",
           member,
           {},
           [&s](Call& c) {
             return Done(s.settings.DeleteType(c.actor(), c.param("ws"), c.param("id")));
           }},

          // ---- projects
          {"GET", "/api/v1/workspaces/{ws}/projects", member,
           Query([](const http::Request& req) { return BoolParam(req, "archived"); }),
           [&s](Call& c) {
             return Present(s.settings.Projects(c.actor(), c.param("ws"),
                                                c.input<std::optional<bool>>().value_or(false)),
                            [](const auto& list) { return ItemsJson(list, ProjectJson); });
           }},
          {"POST", "/api/v1/workspaces/{ws}/projects", member, Creating(ReadProjectChange),
           [&s](Call& c) {
             return Present(s.settings.CreateProject(c.actor(), c.param("ws"),
                                                     c.input<workspace::ProjectChange>()),
                            ProjectJson, 201);
           }},
          {"PATCH", "/api/v1/workspaces/{ws}/projects/{id}", member, Changing(ReadProjectChange),
           [&s](Call& c) {
             return Present(s.settings.UpdateProject(c.actor(), c.param("ws"), c.param("id"),
                                                     c.input<workspace::ProjectChange>()),
                            ProjectJson);
           }},

          // ---- tags: autocomplete
          {"GET", "/api/v1/workspaces/{ws}/tags", member, Query(ReadTagQuery),
           [&s](Call& c) {
             const auto& query = c.input<TagQuery>();
             return Present(s.settings.Tags(c.actor(), c.param("ws"), query.prefix, query.limit),
                            [](const auto& list) { return ItemsJson(list, TagJson); });
           }},
      });
}

}  // namespace copydesk::api
