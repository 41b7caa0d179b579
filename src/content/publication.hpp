#pragma once

// Where a content stands in its publication, derived from its date, its channels' own dates and
// their published marks: a pure function of the stored content and the time it is asked at, so
// that the content's JSON, the indexer and the domain's rules agree (the list's SQL says the same
// in storage/contents_store.cpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "storage/contents_store.hpp"

namespace copydesk::content {

//! Where a content stands in its publication.
enum class PublicationState { kUnscheduled, kPlanned, kLate, kPublished };

//! The state's name in the API and in the `publication` filter ("late").
std::string_view PublicationStateName(PublicationState state);

//! How a content goes out on one of its channels, as its readers see it.
struct ChannelPublication {
  std::string channel_id;
  std::optional<TimeMs> planned_at;  //!< the channel's own date
  std::optional<TimeMs> at;          //!< planned_at, else the content's publish_at
  std::optional<TimeMs> published_at;
  std::optional<std::string> url;
  std::optional<std::string> published_by;
  std::string published_by_name;
  bool late = false;  //!< `at` has passed and it is not published there
};

//! A content's publication: per channel, and as a whole.
struct Publication {
  std::vector<ChannelPublication> channels;  //!< in the content's channel order
  PublicationState state = PublicationState::kUnscheduled;
  bool published = false;  //!< every channel is (without channels: its status says so)
  bool has_date = false;   //!< the content or one of its channels has a date
  //! The earliest date still to be met (a channel not published yet, or the content's own when
  //! it has no channels and is not published): the content is late from then on.
  std::optional<TimeMs> next_at;
};

//! The publication of `content` at `now`; `status_published` says whether its workflow status is
//! of category "published" (what decides for a content without channels).
Publication DerivePublication(const storage::ContentRecord& content, bool status_published,
                              TimeMs now);

}  // namespace copydesk::content
