#include "workspace/settings.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"
#include "storage/shares_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::workspace {

namespace json = boost::json;
using auth::Action;
using storage::Tx;

namespace {

bool ValidColor(std::string_view c) {
  if (c.size() != 7 || c[0] != '#') return false;
  for (std::size_t i = 1; i < 7; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
  }
  return true;
}

std::optional<std::string> CheckLabel(std::string_view name, std::size_t max_chars) {
  if (Trim(name).empty()) return "must not be empty";
  if (CountCharacters(name) > max_chars)
    return "must be at most " + std::to_string(max_chars) + " characters";
  return CheckNameCharacters(name);
}

std::string Event(json::object o) {
  return json::serialize(o);
}

// ---- defaults ---------------------------------------------------------------------------------

struct DefaultChannel {
  const char* en;
  const char* fr;
  const char* color;
  std::optional<std::int64_t> limit;
  std::vector<DefaultChannel> children;
  const char* network = nullptr;
};

FieldDef Text(const char* key, const std::string& label, std::optional<std::int64_t> max,
              FieldKind kind = FieldKind::kText) {
  FieldDef f;
  f.key = key;
  f.label = label;
  f.kind = kind;
  f.max_length = max;
  return f;
}

}  // namespace

void SeedWorkspaceDefaults(Tx& tx, const std::string& workspace_id, const std::string& language,
                           TimeMs now) {
  const bool fr = language == "fr";
  const std::vector<DefaultChannel> tree = {
      {"Website",
       "Site web",
       "#2563eb",
       std::nullopt,
       {{"Blog", "Blog", "#3b82f6", std::nullopt, {}}}},
      {"Social",
       "Réseaux sociaux",
       "#db2777",
       std::nullopt,
       {{"LinkedIn", "LinkedIn", "#0a66c2", 3000, {}, "linkedin"},
        {"X", "X", "#111827", 280, {}, "x"},
        {"Facebook", "Facebook", "#1877f2", std::nullopt, {}, "facebook"},
        {"Instagram", "Instagram", "#c13584", 2200, {}, "instagram"}}},
      {"Email",
       "E-mail",
       "#059669",
       std::nullopt,
       {{"Newsletter", "Newsletter", "#10b981", std::nullopt, {}, "newsletter"}}},
      {"Print", "Print", "#92400e", std::nullopt, {}},
      {"Internal", "Interne", "#6b7280", std::nullopt, {}},
  };
  std::int64_t position = 0;
  std::function<void(const DefaultChannel&, const std::optional<std::string>&)> add =
      [&](const DefaultChannel& c, const std::optional<std::string>& parent) {
        storage::ChannelRecord record{NewId(), workspace_id, parent,     fr ? c.fr : c.en,
                                      c.color, c.limit,      position++, now};
        if (c.network) record.network = c.network;
        storage::InsertChannel(tx, record);
        for (const auto& child : c.children) add(child, record.id);
      };
  for (const auto& c : tree) add(c, std::nullopt);

  auto L = [fr](const char* en, const char* fr_label) { return std::string(fr ? fr_label : en); };
  FieldDef social_text = Text("text", L("Text", "Texte"), 3000, FieldKind::kLongText);
  social_text.channel_limits = true;
  social_text.required = true;
  FieldDef print_format;
  print_format.key = "format";
  print_format.label = L("Format", "Format");
  print_format.kind = FieldKind::kChoice;
  print_format.options = {"A4", "A5", L("Flyer", "Flyer"), L("Poster", "Affiche"),
                          L("Brochure", "Brochure")};
  FieldDef duration;
  duration.key = "duration";
  duration.label = L("Duration (seconds)", "Durée (secondes)");
  duration.kind = FieldKind::kNumber;

  struct DefaultType {
    const char* key;
    std::string name;
    std::vector<FieldDef> fields;
  };
  const std::vector<DefaultType> types = {
      {"article",
       L("Article", "Article"),
       {Text("lead", L("Lead", "Chapô"), 300, FieldKind::kLongText),
        Text("body", L("Body", "Corps"), std::nullopt, FieldKind::kRichText),
        Text("seo_title", L("SEO title", "Titre SEO"), 60),
        Text("meta_description", L("Meta description", "Méta-description"), 160,
             FieldKind::kLongText)}},
      {"social_post", L("Social post", "Publication sociale"), {social_text}},
      {"newsletter",
       L("Newsletter", "Newsletter"),
       {Text("subject", L("Subject", "Objet"), 80),
        Text("preheader", L("Preheader", "Pré-en-tête"), 120),
        Text("body", L("Body", "Corps"), std::nullopt, FieldKind::kRichText)}},
      {"print",
       L("Print", "Print"),
       {Text("body", L("Body", "Corps"), std::nullopt, FieldKind::kRichText), print_format}},
      {"video",
       L("Video", "Vidéo"),
       {Text("script", L("Script", "Script"), std::nullopt, FieldKind::kRichText), duration}},
  };
  std::int64_t type_position = 0;
  for (const auto& t : types) {
    storage::InsertContentType(
        tx, {NewId(), workspace_id, t.key, t.name, json::serialize(FieldDefsToJson(t.fields)),
             type_position++, now, now});
  }

  // The default workflow, with legal validation gated by a Legal team (empty until people are
  // added to it) and blocking: what most companies need before anything is published.
  const storage::TeamRecord legal{NewId(), workspace_id, L("Legal", "Juridique"), now, {}};
  storage::InsertTeam(tx, legal, FoldForMatch(legal.name));
  struct DefaultStatus {
    const char* en;
    const char* fr;
    const char* color;
    const char* category;
    bool legal_gate;
  };
  const DefaultStatus statuses[] = {
      {"Idea", "Idée", "#a855f7", "idea", false},
      {"Writing", "Rédaction", "#3b82f6", "in_progress", false},
      {"Internal review", "Relecture interne", "#f59e0b", "review", false},
      {"Legal validation", "Validation juridique", "#ef4444", "review", true},
      {"Ready", "Prêt", "#10b981", "ready", false},
      {"Published", "Publié", "#6b7280", "published", false},
  };
  std::int64_t status_position = 0;
  for (const auto& d : statuses) {
    storage::StatusRecord status{NewId(),      workspace_id, fr ? d.fr : d.en,
                                 d.color,      d.category,   status_position++,
                                 std::nullopt, false,        false,
                                 now};
    if (d.legal_gate) {
      status.gate_teams_json = json::serialize(json::array{json::string(legal.id)});
      status.gate_blocking = true;
    }
    storage::InsertStatus(tx, status);
  }
}

