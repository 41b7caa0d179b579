// The history of a content: its revisions, how two differ, their labels.

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "access/standing.hpp"
#include "content/channel_rules.hpp"
#include "content/contents.hpp"
#include "content/internal.hpp"
#include "content/loading.hpp"
#include "content/variants.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"

namespace copydesk::content {

namespace json = boost::json;
using auth::Action;
using internal::Load;
using internal::OptionalJson;
using internal::ParseObject;
using storage::ContentRecord;
using storage::Tx;
using workspace::FieldDef;

Result<std::vector<storage::RevisionRecord>> Contents::Revisions(const auth::Actor& actor,
                                                                 const std::string& id) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::RevisionRecord>> {
    auto loaded = Load(tx, actor, id, Action::kReadContent);
    if (!loaded) return std::move(loaded).error();
    return storage::ListRevisions(tx, id, false);
  });
}

Result<storage::RevisionRecord> Contents::Revision(const auth::Actor& actor, const std::string& id,
                                                   std::int64_t number) {
  return db_.Read([&](Tx& tx) -> Result<storage::RevisionRecord> {
    auto loaded = Load(tx, actor, id, Action::kReadContent);
    if (!loaded) return std::move(loaded).error();
    auto revision = storage::FindRevision(tx, id, number);
    if (!revision) return Error::NotFound("No such revision.");
    return *revision;
  });
}

Result<std::vector<FieldDiff>> Contents::Diff(const auth::Actor& actor, const std::string& id,
                                              std::int64_t from, std::int64_t to) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<FieldDiff>> {
    auto loaded = Load(tx, actor, id, Action::kReadContent);
    if (!loaded) return std::move(loaded).error();
    auto a = storage::FindRevision(tx, id, from);
    auto b = storage::FindRevision(tx, id, to);
    if (!a) return Error::NotFound("No revision " + std::to_string(from) + ".");
    if (!b) return Error::NotFound("No revision " + std::to_string(to) + ".");
    const json::object fa = ParseObject(a->fields_json), fb = ParseObject(b->fields_json);
    // Title first, then the template's order, then values of fields the template no longer has.
    std::vector<std::string> keys;
    for (const auto& def : loaded->fields) keys.push_back(def.key);
    for (const auto* fields : {&fa, &fb}) {
      for (const auto& m : *fields) {
        if (std::find(keys.begin(), keys.end(), std::string(m.key())) == keys.end())
          keys.emplace_back(m.key());
      }
    }
    std::vector<FieldDiff> out;
    auto add = [&](const std::string& name, const json::value& before, const json::value& after,
                   bool text) {
      FieldDiff d;
      d.field = name;
      d.before = before;
      d.after = after;
      d.changed = before != after;
      d.text = text && (before.is_string() || before.is_null()) &&
               (after.is_string() || after.is_null());
      if (d.text) {
        const std::string x = before.is_string() ? std::string(before.as_string()) : "";
        const std::string y = after.is_string() ? std::string(after.as_string()) : "";
        d.ops = DiffWords(x, y);
        d.html = DiffToHtml(d.ops);
      }
      out.push_back(std::move(d));
    };
    add("title", json::string(a->title), json::string(b->title), true);
    for (const auto& key : keys) {
      const auto def = std::find_if(loaded->fields.begin(), loaded->fields.end(),
                                    [&](const FieldDef& d) { return d.key == key; });
      const bool text = def == loaded->fields.end() || workspace::IsTextKind(def->kind);
      const json::value* x = fa.if_contains(key);
      const json::value* y = fb.if_contains(key);
      add(key, x ? *x : json::value(nullptr), y ? *y : json::value(nullptr), text);
    }
    // The channel variants of either revision, field by field then the visual, channels in the
    // order of their ids: "variants.<channel id>.<key>", labelled "X · Text".
    if (a->variants_json != "{}" || b->variants_json != "{}") {
      const json::object va = ParseObject(a->variants_json), vb = ParseObject(b->variants_json);
      std::vector<std::string> ids;
      for (const auto* all : {&va, &vb}) {
        for (const auto& m : *all) ids.emplace_back(m.key());
      }
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      auto part = [](const json::object& all, const std::string& id,
                     const char* key) -> const json::value* {
        const auto* v = all.if_contains(id);
        return v && v->is_object() ? v->as_object().if_contains(key) : nullptr;
      };
      for (const auto& id : ids) {
        auto channel = storage::FindChannel(tx, loaded->content.workspace_id, id);
        const std::string channel_name = channel ? channel->name : id;
        std::vector<std::string> keys;
        if (const auto* rules = channel && channel->network ? RulesOf(*channel->network) : nullptr)
          for (const auto& f : rules->fields) keys.push_back(f.key);
        for (const auto* fields : {part(va, id, "fields"), part(vb, id, "fields")}) {
          if (!fields || !fields->is_object()) continue;
          for (const auto& m : fields->as_object()) {
            if (std::find(keys.begin(), keys.end(), std::string(m.key())) == keys.end())
              keys.emplace_back(m.key());
          }
        }
        auto field = [&](const json::object& all, const std::string& key) {
          const auto* fields = part(all, id, "fields");
          const auto* v =
              fields && fields->is_object() ? fields->as_object().if_contains(key) : nullptr;
          return v ? *v : json::value(nullptr);
        };
        for (const auto& key : keys) {
          const json::value x = field(va, key), y = field(vb, key);
          if (x.is_null() && y.is_null()) continue;
          add("variants." + id + "." + key, x, y, true);
          out.back().label = VariantFieldLabel(channel_name, key);
        }
        const auto* xv = part(va, id, "visual");
        const auto* yv = part(vb, id, "visual");
        const json::value x = xv ? *xv : json::value(nullptr), y = yv ? *yv : json::value(nullptr);
        if (!x.is_null() || !y.is_null()) {
          add("variants." + id + ".visual", x, y, false);
          out.back().label = VariantFieldLabel(channel_name, "visual");
        }
      }
    }
    // The files each revision went out with, when either has any: compared as values (each
    // names its attachment, media file, version and hash).
    if (a->attachments_json != "[]" || b->attachments_json != "[]") {
      std::error_code ec_a, ec_b;
      const auto files_a = json::parse(a->attachments_json, ec_a);
      const auto files_b = json::parse(b->attachments_json, ec_b);
      add("attachments", ec_a ? json::value(json::array()) : files_a,
          ec_b ? json::value(json::array()) : files_b, false);
    }
    return out;
  });
}

