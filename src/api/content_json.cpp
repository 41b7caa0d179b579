#include "api/content_json.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <charconv>

#include "api/common.hpp"
#include "api/present/translation.hpp"
#include "content/channel_rules.hpp"
#include "content/publication.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::value OptionalString(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value OptionalTime(const std::optional<TimeMs>& v) {
  return v ? json::value(FormatTime(*v)) : json::value(nullptr);
}

}  // namespace

json::object ChannelJson(const storage::ChannelRecord& c) {
  json::object out{{"id", c.id}, {"name", c.name}, {"color", c.color}, {"position", c.position}};
  out["parent"] = OptionalString(c.parent_id);
  out["char_limit"] = c.char_limit ? json::value(*c.char_limit) : json::value(nullptr);
  out["network"] = OptionalString(c.network);
  return out;
}

json::array NetworksJson() {
  auto optional = [](const std::optional<std::int64_t>& v) {
    return v ? json::value(*v) : json::value(nullptr);
  };
  json::array out;
  for (const auto& rules : content::AllNetworkRules()) {
    json::array fields;
    for (const auto& f : rules.fields) {
      fields.push_back({{"key", f.key},
                        {"limit", optional(f.limit)},
                        {"counting", content::CountingName(f.counting)}});
    }
    out.push_back({{"network", rules.network},
                   {"fields", std::move(fields)},
                   {"hook", optional(rules.hook)},
                   {"image_ratio", OptionalString(rules.image_ratio)},
                   {"hashtag_limit", optional(rules.hashtag_limit)},
                   {"mention_limit", optional(rules.mention_limit)}});
  }
  return out;
}

json::object TypeJson(const storage::ContentTypeRecord& t) {
  return {{"id", t.id},
          {"key", t.key},
          {"name", t.name},
          {"fields", workspace::FieldDefsToJson(workspace::FieldDefsFromJson(t.fields_json))},
          {"updated_at", FormatTime(t.updated_at)}};
}

json::object ProjectJson(const storage::ProjectRecord& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"description", p.description},
          {"archived", p.archived_at.has_value()},
          {"archived_at", OptionalTime(p.archived_at)},
          {"created_at", FormatTime(p.created_at)},
          {"updated_at", FormatTime(p.updated_at)}};
}

json::object ApprovalJson(const storage::ApprovalRecord& a, std::optional<bool> stale) {
  json::object out{{"id", a.id},
                   {"revision", a.revision},
                   {"content_hash", a.content_hash},
                   {"decision", a.decision},
                   {"comment", a.comment},
                   {"by", {{"id", OptionalString(a.user_id)}, {"name", a.user_name}}},
                   {"created_at", FormatTime(a.created_at)}};
  out["team"] =
      a.team_id ? json::value({{"id", *a.team_id}, {"name", a.team_name}}) : json::value(nullptr);
  if (a.visitor_email)
    out["visitor"] = {{"name", a.visitor_name.value_or("")}, {"email", *a.visitor_email}};
  if (stale) out["stale"] = *stale;
  {
    std::error_code ec;
    auto covered = json::parse(a.covered_variants_json, ec);
    out["covered_variants"] = ec || !covered.is_array() ? json::value(json::array()) : covered;
  }
  return out;
}

json::object TeamApprovalJson(const content::TeamApproval& t) {
  json::object out{{"team_id", t.team_id}, {"team_name", t.team_name}, {"state", t.state}};
  out["latest"] =
      t.latest ? json::value(ApprovalJson(*t.latest, std::nullopt)) : json::value(nullptr);
  return out;
}

json::object StatusJson(const storage::StatusRecord& s) {
  json::object out{{"id", s.id},
                   {"name", s.name},
                   {"color", s.color},
                   {"category", s.category},
                   {"position", s.position}};
  if (auto gate = content::GateOf(s)) {
    json::array teams;
    for (const auto& t : gate->teams) teams.push_back(json::string(t));
    out["gate"] = {{"teams", std::move(teams)},
                   {"no_violations", gate->no_violations},
                   {"blocking", gate->blocking}};
  } else {
    out["gate"] = nullptr;
  }
  return out;
}

json::object EventJson(const storage::EventRecord& e) {
  std::error_code ec;
  auto data = json::parse(e.data_json, ec);
  return {{"seq", e.seq},
          {"kind", e.kind},
          {"at", FormatTime(e.created_at)},
          {"actor", {{"id", OptionalString(e.actor_id)}, {"name", e.actor_name}}},
          {"subject", OptionalString(e.subject_id)},
          {"data", ec ? json::value(json::object()) : data}};
}

