#include "content/merge.hpp"

#include <algorithm>
#include <set>

#include "content/internal.hpp"
#include "content/text_diff.hpp"
#include "core/text.hpp"

namespace copydesk::content::internal {

namespace json = boost::json;
using auth::Action;
using storage::ContentRecord;
using storage::Tx;
using workspace::FieldDef;

namespace {

// Three-way merge of two sets: what the proposal added or removed since its base, applied to
// the current set.
std::vector<std::string> MergeSets(const std::vector<std::string>& base,
                                   const std::vector<std::string>& current,
                                   const std::vector<std::string>& proposed, bool fold) {
  auto key = [fold](const std::string& s) { return fold ? FoldForMatch(s) : s; };
  std::set<std::string> base_keys, proposed_keys;
  for (const auto& s : base) base_keys.insert(key(s));
  for (const auto& s : proposed) proposed_keys.insert(key(s));
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& s : current) {
    const bool removed = base_keys.contains(key(s)) && !proposed_keys.contains(key(s));
    if (!removed && seen.insert(key(s)).second) out.push_back(s);
  }
  for (const auto& s : proposed) {
    if (!base_keys.contains(key(s)) && seen.insert(key(s)).second) out.push_back(s);
  }
  return out;
}

// How a property combines both sides of a write made on a stale base.
enum class MergeKind {
  kScalar,     // equal or conflicting
  kText,       // paragraph-level three-way merge
  kSet,        // additions and removals of each side
  kFoldedSet,  // the same, comparing without case or accents (tags)
};

}  // namespace

json::object Snapshot(const ContentRecord& c) {
  auto strings = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    json::array out;
    for (auto& s : v) out.push_back(json::string(s));
    return out;
  };
  auto optional = [](const auto& v) { return v ? json::value(*v) : json::value(nullptr); };
  std::vector<std::string> tag_keys;
  for (const auto& t : c.tags) tag_keys.push_back(t);
  json::object out{{"title", c.title},
                   {"fields", ParseObject(c.fields_json)},
                   {"language", c.language},
                   {"channels", strings(c.channel_ids)},
                   {"tags", strings(tag_keys)},
                   {"assignees", strings(c.assignee_ids)},
                   {"project", optional(c.project_id)},
                   {"owner", optional(c.owner_id)},
                   {"due_at", optional(c.due_at)},
                   {"publish_at", optional(c.publish_at)}};
  // Only when it has some: the versions kept from before variants compare equal to a content
  // that still has none.
  if (auto variants = ParseObject(c.variants_json); !variants.empty())
    out["variants"] = std::move(variants);
  return out;
}