Result<storage::RevisionRecord> Contents::Label(const auth::Actor& actor, const std::string& id,
                                                std::int64_t number, const std::string& label) {
  const std::string trimmed(Trim(label));
  if (CountCharacters(trimmed) > 120)
    return Error::InvalidField("label", "must be at most 120 characters");
  if (auto why = CheckNameCharacters(trimmed)) return Error::InvalidField("label", *why);
  return db_.Write([&](Tx& tx) -> Result<storage::RevisionRecord> {
    auto loaded = Load(tx, actor, id, Action::kEditContent);
    if (!loaded) return std::move(loaded).error();
    // A label says which text was sent or validated: how the workspace files its history, not
    // text, so an edit share does not give it.
    if (!auth::Can(loaded->role, Action::kEditContent,
                   access::BaseFacts(loaded->content, actor.user.id))) {
      Error e = Error::Forbidden("Only the text is shared with you: revisions cannot be labelled.");
      e.fields = {{"label", "is not shared with you"}};
      return e;
    }
    auto revision = storage::FindRevision(tx, id, number);
    if (!revision) return Error::NotFound("No such revision.");
    const std::optional<std::string> value =
        trimmed.empty() ? std::nullopt : std::optional<std::string>(trimmed);
    storage::SetRevisionLabel(tx, id, number, value);
    storage::AppendEvent(
        tx, loaded->content.workspace_id, actor.user.id, "revision.labelled", id,
        json::serialize(json::object{{"revision", number}, {"label", OptionalJson(value)}}),
        NowMs());
    revision->label = value;
    revision->sealed = true;
    return *revision;
  });
}

}  // namespace copydesk::content
