#include "content/variants.hpp"

#include <algorithm>

#include "content/channel_rules.hpp"
#include "content/internal.hpp"
#include "content/snapshot.hpp"
#include "storage/files_store.hpp"

namespace copydesk::content {

namespace json = boost::json;
using storage::ChannelRecord;
using storage::ContentRecord;
using storage::Tx;

namespace {

bool Has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string Capitalized(const std::string& key) {
  std::string out = key;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

}  // namespace

std::vector<VariantView> VariantsOf(const ContentRecord& c,
                                    const std::vector<ChannelRecord>& channels) {
  std::vector<VariantView> out;
  if (c.variants_json.empty() || c.variants_json == "{}") return out;
  const json::object stored = internal::ParseObject(c.variants_json);
  for (const auto& channel : channels) {
    const auto* v = stored.if_contains(channel.id);
    if (!v || !v->is_object() || !channel.network || !Has(c.channel_ids, channel.id)) continue;
    const NetworkRules* rules = RulesOf(*channel.network);
    if (!rules) continue;
    VariantView view;
    view.channel_id = channel.id;
    view.channel_name = channel.name;
    view.network = *channel.network;
    if (const auto* f = v->as_object().if_contains("fields"); f && f->is_object())
      view.fields = f->as_object();
    if (const auto* visual = v->as_object().if_contains("visual"); visual && visual->is_string())
      view.visual = std::string(visual->as_string());
    for (const auto& field : rules->fields) {
      const auto* text = view.fields.if_contains(field.key);
      if (!text || !text->is_string()) continue;
      view.counts.push_back(
          {field.key, CountText(std::string_view(text->as_string()), field.counting), field.limit});
    }
    out.push_back(std::move(view));
  }
  return out;
}

void AddVariantViolations(const ContentRecord& c, const std::vector<ChannelRecord>& channels,
                          std::vector<Violation>& out) {
  for (const auto& v : VariantsOf(c, channels)) {
    const std::string prefix = "variants." + v.channel_id + ".";
    for (const auto& count : v.counts) {
      if (count.limit && count.count > *count.limit)
        out.push_back(
            {prefix + count.key, "channel_limit", *count.limit, count.count, v.channel_id});
    }
    const NetworkRules* rules = RulesOf(v.network);
    const auto* text = v.fields.if_contains("text");
    if (!rules || !text || !text->is_string()) continue;
    const std::string_view body(text->as_string());
    if (rules->hashtag_limit) {
      if (const auto n = CountHashtags(body); n > *rules->hashtag_limit)
        out.push_back({prefix + "text", "hashtag_limit", *rules->hashtag_limit, n, v.channel_id});
    }
    if (rules->mention_limit) {
      if (const auto n = CountMentions(body); n > *rules->mention_limit)
        out.push_back({prefix + "text", "mention_limit", *rules->mention_limit, n, v.channel_id});
    }
  }
}

std::string VariantFieldLabel(const std::string& channel_name, const std::string& key) {
  return channel_name + " \xC2\xB7 " + Capitalized(key);
}

namespace internal {

Result<void> CheckVariants(Tx& tx, const ContentRecord& c,
                           const std::vector<std::string>& channel_ids,
                           const json::object& variants) {
  // A body of the wrong shape is malformed (400), as any body its schema refuses; a well-formed
  // one naming what the content does not have is invalid (422).
  std::vector<FieldError> faults, malformed;
  for (const auto& member : variants) {
    const std::string id(member.key());
    const std::string name = "variants." + id;
    auto channel = storage::FindChannel(tx, c.workspace_id, id);
    if (!channel || !Has(channel_ids, id)) {
      faults.push_back({name, "is not a channel of this content"});
      continue;
    }
    const NetworkRules* rules = channel->network ? RulesOf(*channel->network) : nullptr;
    if (!rules) {
      faults.push_back({name, "is a channel without network rules: it takes the main text"});
      continue;
    }
    if (member.value().is_null()) continue;  // reset to the main text
    if (!member.value().is_object()) {
      malformed.push_back({name, "must be an object"});
      continue;
    }
    for (const auto& part : member.value().as_object()) {
      const std::string key(part.key());
      if (key == "fields") {
        if (!part.value().is_object()) {
          malformed.push_back({name + ".fields", "must be an object"});
          continue;
        }
        for (const auto& field : part.value().as_object()) {
          const std::string field_name = name + ".fields." + std::string(field.key());
          if (!FieldOf(*rules, field.key())) {
            faults.push_back({field_name, "is not a known field"});
          } else if (field.value().is_string()) {
            if (field.value().as_string().size() > kMaxFieldBytes) {
              return Error{ErrorKind::kPayloadTooLarge,
                           "The field " + field_name + " is larger than " +
                               std::to_string(kMaxFieldBytes) + " bytes.",
                           {{field_name, "is too large"}}};
            }
          } else if (!field.value().is_null()) {
            malformed.push_back({field_name, "must be a string"});
          }
        }
      } else if (key == "visual") {
        if (part.value().is_null()) continue;
        if (!part.value().is_string()) {
          malformed.push_back({name + ".visual", "must be a string"});
          continue;
        }
        const auto attachment =
            part.value().is_string()
                ? storage::FindAttachment(tx, std::string(part.value().as_string()))
                : std::nullopt;
        const auto media =
            attachment ? storage::FindMediaFile(tx, attachment->media_id) : std::nullopt;
        if (!attachment || attachment->content_id != c.id || !media || media->kind != "image")
          faults.push_back({name + ".visual", "is not an image attached to this content"});
      } else {
        malformed.push_back({name + "." + key, "is not a known field"});
      }
    }
  }
  if (!malformed.empty())
    return Error::BadRequest("Some variants are malformed.", std::move(malformed));
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return {};
}

json::object NormalizedVariants(const json::object& variants) {
  json::object out;
  for (const auto& member : variants) {
    if (!member.value().is_object()) continue;
    const auto& v = member.value().as_object();
    json::object fields;
    if (const auto* f = v.if_contains("fields"); f && f->is_object()) {
      for (const auto& field : f->as_object()) {
        if (field.value().is_string()) fields[field.key()] = field.value();
      }
    }
    const auto* visual = v.if_contains("visual");
    const bool has_visual = visual && visual->is_string();
    if (fields.empty() && !has_visual) continue;
    out[member.key()] = json::object{{"fields", std::move(fields)},
                                     {"visual", has_visual ? *visual : json::value(nullptr)}};
  }
  return SortedObject(out);
}

}  // namespace internal

}  // namespace copydesk::content