// ---- channels ---------------------------------------------------------------------------------

bool IsNetwork(std::string_view name) {
  return std::find(std::begin(kNetworks), std::end(kNetworks), name) != std::end(kNetworks);
}

Result<std::vector<storage::ChannelRecord>> Settings::Channels(const auth::Actor& actor,
                                                               const std::string& ws) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::ChannelRecord>> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kReadTemplates);
    if (!access) return std::move(access).error();
    return storage::ListChannels(tx, access->workspace.id);
  });
}

namespace {

// Applies a change to a channel, checking every rule; the parent must be in the same workspace
// and may not be the channel itself or one of its descendants.
Result<void> ApplyChannelChange(Tx& tx, storage::ChannelRecord& channel,
                                const ChannelChange& change) {
  std::vector<FieldError> faults;
  if (change.name) {
    if (auto why = CheckLabel(*change.name, 80)) faults.push_back({"name", *why});
    channel.name = std::string(Trim(*change.name));
  }
  if (change.color) {
    if (!ValidColor(*change.color)) faults.push_back({"color", "must be a colour like #2563eb"});
    channel.color = *change.color;
  }
  if (change.char_limit) {
    if (*change.char_limit && (**change.char_limit < 1 || **change.char_limit > 100000)) {
      faults.push_back({"char_limit", "must be between 1 and 100000"});
    }
    channel.char_limit = *change.char_limit;
  }
  if (change.position) channel.position = *change.position;
  if (change.network) {
    if (*change.network && !IsNetwork(**change.network)) {
      faults.push_back(
          {"network", "must be one of x, linkedin, facebook, instagram, newsletter or null"});
    }
    channel.network = *change.network;
  }
  if (change.parent) {
    if (*change.parent) {
      auto parent = storage::FindChannel(tx, channel.workspace_id, **change.parent);
      if (!parent) {
        faults.push_back({"parent", "is not a channel of this workspace"});
      } else {
        // Walk up from the new parent: meeting the channel itself would make a cycle.
        std::optional<std::string> cursor = parent->id;
        while (cursor) {
          if (*cursor == channel.id) {
            faults.push_back({"parent", "cannot be the channel itself or one of its sub-channels"});
            break;
          }
          auto up = storage::FindChannel(tx, channel.workspace_id, *cursor);
          cursor = up ? up->parent_id : std::nullopt;
        }
      }
    }
    channel.parent_id = *change.parent;
  }
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return {};
}

}  // namespace