json::object VariantsJson(const std::vector<content::VariantView>& variants) {
  json::object out;
  for (const auto& v : variants) {
    json::object counts;
    for (const auto& c : v.counts) {
      counts[c.key] = {{"count", c.count},
                       {"limit", c.limit ? json::value(*c.limit) : json::value(nullptr)}};
    }
    out[v.channel_id] = {{"network", v.network},
                         {"fields", v.fields},
                         {"visual", OptionalString(v.visual)},
                         {"counts", std::move(counts)}};
  }
  return out;
}

json::object ContentJson(const content::ContentView& view, bool with_fields, json::storage_ptr sp) {
  // Every member is made in `sp` (a list's arena): assigning a string, number or null to a member
  // makes it in the member's storage, so nothing is built elsewhere and copied in.
  const auto& c = view.content;
  json::object out(sp);
  out.reserve(30);
  const auto strings = [](json::value& slot, const std::vector<std::string>& values) {
    auto& array = slot.emplace_array();
    array.reserve(values.size());
    for (const auto& v : values) array.emplace_back(std::string_view(v));
  };
  const auto time = [](json::value& slot, const std::optional<TimeMs>& t) {
    if (t)
      slot = std::string_view(FormatTime(*t));
    else
      slot = nullptr;
  };
  const auto text = [](json::value& slot, const std::optional<std::string>& v) {
    if (v)
      slot = std::string_view(*v);
    else
      slot = nullptr;
  };
  out["id"] = std::string_view(c.id);
  out["workspace_id"] = std::string_view(c.workspace_id);
  {
    auto& type = out["type"].emplace_object();
    type["id"] = std::string_view(view.type.id);
    type["key"] = std::string_view(view.type.key);
    type["name"] = std::string_view(view.type.name);
  }
  out["title"] = std::string_view(c.title);
  out["language"] = std::string_view(c.language);
  strings(out["channels"], c.channel_ids);
  strings(out["tags"], c.tags);
  strings(out["assignees"], c.assignee_ids);
  out["version"] = c.version;
  out["revision"] = c.revision;
  out["content_hash"] = std::string_view(c.content_hash);
  out["created_by"] = std::string_view(c.created_by);
  out["created_at"] = std::string_view(FormatTime(c.created_at));
  out["updated_at"] = std::string_view(FormatTime(c.updated_at));
  out["archived"] = c.archived_at.has_value();
  out["attachments_count"] = c.attachments_count;
  text(out["project"], c.project_id);
  text(out["owner"], c.owner_id);
  time(out["due_at"], c.due_at);
  time(out["publish_at"], c.publish_at);
  if (with_fields) {
    std::error_code ec;
    auto fields = json::parse(c.fields_json, ec, sp);
    if (ec)
      out["fields"].emplace_object();
    else
      out["fields"] = std::move(fields);
    out["variants"] = VariantsJson(view.variants);
  }
  if (view.status) {
    auto& status = out["status"].emplace_object();
    status["id"] = std::string_view(view.status->id);
    status["name"] = std::string_view(view.status->name);
    status["color"] = std::string_view(view.status->color);
    status["category"] = std::string_view(view.status->category);
  } else {
    out["status"] = nullptr;
  }
  if (c.locked_by) {
    auto& lock = out["lock"].emplace_object();
    lock["by"] = std::string_view(*c.locked_by);
    lock["reason"] = std::string_view(c.locked_reason ? *c.locked_reason : std::string());
    time(lock["at"], c.locked_at);
  } else {
    out["lock"] = nullptr;
  }
  if (view.approvals.validated_revision)
    out["validated_revision"] = *view.approvals.validated_revision;
  else
    out["validated_revision"] = nullptr;
  {
    auto& teams = out["approvals"].emplace_array();
    for (const auto& t : view.approvals.teams) teams.emplace_back(TeamApprovalJson(t));
  }
  {
    auto& violations = out["violations"].emplace_array();
    for (const auto& v : view.violations) {
      auto& o = violations.emplace_back(nullptr).emplace_object();
      o["field"] = std::string_view(v.field);
      o["rule"] = std::string_view(v.rule);
      o["limit"] = v.limit;
      o["actual"] = v.actual;
      if (v.channel_id) o["channel"] = std::string_view(*v.channel_id);
    }
  }
  // Late depends on when it is read: derived now, from the channels' rows read with the content.
  const auto publication =
      content::DerivePublication(c, view.status && view.status->category == "published", NowMs());
  {
    auto& publications = out["publications"].emplace_array();
    publications.reserve(publication.channels.size());
    for (const auto& p : publication.channels) {
      auto& o = publications.emplace_back(nullptr).emplace_object();
      o["channel"] = std::string_view(p.channel_id);
      o["late"] = p.late;
      time(o["planned_at"], p.planned_at);
      time(o["at"], p.at);
      time(o["published_at"], p.published_at);
      text(o["url"], p.url);
      if (p.published_by) {
        auto& by = o["published_by"].emplace_object();
        by["id"] = std::string_view(*p.published_by);
        by["name"] = std::string_view(p.published_by_name);
      } else {
        o["published_by"] = nullptr;
      }
    }
  }
  out["publication"] = std::string_view(content::PublicationStateName(publication.state));
  out["translation"] = TranslationJson(view.translation);
  return out;
}

