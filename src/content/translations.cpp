#include "content/translations.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <map>

#include "access/standing.hpp"
#include "auth/accounts.hpp"
#include "content/contents.hpp"
#include "content/internal.hpp"
#include "content/loading.hpp"
#include "storage/contents_store.hpp"
#include "storage/events_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::content {

namespace json = boost::json;
using auth::Action;
using internal::Load;
using internal::ParseObject;
using storage::TranslationLinkRecord;
using storage::TranslationMemberRecord;
using storage::Tx;

namespace {

// The members of `content_id`'s group among those read for a page.
std::vector<const TranslationMemberRecord*> GroupOf(
    const std::string& content_id, const std::vector<TranslationMemberRecord>& members) {
  std::vector<const TranslationMemberRecord*> out;
  for (const auto& m : members) {
    if (m.asked_id == content_id) out.push_back(&m);
  }
  return out;
}

const TranslationMemberRecord* SourceIn(const std::vector<const TranslationMemberRecord*>& group) {
  for (const auto* m : group) {
    if (!m->link) return m;
  }
  return nullptr;
}

// The group of one content, read whole (no share filter): what the commands check.
std::vector<TranslationMemberRecord> WholeGroup(Tx& tx, const std::string& content_id) {
  return storage::ListTranslationGroups(tx, {content_id}, std::nullopt);
}

bool HasLanguage(const std::vector<TranslationMemberRecord>& group, const std::string& language,
                 const std::string& except_id = "") {
  return std::any_of(group.begin(), group.end(), [&](const TranslationMemberRecord& m) {
    return m.language == language && m.content_id != except_id;
  });
}

// The content as its reader now gets it, translation included: read again after a command.
Result<ContentView> Reload(Tx& tx, const auth::Actor& actor, const std::string& id) {
  auto loaded = Load(tx, actor, id, Action::kReadContent);
  if (!loaded) return std::move(loaded).error();
  return internal::ViewOf(tx, std::move(*loaded));
}

}  // namespace

std::string TranslationState(const std::string& source_hash, const std::string& synced_hash) {
  return source_hash == synced_hash ? "up_to_date" : "out_of_date";
}

std::optional<TranslationView> SummarizeTranslation(
    const std::string& content_id, const std::vector<TranslationMemberRecord>& members) {
  const auto group = GroupOf(content_id, members);
  const auto* source = SourceIn(group);
  if (group.size() < 2 || !source) return std::nullopt;
  TranslationView view;
  view.source_id = source->content_id;
  view.is_source = source->content_id == content_id;
  for (const auto* m : group) {
    if (m->content_id == content_id && m->link) {
      view.synced_revision = m->link->synced_revision;
      view.source_revision = source->revision;
      view.state = TranslationState(source->content_hash, m->link->synced_hash);
    }
    if (!m->readable) continue;
    TranslationLanguage l{m->language, m->content_id, m->title, !m->link, std::nullopt};
    if (m->link) l.state = TranslationState(source->content_hash, m->link->synced_hash);
    view.languages.push_back(std::move(l));
  }
  std::stable_sort(view.languages.begin(), view.languages.end(),
                   [](const TranslationLanguage& a, const TranslationLanguage& b) {
                     if (a.is_source != b.is_source) return a.is_source;
                     return a.language < b.language;
                   });
  return view;
}

std::vector<std::string> TranslationFilterStates(
    const std::string& content_id, const std::string& language,
    const std::vector<TranslationMemberRecord>& members) {
  const auto group = GroupOf(content_id, members);
  const auto* source = SourceIn(group);
  for (const auto* m : group) {
    if (m->content_id == content_id && m->link) {
      if (source && TranslationState(source->content_hash, m->link->synced_hash) == "out_of_date")
        return {"out_of_date"};
      return {};
    }
  }
  for (const char* other : kTranslationLanguages) {
    if (other == language) continue;
    const bool linked = std::any_of(group.begin(), group.end(),
                                    [&](const auto* m) { return m->language == other; });
    if (!linked) return {"missing"};
  }
  return {};
}