Result<storage::ChannelRecord> Settings::CreateChannel(const auth::Actor& actor,
                                                       const std::string& ws,
                                                       const ChannelChange& change) {
  return db_.Write([&](Tx& tx) -> Result<storage::ChannelRecord> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kManageSettings);
    if (!access) return std::move(access).error();
    const TimeMs now = NowMs();
    storage::ChannelRecord channel{
        NewId(),
        access->workspace.id,
        std::nullopt,
        "",
        "#6b7280",
        std::nullopt,
        static_cast<std::int64_t>(storage::ListChannels(tx, access->workspace.id).size()),
        now};
    if (!change.name) return Error::InvalidField("name", "is required");
    if (auto applied = ApplyChannelChange(tx, channel, change); !applied)
      return std::move(applied).error();
    storage::InsertChannel(tx, channel);
    storage::AppendEvent(tx, channel.workspace_id, actor.user.id, "channel.created", channel.id,
                         Event({{"name", channel.name}}), now);
    return channel;
  });
}

Result<storage::ChannelRecord> Settings::UpdateChannel(const auth::Actor& actor,
                                                       const std::string& ws, const std::string& id,
                                                       const ChannelChange& change) {
  return db_.Write([&](Tx& tx) -> Result<storage::ChannelRecord> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kManageSettings);
    if (!access) return std::move(access).error();
    auto channel = storage::FindChannel(tx, access->workspace.id, id);
    if (!channel) return Error::NotFound("No such channel.");
    if (auto applied = ApplyChannelChange(tx, *channel, change); !applied)
      return std::move(applied).error();
    storage::UpdateChannel(tx, *channel);
    storage::AppendEvent(tx, channel->workspace_id, actor.user.id, "channel.updated", channel->id,
                         Event({{"name", channel->name}}), NowMs());
    return *channel;
  });
}

Result<void> Settings::DeleteChannel(const auth::Actor& actor, const std::string& ws,
                                     const std::string& id,
                                     const std::optional<std::string>& move_to) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kManageSettings);
    if (!access) return std::move(access).error();
    auto channel = storage::FindChannel(tx, access->workspace.id, id);
    if (!channel) return Error::NotFound("No such channel.");
    if (storage::CountChildChannels(tx, id) > 0) {
      return Error::Conflict("This channel has sub-channels. Move or delete them first.");
    }
    const std::int64_t in_use = storage::CountContentsOnChannel(tx, id);
    if (in_use > 0) {
      if (!move_to) {
        Error e = Error::Conflict(std::to_string(in_use) +
                                      " contents are on this channel. Say which channel they move "
                                      "to (move_to).",
                                  {{"move_to", "is required while contents use this channel"}});
        e.extra_json = "{\"contents\":" + std::to_string(in_use) + "}";
        return e;
      }
      if (*move_to == id || !storage::FindChannel(tx, access->workspace.id, *move_to)) {
        return Error::InvalidField("move_to", "must be another channel of this workspace");
      }
      storage::MoveChannelContents(tx, id, *move_to);
    }
    storage::DeleteChannel(tx, id);
    json::object data{{"name", channel->name}, {"contents_moved", in_use}};
    if (move_to) data["moved_to"] = *move_to;
    storage::AppendEvent(tx, channel->workspace_id, actor.user.id, "channel.deleted", id,
                         Event(std::move(data)), NowMs());
    return {};
  });
}

