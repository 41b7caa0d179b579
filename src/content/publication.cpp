#include "content/publication.hpp"

#include <algorithm>

namespace copydesk::content {

std::string_view PublicationStateName(PublicationState state) {
  switch (state) {
    case PublicationState::kPlanned:
      return "planned";
    case PublicationState::kLate:
      return "late";
    case PublicationState::kPublished:
      return "published";
    case PublicationState::kUnscheduled:
      break;
  }
  return "unscheduled";
}

Publication DerivePublication(const storage::ContentRecord& content, bool status_published,
                              TimeMs now) {
  Publication out;
  bool late = false;
  if (content.channel_ids.empty()) {
    // Without channels, the workflow alone says whether it went out.
    out.published = status_published;
    out.has_date = content.publish_at.has_value();
    if (!out.published) out.next_at = content.publish_at;
    late = out.next_at && *out.next_at < now;
  } else {
    out.published = true;
    out.has_date = content.publish_at.has_value();
    for (const auto& id : content.channel_ids) {
      ChannelPublication p;
      p.channel_id = id;
      // A channel just added has no stored publication yet: it follows the content's date.
      const auto stored =
          std::find_if(content.publications.begin(), content.publications.end(),
                       [&](const storage::ChannelPublicationRecord& r) { return r.channel_id == id; });
      if (stored != content.publications.end()) {
        p.planned_at = stored->planned_at;
        p.published_at = stored->published_at;
        if (p.published_at) {
          p.url = stored->url;
          p.published_by = stored->published_by;
          p.published_by_name = stored->published_by_name;
        }
      }
      p.at = p.planned_at ? p.planned_at : content.publish_at;
      p.late = !p.published_at && p.at && *p.at < now;
      if (p.planned_at) out.has_date = true;
      if (!p.published_at) {
        out.published = false;
        if (p.at && (!out.next_at || *p.at < *out.next_at)) out.next_at = p.at;
      }
      late = late || p.late;
      out.channels.push_back(std::move(p));
    }
  }
  out.state = out.published ? PublicationState::kPublished
              : late        ? PublicationState::kLate
              : out.has_date ? PublicationState::kPlanned
                             : PublicationState::kUnscheduled;
  return out;
}

}  // namespace copydesk::content
