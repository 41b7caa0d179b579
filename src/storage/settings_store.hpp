#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A channel of a workspace (Website › Blog, Social › LinkedIn …).
struct ChannelRecord {
  std::string id;
  std::string workspace_id;
  std::optional<std::string> parent_id;
  std::string name;
  std::string color;
  std::optional<std::int64_t> char_limit;
  std::int64_t position = 0;
  TimeMs created_at = 0;
  //! The network whose rules it follows (x, linkedin, facebook, instagram, newsletter); none
  //! for a channel without network rules.
  std::optional<std::string> network;
};

//! A content type: a template of fields, stored as JSON.
struct ContentTypeRecord {
  std::string id;
  std::string workspace_id;
  std::string key;
  std::string name;
  std::string fields_json;
  std::int64_t position = 0;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

//! A project (a campaign or a topic) grouping contents.
struct ProjectRecord {
  std::string id;
  std::string workspace_id;
  std::string name;
  std::string description;
  std::optional<TimeMs> archived_at;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

//! The channels of a workspace, parents before children, in position order.
std::vector<ChannelRecord> ListChannels(Tx& tx, const std::string& workspace_id);
//! One channel of a workspace.
std::optional<ChannelRecord> FindChannel(Tx& tx, const std::string& workspace_id,
                                         const std::string& id);
//! Adds a channel.
void InsertChannel(Tx& tx, const ChannelRecord& channel);
//! Saves a channel's name, colour, limit, parent, position and network.
void UpdateChannel(Tx& tx, const ChannelRecord& channel);
//! Deletes a channel (no content may still use it).
void DeleteChannel(Tx& tx, const std::string& id);
//! Number of contents on a channel.
std::int64_t CountContentsOnChannel(Tx& tx, const std::string& channel_id);
//! Moves every content of `from` to `to` (a content on both keeps one).
void MoveChannelContents(Tx& tx, const std::string& from, const std::string& to);
//! Number of sub-channels of a channel.
std::int64_t CountChildChannels(Tx& tx, const std::string& channel_id);

//! The content types of a workspace, in position order.
std::vector<ContentTypeRecord> ListContentTypes(Tx& tx, const std::string& workspace_id);
//! A content type by id or key.
std::optional<ContentTypeRecord> FindContentType(Tx& tx, const std::string& workspace_id,
                                                 const std::string& id_or_key);
//! Adds a content type; throws StorageError(kUnique) when the key is taken.
void InsertContentType(Tx& tx, const ContentTypeRecord& type);
//! Saves a content type's name and fields.
void UpdateContentType(Tx& tx, const ContentTypeRecord& type);
//! Deletes a content type (no content may still use it).
void DeleteContentType(Tx& tx, const std::string& id);
//! Number of contents (archived included) of a type.
std::int64_t CountContentsOfType(Tx& tx, const std::string& type_id);

//! The projects of a workspace, active first, by name.
std::vector<ProjectRecord> ListProjects(Tx& tx, const std::string& workspace_id,
                                        bool include_archived);
//! One project of a workspace.
std::optional<ProjectRecord> FindProject(Tx& tx, const std::string& workspace_id,
                                         const std::string& id);
//! Adds a project.
void InsertProject(Tx& tx, const ProjectRecord& project);
//! Saves a project's name, description and archive state.
void UpdateProject(Tx& tx, const ProjectRecord& project);

//! A tag as people typed it first, with how many live contents carry it.
struct TagCount {
  std::string tag;
  std::int64_t count = 0;
};
//! Tags of a workspace whose folded form starts with `folded_prefix`, most used first.
std::vector<TagCount> ListTags(Tx& tx, const std::string& workspace_id,
                               const std::string& folded_prefix, int limit);

}  // namespace copydesk::storage
