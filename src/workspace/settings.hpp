#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/settings_store.hpp"
#include "workspace/content_type.hpp"

namespace copydesk::workspace {

//! A change to a channel; unset members stay as they are.
struct ChannelChange {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> parent;  //!< set to nullopt: move to the top
  std::optional<std::string> color;
  std::optional<std::optional<std::int64_t>> char_limit;
  std::optional<std::int64_t> position;
  std::optional<std::optional<std::string>> network;  //!< set to nullopt: no network rules
};

//! The networks a channel can follow (their rules: content/channel_rules.hpp), in the order
//! settings offer them.
inline constexpr const char* kNetworks[] = {"x", "linkedin", "facebook", "instagram", "newsletter"};

//! Whether `name` is one of kNetworks.
bool IsNetwork(std::string_view name);

//! A change to a content type; unset members stay as they are.
struct ContentTypeChange {
  std::optional<std::string> key;  //!< only when creating
  std::optional<std::string> name;
  std::optional<std::vector<FieldDef>> fields;
};

//! A change to a project; unset members stay as they are.
struct ProjectChange {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<bool> archived;
};

//! Creates the default channel tree and content types of a new workspace, named in its
//! language, in the caller's transaction.
void SeedWorkspaceDefaults(storage::Tx& tx, const std::string& workspace_id,
                           const std::string& language, TimeMs now);

//! The settings that shape contents: channels, content types, projects, tags.
class Settings {
 public:
  explicit Settings(storage::Database& db) : db_(db) {}

  Result<std::vector<storage::ChannelRecord>> Channels(const auth::Actor& actor,
                                                       const std::string& ws);
  Result<storage::ChannelRecord> CreateChannel(const auth::Actor& actor, const std::string& ws,
                                               const ChannelChange& change);
  Result<storage::ChannelRecord> UpdateChannel(const auth::Actor& actor, const std::string& ws,
                                               const std::string& id, const ChannelChange& change);
  //! Deletes a channel. In use, it needs `move_to`: where its contents go (409 naming how many
  //! contents otherwise), so that no content silently loses a channel.
  Result<void> DeleteChannel(const auth::Actor& actor, const std::string& ws, const std::string& id,
                             const std::optional<std::string>& move_to);

  Result<std::vector<storage::ContentTypeRecord>> Types(const auth::Actor& actor,
                                                        const std::string& ws);
  Result<storage::ContentTypeRecord> CreateType(const auth::Actor& actor, const std::string& ws,
                                                const ContentTypeChange& change);
  //! Changes a type. Removing a field hides it from the template; contents keep its values in
  //! their history.
  Result<storage::ContentTypeRecord> UpdateType(const auth::Actor& actor, const std::string& ws,
                                                const std::string& id,
                                                const ContentTypeChange& change);
  //! Deletes a type no content uses (409 otherwise).
  Result<void> DeleteType(const auth::Actor& actor, const std::string& ws, const std::string& id);

  Result<std::vector<storage::ProjectRecord>> Projects(const auth::Actor& actor,
                                                       const std::string& ws,
                                                       bool include_archived);
  Result<storage::ProjectRecord> CreateProject(const auth::Actor& actor, const std::string& ws,
                                               const ProjectChange& change);
  Result<storage::ProjectRecord> UpdateProject(const auth::Actor& actor, const std::string& ws,
                                               const std::string& id, const ProjectChange& change);

  //! Tags of the workspace starting with `prefix` (case and accents ignored), most used first.
  Result<std::vector<storage::TagCount>> Tags(const auth::Actor& actor, const std::string& ws,
                                              const std::string& prefix, int limit);

 private:
  storage::Database& db_;
};

}  // namespace copydesk::workspace
