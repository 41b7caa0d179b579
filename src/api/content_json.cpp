#include "api/content_json.hpp"

#include <boost/json/parse.hpp>
#include <charconv>

#include "api/common.hpp"
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

json::array Strings(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.push_back(json::string(s));
  return out;
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

json::object ContentJson(const content::ContentView& view, bool with_fields) {
  const auto& c = view.content;
  json::object out{
      {"id", c.id},
      {"workspace_id", c.workspace_id},
      {"type", {{"id", view.type.id}, {"key", view.type.key}, {"name", view.type.name}}},
      {"title", c.title},
      {"language", c.language},
      {"channels", Strings(c.channel_ids)},
      {"tags", Strings(c.tags)},
      {"assignees", Strings(c.assignee_ids)},
      {"version", c.version},
      {"revision", c.revision},
      {"content_hash", c.content_hash},
      {"created_by", c.created_by},
      {"created_at", FormatTime(c.created_at)},
      {"updated_at", FormatTime(c.updated_at)},
      {"archived", c.archived_at.has_value()},
      {"attachments_count", c.attachments_count}};
  out["project"] = OptionalString(c.project_id);
  out["owner"] = OptionalString(c.owner_id);
  out["due_at"] = OptionalTime(c.due_at);
  out["publish_at"] = OptionalTime(c.publish_at);
  if (with_fields) {
    std::error_code ec;
    auto fields = json::parse(c.fields_json, ec);
    out["fields"] = ec ? json::value(json::object()) : fields;
    out["variants"] = VariantsJson(view.variants);
  }
  if (view.status) {
    out["status"] = {{"id", view.status->id},
                     {"name", view.status->name},
                     {"color", view.status->color},
                     {"category", view.status->category}};
  } else {
    out["status"] = nullptr;
  }
  if (c.locked_by) {
    out["lock"] = {{"by", *c.locked_by},
                   {"reason", c.locked_reason.value_or("")},
                   {"at", OptionalTime(c.locked_at)}};
  } else {
    out["lock"] = nullptr;
  }
  out["validated_revision"] = view.approvals.validated_revision
                                  ? json::value(*view.approvals.validated_revision)
                                  : json::value(nullptr);
  json::array teams;
  for (const auto& t : view.approvals.teams) teams.push_back(TeamApprovalJson(t));
  out["approvals"] = std::move(teams);
  json::array violations;
  for (const auto& v : view.violations) {
    json::object o{{"field", v.field}, {"rule", v.rule}, {"limit", v.limit}, {"actual", v.actual}};
    if (v.channel_id) o["channel"] = *v.channel_id;
    violations.push_back(std::move(o));
  }
  out["violations"] = std::move(violations);
  // Late depends on when it is read: derived now, from the channels' rows read with the content.
  const auto publication =
      content::DerivePublication(c, view.status && view.status->category == "published", NowMs());
  json::array publications;
  for (const auto& p : publication.channels) {
    json::object o{{"channel", p.channel_id}, {"late", p.late}};
    o["planned_at"] = OptionalTime(p.planned_at);
    o["at"] = OptionalTime(p.at);
    o["published_at"] = OptionalTime(p.published_at);
    o["url"] = OptionalString(p.url);
    o["published_by"] = p.published_by
                            ? json::value({{"id", *p.published_by}, {"name", p.published_by_name}})
                            : json::value(nullptr);
    publications.push_back(std::move(o));
  }
  out["publications"] = std::move(publications);
  out["publication"] = content::PublicationStateName(publication.state);
  return out;
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
