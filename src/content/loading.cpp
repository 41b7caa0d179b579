#include "content/loading.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "access/standing.hpp"
#include "content/approvals.hpp"
#include "content/variants.hpp"
#include "storage/accounts_store.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::content::internal {

namespace json = boost::json;
using auth::Action;
using storage::ContentRecord;
using storage::Tx;
using workspace::FieldDef;

namespace {

// The content's own channels, when one of its fields is held to channel limits: all that
// FindViolations reads (a workspace's whole channel tree was read for every GET).
// Its variants need them too: each is counted by its channel's network.
std::vector<storage::ChannelRecord> LimitingChannels(Tx& tx, const ContentRecord& c,
                                                     const std::vector<FieldDef>& defs) {
  std::vector<storage::ChannelRecord> out;
  if (std::none_of(defs.begin(), defs.end(), [](const FieldDef& d) { return d.channel_limits; }) &&
      c.variants_json == "{}")
    return out;
  for (const auto& id : c.channel_ids) {
    if (auto channel = storage::FindChannel(tx, c.workspace_id, id))
      out.push_back(std::move(*channel));
  }
  return out;
}

}  // namespace

Result<Loaded> Load(Tx& tx, const auth::Actor& actor, const std::string& id, Action action) {
  auto on = access::OpenFor(tx, actor.user.id, id, action);
  if (!on) return std::move(on).error();
  auto type = storage::FindContentType(tx, on->content.workspace_id, on->content.type_id);
  if (!type) return Error::Internal("content " + id + " has no type");
  auto fields = workspace::FieldDefsFromJson(type->fields_json);
  return Loaded{std::move(on->content), on->standing.role,         std::move(*type),
                std::move(fields),      on->standing.facts.shared, actor.user.id};
}

ContentView ViewOf(Tx& tx, Loaded loaded, bool merged) {
  const auto channels = LimitingChannels(tx, loaded.content, loaded.fields);
  const auto statuses = storage::ListStatuses(tx, loaded.content.workspace_id);
  ContentView view;
  view.content = std::move(loaded.content);
  view.type = std::move(loaded.type);
  view.fields = std::move(loaded.fields);
  view.merged = merged;
  view.shared = loaded.shared;
  view.violations = FindViolations(view.content, view.fields, channels);
  view.variants = VariantsOf(view.content, channels);
  if (const auto* status = StatusOf(statuses, view.content.status_id)) view.status = *status;
  view.approvals = SummarizeInTx(tx, view.content, statuses);
  // Who reads by their role reads every linked content; a guest or a link's visitor, theirs.
  std::optional<std::string> shared_with;
  if (!auth::Can(loaded.role, Action::kReadContent)) shared_with = loaded.reader_id;
  FillTranslations(tx, {&view}, shared_with);
  return view;
}

Result<void> CheckNotLocked(Tx& tx, const ContentRecord& c) {
  if (!c.locked_by) return {};
  auto who = storage::FindUserById(tx, *c.locked_by);
  const std::string name = who ? who->name : "someone";
  Error e{ErrorKind::kLocked, "Locked by " + name + ": " + c.locked_reason.value_or("") + "."};
  json::object extra{{"locked_by", {{"id", *c.locked_by}, {"name", name}}},
                     {"reason", c.locked_reason.value_or("")}};
  e.extra_json = json::serialize(extra);
  return e;
}

}  // namespace copydesk::content::internal
