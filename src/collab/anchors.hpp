#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::collab {

//! Where a quoted passage is found again in a changed text, in characters; nullopt when the text
//! no longer holds it. The occurrence nearest to where the passage should now be wins: its old
//! offset, shifted by what was inserted or removed before it.
std::optional<std::int64_t> RelocateQuote(std::string_view old_text, std::string_view new_text,
                                          std::string_view quote, std::int64_t old_offset);

//! Every occurrence of `quote` in `text`, as character offsets.
std::vector<std::int64_t> FindQuote(std::string_view text, std::string_view quote);

//! The text of a field ("title" or a key of `fields_json`); nullopt when it holds no text.
std::optional<std::string> FieldText(const std::string& title, const std::string& fields_json,
                                     const std::string& field);

}  // namespace copydesk::collab
