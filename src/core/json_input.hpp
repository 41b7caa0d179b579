#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace copydesk {

//! Strict reader of a JSON object from a request: every member must be read, with its expected
//! type, or the input is refused naming the field. Collects every fault before answering.
//!
//!   auto in = JsonInput::Parse(body);
//!   if (!in) return in.error();
//!   auto email = in->String("email", JsonInput::kRequired);
//!   if (auto done = in->Finish(); !done) return done.error();
class JsonInput {
 public:
  enum Presence { kOptional, kRequired };

  //! Parses `text` as one JSON object (UTF-8, no comments, bounded depth).
  static Result<JsonInput> Parse(std::string_view text);
  //! Wraps an already parsed object; `prefix` names it in errors ("fields.").
  JsonInput(boost::json::object object, std::string prefix = "");

  //! A string member; absent or null gives nullopt. `max_bytes` guards against huge values.
  std::optional<std::string> String(std::string_view key, Presence presence = kOptional,
                                    std::size_t max_bytes = 64 * 1024);
  //! An integer member.
  std::optional<std::int64_t> Int(std::string_view key, Presence presence = kOptional);
  //! A boolean member.
  std::optional<bool> Bool(std::string_view key, Presence presence = kOptional);
  //! An array of strings.
  std::optional<std::vector<std::string>> StringArray(std::string_view key,
                                                      Presence presence = kOptional,
                                                      std::size_t max_items = 1000);
  //! A nested object, read strictly by its own JsonInput (errors are merged back by Finish).
  std::optional<boost::json::object> Object(std::string_view key, Presence presence = kOptional);
  //! Any value, taken as is (the caller validates it).
  std::optional<boost::json::value> Raw(std::string_view key, Presence presence = kOptional);
  //! True when the member is present (even null): for PATCH semantics.
  bool Has(std::string_view key) const;
  //! True when the member is present and null: "clear this value".
  bool IsNull(std::string_view key) const;

  //! Adds an error found by the caller while reading.
  void Fault(std::string field, std::string message);
  //! Finishes `nested` (a reader of one of this object's members) and keeps its faults as this
  //! one's, so that Finish() names every field at fault, nested ones included.
  void Include(JsonInput& nested);
  //! Checks that every member was read and no fault was found; 400 naming fields otherwise.
  Result<void> Finish();

 private:
  const boost::json::value* Take(std::string_view key, Presence presence);
  std::string Path(std::string_view key) const { return prefix_ + std::string(key); }

  boost::json::object object_;
  std::string prefix_;
  std::set<std::string, std::less<>> read_;
  std::vector<FieldError> faults_;
};

//! Parses a body that is a list of strings: either a bare JSON array, or an object whose only
//! member `key` is that array.
Result<std::vector<std::string>> ParseStringList(std::string_view text, std::string_view key,
                                                 std::size_t max_items = 1000);

//! True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view text);

}  // namespace copydesk
