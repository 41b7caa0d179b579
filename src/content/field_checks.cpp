#include "content/field_checks.hpp"

#include <algorithm>
#include <set>

#include "auth/accounts.hpp"
#include "content/internal.hpp"
#include "content/variants.hpp"
#include "core/text.hpp"
#include "storage/settings_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::content {

namespace json = boost::json;
using auth::Action;
using storage::ContentRecord;
using storage::Tx;
using workspace::FieldDef;

// ---- validating input -------------------------------------------------------------------------

namespace internal {

Result<void> CheckInput(Tx& tx, const std::string& workspace_id, const std::vector<FieldDef>& defs,
                        ContentInput& in) {
  std::vector<FieldError> faults;
  if (in.title) {
    if (Trim(*in.title).empty())
      faults.push_back({"title", "must not be empty"});
    else if (CountCharacters(*in.title) > 2000)
      faults.push_back({"title", "must be at most 2000 characters"});
    else
      in.title = std::string(Trim(*in.title));
    if (in.title->find('\n') != std::string::npos) faults.push_back({"title", "must be one line"});
  }
  if (in.language) {
    if (auto why = auth::CheckLanguage(*in.language)) faults.push_back({"language", *why});
  }
  if (in.fields) {
    for (const auto& member : *in.fields) {
      const std::string key(member.key());
      const auto def =
          std::find_if(defs.begin(), defs.end(), [&](const FieldDef& d) { return d.key == key; });
      if (def == defs.end()) {
        faults.push_back({"fields." + key, "is not a field of this content type"});
        continue;
      }
      if (member.value().is_null()) continue;  // clears the field
      if (member.value().is_string() && member.value().as_string().size() > kMaxFieldBytes) {
        Error e{
            ErrorKind::kPayloadTooLarge,
            "The field " + key + " is larger than " + std::to_string(kMaxFieldBytes) + " bytes.",
            {{"fields." + key, "is too large"}}};
        return e;
      }
      if (auto why = workspace::CheckFieldValue(*def, member.value())) {
        faults.push_back({"fields." + key, *why});
      }
    }
  }
  auto check_ids = [&](const char* name, std::optional<std::vector<std::string>>& ids,
                       auto exists) {
    if (!ids) return;
    std::vector<std::string> unique;
    for (std::size_t i = 0; i < ids->size(); ++i) {
      if (!exists((*ids)[i])) {
        faults.push_back(
            {std::string(name) + "[" + std::to_string(i) + "]", "is not known in this workspace"});
      } else if (std::find(unique.begin(), unique.end(), (*ids)[i]) == unique.end()) {
        unique.push_back((*ids)[i]);
      }
    }
    ids = std::move(unique);
  };
  auto is_member = [&](const std::string& user_id) {
    auto role = storage::FindRole(tx, workspace_id, user_id);
    return role && *role != "guest";
  };
  check_ids("channels", in.channels, [&](const std::string& id) {
    return storage::FindChannel(tx, workspace_id, id).has_value();
  });
  check_ids("assignees", in.assignees, is_member);
  if (in.tags) {
    if (in.tags->size() > 50) faults.push_back({"tags", "has more than 50 tags"});
    std::vector<std::string> unique;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < in.tags->size(); ++i) {
      const std::string tag(Trim((*in.tags)[i]));
      if (tag.empty() || CountCharacters(tag) > 60) {
        faults.push_back({"tags[" + std::to_string(i) + "]", "must be 1 to 60 characters"});
      } else if (auto why = CheckNameCharacters(tag)) {
        faults.push_back({"tags[" + std::to_string(i) + "]", *why});
      } else if (keys.insert(FoldForMatch(tag)).second) {
        unique.push_back(tag);
      }
    }
    in.tags = std::move(unique);
  }
  if (in.project && *in.project && !storage::FindProject(tx, workspace_id, **in.project)) {
    faults.push_back({"project", "is not a project of this workspace"});
  }
  if (in.owner && *in.owner && !is_member(**in.owner)) {
    faults.push_back({"owner", "is not a member of this workspace"});
  }
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return {};
}

}  // namespace internal

// ---- violations -------------------------------------------------------------------------------

std::vector<Violation> FindViolations(const ContentRecord& content,
                                      const std::vector<FieldDef>& defs,
                                      const std::vector<storage::ChannelRecord>& channels) {
  std::vector<Violation> out;
  const auto title_chars = static_cast<std::int64_t>(CountCharacters(content.title));
  if (title_chars > kTitleLimit)
    out.push_back({"title", "max_length", kTitleLimit, title_chars, std::nullopt});
  const json::object fields = internal::ParseObject(content.fields_json);
  for (const auto& def : defs) {
    const json::value* v = fields.if_contains(def.key);
    const bool empty = !v || v->is_null() ||
                       (v->is_string() && Trim(std::string_view(v->as_string())).empty()) ||
                       (v->is_array() && v->as_array().empty());
    if (def.required && empty) out.push_back({def.key, "required", 0, 0, std::nullopt});
    if (!v || !v->is_string()) continue;
    const auto chars = static_cast<std::int64_t>(CountCharacters(std::string_view(v->as_string())));
    if (def.max_length && chars > *def.max_length) {
      out.push_back({def.key, "max_length", *def.max_length, chars, std::nullopt});
    }
    if (def.channel_limits) {
      for (const auto& channel : channels) {
        const bool on = std::find(content.channel_ids.begin(), content.channel_ids.end(),
                                  channel.id) != content.channel_ids.end();
        if (on && channel.char_limit && chars > *channel.char_limit) {
          out.push_back({def.key, "channel_limit", *channel.char_limit, chars, channel.id});
        }
      }
    }
  }
  AddVariantViolations(content, channels, out);
  return out;
}

}  // namespace copydesk::content