// ---- content types ----------------------------------------------------------------------------

Result<std::vector<storage::ContentTypeRecord>> Settings::Types(const auth::Actor& actor,
                                                                const std::string& ws) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::ContentTypeRecord>> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kReadTemplates);
    if (!access) return std::move(access).error();
    return storage::ListContentTypes(tx, access->workspace.id);
  });
}

Result<storage::ContentTypeRecord> Settings::CreateType(const auth::Actor& actor,
                                                        const std::string& ws,
                                                        const ContentTypeChange& change) {
  std::vector<FieldError> faults;
  if (!change.key) faults.push_back({"key", "is required"});
  if (change.key && !IsValidKey(*change.key)) {
    faults.push_back({"key", "must be lowercase letters, digits and _, starting with a letter"});
  }
  if (!change.name)
    faults.push_back({"name", "is required"});
  else if (auto why = CheckLabel(*change.name, 80))
    faults.push_back({"name", *why});
  if (!faults.empty()) return Error::Invalid("Some fields are invalid.", std::move(faults));
  return db_.Write([&](Tx& tx) -> Result<storage::ContentTypeRecord> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kManageSettings);
    if (!access) return std::move(access).error();
    if (storage::FindContentType(tx, access->workspace.id, *change.key)) {
      return Error::Conflict("A content type already uses this key.", {{"key", "is already used"}});
    }
    const TimeMs now = NowMs();
    storage::ContentTypeRecord type{
        NewId(),
        access->workspace.id,
        *change.key,
        std::string(Trim(*change.name)),
        json::serialize(FieldDefsToJson(change.fields.value_or(std::vector<FieldDef>{}))),
        static_cast<std::int64_t>(storage::ListContentTypes(tx, access->workspace.id).size()),
        now,
        now};
    storage::InsertContentType(tx, type);
    storage::AppendEvent(tx, type.workspace_id, actor.user.id, "type.created", type.id,
                         Event({{"key", type.key}, {"name", type.name}}), now);
    return type;
  });
}

Result<storage::ContentTypeRecord> Settings::UpdateType(const auth::Actor& actor,
                                                        const std::string& ws,
                                                        const std::string& id,
                                                        const ContentTypeChange& change) {
  if (change.key)
    return Error::InvalidField("key", "cannot change: contents and integrations rely on it");
  if (change.name) {
    if (auto why = CheckLabel(*change.name, 80)) return Error::InvalidField("name", *why);
  }
  return db_.Write([&](Tx& tx) -> Result<storage::ContentTypeRecord> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kManageSettings);
    if (!access) return std::move(access).error();
    auto type = storage::FindContentType(tx, access->workspace.id, id);
    if (!type) return Error::NotFound("No such content type.");
    if (change.name) type->name = std::string(Trim(*change.name));
    if (change.fields) type->fields_json = json::serialize(FieldDefsToJson(*change.fields));
    type->updated_at = NowMs();
    storage::UpdateContentType(tx, *type);
    storage::AppendEvent(tx, type->workspace_id, actor.user.id, "type.updated", type->id,
                         Event({{"key", type->key}, {"name", type->name}}), type->updated_at);
    return *type;
  });
}

