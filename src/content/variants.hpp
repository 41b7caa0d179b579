#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "content/contents.hpp"
#include "core/result.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"
#include "storage/settings_store.hpp"

// A content's channel variants: the cut of its text for one network, kept beside the main text
// and validated with it (docs/variants.md).
namespace copydesk::content {

//! The variants of a content on its channels that have a network, in channel order, with each
//! field's count by the network's counting. `channels` holds at least the content's channels; a
//! variant whose channel left the content or lost its network is not shown.
std::vector<VariantView> VariantsOf(const storage::ContentRecord& content,
                                    const std::vector<storage::ChannelRecord>& channels);

//! The limits its variants break: channel_limit per field, hashtag_limit and mention_limit.
void AddVariantViolations(const storage::ContentRecord& content,
                          const std::vector<storage::ChannelRecord>& channels,
                          std::vector<Violation>& out);

//! "X · Text": how the diff and the exports name a variant's field.
std::string VariantFieldLabel(const std::string& channel_name, const std::string& key);

namespace internal {

//! Checks a write's variants against the content's channels (`channel_ids`, as this write leaves
//! them): each key a channel of the content with a network, each field one of the network's, each
//! visual an image attached to the content. Refused input names the member; nothing is written.
Result<void> CheckVariants(storage::Tx& tx, const storage::ContentRecord& content,
                           const std::vector<std::string>& channel_ids,
                           const boost::json::object& variants);

//! Variants in their one stored form: keys sorted, fields without nulls, and a variant with
//! neither text nor visual dropped (it takes the main text).
boost::json::object NormalizedVariants(const boost::json::object& variants);

}  // namespace internal

}  // namespace copydesk::content
