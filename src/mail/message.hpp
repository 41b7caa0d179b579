#pragma once

#include <string>

#include "core/clock.hpp"

namespace copydesk::mail {

//! One e-mail with a plain-text and an HTML body of the same text.
struct Message {
  std::string from_address;  //!< "copydesk@example.com"
  std::string from_name;     //!< shown beside it; may be empty
  std::string to_address;
  std::string to_name;
  std::string subject;
  std::string text;  //!< UTF-8, lines ended by "\n"
  std::string html;  //!< a whole HTML document, already escaped
  std::string id;    //!< unique and stable for the same e-mail: the Message-ID's left part
  TimeMs date = 0;
};

//! The message in RFC 5322 form: headers (non-ASCII words encoded per RFC 2047), then a
//! multipart/alternative body whose text and HTML parts are base64 UTF-8. Lines end in CRLF.
std::string Render(const Message& message);

//! True when `address` is a plain e-mail address that can go into a header or an SMTP command
//! (no spaces, angle brackets, line breaks or control characters; one "@").
bool IsPlainAddress(const std::string& address);

}  // namespace copydesk::mail