void FillTranslations(Tx& tx, std::vector<ContentView*> views,
                      const std::optional<std::string>& shared_with) {
  std::vector<std::string> ids;
  for (const auto* v : views) ids.push_back(v->content.id);
  const auto members = storage::ListTranslationGroups(tx, ids, shared_with);
  for (auto* v : views) v->translation = SummarizeTranslation(v->content.id, members);
}

namespace {

// Links `c` to `source` as its translation, synced to the source's current revision, with its
// event. The text translated stays as it was: the source's next edit opens a new revision, whose
// diff from this one is what the translation lacks.
void LinkAsTranslation(Tx& tx, const auth::Actor& actor, const storage::ContentRecord& c,
                       const storage::ContentRecord& source, bool created, TimeMs now) {
  storage::SealRevision(tx, source.id, source.revision);
  storage::InsertTranslationLink(
      tx, TranslationLinkRecord{c.id, source.id, source.revision, source.content_hash, now,
                                actor.user.id, now});
  storage::AppendEvent(tx, c.workspace_id, actor.user.id, "content.translation_linked", c.id,
                       json::serialize(json::object{{"source_id", source.id},
                                                    {"source_title", source.title},
                                                    {"language", c.language},
                                                    {"synced_revision", source.revision},
                                                    {"created", created}}),
                       now);
}

}  // namespace

Result<ContentView> Translations::Create(const auth::Actor& actor, const std::string& source_id,
                                         const std::string& language) {
  if (auto why = auth::CheckLanguage(language)) return Error::InvalidField("language", *why);
  return db_.Write([&](Tx& tx) -> Result<ContentView> {
    auto asked = Load(tx, actor, source_id, Action::kReadContent);
    if (!asked) return std::move(asked).error();
    // Who may not create contents learns nothing of the group: refused before it is read.
    auto may_create = workspace::Authorize(tx, actor.user.id, asked->content.workspace_id,
                                           Action::kCreateContent);
    if (!may_create) return std::move(may_create).error();
    // A translation's translation joins the same group: the source is what it translates.
    auto link = storage::FindTranslationLink(tx, source_id);
    const std::string group_source = link ? link->source_id : source_id;
    auto source = link ? storage::FindContent(tx, group_source)
                       : std::optional<storage::ContentRecord>(asked->content);
    if (!source) return Error::NotFound("No such content.");
    if (HasLanguage(WholeGroup(tx, group_source), language))
      return Error::InvalidField("language", "already has a linked content in this language");
    ContentInput in;
    in.type = source->type_id;
    in.title = source->title;
    in.language = language;
    in.fields = ParseObject(source->fields_json);
    in.channels = source->channel_ids;
    in.project = source->project_id;
    in.due_at = source->due_at;
    in.publish_at = source->publish_at;
    const TimeMs now = NowMs();
    auto created = CreateContent(tx, actor, source->workspace_id, std::move(in), now);
    if (!created) return std::move(created).error();
    const auto& c = created->content;
    LinkAsTranslation(tx, actor, c, *source, /*created=*/true, now);
    return Reload(tx, actor, c.id);
  });
}

Result<ContentView> Translations::Link(const auth::Actor& actor, const std::string& id,
                                       const std::string& source_id) {
  if (source_id == id) return Error::InvalidField("source_id", "is this content itself");
  return db_.Write([&](Tx& tx) -> Result<ContentView> {
    auto loaded = Load(tx, actor, id, Action::kEditContent);
    if (!loaded) return std::move(loaded).error();
    const auto& c = loaded->content;
    auto asked = access::Open(tx, actor.user.id, source_id);
    if (!asked || asked->content.workspace_id != c.workspace_id)
      return Error::InvalidField("source_id", "is not a content of this workspace");
    auto source_link = storage::FindTranslationLink(tx, source_id);
    auto source = source_link ? storage::FindContent(tx, source_link->source_id)
                              : std::optional<storage::ContentRecord>(std::move(asked->content));
    if (!source) return Error::NotFound("No such content.");
    if (source->id == id) return Error::InvalidField("source_id", "is this content itself");
    if (auto mine = storage::FindTranslationLink(tx, id)) {
      if (mine->source_id == source->id) return internal::ViewOf(tx, std::move(*loaded));
      return Error::Conflict("This content already translates another content. Unlink it first.",
                             {{"source_id", "already has a linked content in this language"}});
    }
    if (!storage::ListTranslationLinks(tx, id).empty()) {
      return Error::Conflict(
          "This content is the source of translations: it cannot translate another content.");
    }
    if (HasLanguage(WholeGroup(tx, source->id), c.language, id))
      return Error::InvalidField("source_id", "already has a linked content in this language");
    LinkAsTranslation(tx, actor, c, *source, /*created=*/false, NowMs());
    return Reload(tx, actor, id);
  });
}

