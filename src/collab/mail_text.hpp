#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/collab_store.hpp"

namespace copydesk::collab {

//! What an e-mail says: its subject and the same text as plain text and as HTML.
struct MailText {
  std::string subject;
  std::string text;
  std::string html;
};

//! One notification as an e-mail tells it.
struct MailItem {
  storage::NotificationRecord notification;  //!< with actor_name and content_title
  std::string workspace_name;
  std::string link;  //!< absolute URL of what it is about
};

//! The e-mail of one notification, in `language` ("fr", else English). `settings_link` is
//! where the recipient changes how they hear of things.
MailText NotificationMailText(std::string_view language, const MailItem& item,
                              const std::string& settings_link);
//! The daily digest of several notifications, in `language`.
MailText DigestMailText(std::string_view language, const std::vector<MailItem>& items,
                        const std::string& settings_link);

}  // namespace copydesk::collab
