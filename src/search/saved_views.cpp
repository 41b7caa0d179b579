#include "search/saved_views.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "access/standing.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "search/search.hpp"
#include "storage/content_filter.hpp"
#include "storage/events_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::search {

namespace json = boost::json;

namespace {

// The caller's role in the workspace `ref` (id or slug, as on every workspace route), with the
// workspace's id; nullopt when it does not exist or the caller is not a member.
struct Membership {
  std::string workspace_id;
  std::optional<auth::Role> role;
};

std::optional<Membership> MemberOf(storage::Tx& tx, const std::string& ref,
                                   const std::string& user_id) {
  const auto ws = storage::FindWorkspace(tx, ref);
  if (!ws) return std::nullopt;
  auto role = access::RoleIn(tx, ws->id, user_id);
  if (!role) return std::nullopt;
  return Membership{ws->id, role};
}

// The workspace's shared views are its staff's: their names, words, tag filters and the people
// they follow say what the company plans, which a guest must not learn (issue 13).
bool SeesSharedViews(std::optional<auth::Role> role) {
  return auth::SeesInternal(role);
}

Result<void> Apply(const ViewInput& in, storage::SavedViewRecord& view,
                   std::optional<auth::Role> role) {
  std::vector<FieldError> faults;
  if (in.name) {
    const auto name = Trim(*in.name);
    if (name.empty() || CountCharacters(name) > 100)
      faults.push_back({"name", "must be 1 to 100 characters"});
    else if (auto why = CheckNameCharacters(name))
      faults.push_back({"name", *why});
    else
      view.name = std::string(name);
  }
  if (in.q) {
    if (CountCharacters(*in.q) > 1000)
      faults.push_back({"q", "must be at most 1000 characters"});
    else
      view.q = *in.q;
  }
  if (in.sort) {
    if (!IsSearchSort(*in.sort))
      faults.push_back({"sort", "must be relevance, updated or publish_at"});
    else
      view.sort = *in.sort;
  }
  if (in.filters) {
    // An unknown filter or one of the wrong type is a body that does not match its schema: 400.
    if (auto fault = CheckViewFilters(*in.filters))
      return Error::BadRequest(
          "The filters are not valid: " + fault->field + " " + fault->message + ".", {*fault});
    view.filters_json = json::serialize(*in.filters);
  }
  if (in.screen) {
    if (in.screen->empty())
      view.screen.reset();
    else if (*in.screen == "contents" || *in.screen == "board" || *in.screen == "search")
      view.screen = *in.screen;
    else
      faults.push_back({"screen", "must be contents, board or search"});
  }
  if (in.shared) {
    // Guests keep views for themselves: the workspace's shared views are its staff's.
    if (*in.shared && !auth::Can(role, auth::Action::kReadContent)) {
      faults.push_back({"shared", "only members of the workspace's staff may share a view"});
    } else {
      view.shared = *in.shared;
    }
  }
  if (!faults.empty())
    return Error::Invalid(faults.front().field + " " + faults.front().message + ".", faults);
  return {};
}

}  // namespace

std::optional<FieldError> CheckViewFilters(const json::object& filters) {
  // The names a query string filters on, read from JSON: lists are arrays, bounds dates. A view
  // keeps no due date, as a search has none.
  const auto named = [](const auto& table, std::string_view key) {
    return std::any_of(std::begin(table), std::end(table),
                       [key](const auto& entry) { return entry.name == key; });
  };
  for (const auto& member : filters) {
    const std::string key(member.key());
    const std::string field = "filters." + key;
    if (named(storage::kContentFilterLists, key)) {
      if (!member.value().is_array()) return FieldError{field, "must be an array of strings"};
      for (const auto& v : member.value().as_array()) {
        if (!v.is_string() || v.as_string().size() > 200)
          return FieldError{field, "must be an array of strings"};
        if (key == "publication" && !storage::CheckPublicationStates({std::string(v.as_string())}))
          return FieldError{field, "must be unscheduled, planned, late or published"};
        if (key == "translation" && !storage::CheckTranslationStates({std::string(v.as_string())}))
          return FieldError{field, "must be missing or out_of_date"};
      }
    } else if (named(storage::kContentFilterBounds, key)) {
      if (!member.value().is_string() || !ParseTime(member.value().as_string())) {
        return FieldError{field, "must be a date or time"};
      }
    } else if (key == storage::kContentFilterArchived) {
      if (!member.value().is_bool()) return FieldError{field, "must be true or false"};
    } else {
      return FieldError{field, "is not a filter"};
    }
  }
  return std::nullopt;
}