Result<http::Response> ContentPageResponse(Result<content::ContentPage> page) {
  if (!page) return std::move(page).error();
  // The whole answer (~2,000 values for 50 rows) is built in one arena: each value is made by
  // moving a pointer, and nothing is freed value by value (a monotonic resource held by a plain
  // pointer makes boost::json skip the destruction walk). A page is at most 200 rows.
  json::monotonic_resource arena(64 * 1024);
  const json::storage_ptr sp(&arena);
  json::object body(sp);
  auto& items = body["items"].emplace_array();
  items.reserve(page->items.size());
  for (const auto& view : page->items) items.emplace_back(ContentJson(view, false, sp));
  if (page->next_cursor)
    body["next_cursor"] = std::string_view(*page->next_cursor);
  else
    body["next_cursor"] = nullptr;
  return Json(200, body);
}

json::object RevisionJson(const storage::RevisionRecord& r, bool with_text) {
  json::object out{{"number", r.number},
                   {"author", {{"id", r.author_id}, {"name", r.author_name}}},
                   {"reason", r.reason},
                   {"started_at", FormatTime(r.started_at)},
                   {"saved_at", FormatTime(r.saved_at)},
                   {"saves", r.saves},
                   // Sealed: it will never change again — marked so, labelled, or past the
                   // window in which its author's next saves would have refined it.
                   {"sealed", r.sealed || r.label.has_value() ||
                                  NowMs() - r.started_at >= content::kRevisionWindowMs},
                   {"content_hash", r.content_hash}};
  out["label"] = OptionalString(r.label);
  out["restored_from"] = r.restored_from ? json::value(*r.restored_from) : json::value(nullptr);
  {
    // The files this revision went out with (their hashes: part of the proof of what was
    // approved).
    std::error_code ec;
    auto files = json::parse(r.attachments_json, ec);
    out["attachments"] = ec || !files.is_array() ? json::value(json::array()) : files;
  }
  if (with_text) {
    out["title"] = r.title;
    std::error_code ec;
    auto fields = json::parse(r.fields_json, ec);
    out["fields"] = ec ? json::value(json::object()) : fields;
    // Its channel variants as stored: what the revision's hash covers with the fields.
    auto variants = json::parse(r.variants_json, ec);
    out["variants"] = ec || !variants.is_object() ? json::value(json::object()) : variants;
  }
  return out;
}

content::ContentInput ReadContentInput(JsonInput& in, bool creating) {
  content::ContentInput out;
  if (creating) out.type = in.String("type", JsonInput::kRequired, 200);
  out.title = in.String("title", creating ? JsonInput::kRequired : JsonInput::kOptional, 16 * 1024);
  out.language = in.String("language", JsonInput::kOptional, 8);
  out.fields = in.Object("fields");
  out.channels = in.StringArray("channels", JsonInput::kOptional, 100);
  out.tags = in.StringArray("tags", JsonInput::kOptional, 100);
  out.assignees = in.StringArray("assignees", JsonInput::kOptional, 100);
  auto nullable_string = [&](const char* key, std::optional<std::optional<std::string>>& field) {
    if (in.IsNull(key)) {
      in.Raw(key);  // mark as read
      field = std::optional<std::string>();
    } else if (auto v = in.String(key, JsonInput::kOptional, 200)) {
      field = *v;
    }
  };
  nullable_string("project", out.project);
  nullable_string("owner", out.owner);
  auto nullable_time = [&](const char* key, std::optional<std::optional<TimeMs>>& field) {
    if (in.IsNull(key)) {
      in.Raw(key);
      field = std::optional<TimeMs>();
    } else if (auto v = in.String(key, JsonInput::kOptional, 64)) {
      if (auto t = ParseTime(*v))
        field = *t;
      else
        in.Fault(key, "must be a date (YYYY-MM-DD) or a time (RFC 3339)");
    }
  };
  nullable_time("due_at", out.due_at);
  nullable_time("publish_at", out.publish_at);
  // Variants are cut from a content that exists: a change's member only. Their shape is checked
  // with the content's channels (content::internal::CheckVariants), each fault named.
  if (!creating) out.variants = in.Object("variants");
  return out;
}

