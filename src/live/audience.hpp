#pragma once

#include <optional>
#include <string>

#include "auth/policy.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"
#include "storage/events_store.hpp"

namespace copydesk::live {

//! Who may be told of one committed event, and what they are told: the same small message of
//! ids for everyone (the browser refetches what it needs), decided once per event. Each
//! person's right is asked of access/ when the event is delivered, so that access lost a
//! moment ago already counts.
struct Audience {
  enum class Rule {
    kNobody,          //!< accounts, sessions, tokens: nothing for anyone's screen
    kPerson,          //!< one person's own state (their notifications, their saved views)
    kContentReaders,  //!< whoever may read the content now
    kWorkspaceTasks,  //!< whoever may read the workspace's tasks
    kWorkspaceRight,  //!< members whose role grants `right`, and the member it is about
  };
  Rule rule = Rule::kNobody;                          //!< who is told
  std::string person;                                 //!< for kPerson: who
  std::string workspace_id;                           //!< the workspace the event happened in
  std::optional<storage::ContentRecord> content;      //!< for kContentReaders: what it is about
  auth::Action right = auth::Action::kReadWorkspace;  //!< for kWorkspaceRight
  std::optional<std::string> member;                  //!< for member.*: the member it is about
  bool staff_only = false;                            //!< about an internal comment: not for guests
  std::string message;                                //!< serialized, sent as is

  //! True when `user_id` is to be told.
  bool Tells(storage::Tx& tx, const std::string& user_id) const;
};

//! The audience of event `e`, and its message.
Audience AudienceOf(storage::Tx& tx, const storage::OutboxEvent& e);

}  // namespace copydesk::live