Result<ContentView> Translations::Unlink(const auth::Actor& actor, const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<ContentView> {
    auto loaded = Load(tx, actor, id, Action::kEditContent);
    if (!loaded) return std::move(loaded).error();
    auto link = storage::FindTranslationLink(tx, id);
    if (!link) {
      if (!storage::ListTranslationLinks(tx, id).empty()) {
        return Error::Conflict(
            "This content is the source: unlink its translations, each from its own page.");
      }
      return Error::NotFound("This content is not linked to a source.");
    }
    auto source = storage::FindContent(tx, link->source_id);
    storage::DeleteTranslationLink(tx, id);
    storage::AppendEvent(
        tx, loaded->content.workspace_id, actor.user.id, "content.translation_unlinked",
        loaded->content.id,
        json::serialize(json::object{{"source_id", link->source_id},
                                     {"source_title", source ? source->title : std::string()},
                                     {"language", loaded->content.language}}),
        NowMs());
    return Reload(tx, actor, id);
  });
}

Result<ContentView> Translations::MarkSynced(const auth::Actor& actor, const std::string& id,
                                             std::optional<std::int64_t> revision) {
  return db_.Write([&](Tx& tx) -> Result<ContentView> {
    auto loaded = Load(tx, actor, id, Action::kEditContent);
    if (!loaded) return std::move(loaded).error();
    auto link = storage::FindTranslationLink(tx, id);
    if (!link) return Error::NotFound("This content is not a translation.");
    auto source = storage::FindContent(tx, link->source_id);
    if (!source) return Error::NotFound("No such content.");
    const std::int64_t number = revision.value_or(source->revision);
    auto synced = storage::FindRevision(tx, source->id, number);
    if (!synced) return Error::InvalidField("revision", "is not a revision of the source");
    if (link->synced_revision == number && link->synced_hash == synced->content_hash)
      return internal::ViewOf(tx, std::move(*loaded));  // already synced there: nothing to record
    const TimeMs now = NowMs();
    storage::SealRevision(tx, source->id, number);
    storage::UpdateTranslationSync(tx, id, number, synced->content_hash, now, actor.user.id);
    storage::AppendEvent(
        tx, loaded->content.workspace_id, actor.user.id, "content.translation_synced",
        loaded->content.id,
        json::serialize(json::object{{"source_id", source->id},
                                     {"source_title", source->title},
                                     {"synced_revision", number},
                                     {"previous_revision", link->synced_revision}}),
        now);
    return Reload(tx, actor, id);
  });
}

Result<SourceDiff> Translations::DiffSource(const auth::Actor& actor, const std::string& id) {
  auto link = db_.Read([&](Tx& tx) -> Result<std::pair<TranslationLinkRecord, std::int64_t>> {
    auto loaded = Load(tx, actor, id, Action::kReadContent);
    if (!loaded) return std::move(loaded).error();
    auto found = storage::FindTranslationLink(tx, id);
    if (!found) return Error::NotFound("This content is not a translation.");
    auto source = storage::FindContent(tx, found->source_id);
    if (!source) return Error::NotFound("No such content.");
    return std::make_pair(std::move(*found), source->revision);
  });
  if (!link) return std::move(link).error();
  const auto& [found, current] = *link;
  // The source's history is read as its own diff is, by someone who may read the source: a
  // guest given the translation alone gets 404, as for the source itself.
  auto fields = contents_.Diff(actor, found.source_id, found.synced_revision, current);
  if (!fields) return std::move(fields).error();
  return SourceDiff{found.source_id, found.synced_revision, current, std::move(*fields)};
}

}  // namespace copydesk::content