Proposal Propose(const json::object& current, const std::optional<json::object>& base,
                 const ContentInput& in, const std::vector<FieldDef>& defs) {
  // A write on a stale base is combined with what happened since: the answer says so even when
  // no single property needed combining (the writer changed one field, someone else another).
  // Versions that changed nothing writes are merged on (a status move, a lock, often the
  // writer's own click while their save was pending) leave nothing to combine: not a merge.
  Proposal p{current, {}, base.has_value() && *base != current, {}};
  auto settle = [&](const std::string& name, const json::value* base_value, const json::value& cur,
                    json::value wanted, MergeKind kind) -> json::value {
    if (wanted == cur) return cur;
    const json::value b = base_value ? *base_value : json::value(nullptr);
    if (!base || b == cur) {
      p.changed.push_back(name);
      return wanted;
    }
    if (wanted == b) return cur;  // the writer did not change it; keep what others did
    if (kind == MergeKind::kText && (b.is_string() || b.is_null()) && cur.is_string() &&
        wanted.is_string()) {
      const std::string bs = b.is_string() ? std::string(b.as_string()) : std::string();
      if (auto merged =
              MergeText(bs, std::string(wanted.as_string()), std::string(cur.as_string()))) {
        p.merged = true;
        p.changed.push_back(name);
        return json::string(*merged);
      }
    }
    if (kind == MergeKind::kSet || kind == MergeKind::kFoldedSet) {
      p.merged = true;
      p.changed.push_back(name);
      return StringArray(
          MergeSets(Strings(b), Strings(cur), Strings(wanted), kind == MergeKind::kFoldedSet));
    }
    p.conflicts.push_back({{"field", name}, {"base", b}, {"current", cur}, {"proposed", wanted}});
    return cur;
  };
  auto base_of = [&](const char* key) -> const json::value* {
    return base ? base->if_contains(key) : nullptr;
  };
  auto& snap = p.snapshot;
  if (in.title)
    snap["title"] = settle("title", base_of("title"), current.at("title"), json::string(*in.title),
                           MergeKind::kText);
  if (in.language)
    snap["language"] = settle("language", base_of("language"), current.at("language"),
                              json::string(*in.language), MergeKind::kScalar);
  if (in.fields) {
    json::object fields = current.at("fields").as_object();
    const json::object* base_fields =
        base && base->if_contains("fields") ? &base->at("fields").as_object() : nullptr;
    for (const auto& member : *in.fields) {
      const std::string key(member.key());
      const auto def =
          std::find_if(defs.begin(), defs.end(), [&](const FieldDef& d) { return d.key == key; });
      const bool text = def != defs.end() && workspace::IsTextKind(def->kind);
      const json::value* b = base_fields ? base_fields->if_contains(key) : nullptr;
      const json::value* c = fields.if_contains(key);
      json::value result = settle("fields." + key, b, c ? *c : json::value(nullptr), member.value(),
                                  text ? MergeKind::kText : MergeKind::kScalar);
      if (result.is_null())
        fields.erase(key);
      else
        fields[key] = std::move(result);
    }
    snap["fields"] = std::move(fields);
  }
  if (in.variants) {
    // Each variant field merges like a main field, its visual like a property; a reset (null)
    // is a value of the whole variant.
    const json::value* base_all = base_of("variants");
    const json::value* cur_all = current.if_contains("variants");
    json::object variants = cur_all && cur_all->is_object() ? cur_all->as_object() : json::object{};
    auto part = [](const json::value* all, std::string_view id) -> const json::value* {
      return all && all->is_object() ? all->as_object().if_contains(id) : nullptr;
    };
    auto member = [](const json::value* v, std::string_view key) -> const json::value* {
      return v && v->is_object() ? v->as_object().if_contains(key) : nullptr;
    };
    for (const auto& change : *in.variants) {
      const std::string id(change.key());
      const std::string name = "variants." + id;
      const json::value* b = part(base_all, id);
      const json::value* c = part(cur_all, id);
      if (change.value().is_null()) {
        json::value result =
            settle(name, b, c ? *c : json::value(nullptr), nullptr, MergeKind::kScalar);
        if (result.is_null())
          variants.erase(id);
        else
          variants[id] = std::move(result);
        continue;
      }
      json::object next = c && c->is_object() ? c->as_object() : json::object{};
      json::object fields = member(c, "fields") && member(c, "fields")->is_object()
                                ? member(c, "fields")->as_object()
                                : json::object{};
      const auto& wanted = change.value().as_object();
      if (const auto* f = wanted.if_contains("fields"); f && f->is_object()) {
        for (const auto& field : f->as_object()) {
          const std::string key(field.key());
          const json::value* bf = member(member(b, "fields"), key);
          const json::value* cf = fields.if_contains(key);
          json::value result = settle(name + ".fields." + key, bf, cf ? *cf : json::value(nullptr),
                                      field.value(), MergeKind::kText);
          if (result.is_null())
            fields.erase(key);
          else
            fields[key] = std::move(result);
        }
      }
      next["fields"] = std::move(fields);
      if (const auto* visual = wanted.if_contains("visual")) {
        const json::value* cv = member(c, "visual");
        next["visual"] = settle(name + ".visual", member(b, "visual"),
                                cv ? *cv : json::value(nullptr), *visual, MergeKind::kScalar);
      }
      variants[id] = std::move(next);
    }
    // A content that had none and still has none keeps no "variants" member: nothing changed.
    if (variants.empty() && !cur_all)
      snap.erase("variants");
    else
      snap["variants"] = std::move(variants);
  }
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return StringArray(v);
  };
  if (in.channels)
    snap["channels"] = settle("channels", base_of("channels"), current.at("channels"),
                              sorted(*in.channels), MergeKind::kSet);
  if (in.tags)
    snap["tags"] = settle("tags", base_of("tags"), current.at("tags"), sorted(*in.tags),
                          MergeKind::kFoldedSet);
  if (in.assignees)
    snap["assignees"] = settle("assignees", base_of("assignees"), current.at("assignees"),
                               sorted(*in.assignees), MergeKind::kSet);
  if (in.project)
    snap["project"] = settle("project", base_of("project"), current.at("project"),
                             OptionalJson(*in.project), MergeKind::kScalar);
  if (in.owner)
    snap["owner"] = settle("owner", base_of("owner"), current.at("owner"), OptionalJson(*in.owner),
                           MergeKind::kScalar);
  if (in.due_at)
    snap["due_at"] = settle("due_at", base_of("due_at"), current.at("due_at"),
                            OptionalJson(*in.due_at), MergeKind::kScalar);
  if (in.publish_at)
    snap["publish_at"] = settle("publish_at", base_of("publish_at"), current.at("publish_at"),
                                OptionalJson(*in.publish_at), MergeKind::kScalar);
  return p;
}

}  // namespace copydesk::content::internal