Result<void> Settings::DeleteType(const auth::Actor& actor, const std::string& ws,
                                  const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kManageSettings);
    if (!access) return std::move(access).error();
    auto type = storage::FindContentType(tx, access->workspace.id, id);
    if (!type) return Error::NotFound("No such content type.");
    if (const auto used = storage::CountContentsOfType(tx, type->id); used > 0) {
      return Error::Conflict(std::to_string(used) +
                             " contents use this type (archived ones included). It cannot be "
                             "deleted while they exist.");
    }
    storage::DeleteContentType(tx, type->id);
    storage::AppendEvent(tx, type->workspace_id, actor.user.id, "type.deleted", type->id,
                         Event({{"key", type->key}}), NowMs());
    return {};
  });
}

// ---- projects ---------------------------------------------------------------------------------

Result<std::vector<storage::ProjectRecord>> Settings::Projects(const auth::Actor& actor,
                                                               const std::string& ws,
                                                               bool include_archived) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::ProjectRecord>> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kReadWorkspace);
    if (!access) return std::move(access).error();
    auto projects = storage::ListProjects(tx, access->workspace.id, include_archived);
    if (!auth::Can(access->role, Action::kReadSettings)) {
      // Guests see the projects shared with them, and nothing of the others.
      const auto shared = storage::SharedWithUser(tx, access->workspace.id, actor.user.id);
      std::erase_if(projects, [&](const storage::ProjectRecord& p) {
        return !std::binary_search(shared.project_ids.begin(), shared.project_ids.end(), p.id);
      });
    }
    return projects;
  });
}

Result<storage::ProjectRecord> Settings::CreateProject(const auth::Actor& actor,
                                                       const std::string& ws,
                                                       const ProjectChange& change) {
  if (!change.name) return Error::InvalidField("name", "is required");
  if (auto why = CheckLabel(*change.name, 120)) return Error::InvalidField("name", *why);
  return db_.Write([&](Tx& tx) -> Result<storage::ProjectRecord> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kManageProjects);
    if (!access) return std::move(access).error();
    const TimeMs now = NowMs();
    storage::ProjectRecord project{NewId(),
                                   access->workspace.id,
                                   std::string(Trim(*change.name)),
                                   change.description.value_or(""),
                                   std::nullopt,
                                   now,
                                   now};
    if (change.archived.value_or(false)) project.archived_at = now;
    storage::InsertProject(tx, project);
    storage::AppendEvent(tx, project.workspace_id, actor.user.id, "project.created", project.id,
                         Event({{"name", project.name}}), now);
    return project;
  });
}

Result<storage::ProjectRecord> Settings::UpdateProject(const auth::Actor& actor,
                                                       const std::string& ws, const std::string& id,
                                                       const ProjectChange& change) {
  if (change.name) {
    if (auto why = CheckLabel(*change.name, 120)) return Error::InvalidField("name", *why);
  }
  return db_.Write([&](Tx& tx) -> Result<storage::ProjectRecord> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kManageProjects);
    if (!access) return std::move(access).error();
    auto project = storage::FindProject(tx, access->workspace.id, id);
    if (!project) return Error::NotFound("No such project.");
    const TimeMs now = NowMs();
    if (change.name) project->name = std::string(Trim(*change.name));
    if (change.description) project->description = *change.description;
    std::string kind = "project.updated";
    if (change.archived && *change.archived != project->archived_at.has_value()) {
      project->archived_at = *change.archived ? std::optional<TimeMs>(now) : std::nullopt;
      kind = *change.archived ? "project.archived" : "project.unarchived";
    }
    project->updated_at = now;
    storage::UpdateProject(tx, *project);
    storage::AppendEvent(tx, project->workspace_id, actor.user.id, kind, project->id,
                         Event({{"name", project->name}}), now);
    return *project;
  });
}

// ---- tags -------------------------------------------------------------------------------------

Result<std::vector<storage::TagCount>> Settings::Tags(const auth::Actor& actor,
                                                      const std::string& ws,
                                                      const std::string& prefix, int limit) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::TagCount>> {
    auto access = Authorize(tx, actor.user.id, ws, Action::kReadContent);
    if (!access) return std::move(access).error();
    return storage::ListTags(tx, access->workspace.id, FoldForMatch(Trim(prefix)), limit);
  });
}

}  // namespace copydesk::workspace
