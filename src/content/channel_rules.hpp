#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The rules of the social networks and the newsletter a channel can go out on, and how each
// counts a text. Pure functions: the server checks variants with them and serves the table to
// the web app, so that both show the same limits and counts.
namespace copydesk::content {

//! How a network counts the characters of a field.
enum class Counting {
  kX,      //!< X's weighted count (twitter-text v3): URLs 23, heavy characters and emoji 2
  kChars,  //!< Unicode code points (LinkedIn, Facebook, Instagram, e-mail clients)
};

//! "x" or "chars", as the API names a counting.
std::string_view CountingName(Counting counting);

//! One field of a network's variant: its key, its limit (none: not limited) and its counting.
struct NetworkField {
  std::string key;
  std::optional<std::int64_t> limit;
  Counting counting = Counting::kChars;
};

//! What a network does with a post: its fields, where it cuts the text before "…see more", the
//! crop of a visual in the feed, and its limits on hashtags and mentions.
struct NetworkRules {
  std::string network;  //!< x, linkedin, facebook, instagram, newsletter
  std::vector<NetworkField> fields;
  std::optional<std::int64_t> hook;  //!< characters shown before the network truncates
  std::optional<std::string> image_ratio;
  std::optional<std::int64_t> hashtag_limit;
  std::optional<std::int64_t> mention_limit;
};

//! Every network's rules, in the order settings show them.
const std::vector<NetworkRules>& AllNetworkRules();

//! The rules of a network by its name; none for an unknown name.
const NetworkRules* RulesOf(std::string_view network);

//! The field of a network's rules by key; none when the network has no such field.
const NetworkField* FieldOf(const NetworkRules& rules, std::string_view key);

//! X's weighted length of a text, as twitter-text v3 computes it: NFC first; each URL counts
//! 23; each emoji (a whole sequence: ZWJ families, skin tones, flags, keycaps) 2; other code
//! points 1 in the light ranges (0–4351, 8192–8205, 8208–8223, 8242–8247), else 2.
std::int64_t XWeightedLength(std::string_view text);

//! Unicode code points of a text (after NFC, as the networks store what is posted).
std::int64_t CodePointLength(std::string_view text);

//! The length of a text by a counting.
std::int64_t CountText(std::string_view text, Counting counting);

//! The hashtags of a text (#word with at least one letter, not inside a word).
std::int64_t CountHashtags(std::string_view text);

//! The mentions of a text (@name, not inside a word nor an e-mail address).
std::int64_t CountMentions(std::string_view text);

}  // namespace copydesk::content
