#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/demo_phrases.hpp"

namespace copydesk::cli::demo {

//! A small deterministic generator (splitmix64). The standard distributions differ between
//! library versions; this one gives the same demo for the same seed everywhere.
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : state_(seed) {}

  //! The next 64 random bits.
  std::uint64_t Next();
  //! An integer in [lo, hi].
  std::int64_t Between(std::int64_t lo, std::int64_t hi);
  //! A number in [0, 1).
  double Unit();
  //! True with probability `p`.
  bool Chance(double p) { return Unit() < p; }
  //! An index drawn with the given weights.
  std::size_t Weighted(const std::vector<int>& weights);
  //! One element of a non-empty list.
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(Between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }
  //! `k` distinct indexes below `n` (fewer when n < k), in random order.
  std::vector<std::size_t> Sample(std::size_t n, std::size_t k);

 private:
  std::uint64_t state_;
};

//! One seed from several numbers: each content and each of its edits gets its own sequence, so
//! a content's text does not depend on how many contents come before it.
std::uint64_t MixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0);

//! The content types of the default template set, by key.
enum class Kind { kArticle, kSocialPost, kNewsletter, kPrint, kVideo };
//! The key of a content type ("article").
std::string_view KindKey(Kind kind);

//! Where a social post goes: its length is written for that network.
enum class Network { kNone, kLinkedIn, kX, kFacebook, kInstagram };
//! The network's channel name ("LinkedIn").
std::string_view NetworkName(Network network);

//! What to write.
struct Brief {
  Kind kind = Kind::kArticle;
  const Topic* topic = nullptr;
  const Topic* second_topic = nullptr;  //!< newsletters carry two stories
  std::string language = "fr";
  Network network = Network::kNone;
  bool over_limit = false;                 //!< a social post written past its network's limit
  int month = 0;                           //!< 0–11: the month a newsletter is sent
  std::vector<std::string> print_formats;  //!< the print type's format options
};

//! A text as the marketing team would have drafted it.
struct Draft {
  std::string title;
  boost::json::object fields;
  std::vector<std::string> tags;
};

//! Writes a content from the phrase banks.
Draft WriteDraft(Dice& dice, const Brief& brief);

//! A later pass on a content by a colleague: what they changed (title and/or fields).
struct Revision {
  std::optional<std::string> title;
  boost::json::object fields;
};

//! Revises a content the way people do: a sentence reworded, one cut, one added, a tip added to a
//! list, a new lead or title. Always changes something.
Revision ReviseDraft(Dice& dice, const Brief& brief, const std::string& title,
                     const boost::json::object& fields);

//! The field that holds a content's main text ("body", "text", "script").
std::string_view MainField(Kind kind);

}  // namespace copydesk::cli::demo
