#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace copydesk::collab {

//! The mentions written in a text, before they are resolved to people.
struct Mentions {
  std::set<std::string> user_ids;   //!< @[Claire Dubois](user:ID)
  std::set<std::string> team_ids;   //!< @[Legal](team:ID)
  bool everyone = false;            //!< @everyone
  std::vector<std::string> plains;  //!< the folded text following each plain "@", to match names
};

//! Finds the mentions in a comment or a task description. An "@" inside a word (an e-mail
//! address) is no mention.
Mentions ParseMentions(std::string_view text);

//! A name that a plain mention may match, folded for comparison.
struct Mentionable {
  std::string folded_name;
  std::vector<std::string> user_ids;  //!< one person, or a team's members
};

//! The longest of `names` that `folded` starts with, ending at a word boundary; nullptr if none.
const Mentionable* MatchPlain(std::string_view folded, const std::vector<Mentionable>& names);

//! The people a text mentions in a workspace, before access is checked: persons and members of
//! teams of that workspace; with @everyone, every member. Ids of other workspaces count for
//! nothing.
std::set<std::string> MentionedPeople(storage::Tx& tx, const std::string& workspace_id,
                                      std::string_view text);

}  // namespace copydesk::collab
