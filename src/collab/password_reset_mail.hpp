#pragma once

#include <string>
#include <string_view>

#include "collab/mail_text.hpp"

namespace copydesk::collab {

//! The e-mail carrying a password reset link, in `language` ("fr", else English).
MailText PasswordResetMailText(std::string_view language, const std::string& name,
                               const std::string& link);

}  // namespace copydesk::collab
