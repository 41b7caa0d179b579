#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace copydesk {

//! URL-safe base64 without padding: for opaque cursors in URLs.
std::string EncodeBase64Url(std::string_view bytes);
//! Decodes URL-safe base64 without padding; nullopt when malformed.
std::optional<std::string> DecodeBase64Url(std::string_view text);
//! Standard base64 with padding: for MIME bodies.
std::string EncodeBase64(std::string_view bytes);
//! Decodes standard base64, skipping line breaks; nullopt when malformed.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace copydesk
