// A workspace's contents, a page at a time.

#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "access/standing.hpp"
#include "content/contents.hpp"
#include "content/internal.hpp"
#include "core/encoding.hpp"
#include "core/text.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::content {

namespace json = boost::json;
using auth::Action;
using internal::ParseObject;
using storage::ContentRecord;
using storage::Tx;
using workspace::FieldDef;

namespace {

// ---- list cursors -----------------------------------------------------------------------------

std::string EncodeCursor(const std::string& sort, bool descending, const storage::Value& value,
                         const std::string& id) {
  json::object o{{"s", sort}, {"d", descending}, {"i", id}};
  if (const auto* n = std::get_if<std::int64_t>(&value))
    o["v"] = *n;
  else if (const auto* s = std::get_if<std::string>(&value))
    o["v"] = *s;
  else
    o["v"] = nullptr;
  return EncodeBase64Url(json::serialize(o));
}

}  // namespace

Result<ContentPage> Contents::List(const auth::Actor& actor, const std::string& ws,
                                   const ListFilter& f) {
  static const std::set<std::string> kSorts = {"updated", "created", "publish_at", "due_at",
                                               "title"};
  if (!kSorts.contains(f.sort)) {
    return Error::InvalidField("sort",
                               "must be one of updated, created, publish_at, due_at, title");
  }
  if (f.limit < 1 || f.limit > 200)
    return Error::InvalidField("limit", "must be between 1 and 200");
  storage::ContentQuery q;
  static_cast<storage::ContentFilter&>(q) = f;
  q.sort = f.sort;
  q.descending = f.descending;
  q.limit = f.limit + 1;  // one more tells whether another page exists
  if (f.cursor) {
    auto decoded = DecodeBase64Url(*f.cursor);
    json::object o = decoded ? ParseObject(*decoded) : json::object();
    const auto* s = o.if_contains("s");
    const auto* d = o.if_contains("d");
    const auto* i = o.if_contains("i");
    const auto* v = o.if_contains("v");
    if (!s || !d || !i || !v || !i->is_string() || !d->is_bool() || *s != json::value(f.sort) ||
        d->as_bool() != f.descending) {
      return Error::BadRequest("The cursor is not valid for this list.",
                               {{"cursor", "is not valid for this list"}});
    }
    q.after_id = std::string(i->as_string());
    if (v->is_int64())
      q.after_value = storage::Value(v->as_int64());
    else if (v->is_string())
      q.after_value = storage::Value(std::string(v->as_string()));
    else
      q.after_value = storage::Value(nullptr);
  }
  return db_.Read([&](Tx& tx) -> Result<ContentPage> {
    auto scoped = ScopeQuery(tx, actor, ws, std::move(q));
    if (!scoped) return std::move(scoped).error();
    auto rows = storage::ListContents(tx, *scoped);
    ContentPage page;
    if (static_cast<int>(rows.size()) > f.limit) {
      rows.resize(static_cast<std::size_t>(f.limit));
      const auto& last = rows.back();
      page.next_cursor =
          EncodeCursor(f.sort, f.descending, storage::SortValue(last, f.sort), last.id);
    }
    page.items = ViewsOf(tx, scoped->workspace_id, std::move(rows), scoped->shared_with);
    return page;
  });
}

Result<storage::ContentQuery> ScopeQuery(Tx& tx, const auth::Actor& actor, const std::string& ws,
                                         storage::ContentQuery q) {
  auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kReadWorkspace);
  if (!access) return std::move(access).error();
  q.workspace_id = access->workspace.id;
  q.now = NowMs();
  // Stored tags are matched by their folded key.
  for (auto& tag : q.tags) tag = FoldForMatch(Trim(tag));
  // Guests list what is shared with them, in the query itself.
  if (!auth::Can(access->role, Action::kReadContent)) q.shared_with = actor.user.id;
  for (auto& t : q.types) {
    // An unknown type stays as it was asked: it simply matches nothing.
    if (auto type = storage::FindContentType(tx, q.workspace_id, t)) t = type->id;
  }
  if (!q.channels.empty()) {
    // A channel filter includes its sub-channels: "Social" finds LinkedIn posts.
    const auto all = storage::ListChannels(tx, q.workspace_id);
    std::set<std::string> wanted(q.channels.begin(), q.channels.end());
    bool grew = true;
    while (grew) {
      grew = false;
      for (const auto& ch : all) {
        if (ch.parent_id && wanted.contains(*ch.parent_id) && wanted.insert(ch.id).second)
          grew = true;
      }
    }
    q.channels.assign(wanted.begin(), wanted.end());
  }
  return q;
}

std::vector<ContentView> ViewsOf(Tx& tx, const std::string& workspace_id,
                                 std::vector<ContentRecord> rows,
                                 const std::optional<std::string>& shared_with) {
  // Read once per page, not once per item: types with their decoded fields, channels, statuses
  // and team names.
  std::map<std::string, std::pair<storage::ContentTypeRecord, std::vector<FieldDef>>> types;
  for (auto& t : storage::ListContentTypes(tx, workspace_id)) {
    auto defs = workspace::FieldDefsFromJson(t.fields_json);
    std::string id = t.id;  // not t.id itself: the pair below is made from t moved
    types.emplace(std::move(id), std::make_pair(std::move(t), std::move(defs)));
  }
  const auto channels = storage::ListChannels(tx, workspace_id);
  const auto statuses = storage::ListStatuses(tx, workspace_id);
  std::map<std::string, std::string> team_names;
  for (const auto& t : storage::ListTeams(tx, workspace_id)) team_names[t.id] = t.name;
  std::vector<ContentView> out;
  out.reserve(rows.size());
  for (auto& row : rows) {
    ContentView view;
    if (auto t = types.find(row.type_id); t != types.end()) {
      view.type = t->second.first;
      view.fields = t->second.second;
    }
    view.violations = FindViolations(row, view.fields, channels);
    if (const auto* status = StatusOf(statuses, row.status_id)) view.status = *status;
    view.approvals = SummarizeInTx(tx, row, statuses, &team_names);
    view.content = std::move(row);
    out.push_back(std::move(view));
  }
  std::vector<ContentView*> views;
  for (auto& v : out) views.push_back(&v);
  FillTranslations(tx, std::move(views), shared_with);
  return out;
}

}  // namespace copydesk::content