Result<std::vector<storage::SavedViewRecord>> SavedViews::List(const auth::Actor& actor,
                                                               const std::string& ws) {
  return db_.Read([&](storage::Tx& tx) -> Result<std::vector<storage::SavedViewRecord>> {
    const auto member = MemberOf(tx, ws, actor.user.id);
    if (!member) return Error::NotFound("No such workspace.");
    return storage::ListSavedViews(tx, member->workspace_id, actor.user.id,
                                   SeesSharedViews(member->role));
  });
}

Result<storage::SavedViewRecord> SavedViews::Create(const auth::Actor& actor, const std::string& ws,
                                                    ViewInput in) {
  if (!in.name) return Error::InvalidField("name", "is required");
  return db_.Write([&](storage::Tx& tx) -> Result<storage::SavedViewRecord> {
    const auto member = MemberOf(tx, ws, actor.user.id);
    if (!member) return Error::NotFound("No such workspace.");
    const auto role = member->role;
    storage::SavedViewRecord view;
    view.id = NewId();
    view.workspace_id = member->workspace_id;
    view.author_id = actor.user.id;
    view.filters_json = "{}";
    view.sort = "relevance";
    if (auto applied = Apply(in, view, role); !applied) return std::move(applied).error();
    view.created_at = view.updated_at = NowMs();
    storage::InsertSavedView(tx, view);
    storage::AppendEvent(
        tx, view.workspace_id, actor.user.id, "view.created", view.id,
        json::serialize(json::object{{"name", view.name}, {"shared", view.shared}}),
        view.created_at);
    return view;
  });
}

namespace {

// A view the caller may change: theirs, or a shared one when they administer the workspace.
// A private view of someone else does not exist for them.
Result<storage::SavedViewRecord> Changeable(storage::Tx& tx, const auth::Actor& actor,
                                            const std::string& ws, const std::string& id,
                                            std::optional<auth::Role>& role) {
  const auto member = MemberOf(tx, ws, actor.user.id);
  if (!member) return Error::NotFound("No such workspace.");
  role = member->role;
  auto view = storage::FindSavedView(tx, member->workspace_id, id);
  if (!view || (view->author_id != actor.user.id && !(view->shared && SeesSharedViews(role))))
    return Error::NotFound("No such view.");
  if (view->author_id != actor.user.id && !auth::Can(role, auth::Action::kManageSettings)) {
    return Error::Forbidden("Only its author or an admin may change a shared view.");
  }
  return std::move(*view);
}

}  // namespace

Result<storage::SavedViewRecord> SavedViews::Update(const auth::Actor& actor, const std::string& ws,
                                                    const std::string& id, ViewInput in) {
  return db_.Write([&](storage::Tx& tx) -> Result<storage::SavedViewRecord> {
    std::optional<auth::Role> role;
    auto view = Changeable(tx, actor, ws, id, role);
    if (!view) return std::move(view).error();
    if (auto applied = Apply(in, *view, role); !applied) return std::move(applied).error();
    view->updated_at = NowMs();
    storage::UpdateSavedView(tx, *view);
    storage::AppendEvent(
        tx, view->workspace_id, actor.user.id, "view.updated", view->id,
        json::serialize(json::object{{"name", view->name}, {"shared", view->shared}}),
        view->updated_at);
    return view;
  });
}

Result<void> SavedViews::Delete(const auth::Actor& actor, const std::string& ws,
                                const std::string& id) {
  auto done = db_.Write([&](storage::Tx& tx) -> Result<bool> {
    std::optional<auth::Role> role;
    auto view = Changeable(tx, actor, ws, id, role);
    if (!view) return std::move(view).error();
    storage::DeleteSavedView(tx, id);
    storage::AppendEvent(tx, view->workspace_id, actor.user.id, "view.deleted", id,
                         json::serialize(json::object{{"name", view->name}}), NowMs());
    return true;
  });
  if (!done) return std::move(done).error();
  return {};
}

}  // namespace copydesk::search