Result<std::optional<TimeMs>> TimeParam(const http::Request& request, const std::string& name) {
  auto v = request.QueryParam(name);
  if (!v || v->empty()) return std::optional<TimeMs>();
  auto t = ParseTime(*v);
  if (!t)
    return Error::BadRequest(name + " must be a date or a time (RFC 3339).",
                             {{name, "must be a date or a time"}});
  return std::optional<TimeMs>(*t);
}

Result<std::optional<std::int64_t>> IntParam(const http::Request& request,
                                             const std::string& name) {
  auto v = request.QueryParam(name);
  if (!v || v->empty()) return std::optional<std::int64_t>();
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size()) {
    return Error::BadRequest(name + " must be an integer.", {{name, "must be an integer"}});
  }
  return std::optional<std::int64_t>(n);
}

Result<std::optional<bool>> BoolParam(const http::Request& request, const std::string& name) {
  auto v = request.QueryParam(name);
  if (!v || v->empty()) return std::optional<bool>();
  if (*v == "true" || *v == "1") return std::optional<bool>(true);
  if (*v == "false" || *v == "0") return std::optional<bool>(false);
  return Error::BadRequest(name + " must be true or false.", {{name, "must be true or false"}});
}

http::Response ContentResponse(int status, const content::ContentView& view, json::object extra) {
  auto body = ContentJson(view);
  if (view.merged) body["merged"] = true;
  body["shared"] = view.shared ? json::value(auth::ShareLevelName(*view.shared)) : nullptr;
  for (auto& member : extra) body[member.key()] = std::move(member.value());
  return Json(status, body).With("ETag", "\"v" + std::to_string(view.content.version) + "\"");
}

// The body is Markdown as typed: clients render it without raw HTML.
json::object CommentJson(const storage::CommentRecord& c) {
  json::object out{{"id", c.id},
                   {"content_id", c.content_id},
                   {"parent", c.parent_id ? json::value(*c.parent_id) : json::value(nullptr)},
                   {"author", {{"id", c.author_id}, {"name", c.author_name}}},
                   {"body", c.body},
                   {"internal", c.internal},
                   {"anchor", nullptr},
                   {"anchor_state", c.anchor_state ? json::value(*c.anchor_state) : nullptr},
                   {"resolved", c.resolved_at.has_value()},
                   {"resolved_at", OptionalTime(c.resolved_at)},
                   {"resolved_by", c.resolved_by ? json::value(*c.resolved_by) : nullptr},
                   {"created_at", FormatTime(c.created_at)},
                   {"updated_at", FormatTime(c.updated_at)},
                   {"edited_at", OptionalTime(c.edited_at)}};
  if (c.anchor_field) {
    out["anchor"] = {{"field", *c.anchor_field},
                     {"quote", c.anchor_quote.value_or("")},
                     {"revision", c.anchor_revision.value_or(0)},
                     {"offset", c.anchor_offset.value_or(0)}};
  }
  return out;
}

json::object ThreadJson(const collab::Thread& t) {
  json::object out = CommentJson(t.root);
  json::array replies;
  for (const auto& r : t.replies) replies.push_back(CommentJson(r));
  out["replies"] = std::move(replies);
  return out;
}

collab::CommentInput ReadCommentInput(JsonInput& in, bool creating) {
  collab::CommentInput out;
  out.body = in.String("body", creating ? JsonInput::kRequired : JsonInput::kOptional, 256 * 1024);
  out.internal = in.Bool("internal");
  if (creating) {
    out.parent = in.String("parent", JsonInput::kOptional, 64);
    if (auto anchor = in.Object("anchor")) {
      JsonInput a(std::move(*anchor), "anchor.");
      collab::AnchorInput parsed;
      parsed.field = a.String("field", JsonInput::kRequired, 64).value_or("");
      parsed.quote = a.String("quote", JsonInput::kRequired, 16 * 1024).value_or("");
      parsed.revision = a.Int("revision");
      parsed.offset = a.Int("offset");
      in.Include(a);
      out.anchor = std::move(parsed);
    }
  }
  return out;
}

Result<http::Response> PresentContent(Result<content::ContentView> view, int status,
                                      json::object extra) {
  if (!view) return std::move(view).error();
  return ContentResponse(status, *view, std::move(extra));
}

}  // namespace copydesk::api
